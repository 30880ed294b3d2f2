import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

CONSULTATION_COLUMN = "zwhd/gzhd/caoan"
DRAFT = """上海市安全生产条例（征求意见稿）
第一条 为了加强安全生产工作，制定本条例。
第二条 本市行政区域内的生产经营单位适用本条例。
第三条 市应急管理部门负责全市安全生产工作的综合监督管理。"""


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def department():
    from departments.models import Department

    return lambda name: Department.objects.get(name=name)


@pytest.fixture
def make_consultation(column, publish, department):
    from participation.models import ConsultationPage

    def make(title="关于《上海市安全生产条例（征求意见稿）》公开征求意见的公告", start=-5, end=30, slug=None, **fields):
        fields.setdefault("kind", "other")
        fields.setdefault("draft_text", DRAFT)
        fields.setdefault("department", department("政策法规处"))
        page = ConsultationPage(title=title, slug=slug or f"c-{abs(hash((title, start, end))) % 10**8}",
                                start_date=days(start), end_date=days(end), **fields)
        return publish(column(CONSULTATION_COLUMN), page)

    return make


@pytest.fixture
def staff(make_user):
    """Demo-like accounts: the handling department, another department, a reviewer and the 办公室."""
    from participation.access import grant_handler_permissions

    accounts = {
        "zcfg_editor": ["政策法规处"], "zcfg_head": ["政策法规处负责人"], "xcpx_editor": ["宣传培训处"],
        "chushen": ["宣教信息中心初审"], "bgs_editor": ["办公室"],
    }
    users = {name: make_user(name, groups=groups, email=f"{name}@example.gov.cn") for name, groups in accounts.items()}
    grant_handler_permissions()
    return users


@pytest.fixture
def client_for(client, staff):
    from django.test import Client

    def get(username):
        c = Client()
        c.force_login(staff[username])
        return c

    return get


def add_comment(page, body="建议增加对小微企业的指导。", part=None, label="", status="pending", name="张三丰",
                phone="13912345678", email="zhang@example.com", **extra):
    from participation.models import ParticipationComment

    return ParticipationComment.objects.create(page=page, body=body, part_number=part, part_label=label, status=status,
                                               name=name, phone=phone, email=email, **extra)
