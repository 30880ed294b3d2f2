"""Department editors work in their own columns only, through the real admin."""
import pytest
from django.urls import reverse
from wagtail.models import Page

from sections.models import ArticlePage
from tests.admin_forms import page_form_data

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("sections", "articlepage", parent.pk))


def create_via_admin(client, parent, title, slug, **extra):
    data = page_form_data(client, add_url(parent), title=title, slug=slug, **extra)
    data.setdefault("body-count", "0")
    return client.post(add_url(parent), data)


@pytest.fixture
def publicity_editor(make_user, client):
    user = make_user("xc_editor", groups=["宣传培训处"])
    client.force_login(user)
    return user


def test_editor_creates_an_item_in_own_column(client, publicity_editor, column):
    news = column("xwzx/xw")
    response = create_via_admin(client, news, "我局召开安全生产工作会议", "aqsc-meeting")
    assert response.status_code == 302, response.content[:2000]
    page = ArticlePage.objects.get(slug="aqsc-meeting")
    assert page.get_parent().pk == news.pk
    assert not page.live
    assert page.owner == publicity_editor
    # The publishing department defaults to the column's responsible department.
    assert page.department.name == "宣传培训处"


def test_editor_edits_own_item(client, publicity_editor, column, publish):
    page = publish(column("xwzx/xw"), ArticlePage(title="旧标题", slug="old-title"))
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = page_form_data(client, url, title="新标题")
    data.setdefault("body-count", "0")
    response = client.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "新标题"
    assert page.title == "旧标题"  # saved as a draft, not published


def test_editor_cannot_publish(client, publicity_editor, column):
    news = column("xwzx/xw")
    data = page_form_data(client, add_url(news), title="直接发布尝试", slug="try-publish")
    data.setdefault("body-count", "0")
    data["action-publish"] = "action-publish"
    client.post(add_url(news), data)
    page = ArticlePage.objects.filter(slug="try-publish").first()
    assert page is None or not page.live
    assert not Page.objects.filter(slug="try-publish", live=True).exists()


@pytest.mark.parametrize("path", ["zwgk/zfxxgk/zcwj", "aqzt/yhpc/gzdt", "djzc"])
def test_editor_is_refused_in_another_departments_column(client, publicity_editor, column, path):
    other = column(path)
    assert client.get(add_url(other)).status_code in (302, 403)
    response = client.post(add_url(other), {"title": "越权", "slug": "overreach", "body-count": "0"})
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.filter(slug="overreach").exists()


def test_editor_cannot_edit_another_departments_item(client, publicity_editor, column, publish):
    page = publish(column("zwgk/zfxxgk/zcwj"), ArticlePage(title="政策文件", slug="policy-x"))
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"title": "篡改", "slug": "policy-x", "body-count": "0"})
    page.refresh_from_db()
    assert page.title == "政策文件"
    assert page.get_latest_revision().as_object().title == "政策文件"


def test_shared_column_is_open_to_every_department(client, make_user, column):
    # 公告/公示 is maintained by 相关处室: any department may write there.
    shared = column("zwgk/xxgkml/gggs")
    for username, group in [("a", "宣传培训处"), ("b", "防灾减灾处")]:
        client.force_login(make_user(username, groups=[group]))
        response = create_via_admin(client, shared, f"{group}公示", f"notice-{username}")
        assert response.status_code == 302
        page = ArticlePage.objects.get(slug=f"notice-{username}")
        # In a shared column the item belongs to its author's department.
        assert page.department.name == group


def test_anonymous_users_are_sent_to_login(client, column):
    response = client.get(add_url(column("xwzx/xw")))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
