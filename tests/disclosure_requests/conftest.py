import pytest


@pytest.fixture
def office(make_user):
    """The handling roles of 办公室 and one user outside them."""
    return {
        "editor": make_user("bgs_editor_t", groups=["办公室"], email="bgs_editor_t@example.gov.cn"),
        "head": make_user("bgs_head_t", groups=["办公室负责人"], email="bgs_head_t@example.gov.cn"),
        "outsider": make_user("zcfg_editor_t", groups=["政策法规处"], email="zcfg@example.gov.cn"),
        "outsider_head": make_user("zcfg_head_t", groups=["政策法规处负责人"]),
    }
