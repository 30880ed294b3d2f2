"""本部门负责人审核 is decided only by heads of the page's own department."""
from .moderation_helpers import act, create_and_submit, current_task_state


def test_wrong_department_head_neither_sees_nor_approves(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "部门范围测试", "dept-scope")
    state = current_task_state(page)
    assert state.specific.department.name == "宣传培训处"

    other = as_user(users["zf_head"])
    dashboard = other.get("/admin/")
    assert dashboard.status_code == 200
    assert "部门范围测试" not in dashboard.content.decode()
    response = act(other, page, "approve", comment="越权")
    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert current_task_state(page).pk == state.pk

    own = as_user(users["xcpx_head"])
    assert "部门范围测试" in own.get("/admin/").content.decode()
    act(own, page, "approve")
    state.refresh_from_db()
    assert state.status == "approved"
    assert state.finished_by == users["xcpx_head"]


def test_editor_cannot_approve_own_submission(users, as_user, column):
    editor = as_user(users["xcpx_editor"])
    page = create_and_submit(editor, column("xwzx/xw"), "自审测试", "self-approve")
    act(editor, page, "approve")
    assert current_task_state(page).task.name == "本部门负责人审核"
    assert current_task_state(page).status == "in_progress"
