"""Fixtures for the moderation tests: workflows, one user per review role and admin-form helpers."""
import pytest

ROLE_GROUPS = {
    "xcpx_editor": ["宣传培训处"],
    "xcpx_head": ["宣传培训处负责人"],
    "zcfg_editor": ["政策法规处"],
    "zcfg_head": ["政策法规处负责人"],
    "zf_editor": ["安全生产执法监察处"],
    "zf_head": ["安全生产执法监察处负责人"],
    "chushen": ["宣教信息中心初审"],
    "zhongshen": ["宣传培训处终审复核"],
    "baomi": ["办公室政务公开审核与保密复核"],
    "fenguan": ["分管局领导"],
    "zhuyao": ["主要领导"],
}


@pytest.fixture
def workflows(site_tree):
    from moderation.setup import ensure_workflows

    return ensure_workflows()


@pytest.fixture
def users(make_user, workflows):
    return {
        name: make_user(name, groups=groups, email=f"{name}@example.gov.cn", first_name=name)
        for name, groups in ROLE_GROUPS.items()
    }


@pytest.fixture
def as_user(db):
    """A test client logged in as the user (one client per user): as_user(users["chushen"])."""
    from django.test import Client

    clients = {}

    def login(user):
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        return clients[user.pk]

    return login




def pytest_collection_modifyitems(session, config, items):
    """Run browser tests last: their transactional database flush would otherwise force a tree reload per test."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
