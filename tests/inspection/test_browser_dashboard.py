"""The inspection dashboards in a real Chromium, desktop and phone widths (screenshots for review)."""
import datetime

import pytest

from tests.moderation.test_browser_workflow import PASSWORD, _login, _shot


@pytest.mark.browser
def test_dashboards_render_on_desktop_and_phone(transactional_db, live_server, browser_page, site_tree, make_user,
                                                column, publish):
    from inspection.profile import run_profile
    from sections.models import ArticlePage

    make_user("chushen", groups=["宣教信息中心初审"], password=PASSWORD)
    make_user("xcpx_editor", groups=["宣传培训处"], password=PASSWORD)
    publish(column("xwzx/xw"), ArticlePage(title="全市安全生产工作会议召开", slug="b-news", summary="各单位要再接再励。",
                                            display_date=datetime.datetime(2026, 10, 25, 2, tzinfo=datetime.timezone.utc)))
    for day in range(1, 4):
        run_profile(today=datetime.date(2026, 11, day))
    page = browser_page
    base = live_server.url
    _login(page, base, "chushen")
    for width, suffix in ((1400, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{base}/admin/inspection/")
        assert page.locator(".inspection-light").count() == 7
        assert page.get_by_text("单项否决指标").first.is_visible()
        _shot(page, f"inspection-overview-{suffix}")
    _login(page, base, "xcpx_editor")
    for width, suffix in ((1400, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{base}/admin/inspection/")
        assert "/admin/inspection/departments/xcpxc/" in page.url
        assert page.get_by_text("再接再励").first.is_visible()
        _shot(page, f"inspection-department-{suffix}")
