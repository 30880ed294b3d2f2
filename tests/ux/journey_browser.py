"""Shared pieces of the browser journeys: Chromium, screenshots and axe-core from the npm registry."""
import hashlib
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_VERSION = "4.10.3"
# sha256 of the registry tarball `npm pack axe-core@4.10.3` (checked before use).
AXE_TARBALL_SHA256 = "0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292"
AXE_CACHE = ROOT / "test-artifacts" / "axe"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}


def axe_source():
    """axe.min.js from the pinned npm tarball (downloaded once with `npm pack`, hash-checked)."""
    script = AXE_CACHE / f"axe-{AXE_VERSION}.min.js"
    if script.exists():
        return script.read_text(encoding="utf-8")
    AXE_CACHE.mkdir(parents=True, exist_ok=True)
    tarball = AXE_CACHE / f"axe-core-{AXE_VERSION}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm not found: cannot fetch axe-core from the npm registry; accessibility checks skipped")
        subprocess.run([npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", str(AXE_CACHE)],
                       check=True, capture_output=True, timeout=180)
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != AXE_TARBALL_SHA256:
        tarball.unlink()
        raise AssertionError(f"axe-core tarball hash mismatch: {digest}")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/axe.min.js")
        script.write_bytes(member.read())
    return script.read_text(encoding="utf-8")


def serious_violations(page, axe_js):
    """Run axe-core on the loaded page; return the serious and critical violations (id, impact, targets)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: an injected <script> would be an inline script,
        # which the site's Content-Security-Policy (script-src 'self') rightly blocks.
        page.evaluate(axe_js + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


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


def new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport is PHONE,
                                  has_touch=viewport is PHONE)
    page = context.new_page()
    page.set_default_timeout(30000)
    return page


def shot(page, name, full_page=True):
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
