"""Serve public pages with few queries, and tell the web tier which responses it may keep.

Request phase (GET/HEAD only): one query lists the sites with the content
generation and the site settings joined; the page a path routes to is
remembered per content generation, so a repeat request loads the page in one
query. A miss leaves the route to ``core.routing`` (two queries whatever the
depth) or Wagtail, which then records it (``wagtail_hooks.remember_route``).

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
from django.db.models import Subquery
from django.utils.cache import patch_cache_control
from wagtail.models.pages import RouteResult

from . import fragments, generation

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
        """One query for the request's start: every site (``core.routing.find_site``, which also serves
        the site root paths), with the content generation and the site settings joined to each row."""
        from core.routing import find_site

        site = find_site(request, queryset=self._sites_queryset())
        sites = getattr(request, "_all_sites", None)
        if sites:
            setattr(request, generation._ATTR, sites[0].pagecache_generation or 0)
        if site is None:
            return
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

    @staticmethod
    def _setting_models():
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.contrib.settings.registry import registry

        return [model for model in registry if issubclass(model, BaseSiteSetting)]

    def _sites_queryset(self):
        from wagtail.models import Site

        from .models import Generation

        current = Generation.objects.filter(pk=1).values("value")[:1]
        joined = [model._meta.get_field("site").related_query_name() for model in self._setting_models()]
        sites = Site.objects.annotate(pagecache_generation=Subquery(current))
        return sites.select_related(*joined) if joined else sites

    def _prime_settings(self, request, site):
        for model in self._setting_models():
            attr = model.get_cache_attr_name()
            if hasattr(request, attr):
                continue
            accessor = model._meta.get_field("site").remote_field.get_accessor_name()
            try:
                instance = getattr(site, accessor)  # joined to the sites' query
            except model.DoesNotExist:
                instance = model.for_site(site)  # creates the row, as Wagtail does
            instance._request = request
            setattr(request, attr, instance)

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
