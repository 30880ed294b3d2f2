"""Each review chain driven through the real admin views (workflow action URLs), as each role."""
from django.core import mail
from wagtail.models import Page, PageLogEntry, TaskState

from moderation.models import ConfidentialityReview
from .moderation_helpers import act, confidentiality_form, create_and_submit, current_task_state


def _task_name(page):
    state = current_task_state(page)
    return state.task.name if state else None


def _approve_through(page, steps, users, as_user):
    for role, next_step in steps:
        response = act(as_user(users[role]), page, "approve", comment=f"{role} 同意")
        assert response.status_code == 302
        assert _task_name(page) == next_step, role


def test_news_chain_goes_live_after_head_first_and_final_review(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "全市防汛防台工作会议召开", "fxft-meeting")
    assert not page.live
    assert _task_name(page) == "本部门负责人审核"
    _approve_through(page, [
        ("xcpx_head", "宣教信息中心初审"),
        ("chushen", "宣传培训处复核终审"),
    ], users, as_user)
    page.refresh_from_db()
    assert not page.live
    _approve_through(page, [("zhongshen", None)], users, as_user)
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None


def test_disclosure_chain_needs_the_confidentiality_form(users, as_user, column):
    page = create_and_submit(as_user(users["zcfg_editor"]), column("zwgk/zfxxgk/zcwj"), "关于加强危险化学品安全管理的通知", "whp-notice")
    _approve_through(page, [
        ("zcfg_head", "宣教信息中心初审"),
        ("chushen", "办公室政务公开审核与保密复核"),
    ], users, as_user)
    baomi = as_user(users["baomi"])
    # Plain approval (no form) is refused and changes nothing.
    response = act(baomi, page, "approve", comment="同意")
    assert _task_name(page) == "办公室政务公开审核与保密复核"
    assert not ConfidentialityReview.objects.exists()
    # An inconsistent form (involves secrets, yet approved) is refused too.
    response = act(baomi, page, "approve", **confidentiality_form(involves_secrets="yes"))
    assert _task_name(page) == "办公室政务公开审核与保密复核"
    assert not ConfidentialityReview.objects.exists()
    # A complete form approves and is stored with the approved revision.
    response = act(baomi, page, "approve", **confidentiality_form())
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    review = ConfidentialityReview.objects.get(page=page)
    assert review.revision_id == page.live_revision_id
    assert review.reviewer_name == "王审查" and review.conclusion == "approve"
    assert review.task_state.status == TaskState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(page=page, action="moderation.confidentiality_review").exists()
    # Viewable and printable from the page's records.
    detail = baomi.get(f"/admin/moderation/confidentiality/{review.pk}/")
    assert detail.status_code == 200
    assert "王审查" in detail.content.decode() and "print.css" in detail.content.decode()
    listing = as_user(users["zcfg_editor"]).get(f"/admin/moderation/pages/{page.pk}/confidentiality/")
    assert listing.status_code == 200 and f"/admin/moderation/confidentiality/{review.pk}/" in listing.content.decode()
    # Someone with no business on the page cannot read it.
    assert as_user(users["zf_editor"]).get(f"/admin/moderation/confidentiality/{review.pk}/").status_code in (302, 403)


def test_other_sections_chain(users, as_user, column):
    page = create_and_submit(as_user(users["zf_editor"]), column("aqzt/yhpc/gzdt"), "全市开展燃气安全隐患排查专项行动", "yhpc-45")
    _approve_through(page, [
        ("zf_head", "宣教信息中心初审"),
        ("chushen", "宣传培训处终审"),
        ("zhongshen", None),
    ], users, as_user)
    page.refresh_from_db()
    assert page.live


def test_important_items_wait_for_both_leaders(users, as_user, column):
    page = create_and_submit(
        as_user(users["xcpx_editor"]), column("xwzx/xw"), "市政府召开全市安全生产电视电话会议", "important-1",
        importance="government",
    )
    _approve_through(page, [
        ("xcpx_head", "宣教信息中心初审"),
        ("chushen", "宣传培训处复核终审"),
        ("zhongshen", "分管局领导审批（重要信息）"),
    ], users, as_user)
    page.refresh_from_db()
    assert not page.live
    # The principal leader cannot take the leader-in-charge's step.
    response = act(as_user(users["zhuyao"]), page, "approve")
    assert _task_name(page) == "分管局领导审批（重要信息）"
    _approve_through(page, [("fenguan", "主要领导审批（重要信息）")], users, as_user)
    page.refresh_from_db()
    assert not page.live
    _approve_through(page, [("zhuyao", None)], users, as_user)
    page.refresh_from_db()
    assert page.live


def test_normal_items_skip_the_leaders_and_the_skip_is_logged(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "普通新闻", "normal-1")
    _approve_through(page, [("xcpx_head", "宣教信息中心初审"), ("chushen", "宣传培训处复核终审"), ("zhongshen", None)], users, as_user)
    skipped = PageLogEntry.objects.filter(page=page, action="moderation.step_skipped")
    assert sorted(e.data["task"]["title"] for e in skipped) == ["主要领导审批（重要信息）", "分管局领导审批（重要信息）"]
    states = {s.task.name: s.status for s in TaskState.objects.filter(workflow_state__object_id=str(page.pk))}
    assert states["分管局领导审批（重要信息）"] == TaskState.STATUS_SKIPPED
    assert states["宣传培训处会签（栏目维护）"] == TaskState.STATUS_SKIPPED


def test_request_changes_at_first_review_returns_to_author_with_comment(users, as_user, column):
    mail.outbox.clear()
    editor = as_user(users["xcpx_editor"])
    page = create_and_submit(editor, column("xwzx/xw"), "需要修改的新闻", "needs-changes")
    _approve_through(page, [("xcpx_head", "宣教信息中心初审")], users, as_user)
    mail.outbox.clear()
    response = act(as_user(users["chushen"]), page, "reject", comment="请补充发布单位和时间")
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk).specific
    workflow_state = page.current_workflow_state
    assert workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
    assert workflow_state.current_task_state.comment == "请补充发布单位和时间"
    to_author = [m for m in mail.outbox if users["xcpx_editor"].email in m.to]
    assert to_author and "请补充发布单位和时间" in to_author[0].body
    # The author sees the comment in the editor.
    edit = as_user(users["xcpx_editor"]).get(f"/admin/pages/{page.pk}/edit/")
    assert "请补充发布单位和时间" in edit.content.decode()
    assert not page.live


def test_reviewers_are_emailed_when_a_step_reaches_them(users, as_user, column):
    mail.outbox.clear()
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "通知邮件测试", "mail-1")
    assert any(users["xcpx_head"].email in m.to for m in mail.outbox)
    assert not any(users["zf_head"].email in m.to for m in mail.outbox)
    mail.outbox.clear()
    _approve_through(page, [("xcpx_head", "宣教信息中心初审")], users, as_user)
    assert any(users["chushen"].email in m.to for m in mail.outbox)


def test_first_reviewer_may_edit_during_their_step_only(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "初审编辑测试", "first-edit")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    chushen = as_user(users["chushen"])
    assert chushen.get(edit_url).status_code in (302, 403)  # not their step yet
    act(as_user(users["xcpx_head"]), page, "approve")
    assert chushen.get(edit_url).status_code == 200
    assert as_user(users["baomi"]).get(edit_url).status_code in (302, 403)
