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
