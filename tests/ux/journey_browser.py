"""Shared pieces of the browser journeys: axe-core from the npm registry (Chromium and screenshots: tests/browser.py)."""
import hashlib
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.browser import SCREENSHOTS, chromium, new_page, shot  # noqa: F401 (re-exported for older imports)

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.10.3"
# sha256 of the registry tarball `npm pack axe-core@4.10.3` (checked before use).
AXE_TARBALL_SHA256 = "0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292"
AXE_CACHE = ROOT / "test-artifacts" / "axe"


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
