"""Which public URLs a change makes stale, and purging them from nginx.

A change of one page affects, in every language: the page itself, each of its
ancestors (column listings, section blocks, the home page blocks), the pages
that show it (hook ``pagecache_related_pages``: tag pages, feeds, policy
listings, interpretations and the documents they interpret), and the site
maps. Purges are sent after the transaction commits, through Wagtail's
frontend-cache backends (``WAGTAILFRONTENDCACHE``); without a backend this is
a no-op and only the fragment generation is bumped.
"""
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site

from core import bulk

from . import generation

logger = logging.getLogger("govsite.pagecache")

SITE_WIDE_VIEWS = ["site_map"]  # per language
UNPREFIXED_VIEWS = ["sitemap_xml"]


def _root_url():
    def find():
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        return site.root_url if site else ""

    return bulk.memo("pagecache.root_url", find)  # once per bulk block (an import's passes), else every time


def language_urls(view_name, *args):
    """``view_name`` reversed under every language prefix (absolute)."""
    return set(bulk.memo(("pagecache.language_urls", view_name, args), lambda: _language_urls(view_name, *args)))


def _language_urls(view_name, *args):
    root, urls = _root_url(), set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                urls.add(root + reverse(view_name, args=args))
            except NoReverseMatch:
                pass
    return urls


def site_wide_urls():
    urls = set()
    for name in SITE_WIDE_VIEWS:
        urls |= language_urls(name)
    root = _root_url()
    for name in UNPREFIXED_VIEWS:
        try:
            urls.add(root + reverse(name))
        except NoReverseMatch:
            pass
    return urls


def _translations(pages):
    keys = {p.translation_key for p in pages}
    found = {p.pk: p for p in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)}
    for p in pages:
        found.setdefault(p.pk, p)
    return list(found.values())


def _is_item(page):
    """Item pages (articles, documents, …) are ``core.BasePage`` subclasses; home, sections and columns are navigation."""
    from core.models import BasePage

    cls = page.specific_class
    return cls is not None and issubclass(cls, BasePage)


def navigation_urls(pages):
    """URLs that show navigation pages in their menus, in the pages' own languages.

    A section (depth 3) is in the main navigation of every page of its site:
    all URLs. Any other navigation page (a column) is in the side navigation of
    its siblings' pages (``column_page.html`` lists the parent's children) and
    in the breadcrumbs and side navigation of its own descendants.
    """
    urls, seen = set(), set()
    for p in pages:
        if not p.depth or p.depth < 3 or _is_item(p) or p.pk in seen:
            continue
        if p.depth == 3:
            return all_urls()
        seen.add(p.pk)
        parent_path = p.path[: -Page.steplen]
        related = Page.objects.live().filter(depth=p.depth, path__startswith=parent_path) | \
            Page.objects.live().descendant_of(p)
        for q in related:
            url = q.get_full_url()
            if url:
                urls.add(url)
    return urls


def page_urls(page, *, with_ancestors=True, extra_pages=()):
    """Every URL that shows ``page`` (in every language).

    The page, its ancestors (listings, section and home blocks), the pages the
    hook ``pagecache_related_pages`` names (tag pages, feeds, policy listings,
    the items whose 上一篇/下一篇 or 相关信息 show it), the site maps, and for a
    column or section the pages whose navigation shows it (``navigation_urls``).
    """
    pages = _translations([page, *extra_pages])
    related_urls = navigation_urls(pages)
    for fn in hooks.get_hooks("pagecache_related_pages"):
        more_pages, more_urls = fn(page.specific)
        pages += _translations(list(more_pages))
        related_urls |= set(more_urls)
    urls = set(related_urls) | site_wide_urls()
    seen = set()
    for p in pages:
        chain = [p]
        if with_ancestors and p.depth and p.depth > 2:
            # The same few columns for every item of an import: listed once per bulk block.
            chain += bulk.memo(("pagecache.ancestors", p.path[: -p.steplen]),
                               lambda p=p: list(p.get_ancestors().filter(depth__gte=2)))
        for q in chain:
            if q.pk in seen:
                continue
            seen.add(q.pk)
            url = q.get_full_url()
            if url:
                urls.add(url)
    return urls


def pages_only_urls(pages):
    """The URLs of ``pages`` themselves in every language (no listings, no site maps)."""
    urls = set()
    for p in _translations([p for p in pages if p is not None]):
        url = p.get_full_url()
        if url:
            urls.add(url)
    return urls


def subtree_urls(page):
    """The page, all its descendants and all its ancestors, in every language."""
    pages = list(Page.objects.descendant_of(page, inclusive=True))
    urls = set()
    for p in _translations(pages):
        url = p.get_full_url()
        if url:
            urls.add(url)
    return urls | page_urls(page)


def all_urls():
    """Every public URL (site settings, the navigation or a section changed)."""
    urls = site_wide_urls()
    for p in Page.objects.live().filter(depth__gte=2):
        url = p.get_full_url()
        if url:
            urls.add(url)
    for fn in hooks.get_hooks("pagecache_all_urls"):
        urls |= set(fn())
    return urls


def changed(urls):
    """Bump the generation now and after commit; purge ``urls`` after commit, and once more a little later.

    The second purge (``PAGECACHE["REPURGE_AFTER"]`` seconds, default 5; 0 turns it
    off) removes a page that a request already running at gunicorn when the change
    committed rendered from the old content and nginx stored after the first purge.
    It runs in a daemon thread, so a short-lived command (shell, import) may exit first.
    """
    generation.bump()
    urls = set(urls)

    def after_commit():
        generation.bump()
        send(urls)
        delay = _repurge_delay()
        if delay and urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
            timer = threading.Timer(delay, send, args=(urls,))
            timer.daemon = True
            timer.start()

    transaction.on_commit(after_commit)


def _repurge_delay():
    return getattr(settings, "PAGECACHE", {}).get("REPURGE_AFTER", 5)


def send(urls):
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        purge_urls_from_cache(sorted(urls))
    except Exception:  # noqa: BLE001 - a cache outage must never fail a publish
        logger.exception("Purging %d URLs from the page cache failed", len(urls))
