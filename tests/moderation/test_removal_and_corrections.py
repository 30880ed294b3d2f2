"""Updates, corrections and removals (更新、更正、删除) through the review chain."""
import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from moderation.models import CorrectionNote, RemovalRequest
from sections.models import ArticlePage

from .moderation_helpers import act, article_data, current_task_state


@pytest.fixture
def live_item(column, publish, workflows):
    return publish(column("xwzx/xw"), ArticlePage(title="待撤稿的新闻", slug="to-remove", summary="摘要"))


def _approve_news_chain(page, users, as_user):
    for role in ("xcpx_head", "chushen", "zhongshen"):
        response = act(as_user(users[role]), page, "approve", comment="同意")
        assert response.status_code == 302


def test_removal_is_reviewed_then_answers_410_with_reason(users, as_user, live_item, client):
    editor = as_user(users["xcpx_editor"])
    url = reverse("moderation:request_removal", args=[live_item.pk])
    assert editor.get(url).status_code == 200
    # A reason is required.
    response = editor.post(url, {"reason": ""})
    assert response.status_code == 200
    assert not RemovalRequest.objects.exists()
    response = editor.post(url, {"reason": "信息已过时效，<b>依规撤稿</b>"})
    assert response.status_code == 302
    removal = RemovalRequest.objects.get(page=live_item)
    assert removal.status == "pending"
    page = Page.objects.get(pk=live_item.pk)
    assert page.live  # still live while under review
    assert current_task_state(page).task.name == "本部门负责人审核"

    _approve_news_chain(page, users, as_user)
    page.refresh_from_db()
    removal.refresh_from_db()
    assert not page.live
    assert removal.status == "removed" and removal.removed_at
    actions = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))
    assert actions.index("moderation.removal_requested") < actions.index("wagtail.unpublish") < actions.index("moderation.removed")

    public = client.get("/xwzx/xw/to-remove/")
    assert public.status_code == 410
    body = public.content.decode()
    assert "信息已过时效" in body and "<b>依规撤稿</b>" not in body  # escaped
    # Unknown addresses still answer 404.
    assert client.get("/xwzx/xw/never-existed/").status_code == 404


def test_removal_request_refused_to_other_departments(users, as_user, live_item):
    url = reverse("moderation:request_removal", args=[live_item.pk])
    assert as_user(users["zf_editor"]).post(url, {"reason": "越权"}).status_code in (302, 403)
    assert not RemovalRequest.objects.exists()


def test_removal_request_oversized_reason(users, as_user, live_item):
    url = reverse("moderation:request_removal", args=[live_item.pk])
    response = as_user(users["xcpx_editor"]).post(url, {"reason": "长" * 5000})
    assert response.status_code == 200
    assert not RemovalRequest.objects.exists()


def test_cancelled_removal_leaves_page_live(users, as_user, live_item):
    url = reverse("moderation:request_removal", args=[live_item.pk])
    as_user(users["xcpx_editor"]).post(url, {"reason": "撤稿"})
    page = Page.objects.get(pk=live_item.pk).specific
    page.current_workflow_state.cancel(user=users["xcpx_editor"])
    assert RemovalRequest.objects.get().status == "cancelled"
    assert Page.objects.get(pk=live_item.pk).live


def test_correction_note_goes_through_review_and_is_shown(users, as_user, live_item, client):
    editor = as_user(users["xcpx_editor"])
    from wagtail.test.utils.form_data import inline_formset

    data = article_data("待撤稿的新闻", "to-remove", summary="更正后的摘要",
                        correction_notes=inline_formset([{"date": "2026-11-20", "note": "更正了发布时间。"}]))
    data["action-submit"] = "Submit"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[live_item.pk]), data)
    assert response.status_code == 302
    assert "更正了发布时间" not in client.get("/xwzx/xw/to-remove/").content.decode()
    _approve_news_chain(Page.objects.get(pk=live_item.pk), users, as_user)
    assert CorrectionNote.objects.filter(page_id=live_item.pk).count() == 1
    body = client.get("/xwzx/xw/to-remove/").content.decode()
    assert "更正了发布时间" in body and "2026-11-20" in body
    assert PageLogEntry.objects.filter(page_id=live_item.pk, action="moderation.correction").count() == 1


def test_request_removal_is_offered_to_the_editor_only(users, as_user, live_item):
    url = reverse("moderation:request_removal", args=[live_item.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[live_item.pk])
    assert url in as_user(users["xcpx_editor"]).get(edit).content.decode()
