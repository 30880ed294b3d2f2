"""core.routing serves the same page as Wagtail's level-by-level walk, and keeps its checks.

The middleware resolves a path in two queries; these tests compare its answer
with ``Page.route()`` and check what the walk used to enforce: view
restrictions (password, login) on the page or an ancestor, unpublished pages,
unknown slugs, aliases, translated trees and listings without restricted items.
"""
import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from core import routing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cold():
    cache.clear()
    yield
    cache.clear()


def wagtail_route(path, language="zh-hans"):
    """Wagtail's own answer, without core.routing."""
    request = RequestFactory().get("/" + path)
    with translation.override(language):
        site = Site.find_for_request(request)
        try:
            return site.root_page.localized.specific.route(request, [c for c in path.split("/") if c])[0]
        except Exception:  # noqa: BLE001 - Http404
            return None


def core_route(path, language="zh-hans"):
    request = RequestFactory().get("/" + path)
    with translation.override(language):
        assert routing.resolve(request, path) is True
        result = request._wagtail_route_for_request
    return result[0] if result else None


def test_same_page_as_wagtail_in_every_language(column, publish):
    from sections.models import ArticlePage

    news = column("xwzx/xw")
    article = publish(news, ArticlePage(title="路由测试", slug="routing-test"))
    paths = ["", "xwzx/", "xwzx/xw/", "xwzx/xw/routing-test/", "zwgk/zfxxgk/", "xwzx/xw/no-such-page/",
             "no-such-section/", "xwzx/xw/routing-test/deeper/"]
    for language in ("zh-hans", "zh-hant", "en"):
        for path in paths:
            ours, theirs = core_route(path, language), wagtail_route(path, language)
            assert (ours and (ours.pk, type(ours))) == (theirs and (theirs.pk, type(theirs))), (language, path)
    assert core_route("xwzx/xw/routing-test/").pk == article.pk


def test_unpublished_page_is_404(client, column, publish):
    from sections.models import ArticlePage

    news = column("xwzx/xw")
    article = publish(news, ArticlePage(title="撤下的文章", slug="withdrawn"))
    assert client.get(article.url).status_code == 200
    article.unpublish()
    cache.clear()
    assert core_route("xwzx/xw/withdrawn/") is None
    assert client.get("/xwzx/xw/withdrawn/").status_code in (404, 410)


def test_password_on_an_ancestor_still_asks_for_it_and_hides_items_from_listings(client, column, publish):
    from sections.models import ArticlePage

    news = column("xwzx/xw")
    article = publish(news, ArticlePage(title="内部通报全文", slug="internal-only", body=[("paragraph", "<p>机密正文</p>")]))
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    cache.clear()
    response = client.get("/xwzx/xw/internal-only/")
    body = response.content.decode()
    assert "机密正文" not in body
    assert 'name="password"' in body
    # The section page lists the newest items of its columns: the restricted column's are left out.
    assert "内部通报全文" not in client.get("/xwzx/").content.decode()
    assert article.pk in {p.pk for p in Page.objects.live().not_public()}


def test_login_restriction_on_the_page_redirects_to_login(client, column, publish):
    from sections.models import ArticlePage

    article = publish(column("xwzx/xw"), ArticlePage(title="登录可见", slug="login-only"))
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    cache.clear()
    response = client.get("/xwzx/xw/login-only/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_alias_is_served_like_wagtail_serves_it(client, site_tree, column, publish):
    from sections.models import ArticlePage

    article = publish(column("xwzx/xw"), ArticlePage(title="别名来源", slug="alias-source"))
    alias = article.create_alias(parent=column("zwgk/zfxxgk/zcwj"), update_slug="alias-copy")
    cache.clear()
    path = alias.url_path[len(site_tree.url_path):]
    request = RequestFactory().get("/" + path)
    with translation.override("zh-hans"):
        handled = routing.resolve(request, path)
    if handled:  # routed here: the same page as Wagtail's walk
        assert request._wagtail_route_for_request[0].pk == wagtail_route(path).pk == alias.pk
    response = client.get(alias.url)
    assert response.status_code == 200
    assert "别名来源" in response.content.decode()
