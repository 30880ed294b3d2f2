"""Defect 12: branded Chinese error pages in each language (DEBUG off), robots.txt, favicon, sitemap.xml host."""
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Site

from moderation.models import RemovalRequest
from sections.models import ArticlePage


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


@pytest.mark.parametrize(
    "path, lang, heading",
    [
        ("/no-such-page/", "zh-hans", "您访问的页面不存在"),
        ("/zh-hant/no-such-page/", "zh-hant", "您訪問的頁面不存在"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_404_is_branded_in_the_path_language(client, site_tree, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert "Not Found" not in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the site's header and footer
    assert "/search/" in html  # a way on: search box


@pytest.mark.parametrize(
    "lang, heading",
    [("zh-hans", "服务器暂时无法处理您的请求"), ("zh-hant", "服務器暫時無法處理您的請求"), ("en", "Something went wrong")],
)
def test_500_page_renders_without_database_or_context_processors(lang, heading):
    """No db fixture: any database access here raises, so the page is proven to render without one."""
    from django.views.defaults import server_error

    request = RequestFactory().get("/")
    with translation.override(lang):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert heading in html and f'<html lang="{lang}"' in html
    assert "Server Error (500)" not in html
    assert "/static/css/site.css" in html


def test_500_from_a_failing_view_is_branded(client, site_tree, monkeypatch):
    from home.models import HomePage

    def boom(self, request, *args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(HomePage, "serve", boom)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "服务器暂时无法处理您的请求" in response.content.decode()


@pytest.fixture
def removed_page(column, publish):
    page = publish(column("xwzx/xw"), ArticlePage(title="已撤除的通知", slug="gone-item", summary="摘要"))
    page.unpublish()
    RemovalRequest.objects.create(page=page, reason="信息已过时效", status=RemovalRequest.Status.REMOVED,
                                  removed_at=timezone.now())
    return page


@pytest.mark.parametrize(
    "prefix, lang, heading, reason",
    [("", "zh-hans", "此页面已撤除", "信息已过时效"), ("/zh-hant", "zh-hant", "此頁面已撤除", "信息已過時效"),
     ("/en", "en", "This page has been removed", "信息已过时效")],
)
def test_410_is_branded_in_the_path_language(client, removed_page, prefix, lang, heading, reason):
    response = client.get(f"{prefix}/xwzx/xw/gone-item/")
    assert response.status_code == 410
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html and heading in html and reason in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html


def test_robots_txt(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ("/admin/", "/search/", "/zh-hant/search/", "/en/search/", "/ysqgk/", "/hudong/", "/participation/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_is_served(client, site_tree):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert len(body) < 20_000


def test_pages_link_the_favicon(client, site_tree):
    assert 'rel="icon"' in client.get("/").content.decode()


def test_sitemap_uses_the_request_host_not_localhost(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["www.example.gov.cn"]
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == "localhost"  # as the demo and Wagtail's first migration leave it
    response = client.get("/sitemap.xml", HTTP_HOST="www.example.gov.cn")
    assert response.status_code == 200
    xml = response.content.decode() if not response.streaming else b"".join(response.streaming_content).decode()
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locs and all(loc.startswith("http://www.example.gov.cn/") for loc in locs), locs[:3]


def test_sitemap_uses_a_configured_site_hostname(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["yjglj.sh.gov.cn"]
    Site.objects.filter(is_default_site=True).update(hostname="yjglj.sh.gov.cn", port=443)
    xml = client.get("/sitemap.xml", HTTP_HOST="yjglj.sh.gov.cn").content.decode()
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locs and all(loc.startswith("https://yjglj.sh.gov.cn/") for loc in locs), locs[:3]


def test_500_header_shows_the_site_name_not_a_link_label(settings):
    """Seen in Chromium: the 500 page's brand read 返回首页, as if that were the site's name."""
    from django.views.defaults import server_error

    with translation.override("zh-hans"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert f'<span class="site-name">{settings.WAGTAIL_SITE_NAME}</span>' in html
    assert '<span class="site-name">返回首页</span>' not in html


def test_404_search_form_is_styled(client, site_tree):
    """Seen in Chromium: the 404 page's search box was the browser's bare input and grey button."""
    from pathlib import Path

    assert 'class="error-search"' in client.get("/no-such-page/").content.decode()
    css = (Path(__file__).resolve().parents[2] / "site" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"\.error-search input\s*\{[^}]*border", css) and re.search(r"\.error-search button\s*\{[^}]*background", css)
