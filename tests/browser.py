"""The one Chromium every browser test uses (Debian's package, driven by Playwright), and its screenshots.

Registered for the whole suite by tests/conftest.py (pytest_plugins), so a test asks for `chromium` (the
browser, one per module) or `browser_page` (a fresh desktop page).
"""
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}; browser test skipped")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Playwright's sync API keeps an event loop running in this thread while the browser is open, so
    # Django's ORM calls in the test need this; restored afterwards, so later tests (and the
    # subprocesses they start, e.g. `check --deploy`) never inherit it.
    with pytest.MonkeyPatch.context() as env, sync_playwright() as p:
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A desktop page in a context of its own (no cookies shared with other tests)."""
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page
    context.close()


def new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport is PHONE,
                                  has_touch=viewport is PHONE, **options)
    page = context.new_page()
    page.set_default_timeout(30000)
    return page


def shot(page, name, full_page=True):
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
