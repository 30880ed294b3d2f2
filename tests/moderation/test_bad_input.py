"""Approving twice, acting on a cancelled workflow, forged task ids: a clear error, nothing changed."""
from django.contrib.messages import get_messages
from wagtail.models import PageLogEntry, TaskState

from .moderation_helpers import act, create_and_submit, current_task_state


def _messages(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def _snapshot(page):
    return (
        list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        PageLogEntry.objects.filter(page=page).count(),
    )


def test_approving_twice(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "重复审批测试", "twice")
    head = as_user(users["xcpx_head"])
    first_state = current_task_state(page)
    act(head, page, "approve", task_state_id=first_state.pk)
    before = _snapshot(page)
    response = act(head, page, "approve", task_state_id=first_state.pk)
    assert response.status_code == 302
    assert "已" in _messages(response) or "already" in _messages(response)
    assert _snapshot(page) == before


def test_acting_on_a_cancelled_workflow(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "撤回测试", "cancelled")
    state = current_task_state(page)
    page.current_workflow_state.cancel(user=users["xcpx_editor"])
    before = _snapshot(page)
    response = act(as_user(users["xcpx_head"]), page, "approve", task_state_id=state.pk)
    assert response.status_code == 302
    assert _messages(response)
    assert _snapshot(page) == before
    page.refresh_from_db()
    assert not page.live


def test_forged_task_state_ids(users, as_user, column):
    editor = as_user(users["xcpx_editor"])
    page_a = create_and_submit(editor, column("xwzx/xw"), "页面甲", "page-a")
    page_b = create_and_submit(editor, column("xwzx/xw"), "页面乙", "page-b")
    head = as_user(users["xcpx_head"])
    before_a, before_b = _snapshot(page_a), _snapshot(page_b)
    # Task state of page B posted against page A.
    response = act(head, page_a, "approve", task_state_id=current_task_state(page_b).pk)
    assert response.status_code == 302 and _messages(response)
    # A task state id that does not exist.
    response = act(head, page_a, "approve", task_state_id=99999999)
    assert response.status_code == 302 and _messages(response)
    # An unknown action name.
    response = act(head, page_a, "publish-now", task_state_id=current_task_state(page_a).pk)
    assert response.status_code in (302, 403)
    assert _snapshot(page_a) == before_a and _snapshot(page_b) == before_b
