import pytest
from django.contrib.auth import get_user_model

from departments.models import Department

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client, site_tree):
    user = get_user_model().objects.create_superuser("root", "root@example.gov.cn", "pw-for-tests-1")
    client.force_login(user)
    return user


def test_admin_lists_departments_and_roles(client, superuser):
    html = client.get("/admin/departments/").content.decode()
    for name in ["宣传培训处", "各区应急管理局", "市安科所", "相关处室"]:
        assert name in html
    assert "宣教信息中心初审" in client.get("/admin/review_roles/").content.decode()


def test_departments_are_read_only_in_the_admin(client, superuser):
    department = Department.objects.get(name="办公室")
    assert client.get("/admin/departments/add/").status_code == 404
    response = client.post(f"/admin/departments/edit/{department.pk}/", {"name": "改名"})
    assert response.status_code in (302, 403, 404)
    department.refresh_from_db()
    assert department.name == "办公室"


def test_editors_cannot_see_the_organisation_admin(client, make_user, site_tree):
    client.force_login(make_user("ed", groups=["宣传培训处"]))
    assert client.get("/admin/departments/").status_code in (302, 403)
