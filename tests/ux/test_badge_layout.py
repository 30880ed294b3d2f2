"""Defect 4: the 办 badge stays a small circle in listings and the title keeps its width (desktop and phone)."""
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from tests.browser import SCREENSHOTS, new_page

CSS = Path(__file__).resolve().parents[2] / "site" / "static" / "css" / "site.css"


@pytest.mark.browser
@pytest.mark.parametrize("width", [1400, 390])
def test_service_badge_is_round_and_title_not_squeezed(chromium, width):  # noqa: F811
    item = SimpleNamespace(title="关于做好2026年危险化学品企业安全生产许可证延期换证工作的通知", url="/x/",
                           first_service_url="https://zwdt.sh.gov.cn/", first_service_name="许可证延期",
                           first_published_at=timezone.now(), specific=None,
                           get_url=lambda request=None: "/x/")
    html = render_to_string("includes/item_list.html", {"items": [item]})
    page = new_page(chromium, {"width": width, "height": 800})
    page.set_content(f"<html lang='zh-hans'><head><style>{CSS.read_text(encoding='utf-8')}</style></head>"
                     f"<body><div style='width:{min(width, 380)}px'>{html}</div></body></html>")
    badge = page.locator(".service-jump").bounding_box()
    title = page.locator(".item-list li > a:not(.service-jump)").bounding_box()
    page.screenshot(path=str(SCREENSHOTS / f"badge-{width}.png"))
    page.context.close()
    assert abs(badge["width"] - badge["height"]) < 2, badge
    assert title["width"] > 0.5 * min(width, 380), (title, badge)
