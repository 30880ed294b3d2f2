"""Defect 13: the review progress of an ordinary item shows only its own chain, not the 栏目维护 or
important-item steps that the section's workflow also holds."""
import re

from django.urls import reverse
from wagtail.models import Page

from .moderation_helpers import act, create_and_submit

NEWS_CHAIN = ["本部门负责人审核", "宣教信息中心初审", "宣传培训处复核终审"]
NOT_FOR_ORDINARY_ITEMS = ("栏目维护", "重要信息")


def _timeline(html):
    """The step names of the editor's 审核进度 timeline (Wagtail's workflow status dialog)."""
    timeline = re.search(r'<ol class="workflow-timeline">(.*?)</ol>', html, re.S).group(1)
    return [name for name in NEWS_CHAIN + ["宣传培训处会签（栏目维护）", "分管局领导审批（栏目维护）",
                                           "分管局领导审批（重要信息）", "主要领导审批（重要信息）"] if name in timeline]


def test_ordinary_news_item_progress_shows_only_its_chain(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "进度条新闻", "progress-news")
    state = Page.objects.get(pk=page.pk).current_workflow_state
    assert [t.name for t in state.all_tasks_with_status()] == NEWS_CHAIN
    assert [t.name for t in state.all_tasks_with_state()] == NEWS_CHAIN

    head = as_user(users["xcpx_head"])
    html = head.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert _timeline(html) == NEWS_CHAIN

    act(head, page, "approve", comment="同意")
    act(as_user(users["chushen"]), page, "approve", comment="同意")
    dashboard = as_user(users["zhongshen"]).get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    row = re.search(r"<tr>(?:(?!</tr>).)*进度条新闻.*?</tr>", dashboard, re.S).group(0)
    tasks_cell = re.search(r'<td class="tasks">(.*?)</td>', row, re.S).group(1)
    assert tasks_cell.count("data-w-tooltip-content-value") == 3, tasks_cell
    assert not any(word in tasks_cell for word in NOT_FOR_ORDINARY_ITEMS), tasks_cell

    act(as_user(users["zhongshen"]), page, "approve", comment="同意")
    page.refresh_from_db()
    assert page.live
    history = Page.objects.get(pk=page.pk).workflow_states.get()
    assert [t.name for t in history.all_tasks_with_status()] == NEWS_CHAIN  # skipped steps are left out too


def test_important_item_and_column_keep_their_steps(users, as_user, column):
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "重要进度新闻", "progress-important",
                             importance="government")
    state = Page.objects.get(pk=page.pk).current_workflow_state
    assert [t.name for t in state.all_tasks_with_status()] == NEWS_CHAIN + [
        "分管局领导审批（重要信息）", "主要领导审批（重要信息）"]

    editor = as_user(users["xcpx_editor"])
    url = reverse("wagtailadmin_pages:add", args=("sections", "columnpage", column("xwzx/xw").pk))
    response = editor.post(url, {
        "title": "进度栏目", "slug": "progress-column", "department": "", "intro": "新增栏目",
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000", "action-submit": "Submit",
    })
    assert response.status_code == 302
    state = Page.objects.get(slug="progress-column").current_workflow_state
    assert [t.name for t in state.all_tasks_with_status()] == ["宣传培训处会签（栏目维护）", "分管局领导审批（栏目维护）"]
