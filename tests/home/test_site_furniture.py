"""Site furniture every Chinese government site carries (issue 17): 长者模式, 党政机关网站标识,
footer pages, 头条 and 图片新闻, 政务服务 and 政务新媒体, 上一篇/下一篇, 相关信息, attachments."""
import io
import re
from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from sections.models import ArticlePage

pytestmark = pytest.mark.django_db


def _settings(home):
    from home.models import SiteSettings

    return SiteSettings.for_site(Site.objects.get(root_page=home))


def _image(title="图"):
    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (320, 180), "#1a4f8b").save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file.save("t.png", ImageFile(io.BytesIO(buffer.getvalue()), name="t.png"), save=False)
    image.save()
    return image


# -- 长者模式 ---------------------------------------------------------------------------------------

def test_care_mode_switch_sets_a_cookie_and_returns_to_the_page(client, site_tree):
    response = client.get("/care-mode/", {"on": "1", "next": "/xwzx/"})
    assert response.status_code == 302 and response["Location"] == "/xwzx/"
    assert response.cookies["govsite_care"].value == "1"
    html = client.get("/xwzx/").content.decode()  # the cookie now travels with every request
    assert '<html lang="zh-hans" class="care-mode">' in html
    assert "/static/css/care.css" in html
    assert "?on=0&amp;next=" in html  # the way back is on every page
    off = client.get("/care-mode/", {"on": "0", "next": "/xwzx/"})
    assert off.cookies["govsite_care"].value == ""
    assert "care-mode" not in client.get("/xwzx/").content.decode().split("<head>")[0]


def test_care_mode_switch_refuses_to_redirect_elsewhere(client, site_tree):
    for target in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        response = client.get("/care-mode/", {"on": "1", "next": target})
        assert response["Location"] == "/", target


def test_ordinary_page_offers_care_mode_and_is_cacheable_but_care_mode_pages_are_private(client, site_tree):
    ordinary = client.get("/")
    html = ordinary.content.decode()
    assert "class=\"care-mode\"" not in html and "care.css" not in html
    assert "/care-mode/?on=1&amp;next=/" in html
    assert "public" in ordinary["Cache-Control"] and ordinary.has_header("X-Accel-Expires")
    client.cookies["govsite_care"] = "1"
    care = client.get("/")
    assert "private" in care["Cache-Control"] and not care.has_header("X-Accel-Expires")


def test_care_stylesheet_sets_at_least_18pt_text_and_line_height_one_and_a_half():
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/care.css"), encoding="utf-8").read()
    size = re.search(r"html\.care-mode \{[^}]*font-size: (\d+)px", css)
    assert size and int(size.group(1)) >= 24  # 18 pt = 24 px
    assert "line-height: 1.5" in css
    assert "cursor: url(" in css and "focus-visible" in css


def test_public_pages_carry_no_inline_script(client, column, publish):
    """A Content-Security-Policy without 'unsafe-inline' must not break the public pages."""
    article = publish(column("xwzx/xw"), ArticlePage(title="无内联脚本", slug="no-inline"))
    for url in ("/", "/xwzx/", "/xwzx/xw/", article.url):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)
        assert not re.search(r"\son(click|load|change|submit)=", html), url


# -- footer: 党政机关网站标识 and the footer pages ---------------------------------------------------------

def test_footer_shows_the_badge_linked_to_its_registry_and_the_three_pages(client, site_tree, publish):
    from home.models import InfoPage

    pages = {slug: publish(site_tree, InfoPage(title=title, slug=slug, body="<p>内容</p>"))
             for slug, title in (("lxwm", "联系我们"), ("wzsm", "网站声明"), ("yszc", "隐私政策"))}
    settings = _settings(site_tree)
    settings.conac_id = "bm123456"
    settings.contact_page, settings.statement_page, settings.privacy_page = pages["lxwm"], pages["wzsm"], pages["yszc"]
    settings.save()
    html = client.get("/").content.decode()
    footer = html[html.index('<footer'):]
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=bm123456"' in footer
    assert "conac-badge.svg" in footer and 'alt="党政机关网站标识"' in footer
    for slug, label in (("lxwm", "联系我们"), ("wzsm", "网站声明"), ("yszc", "隐私政策")):
        assert f'<a href="/{slug}/">{label}</a>' in footer
        assert client.get(f"/{slug}/").status_code == 200


def test_no_badge_without_a_code(client, site_tree):
    assert "conac-badge" not in client.get("/").content.decode()


# -- home page: 头条, 图片新闻, 政务服务, 政务新媒体 --------------------------------------------------------

def test_home_shows_headline_carousel_service_entry_and_new_media(client, site_tree, column, publish):
    now = datetime(2026, 11, 1, 9, tzinfo=dt_timezone.utc)
    headline = publish(column("xwzx/xw"), ArticlePage(title="头条新闻标题", slug="tt", summary="头条摘要", display_date=now))
    pictures = column("xwzx/tpxw")
    image = _image()
    for n in range(3):
        publish(pictures, ArticlePage(title=f"图片新闻{n}", slug=f"p{n}", display_date=now - timedelta(days=n),
                                      body=[("image", {"image": image, "caption": ""})]))
    publish(pictures, ArticlePage(title="没有图片的图片新闻", slug="noimg", display_date=now + timedelta(days=1)))
    site_tree.headline, site_tree.picture_column = headline, pictures
    site_tree.save_revision().publish()
    settings = _settings(site_tree)
    settings.service_portal_url, settings.service_portal_name = "https://zwdt.sh.gov.cn/", "一网通办"
    settings.wechat_name, settings.wechat_qr = "上海应急", _image("微信二维码")
    settings.weibo_name, settings.weibo_url = "上海应急管理", "https://weibo.com/"
    settings.save()

    html = client.get("/").content.decode()
    banner = re.search(r'<section class="home-headline".*?</section>', html, re.S).group(0)
    assert "头条新闻标题" in banner and headline.url in banner
    carousel = re.search(r'<section class="carousel".*?</section>', html, re.S).group(0)
    assert carousel.count('aria-roledescription="幻灯片"') == 3  # only items with a picture
    assert "没有图片的图片新闻" not in carousel
    assert 'aria-label="1 / 3"' in carousel
    assert re.search(r'<button type="button" data-carousel-action="toggle"[^>]*>暂停</button>', carousel)
    assert 'data-carousel-action="prev"' in carousel and 'data-carousel-action="next"' in carousel
    assert 'href="https://zwdt.sh.gov.cn/"' in html and "一网通办" in html
    assert 'alt="微信公众号二维码"' in html and 'href="https://weibo.com/"' in html


def test_headline_defaults_to_the_newest_item(client, site_tree, column, publish):
    publish(column("xwzx/xw"), ArticlePage(title="最新一条", slug="newest", display_date=datetime(2030, 1, 1, tzinfo=dt_timezone.utc)))
    banner = re.search(r'<section class="home-headline".*?</section>', client.get("/").content.decode(), re.S).group(0)
    assert "最新一条" in banner


# -- articles: 上一篇/下一篇, 相关信息, 字号, attachments ---------------------------------------------------

def _items(parent, publish, count):
    start = datetime(2026, 1, 1, 9, tzinfo=dt_timezone.utc)
    return [publish(parent, ArticlePage(title=f"第{n}条", slug=f"item-{n}", display_date=start + timedelta(days=n)))
            for n in range(count)]


def test_previous_and_next_follow_the_column_order(client, column, publish):
    items = _items(column("xwzx/xw"), publish, 3)
    html = client.get(items[1].url).content.decode()
    nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S).group(0)
    assert re.search(r'上一篇：<a href="%s">第2条</a>' % items[2].url, nav)  # the newer one, listed above it
    assert re.search(r'下一篇：<a href="%s">第0条</a>' % items[0].url, nav)
    newest = re.search(r'<nav class="prev-next".*?</nav>', client.get(items[2].url).content.decode(), re.S).group(0)
    assert "上一篇：无" in newest
    related = re.search(r'<section class="related-items".*?</section>', html, re.S).group(0)
    assert "第0条" in related and "第2条" in related and "第1条" not in related


def test_previous_next_and_related_cost_the_same_queries_for_5_or_40_siblings(client, column, publish):
    from django.core.cache import cache

    def queries(url):
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    few = _items(column("xwzx/xw"), publish, 5)
    small = queries(few[2].url)
    many = _items(column("xwzx/gg"), publish, 40)
    large = queries(many[20].url)
    assert large == small


def test_text_size_buttons_on_articles(client, column, publish):
    html = client.get(publish(column("xwzx/xw"), ArticlePage(title="字号", slug="size")).url).content.decode()
    tools = re.search(r'<div class="article-tools" data-text-size.*?</div>', html, re.S).group(0)
    for label in ("大", "中", "小"):
        assert f">{label}<" in tools


def test_attachments_show_type_and_size(client, column, publish):
    from wagtail.documents import get_document_model

    document = get_document_model()(title="实施细则")
    document.file.save("rules.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048), save=False)
    document._set_document_file_metadata()
    document.save()
    page = publish(column("xwzx/xw"), ArticlePage(title="有附件", slug="att",
                                                  body=[("attachment", {"document": document, "title": ""})]))
    html = client.get(page.url).content.decode()
    assert re.search(r'实施细则</a> <span class="attachment-ext attachment-meta">（PDF，2\.0\xa0KB）</span>', html), html[-3000:]
