"""What the web tier may keep (Cache-Control / X-Accel-Expires) and what a publish purges."""
import pytest
from django.test import Client

from sections.models import ArticlePage

pytestmark = pytest.mark.django_db


from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class Recorder(BaseBackend):
    urls = []

    def purge(self, url):
        Recorder.urls.append(url)

    def purge_batch(self, urls):
        for url in urls:
            self.purge(url)


@pytest.fixture
def purges(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.perf.test_cache_headers_and_purges.Recorder"}}
    settings.PAGECACHE = {"REPURGE_AFTER": 0}  # no delayed purge landing in a later test
    Recorder.urls = []
    return Recorder.urls


def test_public_page_is_cacheable_for_anonymous_readers_only(client, column, publish, make_user):
    page = publish(column("xwzx/xw"), ArticlePage(title="台风预警", slug="typhoon"))
    response = client.get(page.url)
    assert response["X-Accel-Expires"] == "86400"
    assert "public" in response["Cache-Control"]
    assert "X-Accel-Expires" not in client.get(page.url + "?page=2")
    editor = Client()
    editor.force_login(make_user("editor", is_staff=True))
    logged_in = editor.get(page.url)
    assert logged_in.status_code == 200 and "X-Accel-Expires" not in logged_in
    assert "private" in logged_in["Cache-Control"]


@pytest.mark.parametrize("url", ["/search/?q=应急", "/search/", "/captcha/refresh/", "/admin/login/"])
def test_search_forms_and_admin_are_never_cacheable(client, site_tree, url):
    response = client.get(url)
    assert "X-Accel-Expires" not in response, url


def test_publish_purges_page_listings_home_and_site_maps(column, publish, purges, django_capture_on_commit_callbacks):
    news = column("xwzx/xw")
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(news, ArticlePage(title="事故通报", slug="accident"))
    paths = {url.split("://", 1)[-1].split("/", 1)[-1] for url in purges}
    assert {"xwzx/xw/accident/", "xwzx/xw/", "xwzx/", "", "sitemap/", "zh-hant/sitemap/", "sitemap.xml"} <= paths
    purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.unpublish()
    assert any(url.endswith("/xwzx/xw/accident/") for url in purges)


def test_publish_starts_a_new_fragment_generation(client, column, publish):
    news = column("xwzx/xw")
    client.get(news.url)
    publish(news, ArticlePage(title="新的通知", slug="new-notice"))
    assert "新的通知" in client.get(news.url).content.decode()
    assert "新的通知" in client.get(news.get_parent().url).content.decode()


def _paths(urls):
    return {"/" + url.split("://", 1)[-1].split("/", 1)[-1] for url in urls}


def _publish_copy(page, language_code):
    from wagtail.models import Locale

    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in copy.get_ancestors().filter(depth__gt=1):
        if not ancestor.live:
            ancestor.specific.save_revision().publish()
    copy.save_revision().publish()
    return copy


def test_publishing_a_column_purges_its_siblings_listings_in_every_language(
    column, publish, purges, django_capture_on_commit_callbacks,
):
    """The stale column listing: a column is in the side navigation of its siblings' listings."""
    from sections.models import ColumnPage

    news = column("xwzx/xw")
    news_hant = _publish_copy(news, "zh-hant")
    child = publish(news, ArticlePage(title="栏目下的稿件", slug="in-news"))
    purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new_column = publish(news.get_parent(), ColumnPage(title="新设栏目", slug="new-column"))
        _publish_copy(new_column, "zh-hant")
    paths = _paths(purges)
    assert {news.url, news_hant.url, new_column.get_parent().url} <= paths
    purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        news.title = "新闻（改名）"
        news.save_revision().publish()
    assert child.url in _paths(purges)  # its breadcrumbs and side navigation show the column's title


def test_publishing_a_section_purges_every_page(column, publish, purges, django_capture_on_commit_callbacks):
    """A section is in the main navigation of every page."""
    news = column("xwzx/xw")
    item = publish(news, ArticlePage(title="任意稿件", slug="any-item"))
    purges.clear()
    section = news.get_parent().specific
    with django_capture_on_commit_callbacks(execute=True):
        section.title = section.title + "（改名）"
        section.save_revision().publish()
    paths = _paths(purges)
    assert item.url in paths and column("zwgk").url in paths


def test_publishing_an_item_purges_the_sibling_items_that_show_it(
    column, publish, purges, django_capture_on_commit_callbacks,
):
    """上一篇/下一篇 and 相关信息 of the other items of the column show a new item."""
    news = column("xwzx/xw")
    older = [publish(news, ArticlePage(title=f"旧稿件{n}", slug=f"older-{n}")) for n in range(3)]
    purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(news, ArticlePage(title="新稿件", slug="newest"))
    paths = _paths(purges)
    assert {page.url for page in older} <= paths


def test_purge_backend_percent_encodes_paths_and_keeps_going(settings):
    """nginx keys pages by the decoded $uri; the purge request must be ASCII on the wire."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from pagecache.backends import NginxPurgeBackend

    seen = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - http.server's name
            seen.append(self.path)
            status = 404 if "missing" in self.path else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        backend = NginxPurgeBackend({"LOCATION": f"http://127.0.0.1:{server.server_port}/purge"})
        backend.purge_batch(["http://localhost/xwzx/台风预警/", "http://localhost/missing/", "http://localhost/xwzx/xw/"])
    finally:
        server.shutdown()
    assert seen == ["/purge/xwzx/%E5%8F%B0%E9%A3%8E%E9%A2%84%E8%AD%A6/", "/purge/missing/", "/purge/xwzx/xw/"]


def test_bulk_passes_list_a_columns_items_once_per_round(column, publish):
    """An import publishing n items into a column must not list the column's items n times (n² URLs)."""
    from core import bulk
    from sections.models.neighbours import items_showing

    news = column("xwzx/xw")
    items = [publish(news, ArticlePage(title=f"导入稿件{n}", slug=f"imported-{n}")) for n in range(4)]
    assert {p.pk for p in items[:3]} <= {p.pk for p in items_showing(items[3])}  # outside a bulk block: every time
    assert {p.pk for p in items[:3]} <= {p.pk for p in items_showing(items[3])}
    with bulk.deferred_publishing():
        first = {p.pk for p in items_showing(items[3])}
        second = {p.pk for p in items_showing(items[2])}
    assert {p.pk for p in items[:3]} <= first
    assert second == {items[3].pk, items[1].pk}  # its neighbours only: the siblings were listed already


def test_bulk_neighbours_are_the_same_as_the_databases_and_cost_no_query_per_column_item(column, publish):
    """Inside the passes the column's order is listed once; each page's 上一篇/下一篇 come from it, not from
    two ordered queries over the whole column (quadratic over a 10,000-item import)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import bulk
    from sections.models.neighbours import RELATED_LIMIT, items_showing

    news = column("xwzx/xw")
    items = [publish(news, ArticlePage(title=f"导入稿件{n}", slug=f"order-{n}")) for n in range(RELATED_LIMIT + 6)]
    old = items[: 5]  # not among the newest: only their neighbours show them
    expected = {p.pk: {q.pk for q in items_showing(p)} for p in old}
    with bulk.deferred_publishing():
        items_showing(old[0])  # lists the column once
        with CaptureQueriesContext(connection) as queries:
            got = {p.pk: {q.pk for q in items_showing(p)} for p in old}
    assert got == expected
    assert expected[old[2].pk] == {old[1].pk, old[3].pk}
    assert len(queries) == len(old)  # one (the neighbour pages) per page, whatever the column's size


def test_a_change_is_purged_again_shortly_after(column, publish, purges, settings, django_capture_on_commit_callbacks):
    """A request in flight at commit can store the old page after the first purge: a second purge follows."""
    import time

    settings.PAGECACHE = {"REPURGE_AFTER": 0.2}
    news = column("xwzx/xw")
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(news, ArticlePage(title="再次清除", slug="purged-twice"))
    first = purges.count(page.full_url)
    deadline = time.monotonic() + 5
    while purges.count(page.full_url) < 2 * first and time.monotonic() < deadline:
        time.sleep(0.05)
    assert first >= 1 and purges.count(page.full_url) == 2 * first
