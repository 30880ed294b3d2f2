"""One news item from an editor's draft to live through every review step, in a real Chromium."""
import pytest

from tests.browser import shot as _shot
PASSWORD = "pass-for-tests-1"
TITLE = "全市应急管理系统冬季安全生产工作会议召开"


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.mark.browser
def test_news_item_from_draft_to_live(transactional_db, live_server, browser_page, site_tree, make_user):
    from moderation.setup import ensure_workflows
    from sections.models import ArticlePage
    from wagtail.models import Page

    ensure_workflows()
    accounts = {
        "xcpx_editor": ["宣传培训处"], "xcpx_head": ["宣传培训处负责人"], "chushen": ["宣教信息中心初审"],
        "zhongshen": ["宣传培训处终审复核"], "fenguan": ["分管局领导"], "zhuyao": ["主要领导"],
    }
    for username, groups in accounts.items():
        make_user(username, groups=groups, password=PASSWORD, email=f"{username}@example.gov.cn")
    news = site_tree.get_children().get(slug="xwzx").get_children().get(slug="xw")
    base = live_server.url
    page = browser_page

    # The editor writes a draft marked as important and submits it.
    _login(page, base, "xcpx_editor")
    page.goto(f"{base}/admin/pages/add/sections/articlepage/{news.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "会议部署今冬明春安全生产重点工作。")
    page.select_option("#id_importance", "government")
    page.get_by_role("tab", name="推荐").click()
    page.fill("#id_slug", "winter-safety-meeting")
    page.get_by_role("tab", name="内容").click()
    _shot(page, "01-editor-draft")
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(f"{base}/admin/pages/**")
    _shot(page, "02-submitted")
    item = Page.objects.get(slug="winter-safety-meeting").specific
    assert isinstance(item, ArticlePage) and not item.live
    assert item.current_workflow_task.name == "本部门负责人审核"

    steps = [
        ("xcpx_head", "本部门负责人审核"),
        ("chushen", "宣教信息中心初审"),
        ("zhongshen", "宣传培训处复核终审"),
        ("fenguan", "分管局领导审批（重要信息）"),
        ("zhuyao", "主要领导审批（重要信息）"),
    ]
    for number, (username, task_name) in enumerate(steps, start=3):
        item = Page.objects.get(pk=item.pk).specific
        assert item.current_workflow_task.name == task_name
        _login(page, base, username)
        _shot(page, f"{number:02d}-{username}-dashboard")
        row = page.locator("tr", has=page.locator("button[data-workflow-action-url]")).filter(has_text=TITLE)
        row.wait_for(state="attached")
        row.locator(".actions-container button").first.click()
        row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
        page.wait_for_load_state("networkidle")
        state = Page.objects.get(pk=item.pk).specific.current_workflow_task
        assert state is None or state.name != task_name, f"{username} could not approve {task_name}"

    item = Page.objects.get(pk=item.pk)
    assert item.live
    page.goto(f"{base}{item.specific.url}")
    assert TITLE in page.content()
    _shot(page, "08-live")
