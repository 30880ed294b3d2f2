"""错敏词 and personal data at publishing, through the real admin views as the demo roles."""
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import rich_text, streamfield

from inspection.models import WarningAcknowledgement
from tests.moderation.moderation_helpers import act, article_data, current_task_state


def _submit(client, parent, title, slug, body):
    url = reverse("wagtailadmin_pages:add", args=("sections", "articlepage", parent.pk))
    data = article_data(title, slug, body=streamfield([("paragraph", rich_text(f"<p>{body}</p>"))]))
    data["action-submit"] = "Submit"
    return client.post(url, data)


def test_a_blocking_word_stops_the_submission_with_the_finding_in_the_editor(users, as_user, column):
    response = _submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "两岸交流活动举行", "la-an",
                       "台湾总统府发言人表示……")
    assert response.status_code == 200  # the editor is shown again, nothing submitted
    html = response.content.decode()
    assert "台湾总统府" in html and "台湾地区领导人办公室" in html
    assert not Page.objects.filter(slug="la-an").exists()


def test_a_valid_id_number_blocks_and_an_invalid_checksum_does_not(users, as_user, column):
    client = as_user(users["xcpx_editor"])
    response = _submit(client, column("xwzx/xw"), "行政处罚决定", "cf-1", "当事人身份证号11010519491231002X。")
    assert response.status_code == 200
    assert "身份证号" in response.content.decode() and "110***********002X" in response.content.decode()
    response = _submit(client, column("xwzx/xw"), "行政处罚决定", "cf-2", "案号110105194912310021。")
    assert response.status_code == 302
    assert Page.objects.get(slug="cf-2").specific.current_workflow_state is not None


def test_a_warning_must_be_acknowledged_by_the_reviewer_before_approval(users, as_user, column):
    response = _submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "安全检查", "aqjc", "各单位要再接再励。")
    assert response.status_code == 302  # a warning does not stop the submission
    page = Page.objects.get(slug="aqjc").specific
    head = as_user(users["xcpx_head"])
    step = current_task_state(page)

    response = act(head, page, "approve", comment="同意")
    assert current_task_state(page).pk == step.pk  # refused: still at the head's step
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("再接再励" in m for m in messages), messages

    review_url = reverse("inspection:review", args=(step.pk,))
    html = head.get(review_url).content.decode()
    assert "再接再励" in html and "再接再厉" in html
    response = head.post(review_url, {"term": ["typos:再接再励"]})
    assert response.status_code == 302
    ack = WarningAcknowledgement.objects.get(task_state=step)
    assert ack.user == users["xcpx_head"]
    assert PageLogEntry.objects.filter(page=page, action="inspection.warning_acknowledged").exists()

    act(head, page, "approve", comment="同意")
    assert current_task_state(page).task.name == "宣教信息中心初审"


def test_only_a_reviewer_of_the_step_opens_its_check(users, as_user, column):
    _submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "安全检查", "aqjc2", "各单位要再接再励。")
    page = Page.objects.get(slug="aqjc2")
    url = reverse("inspection:review", args=(current_task_state(page).pk,))
    # Wagtail answers a refused admin view with a redirect to the dashboard and an error message.
    for response in (as_user(users["zcfg_head"]).get(url),  # another department's head
                     as_user(users["xcpx_editor"]).post(url, {"term": ["typos:再接再励"]})):
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not WarningAcknowledgement.objects.exists()
    assert as_user(users["xcpx_head"]).get(reverse("inspection:review", args=(999999,))).status_code == 404
