"""Language switcher, hreflang alternates and English navigation on the public site."""
import re

import pytest
from ml_helpers import (
    NEWS_EDITORS_GROUP, approve, counterpart, create_article_via_admin, publish_via_admin, submit_for_review,
    translate_every_segment, translation_into,
)

from multilingual.sync import PageSync


def switcher_links(html):
    block = re.search(r'<ul class="language-switcher".*?</ul>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', block)[i][::-1] for i in range(3))


def alternates(html):
    return dict((lang, href) for lang, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def article(news_column, client_for, superuser_client):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    page = create_article_via_admin(editor, news_column, "防汛防台工作部署会召开", ["会议部署防汛防台工作。"], "fxft")
    return publish_via_admin(superuser_client, page, "防汛防台工作部署会召开", ["会议部署防汛防台工作。"])


def test_switcher_and_hreflang_without_an_english_version(article, client):
    html = client.get("/xwzx/xw/fxft/").content.decode()

    links = switcher_links(html)
    assert links["zh-Hans"] == "/xwzx/xw/fxft/"
    assert links["zh-Hant"] == "/zh-hant/xwzx/xw/fxft/"
    assert links["en"] == "/en/"  # no live English page or section yet: the English home
    assert alternates(html) == {
        "zh-Hans": "http://testserver/xwzx/xw/fxft/",
        "zh-Hant": "http://testserver/zh-hant/xwzx/xw/fxft/",
        "x-default": "http://testserver/xwzx/xw/fxft/",
    }
    hant_html = client.get("/zh-hant/xwzx/xw/fxft/").content.decode()
    assert switcher_links(hant_html)["zh-Hans"] == "/xwzx/xw/fxft/"
    assert 'aria-current="true">繁體中文' in hant_html
    assert alternates(hant_html)["zh-Hant"] == "http://testserver/zh-hant/xwzx/xw/fxft/"


def test_switcher_falls_back_to_the_english_section_then_links_the_translation(
    english_news_column, article, translator, reviewer, client
):
    html = client.get("/xwzx/xw/fxft/").content.decode()
    assert switcher_links(html)["en"] == "/en/xwzx/xw/"  # nearest translated section
    assert "en" not in alternates(html)

    en = counterpart(article, "en")
    translate_every_segment(translator, translation_into(article, "en"), {"title": "Flood and typhoon season briefing"})
    submit_for_review(translator, en)
    approve(reviewer, en)

    html = client.get("/xwzx/xw/fxft/").content.decode()
    assert switcher_links(html)["en"] == "/en/xwzx/xw/fxft/"
    assert alternates(html)["en"] == "http://testserver/en/xwzx/xw/fxft/"
    en_html = client.get("/en/xwzx/xw/fxft/").content.decode()
    assert '<html lang="en">' in en_html
    assert switcher_links(en_html) == {
        "zh-Hans": "/xwzx/xw/fxft/", "zh-Hant": "/zh-hant/xwzx/xw/fxft/", "en": "/en/xwzx/xw/fxft/",
    }


def test_untranslated_sections_stay_out_of_english_navigation(column, site_tree, english_news_column, client):
    disclosure = column("zwgk")
    for section in (column("xwzx"), disclosure):
        section.show_in_menus = True
        section.save_revision().publish()
    PageSync().sync(disclosure)  # pending English translation of 政务公开
    english_news = counterpart(column("xwzx"), "en")
    english_news.show_in_menus = True
    english_news.save()

    html = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert "/en/xwzx/" in nav
    assert "/en/zwgk/" not in nav and "政务公开" not in nav
    assert client.get("/en/zwgk/").status_code == 404
    # The Traditional navigation has both, converted.
    hant_nav = re.search(r'<nav class="main-nav".*?</nav>', client.get("/zh-hant/").content.decode(), re.S).group(0)
    assert "政務公開" in hant_nav and "/zh-hant/zwgk/" in hant_nav


def test_non_page_views_switch_by_url_prefix(site_tree, client):
    html = client.get("/zh-hant/sitemap/").content.decode()

    assert switcher_links(html) == {"zh-Hans": "/sitemap/", "zh-Hant": "/zh-hant/sitemap/", "en": "/en/sitemap/"}


def test_english_site_is_branded_in_english(site_tree, english_news_column, client):
    """Defect 11: the shipped site tree gives the agency and its departments English forms."""
    from django.utils import translation

    from departments.models import Department

    html = client.get("/en/").content.decode()
    brand = re.search(r'<span class="site-name">(.*?)</span>', html).group(1)
    assert brand == "Shanghai Emergency Management Bureau"
    assert "Shanghai Emergency Management Publicity, Education and Information Center" in html  # footer organiser
    assert "上海市应急管理局" not in brand
    assert '<span class="site-name">上海市应急管理局</span>' in client.get("/").content.decode()
    with translation.override("en"):
        names = {d.name: d.display_name for d in Department.objects.all()}
    assert names["宣传培训处"] == "Publicity and Training Division"
    assert all(english and english != chinese for chinese, english in names.items()), names


def test_english_home_names_the_services_portal_and_new_media_in_english(site_tree, english_news_column, client):
    """Defect 11: the 一网通办 entry and the WeChat/Weibo names stayed Chinese on /en/ (no English fields)."""
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(root_page=site_tree))
    settings.service_portal_url, settings.service_portal_name = "https://zwdt.sh.gov.cn/", "上海“一网通办”"
    settings.wechat_name, settings.weibo_name = "上海应急", "上海应急管理"
    settings.service_portal_name_en = "Government Online-Offline Shanghai"
    settings.wechat_name_en, settings.weibo_name_en = "Shanghai Emergency", "Shanghai Emergency Management"
    settings.save()

    english = re.search(r'<div class="home-services">.*?</section>', client.get("/en/").content.decode(), re.S).group(0)
    assert "Government Online-Offline Shanghai" in english
    assert "WeChat: Shanghai Emergency<" in english and "Weibo: Shanghai Emergency Management<" in english
    assert not re.search(r"[\u4e00-\u9fff]", english), english  # no Chinese left in that block
    chinese = client.get("/").content.decode()
    assert "上海“一网通办”" in chinese and "微信：上海应急<" in chinese and "微博：上海应急管理<" in chinese
    hant = client.get("/zh-hant/").content.decode()
    assert "微信：上海應急<" in hant


def test_english_home_shows_no_untranslated_headline_or_picture_news(site_tree, english_news_column, news_column,
                                                                     client):
    """Defect 11: /en/ showed the chosen 头条 and the 图片新闻 captions in Simplified Chinese (Page.localized
    falls back to the source page when no English copy exists)."""
    from sections.models import ArticlePage

    headline = ArticlePage(title="只有中文的头条", slug="zh-only")
    news_column.add_child(instance=headline)
    headline.save_revision().publish()
    from home.models import HomePage

    # The fields are synchronised into the translations (SynchronizedField): set on both homes, as once
    # the English home's next approved translation carries them over.
    english_home = HomePage.objects.get(pk=counterpart(site_tree, "en").pk)
    for home in (site_tree.specific, english_home):
        home.headline, home.picture_column = headline, news_column
        home.save_revision().publish()

    assert "只有中文的头条" in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "只有中文的头条" not in english
    assert 'class="home-headline"' not in english and 'class="carousel"' not in english  # no English item yet


def test_english_home_leaves_out_sections_without_english_items(site_tree, english_news_column, client):
    """Defect 11: /en/ showed "No items yet." in the blocks of sections nothing was translated into."""
    html = client.get("/en/").content.decode()
    assert "News Center" in html  # in the navigation
    assert 'class="home-block"' not in html and "No items yet." not in html  # no English item anywhere yet
    assert client.get("/").content.decode().count('class="home-block"') == 5  # the source home shows all five
