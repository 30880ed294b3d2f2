import re
from datetime import datetime, timezone as dt_timezone

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from departments.models import Department
from sections.models import ArticlePage, LinkColumnPage
from sections.site_tree import read_site_tree
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_item_page_shows_disclosure_metadata(client, column, publish):
    page = publish(column("xwzx/xw"), ArticlePage(
        title="全市安全生产工作会议召开", slug="meeting",
        info_source="上海市应急管理局办公室",
        display_date=datetime(2026, 3, 5, 9, 30, tzinfo=dt_timezone.utc),
        body=[("paragraph", "<p>会议强调要压实安全生产责任。</p>")],
    ))
    html = client.get(page.url).content.decode()
    meta = re.search(r'<dl class="page-meta">(.*?)</dl>', html, re.S).group(1)
    assert "上海市应急管理局办公室" in meta  # 信息来源
    assert "宣传培训处" in meta  # 发布部门 (the column's department)
    assert "2026-03-05" in meta  # 发布日期
    assert page.last_published_at.astimezone().strftime("%Y-%m-%d") in meta  # 更新日期
    assert meta.count("<dt>") == 4
    assert "会议强调要压实安全生产责任" in html


def test_reprinted_item_shows_source_site_time_and_link(client, column, publish):
    page = publish(column("xwzx/xw"), ArticlePage(
        title="转载：国务院安委会部署冬季安全防范", slug="reprint",
        is_reprint=True, reprint_source_site="应急管理部网站",
        reprint_source_url="https://www.mem.gov.cn/xw/",
        reprint_time=datetime(2026, 11, 1, 8, 0, tzinfo=dt_timezone.utc),
    ))
    html = client.get(page.url).content.decode()
    note = re.search(r'<p class="reprint-note">(.*?)</p>', html, re.S).group(1)
    assert "应急管理部网站" in note
    assert "2026-11-01" in note
    assert 'href="https://www.mem.gov.cn/xw/"' in note


def test_reprint_without_source_is_invalid(column):
    from django.core.exceptions import ValidationError

    page = ArticlePage(title="转载", slug="r", is_reprint=True)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_listing_shows_title_and_date_with_pagination(client, column, publish):
    news = column("xwzx/xw")
    for n in range(25):
        publish(news, ArticlePage(title=f"新闻{n:02d}", slug=f"n{n}",
                                  display_date=datetime(2026, 1, 1 + n, tzinfo=dt_timezone.utc)))
    first = client.get(news.url).content.decode()
    assert "新闻24" in first and "2026-01-25" in first
    assert "新闻00" not in first
    second = client.get(news.url + "?page=2").content.decode()
    assert "新闻00" in second


@pytest.mark.parametrize("page_param", ["abc", "-1", "0", "999999", "1' OR '1'='1", "%00", "9" * 400])
def test_malformed_page_numbers_do_not_error(client, column, page_param):
    response = client.get(column("xwzx/xw").url, {"page": page_param})
    assert response.status_code == 200


def test_column_listing_does_not_query_per_item(client, column, publish):
    news = column("xwzx/xw")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(news.url).status_code == 200
        return len(ctx.captured_queries)

    publish(news, ArticlePage(title="一", slug="one"))
    few = count()
    for n in range(15):
        publish(news, ArticlePage(title=f"多{n}", slug=f"many{n}"))
    assert count() == few


def test_section_page_does_not_query_per_column_or_item(client, site_tree, column, publish):
    section = site_tree.get_children().get(slug="xwzx")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(section.url).status_code == 200
        return len(ctx.captured_queries)

    publish(column("xwzx/xw"), ArticlePage(title="首条", slug="first"))
    count()  # per-process lookups (content types …) happen once
    # Each publish starts a new fragment generation: compare first requests after a publish.
    publish(column("xwzx/xw"), ArticlePage(title="次条", slug="second"))
    before = count()
    for path in ("xwzx/xw", "xwzx/gg", "xwzx/sgtb"):
        for n in range(4):
            publish(column(path), ArticlePage(title=f"{path}{n}", slug=f"s{n}"))
    assert count() == before


def test_link_columns_link_to_their_target(client, site_tree, column):
    mailbox = column("zwhd/jzxx")
    assert isinstance(mailbox, LinkColumnPage)
    section_html = client.get(site_tree.get_children().get(slug="zwhd").url).content.decode()
    assert mailbox.link_path == "/hudong/write/mailbox/"
    assert f'href="{mailbox.target_url()}"' in section_html
    # Internal link columns point at the target page's URL.
    online = column("zwgk/zxhd")
    target = online.link_page.specific
    assert target.slug == "zwhd"
    sitemap = client.get("/sitemap/").content.decode()
    assert re.search(rf'<a href="{target.url}"[^>]*>在线互动</a>', sitemap)
    # The column's own address redirects there too.
    response = client.get(online.url)
    assert response.status_code == 302 and response["Location"] == target.url


def test_site_map_lists_every_column_of_the_data_file(client, site_tree):
    html = client.get("/sitemap/").content.decode()
    spec = read_site_tree(settings.SITE_TREE_FILE)
    for node, parents in spec.walk():
        assert f">{node.title}</a>" in html, node.title
    # Every link in the site map resolves: pages by their URL, links by their target.
    assert html.count("<li>") >= sum(1 for _ in spec.walk()) - len(spec.tree)


def test_section_navigation_lists_the_five_sections(client, site_tree):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for title in ["新闻中心", "政务公开", "政务互动", "营商服务", "安全专题"]:
        assert f">{title}</a>" in nav


def test_breadcrumbs_footer_and_qr_code(client, column, publish):
    page = publish(column("xwzx/jcdt/aks"), ArticlePage(title="安科所动态", slug="aks1"))
    html = client.get(page.url).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert [t for t in re.findall(r">([^<>]+)</a>", crumbs)][1:] == ["新闻中心", "基层动态", "安科所"]
    assert "3100000058" in html  # 网站标识码
    assert "沪ICP备05051474号" in html
    assert "<svg" in re.search(r'<div class="footer-qr">(.*?)</div>', html, re.S).group(1)
    assert 'media="print"' in html


def test_unknown_urls_are_404_not_500(client):
    for url in ["/nope/", "/xwzx/" + "x" * 2000 + "/", "/xwzx/%E4%B8%AD/", "/xwzx/xw/?page=%FF"]:
        assert client.get(url).status_code in (200, 404)


def test_section_block_of_a_column_with_only_sub_columns_shows_their_items(client, site_tree, column, publish):
    """Defect 3 of issue 17: 政务公开's 政府信息公开 holds sub-columns, not items; its block showed 暂无信息."""
    parent = column("zwgk/zfxxgk")
    assert not parent.get_children().type(ArticlePage).exists()
    sub = parent.get_children().first().specific
    deep = publish(sub, ArticlePage(title="政府信息公开工作年度报告发布", slug="deep-item"))
    html = client.get(site_tree.get_children().get(slug="zwgk").url).content.decode()
    block = html[html.index(parent.title):]
    block = block[: block.index("</section>")] if "</section>" in block else block[:3000]
    assert deep.title in block
    assert "暂无信息" not in block
