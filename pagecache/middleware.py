"""Serve public pages with few queries, and tell the web tier which responses it may keep.

Request phase (GET/HEAD only): the Wagtail site and the page a path routes to
are remembered per content generation, so a repeat request loads the page in
one query instead of one or two per tree level, and the site settings come
from the cache. A miss leaves everything to Wagtail, which then records the
route (``wagtail_hooks.remember_route``).

Response phase: a public response is marked cacheable for nginx
(``X-Accel-Expires``, which nginx hides from clients) and ``Cache-Control:
public, max-age=0, must-revalidate`` for browsers, only when every condition
holds: GET/HEAD, status 200, an anonymous visitor, no query string, no cookie
set, no Cache-Control of its own, and a Wagtail page or one of the listed
public views (``PAGECACHE["VIEWS"]``). Everything else (search, forms, 信件查询,
admin, previews, documents) is ``private, no-cache``.
"""
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site
from wagtail.models.pages import RouteResult

from . import fragments

DEFAULTS = {
    # URL names (with namespace) of non-page views whose output depends only on published content.
    "VIEWS": ["site_map", "policy:tag", "policy:tag_rss", "policy:tag_atom", "sitemap_xml"],
    "BYPASS_PREFIXES": ["/admin/", "/search/", "/captcha/", "/documents/", "/django-admin/"],
    "MAX_AGE": 86400,  # how long nginx keeps a page that nothing purged
}


def conf(name):
    return {**DEFAULTS, **getattr(settings, "PAGECACHE", {})}[name]


def _route_key(request):
    return ("route", request.path)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(tuple(conf("BYPASS_PREFIXES"))):
            self._prime(request)
        response = self.get_response(request)
        self._mark(request, response)
        return response

    # -- request phase ------------------------------------------------------------
    def _prime(self, request):
        site = fragments.get_or_set(request, "site", [request.get_port()], lambda: Site.find_for_request(request) or False)
        if site is False:
            return
        request._wagtail_site = site
        self._prime_settings(request, site)
        if hasattr(request, "_wagtail_route_for_request"):
            return
        hit = cache.get(fragments.key(request, *_route_key(request)))
        if hit is None:
            return
        app_label, model_name, pk = hit
        model = apps.get_model(app_label, model_name)
        page = model.objects.select_related("locale").filter(pk=pk, live=True).first()
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)

    def _prime_settings(self, request, site):
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.contrib.settings.registry import registry

        for model in registry:
            if not issubclass(model, BaseSiteSetting):
                continue
            attr = model.get_cache_attr_name()
            if hasattr(request, attr):
                continue

            def load(model=model):
                instance = fragments.get_or_set(request, "settings", [model._meta.label, site.pk], lambda: model.for_site(site))
                instance._request = request
                return instance

            setattr(request, attr, SimpleLazyObject(load))

    # -- response phase -----------------------------------------------------------
    def _mark(self, request, response):
        if self._cacheable(request, response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            response["X-Accel-Expires"] = str(conf("MAX_AGE"))
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)

    def _cacheable(self, request, response):
        if request.method not in ("GET", "HEAD") or response.status_code != 200 or request.META.get("QUERY_STRING"):
            return False
        if response.has_header("Cache-Control") or response.cookies or getattr(response, "streaming", False):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a form with this visitor's CSRF token
            return False
        if request.path.startswith(tuple(conf("BYPASS_PREFIXES"))) or getattr(request, "is_preview", False):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:  # editors and password-restricted readers
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        if getattr(request, "_pagecache_page_served", False):
            return True
        match = getattr(request, "resolver_match", None)
        return match is not None and match.view_name in conf("VIEWS")


def remember_route(page, request, serve_args, serve_kwargs):
    """before_serve_page: keep path → page for the rest of this generation (plain GETs of live pages)."""
    if request.method in ("GET", "HEAD") and not serve_args and not serve_kwargs and page.live:
        specific = page.specific_class or type(page)
        value = (specific._meta.app_label, specific._meta.model_name, page.pk)
        cache.set(fragments.key(request, *_route_key(request)), value, fragments.TIMEOUT)
    request._pagecache_page_served = True
