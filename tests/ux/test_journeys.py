"""Browser journeys through the demo site, as a reader (desktop and phone) and as editors and reviewers.

They run against a served demo site (the README's first command), because the journeys need its content:
    JOURNEY_BASE_URL=http://127.0.0.1:8765 pytest tests/ux/test_journeys.py -n 0
(.ci/run does this after `setup_demo`). Without JOURNEY_BASE_URL they are skipped, with that reason.
Every public page is checked with axe-core (0 serious or critical violations) and screenshotted to
test-artifacts/screenshots/.
"""
import os
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser import DESKTOP, PHONE, new_page, shot

from .journey_browser import axe_source, serious_violations

pytestmark = pytest.mark.browser
BASE = os.environ.get("JOURNEY_BASE_URL", "").rstrip("/")
PASSWORD = os.environ.get("JOURNEY_DEMO_PASSWORD", "Demo-2026")


@pytest.fixture(scope="module")
def base():
    if not BASE:
        pytest.skip("JOURNEY_BASE_URL is not set: the journeys run against a served demo site (see module docstring)")
    return BASE


@pytest.fixture(scope="module")
def axe_js():
    return axe_source()


def _visit(page, url, name, axe_js, failures):
    response = page.goto(url)
    assert response is not None and response.status < 400, f"{url} -> {response and response.status}"
    shot(page, name)
    found = serious_violations(page, axe_js)
    if found:
        failures.append((url, found))
    return response


def _first_link(page, selector):
    href = page.locator(selector).first.get_attribute("href")
    assert href, f"no link for {selector}"
    return href


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_reader_journey(base, chromium, axe_js, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    page = new_page(chromium, viewport)
    failures = []
    _visit(page, f"{base}/", f"reader-{device}-01-home", axe_js, failures)
    sections = page.eval_on_selector_all(
        "header nav a[href], nav.site-nav a[href], .main-nav a[href]",
        "els => [...new Set(els.map(e => e.getAttribute('href')))]")
    sections = [s for s in sections if re.fullmatch(r"/[a-z0-9-]+/", s or "")]
    assert len(sections) >= 5, sections
    for number, href in enumerate(sections, start=2):
        _visit(page, f"{base}{href}", f"reader-{device}-{number:02d}-section{href.strip('/')}", axe_js, failures)
    _visit(page, f"{base}/xwzx/xw/", f"reader-{device}-10-column", axe_js, failures)
    article = _first_link(page, "main a[href^='/xwzx/xw/']:not([href='/xwzx/xw/'])")
    _visit(page, f"{base}{article}", f"reader-{device}-11-article", axe_js, failures)
    # 政策文件库 lists the policy documents; open the first one.
    _visit(page, f"{base}/zwgk/zfxxgk/zcwj/zcwjk/", f"reader-{device}-12-policy-library", axe_js, failures)
    assert _first_link(page, "main a[href*='/zcwj/shyj-']")
    # A policy page with its interpretation (defect 5: none was public): from 政策互动 to an interpretation,
    # on to the document it interprets, which links back to it.
    _visit(page, f"{base}/zwgk/xxgkml/zchd/", f"reader-{device}-12b-policy-interaction", axe_js, failures)
    interpretation = _first_link(page, "main a[href*='/zchd/zcjd-']")
    _visit(page, f"{base}{interpretation}", f"reader-{device}-12c-interpretation", axe_js, failures)
    policy = _first_link(page, "main a[href*='/shyj-']")
    _visit(page, f"{base}{policy}", f"reader-{device}-13-policy", axe_js, failures)
    assert page.locator(f"main a[href='{interpretation}']").count() >= 1, (policy, interpretation)

    # Search, then a facet, then a sort change: the facet must survive the sort change.
    _visit(page, f"{base}/search/?q=%E5%AE%89%E5%85%A8", f"reader-{device}-14-search", axe_js, failures)
    facet = page.locator(".search-facets a[href*='section=']").first
    facet.click()
    page.wait_for_load_state()
    chosen = parse_qs(urlparse(page.url).query).get("section")
    assert chosen, page.url
    page.select_option("select[name=sort]", "date")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_load_state()
    query = parse_qs(urlparse(page.url).query)
    assert query.get("sort") == ["date"] and query.get("section") == chosen, page.url
    shot(page, f"reader-{device}-15-search-facet-sorted")
    if device == "phone":
        # Results come before the facet links on a phone.
        results_top = page.locator(".search-results").bounding_box()["y"]
        facets_top = page.locator(".search-facets").bounding_box()["y"]
        assert results_top < facets_top

    _visit(page, f"{base}/zh-hant/", f"reader-{device}-16-hant-home", axe_js, failures)
    _visit(page, f"{base}/en/", f"reader-{device}-17-en-home", axe_js, failures)
    page.context.close()
    assert not failures, "\n".join(f"{url}: {found}" for url, found in failures)


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def _news_column_id(page, base):
    page.goto(f"{base}/admin/pages/search/?q=%E6%96%B0%E9%97%BB")
    page.goto(f"{base}/xwzx/xw/")
    return page.evaluate("() => document.body.dataset.pageId || ''")


def test_editor_creates_news_with_only_a_chinese_title_and_removal_is_reviewed(base, chromium):
    page = new_page(chromium, DESKTOP)
    title = f"冬季安全生产检查部署会召开{int(time.time()) % 100000}"
    _login(page, base, "xcpx_editor")
    # The 新闻 column's add-page form, reached from the page explorer as an editor would.
    page.goto(f"{base}/admin/pages/search/?q=%E6%96%B0%E9%97%BB")
    explore = page.locator("a[href*='/admin/pages/']", has_text="新闻").first
    column_id = re.search(r"/admin/pages/(\d+)/", explore.get_attribute("href")).group(1)
    page.goto(f"{base}/admin/pages/add/sections/articlepage/{column_id}/")
    page.fill("#id_title", title)
    page.fill("#id_summary", "部署今冬明春安全生产检查。")
    shot(page, "editor-01-chinese-title-only")
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    shot(page, "editor-02-submitted")
    body = page.content()
    assert "未能创建" not in body and "could not be created" not in body
    assert "已创建并提交审核" in body and title in body
    assert re.search(r"/admin/pages/\d+/edit/", page.url) or "/admin/pages/" in page.url

    # The editor asks to remove a live news item; every reviewer on the way sees 撤除 and the reason.
    listing = page.request.get(f"{base}/admin/api/main/pages/?child_of={column_id}&limit=20").json()
    live = [(item["id"], item["title"], urlparse(item["meta"]["html_url"]).path)
            for item in listing["items"] if item["meta"]["status"]["live"]]
    assert live, listing
    for item_id, item_title, item_path in reversed(live):  # the first live item not already under review
        page.goto(f"{base}/admin/moderation/pages/{item_id}/request-removal/")
        if page.locator("textarea[name=reason]").count():
            break
    else:
        pytest.fail("every live news item is already under review")
    page.fill("textarea[name=reason]", "信息已过时效，依规撤除")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()
    for number, username in enumerate(["xcpx_head", "chushen", "zhongshen"], start=3):
        _login(page, base, username)
        row = page.locator("tr", has=page.locator("[data-removal-notice]")).filter(has_text=item_title).first
        row.wait_for(state="attached")
        assert "撤除" in row.inner_text() and "信息已过时效" in row.inner_text()
        shot(page, f"editor-{number:02d}-{username}-sees-removal")
        row.locator(".actions-container button").first.click()
        row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").first.click()
        page.wait_for_load_state("networkidle")
    # Approved by the whole chain: the item is offline and its address answers 410 with the reason.
    public = page.request.get(f"{base}{item_path}")
    assert public.status == 410 and "信息已过时效" in public.text(), (item_path, public.status)
    shot(page, "editor-06-after-removal")
    page.context.close()
