"""A new column that is still empty cannot go live: publishing from the editor and the final 栏目维护
approval are refused through the real admin views; submitting it for review is not."""
from django.urls import reverse
from wagtail.models import Page

from sections.models import ArticlePage
from tests.moderation.moderation_helpers import act, current_task_state

MESSAGE = "还没有已发布的信息或子栏目"


def _column_data(title, slug, action=None):
    data = {
        "title": title, "slug": slug, "department": "", "intro": "新增栏目",
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


def test_publishing_an_empty_new_column_from_the_editor_is_refused(users, as_user, column, make_user, publish):
    admin = as_user(make_user("admin", is_superuser=True))
    parent = column("xwzx/xw")
    add = reverse("wagtailadmin_pages:add", args=("sections", "columnpage", parent.pk))
    response = admin.post(add, _column_data("应急科普专栏", "yjkp", "action-publish"))
    assert response.status_code == 200
    assert MESSAGE in response.content.decode() and "单项否决" in response.content.decode()
    assert not Page.objects.filter(slug="yjkp").exists()

    # Saved as a draft (no check), filled, then published.
    response = admin.post(add, _column_data("应急科普专栏", "yjkp"))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Page.objects.get(slug="yjkp").specific
    edit = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    draft_item = ArticlePage(title="草稿信息", slug="draft-item", summary="摘要", live=False)
    draft.add_child(instance=draft_item)
    draft_item.save_revision()
    assert admin.post(edit, _column_data("应急科普专栏", "yjkp", "action-publish")).status_code == 200
    draft.refresh_from_db()
    assert not draft.live  # a draft item does not count
    publish(draft, ArticlePage(title="科普第一期", slug="kp-1", summary="摘要"))
    response = admin.post(edit, _column_data("应急科普专栏", "yjkp", "action-publish"))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.live


def test_the_final_column_approval_is_refused_while_the_column_is_empty(users, as_user, column, publish):
    editor = as_user(users["xcpx_editor"])
    parent = column("xwzx/xw")
    response = editor.post(reverse("wagtailadmin_pages:add", args=("sections", "columnpage", parent.pk)),
                           _column_data("应急科普专栏", "yjkp", "action-submit"))
    assert response.status_code == 302  # proposing the column is allowed
    page = Page.objects.get(slug="yjkp")
    act(as_user(users["zhongshen"]), page, "approve", comment="会签同意")  # not the last step
    step = current_task_state(page)
    assert step.task.name == "分管局领导审批（栏目维护）"

    response = act(as_user(users["fenguan"]), page, "approve", comment="同意设立")
    assert current_task_state(page).pk == step.pk
    page.refresh_from_db()
    assert not page.live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(MESSAGE in m for m in messages), messages

    publish(page.specific, ArticlePage(title="科普第一期", slug="kp-1", summary="摘要"))
    act(as_user(users["fenguan"]), page, "approve", comment="同意设立")
    page.refresh_from_db()
    assert page.live


def test_edits_of_a_live_column_are_not_refused(users, as_user, column, make_user):
    admin = as_user(make_user("admin", is_superuser=True))
    live = column("xwzx/xw")
    # A live column's emptiness is the nightly rule's finding; renaming it is not blocked.
    from sections.models import ColumnPage

    empty = ColumnPage(title="已上线空栏目", slug="live-empty")
    live.add_child(instance=empty)
    empty.save_revision().publish()
    response = admin.post(reverse("wagtailadmin_pages:edit", args=(empty.pk,)),
                          _column_data("已上线空栏目（改名）", "live-empty", "action-publish"))
    assert response.status_code == 302, response.content.decode()[:2000]
