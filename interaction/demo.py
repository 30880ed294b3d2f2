"""Demo letters in every state in every letter channel (called by ``setup_demo``; idempotent)."""
import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from core.demo_accounts import DEMO_PASSWORD
from departments.models import Department

from . import workflow
from .models import Channel, Letter, LetterType, Rating
from .setup import ensure_letter_types

# Extra demo accounts for 宣教信息中心, which receives 网站找错 letters.
EXTRA_ACCOUNTS = [("xjxx_editor", "宣教信息中心编辑", "宣教信息中心"), ("xjxx_head", "宣教信息中心负责人", "宣教信息中心负责人")]

# (state, title, body, days ago)
STORIES = [
    ("new", "咨询安全生产培训报名方式", "请问企业主要负责人安全生产培训在哪里报名？", 0),
    ("accepted", "建议增加危化品运输检查频次", "近期看到危化品运输车辆较多，建议加强检查。", 1),
    ("assigned", "关于应急预案备案的问题", "企业应急预案修订后需要重新备案吗？", 2),
    ("replied", "安全生产许可证延期办理时间", "安全生产许可证到期前多久可以申请延期？", 6),
    ("overdue", "小区消防通道被占用", "小区消防通道长期被车辆占用，希望有关部门处理。", 40),
    ("rated", "防汛物资储备点在哪里", "想了解本区防汛物资储备点的位置。", 12),
]
ANSWER = "您好！来信收悉。经研究答复如下：相关事项请参照本局网站公布的办事指南办理，如有疑问可拨打咨询电话。感谢您的关注。"


def _user(username):
    return get_user_model().objects.filter(username=username).first() or get_user_model().objects.filter(
        is_superuser=True).first()


def _member(group_name, fallback):
    user = get_user_model().objects.filter(groups__name=group_name, is_active=True).order_by("pk").first()
    return user or fallback


def _ensure_accounts():
    User = get_user_model()
    created = []
    for username, display, group in EXTRA_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, first_name=display,
                                            email=f"{username}@example.gov.cn")
            created.append(username)
        group = Group.objects.filter(name=group).first()
        if group:
            user.groups.add(group)
    return created


def _policy_page():
    return (Page.objects.live().public().filter(content_type__app_label="policy",
                                                content_type__model="policydocumentpage")
            .order_by("pk").specific().first())


def load(stdout):
    types = ensure_letter_types()
    accounts = _ensure_accounts()
    admin = _user("admin")
    made = 0
    policy_page = _policy_page()
    for channel, code in ((Channel.MAILBOX, "jzxx-zx"), (Channel.CONSULTATION, "zxzx"), (Channel.POLICY, "zcly"),
                          (Channel.SITE_ERROR, "wzzc")):
        letter_type = LetterType.objects.filter(code=code).first()
        if letter_type is None or (channel == Channel.POLICY and policy_page is None):
            continue
        for state, title, body, days_ago in STORIES:
            title = f"{title}" if channel != Channel.SITE_ERROR else f"网页问题：{title}"
            if Letter.objects.filter(letter_type=letter_type, title=title).exists():
                continue
            _story(letter_type, state, title, body, days_ago, policy_page if channel == Channel.POLICY else None,
                   admin)
            made += 1
    stdout.write(f"Letters: {len(types)} letter types and {made} demo letters created"
                 + (f"; accounts {', '.join(accounts)}" if accounts else ""))


def _story(letter_type, state, title, body, days_ago, page, admin):
    received = timezone.now() - datetime.timedelta(days=days_ago)
    letter, _code = workflow.submit(letter_type, title=title, body=body, name="李四", phone="13800000000",
                                    email="lisi@example.com", allow_publish=True, page=page, received=received)
    if state == "new":
        return letter
    receiver = _member(letter_type.receiving_group.name, admin) if letter_type.receiving_group else admin
    if state == "overdue":
        workflow.accept(receiver, letter)
        return letter
    workflow.accept(receiver, letter)
    if state == "accepted":
        return letter
    department = letter.department or letter_type.default_department or Department.objects.get(key="zcfgc")
    workflow.assign(receiver, letter, department, "请按职责办理")
    if state == "assigned":
        return letter
    editor = _member(department.group.name, admin) if department.group else admin
    head = _member(department.head_group.name, admin) if department.head_group else admin
    workflow.draft(editor, letter, ANSWER)
    workflow.approve(head, letter, "同意")
    letter.refresh_from_db()
    if letter.can_be_published:
        workflow.publish(receiver, letter)
    if state == "rated":
        workflow.rate(letter, Rating.SATISFIED)
    return letter
