"""Issue 18, failure 4: nobody approves a step of their own submission (four-eyes review).

Decision: the step stays with the role's other members and the submitter is refused with a message;
it is not re-routed to another role."""
import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from tests.moderation.moderation_helpers import act, create_and_submit, current_task_state

pytestmark = pytest.mark.django_db


def test_department_head_cannot_approve_own_submission(client, users, make_user, column):
    head = users["xcpx_head"]
    client.force_login(head)
    page = create_and_submit(client, column("xwzx/xw"), "负责人自己提交的稿件", "own-submission")
    state = current_task_state(page)
    assert state.task.specific.__class__.__name__ == "DepartmentHeadTask"
    # Not in the submitter's queue, no approve button, and a direct POST is refused.
    assert not state.task.specific.get_task_states_user_can_moderate(head).filter(pk=state.pk).exists()
    assert state.task.specific.get_actions(page, head) == []
    response = act(client, page, "approve", comment="自己批准")
    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    # Another head of the same department decides it.
    other = make_user("xcpx_head_2", groups=["宣传培训处负责人"])
    assert state.task.specific.get_task_states_user_can_moderate(other).filter(pk=state.pk).exists()
    assert head not in state.task.specific.approvers(state)
    client.force_login(other)
    act(client, page, "approve", comment="同意")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by == other


def test_reviewer_cannot_approve_a_later_step_of_own_submission(client, users, column):
    # A first reviewer who is also an editor of 宣传培训处 submits; the 初审 step is not theirs to decide.
    reviewer = users["chushen"]
    reviewer.groups.add(Group.objects.get(name="宣传培训处"))
    client.force_login(reviewer)
    page = create_and_submit(client, column("xwzx/xw"), "初审人员自己提交的稿件", "own-review")
    client.force_login(users["xcpx_head"])
    act(client, page, "approve", comment="同意")
    state = current_task_state(page)
    assert state.task.name.startswith("宣教信息中心初审") or "初审" in state.task.name
    client.force_login(reviewer)
    act(client, page, "approve", comment="自己批准")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert not state.task.specific.get_task_states_user_can_moderate(reviewer).filter(pk=state.pk).exists()
