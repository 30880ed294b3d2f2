"""robots.txt, /favicon.ico and sitemap.xml with the site's real address.

The public address is taken, in this order, from the Wagtail Site that answers
the request (when its hostname is a real name, not ``localhost``), from the
host the visitor asked for (validated by ALLOWED_HOSTS), or, when the request
came from a local proxy, from ``WAGTAILADMIN_BASE_URL``. The demo's Site is
``localhost:80`` (as Wagtail's first migration creates it), so without this the
sitemap listed ``http://localhost/`` addresses.
"""
import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}
# Not for crawlers: the admin, search result pages and the public forms (with their query and captcha URLs).
DISALLOWED = ["/admin/", "/documents/", "/captcha/", "/care-mode/"]
DISALLOWED_PER_LANGUAGE = ["/search/", "/ysqgk/", "/hudong/", "/participation/"]


def _is_local(host):
    return (host or "").split(":")[0].strip("[]").lower() in {h.strip("[]") for h in LOCAL_HOSTS}


def public_base_url(request):
    """``scheme://host[:port]`` of the public site, never ``http://localhost`` unless that is all we know."""
    site = Site.find_for_request(request)
    if site is not None and not _is_local(site.hostname):
        return site.root_url
    host = request.get_host()
    if not _is_local(host):
        return f"{request.scheme}://{host}"
    admin_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if admin_url and not _is_local(urlsplit(admin_url).hostname):
        return admin_url.rstrip("/")
    return f"{request.scheme}://{host}"


class PublicSitemap(Sitemap):
    """Wagtail's sitemap over every language's copy of the site, on the public address."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        in_any = Q()
        for path in roots.values_list("path", flat=True):
            in_any |= Q(path__startswith=path)
        return Page.objects.filter(in_any).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url
        base = public_base_url(self.request)
        if site_root != base:
            for info in urls:
                if info["location"].startswith(site_root + "/"):
                    info["location"] = base + info["location"][len(site_root):]
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PublicSitemap(request)})


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    lines += [f"Disallow: {prefix}{path}" for prefix in prefixes for path in DISALLOWED_PER_LANGUAGE]
    lines += ["", f"Sitemap: {public_base_url(request)}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@functools.lru_cache(maxsize=1)
def _favicon_bytes():
    path = finders.find("favicon.ico")
    if path:
        with open(path, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open("favicon.ico") as handle:  # collected static files only
        return handle.read()


@require_safe
@cache_control(max_age=7 * 24 * 3600, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the same small file as static/favicon.ico."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")
