"""Workflow actions taken from the page editor's footer (Wagtail's edit view), including hostile posts."""
import json

from django.urls import reverse

from moderation.models import ConfidentialityReview
from .moderation_helpers import act, article_data, confidentiality_form, create_and_submit, current_task_state


def _at_confidentiality_step(users, as_user, column, slug):
    page = create_and_submit(as_user(users["zcfg_editor"]), column("zwgk/zfxxgk/zcwj"), "编辑页审批测试", slug)
    act(as_user(users["zcfg_head"]), page, "approve")
    act(as_user(users["chushen"]), page, "approve")
    assert current_task_state(page).task.name == "办公室政务公开审核与保密复核"
    return page


def _edit_post(client, page, extra_data):
    data = article_data("编辑页审批测试", page.slug)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    if extra_data is not None:
        data["workflow-action-extra-data"] = extra_data
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_confidentiality_form_through_the_editor_modal(users, as_user, column):
    page = _at_confidentiality_step(users, as_user, column, "edit-modal")
    baomi = as_user(users["baomi"])
    state = current_task_state(page)
    collect = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", state.pk])
    modal = baomi.get(collect, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert modal.status_code == 200 and "involves_secrets" in modal.content.decode()
    response = baomi.post(collect, confidentiality_form(), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    cleaned = json.loads(response.content)["cleaned_data"]
    response = _edit_post(baomi, page, json.dumps(cleaned))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert ConfidentialityReview.objects.get(page=page).reviewer_name == "王审查"


def test_editor_footer_approval_without_form_is_refused(users, as_user, column):
    page = _at_confidentiality_step(users, as_user, column, "edit-no-form")
    baomi = as_user(users["baomi"])
    for extra in (None, "{}", json.dumps({"comment": "同意"}), json.dumps(confidentiality_form(aggregation_risk="yes"))):
        response = _edit_post(baomi, page, extra)
        assert response.status_code in (302, 403)
        assert current_task_state(page).task.name == "办公室政务公开审核与保密复核"
        assert current_task_state(page).status == "in_progress"
    page.refresh_from_db()
    assert not page.live
    assert not ConfidentialityReview.objects.exists()


def test_malformed_workflow_data_from_the_editor_is_refused(users, as_user, column):
    page = _at_confidentiality_step(users, as_user, column, "edit-bad-json")
    baomi = as_user(users["baomi"])
    for extra in ("not-json", "[1, 2]", "\"text\"", "{" * 30000):
        response = _edit_post(baomi, page, extra)
        assert response.status_code == 302
        assert current_task_state(page).status == "in_progress"
    assert not ConfidentialityReview.objects.exists()


def test_empty_reviewer_name_signs_with_the_reviewers_account(users, as_user, column):
    """Seen in the browser: the modal refused an empty 审查人 (此项为必填项) although the reviewer is logged in."""
    page = _at_confidentiality_step(users, as_user, column, "edit-modal-own-name")
    baomi = as_user(users["baomi"])
    users["baomi"].first_name, users["baomi"].last_name = "审查", "李"
    users["baomi"].save()
    state = current_task_state(page)
    collect = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", state.pk])
    modal = json.loads(baomi.get(collect, HTTP_X_REQUESTED_WITH="XMLHttpRequest").content)["html"]
    assert "留空则以您账号的姓名署名" in modal
    response = baomi.post(collect, confidentiality_form(reviewer_name="  "), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    cleaned = json.loads(response.content)["cleaned_data"]
    assert _edit_post(baomi, page, json.dumps(cleaned)).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert ConfidentialityReview.objects.get(page=page).reviewer_name == users["baomi"].get_full_name()
