"""No bypass: a department editor cannot publish, unpublish, delete or move live pages by any admin path."""
import pytest
from django.urls import reverse
from wagtail.models import Page

from sections.models import ArticlePage

from .moderation_helpers import article_data


@pytest.fixture
def live_item(column, publish, workflows):
    return publish(column("xwzx/xw"), ArticlePage(title="已发布的新闻", slug="live-news", summary="原摘要"))


@pytest.fixture
def editor(users, as_user):
    return as_user(users["xcpx_editor"])


def _still_live(page, parent_id=None, title="已发布的新闻"):
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.title == title
    if parent_id is not None:
        assert page.get_parent().pk == parent_id
    return page


def test_editor_can_edit_in_own_column(editor, live_item):
    """The refusals below are not a lack of access: the editor may edit this page."""
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[live_item.pk]))
    assert response.status_code == 200


def test_publish_from_the_editor_does_not_publish(editor, live_item):
    data = article_data("改过的标题", "live-news")
    data["action-publish"] = "Publish"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[live_item.pk]), data)
    assert response.status_code in (200, 302, 403)
    _still_live(live_item)
    assert Page.objects.get(pk=live_item.pk).specific.live_revision.as_object().title == "已发布的新闻"


def test_editing_a_live_page_runs_the_workflow(editor, live_item):
    data = article_data("更新后的标题", "live-news")
    data["action-submit"] = "Submit"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[live_item.pk]), data)
    assert response.status_code == 302
    page = _still_live(live_item)
    assert page.specific.current_workflow_task.name == "本部门负责人审核"
    assert page.has_unpublished_changes


def test_unpublish_refused(editor, live_item):
    url = reverse("wagtailadmin_pages:unpublish", args=[live_item.pk])
    assert editor.get(url).status_code in (302, 403)
    assert editor.post(url).status_code in (302, 403)
    _still_live(live_item)


def test_delete_refused(editor, live_item):
    url = reverse("wagtailadmin_pages:delete", args=[live_item.pk])
    assert editor.post(url).status_code in (302, 403)
    assert Page.objects.filter(pk=live_item.pk).exists()
    _still_live(live_item)


def test_move_refused(editor, live_item, column):
    parent_id = live_item.get_parent().pk
    target = column("xwzx/tpxw")
    url = reverse("wagtailadmin_pages:move_confirm", args=[live_item.pk, target.pk])
    assert editor.post(url).status_code in (302, 403)
    _still_live(live_item, parent_id=parent_id)


@pytest.mark.parametrize("action", ["delete", "unpublish", "publish", "move"])
def test_bulk_actions_refused(editor, live_item, column, action):
    parent_id = live_item.get_parent().pk
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    data = {"chooser": column("xwzx/tpxw").pk, "include_descendants": "on"}
    response = editor.post(f"{url}?id={live_item.pk}&next=/admin/", data)
    assert response.status_code in (200, 302, 403)
    assert Page.objects.filter(pk=live_item.pk).exists()
    _still_live(live_item, parent_id=parent_id)


def test_a_draft_bulk_publish_refused(editor, column, workflows):
    draft = ArticlePage(title="草稿", slug="draft-bulk", live=False)
    column("xwzx/xw").add_child(instance=draft)
    draft.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    editor.post(f"{url}?id={draft.pk}&next=/admin/", {"include_descendants": "on"})
    assert not Page.objects.get(pk=draft.pk).live


def test_site_administrator_may_unpublish(client, live_item, django_user_model):
    """The same path works for a publisher, so the refusals above are real refusals."""
    admin = django_user_model.objects.create_superuser("root", "root@example.gov.cn", "x-Secret-123")
    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[live_item.pk]))
    assert response.status_code == 302
    assert not Page.objects.get(pk=live_item.pk).live
