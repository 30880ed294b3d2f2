"""Demo review queue: at least one item waiting at every workflow step (called by `manage.py setup_demo`).

Idempotent: each demo item has a fixed slug and is created (and moved along
its chain) only when missing.
"""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings

from .setup import ensure_workflows

# slug, column path, editor, title, importance, [(reviewer, action)], is_column
DEMO_ITEMS = [
    ("review-demo-head", "xwzx/xw", "xcpx_editor", "市应急管理局开展第四季度安全生产大检查", "", []),
    ("review-demo-first", "xwzx/xw", "xcpx_editor", "全市应急救援队伍冬季拉练活动启动", "", ["xcpx_head"]),
    ("review-demo-final", "xwzx/xw", "xcpx_editor", "我市举办2026年应急管理科普宣传周活动", "", ["xcpx_head", "chushen"]),
    ("review-demo-leader", "xwzx/xw", "xcpx_editor", "市政府召开全市安全生产和消防工作电视电话会议", "government",
     ["xcpx_head", "chushen", "zhongshen"]),
    ("review-demo-principal", "xwzx/xw", "xcpx_editor", "关于做好今冬明春极端天气防范应对工作的紧急通知", "public_service",
     ["xcpx_head", "chushen", "zhongshen", "fenguan"]),
    ("review-demo-policy-head", "zwgk/zfxxgk/zcwj", "zcfg_editor", "上海市应急管理局关于进一步规范行政执法工作的通知", "", []),
    ("review-demo-confidentiality", "zwgk/zfxxgk/zcwj", "zcfg_editor", "上海市应急管理局2026年度重大行政决策事项目录", "",
     ["zcfg_head", "chushen"]),
    ("review-demo-enforcement", "aqzt/yhpc/gzdt", "zf_editor", "全市开展有限空间作业安全专项检查", "", []),
    ("review-demo-office", "zwgk/ysqgk/slgd", "bgs_editor", "政府信息公开申请受理渠道调整的说明", "", []),
]
NEEDS_CHANGES = ("review-demo-returned", "xwzx/xw", "xcpx_editor", "市应急管理局召开安全生产工作例会", "", ["xcpx_head"],
                 "chushen", "请核实会议时间并补充信息来源。")
# slug, section path, editor, title, approvals before it stops
DEMO_COLUMNS = [
    ("review-demo-column", "xwzx", "xcpx_editor", "应急科普", []),
    ("review-demo-column-leader", "xwzx", "xcpx_editor", "专家解读", ["zhongshen"]),
]

DEMO_CONFIDENTIALITY = {
    "involves_secrets": "no", "involves_privacy": "no", "aggregation_risk": "no", "timing_appropriate": "yes",
    "format_compliant": "yes", "conclusion": "approve", "basis": "《中华人民共和国保守国家秘密法》《政府信息公开条例》",
    "reviewer_name": "办公室公开保密审核员",
}


def load(stdout):
    # Moving demo items along their chains would email every reviewer; keep setup quiet.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _load(stdout)


def _load(stdout):
    workflows = ensure_workflows()
    stdout.write(f"Review workflows: {', '.join(workflows)}.")
    users = {u.username: u for u in get_user_model().objects.filter(username__contains="_") | get_user_model().objects.filter(
        username__in=["chushen", "zhongshen", "baomi", "fenguan", "zhuyao"])}
    if "xcpx_editor" not in users:
        stdout.write("Review demo items skipped: the demo accounts do not exist.")
        return
    created = 0
    for slug, path, editor, title, importance, approvals in DEMO_ITEMS:
        created += _item(users, slug, path, editor, title, importance, approvals)
    slug, path, editor, title, importance, approvals, rejecter, comment = NEEDS_CHANGES
    created += _item(users, slug, path, editor, title, importance, approvals, reject=(rejecter, comment))
    for slug, path, editor, title, approvals in DEMO_COLUMNS:
        created += _column(users, slug, path, editor, title, approvals)
    stdout.write(f"Review demo items: {created} created." if created else "Review demo items: already present.")


def _page_at(path):
    from home.models import HomePage

    page = HomePage.objects.get(depth=2, locale__language_code="zh-hans")
    for part in path.split("/"):
        page = page.get_children().get(slug=part)
    return page.specific


def _item(users, slug, path, editor, title, importance, approvals, reject=None):
    from sections.models import ArticlePage

    parent = _page_at(path)
    if parent.get_children().filter(slug=slug).exists():
        return 0
    page = ArticlePage(
        title=title, slug=slug, importance=importance, live=False, owner=users[editor],
        summary=f"{title}。", body=[("paragraph", f"<p>{title}，现将有关情况报告如下。</p>")],
    )
    return _submit(users, parent, page, editor, approvals, reject)


def _column(users, slug, path, editor, title, approvals):
    from sections.models import ColumnPage

    parent = _page_at(path)
    if parent.get_children().filter(slug=slug).exists():
        return 0
    page = ColumnPage(title=title, slug=slug, live=False, owner=users[editor], intro=f"新增栏目：{title}")
    return _submit(users, parent, page, editor, approvals, None)


@transaction.atomic
def _submit(users, parent, page, editor, approvals, reject):
    parent.add_child(instance=page)
    page.save_revision(user=users[editor])
    page.get_workflow().start(page, users[editor])
    for reviewer in approvals:
        _decide(page, users[reviewer], "approve", comment="同意。")
    if reject:
        _decide(page, users[reject[0]], "reject", comment=reject[1])
    return 1


def _decide(page, user, action, comment):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    extra = {"comment": comment}
    if action == "approve" and task.get_form_for_action("approve").__name__ == "ConfidentialityReviewForm":
        from django.utils import timezone

        extra.update(DEMO_CONFIDENTIALITY, review_date=timezone.localdate())
    task.on_action(task_state, user, action, **extra)
