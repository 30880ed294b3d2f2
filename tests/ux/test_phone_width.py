"""On a phone the pages fit the screen: no sideways scrolling, long titles wrap.

The phone rule that lets listing titles wrap was less specific than the desktop rule that keeps them on
one line, and the home grid's track took the width of its longest title: the home page was 716 px wide
on a 390 px phone (seen in the demo, Chinese and English)."""
import pytest

from sections.models import ArticlePage
from tests.browser import PHONE, new_page, shot

pytestmark = pytest.mark.browser

LONG = "关于做好2026年度全市危险化学品企业安全生产许可证延期换证和安全评价报告备案工作的通知"


@pytest.mark.parametrize("path", ["/", "/xwzx/", "/xwzx/xw/"])
def test_pages_fit_a_phone_screen(transactional_db, live_server, site_tree, column, publish, chromium, path):
    for n in range(3):
        publish(column("xwzx/xw"), ArticlePage(title=f"{LONG}{n}", slug=f"long-{n}"))
    page = new_page(chromium, PHONE)
    page.goto(f"{live_server.url}{path}")
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, f"phone-width{path.replace('/', '-') or '-home'}")
    title = page.locator(".item-list li > a", has_text=LONG).first.bounding_box()
    page.context.close()
    assert width <= PHONE["width"], f"{path} is {width} px wide on a {PHONE['width']} px phone"
    assert title["height"] > 30, title  # the long title wraps onto more than one line
