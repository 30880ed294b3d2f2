"""Route a public page request in two queries, whatever the depth of the tree.

Wagtail's ``Page.route()`` walks the path one tree level at a time (a query
for the child and one for its specific form per level), after looking up the
active locale and the root page's translation; the view-restriction check then
lists the ancestors again. ``RouteMiddleware`` resolves the whole path before
``wagtail.views.serve`` runs, and hands Wagtail the result through
``request._wagtail_route_for_request`` (the attribute ``Page.route_for_request``
caches its own answer in):

1. one query for every page the path can name: the site roots' translations,
   the ancestors of the root, and per path component the pages at that depth
   with that slug (each row marked when it has a view restriction of its own);
2. one query for the routed page in its specific form.

The chain from the tree root to the routed page is kept on the request, so
breadcrumbs, language versions and the site root need no further query, and
``Site.get_site_root_paths()`` is built from the same rows (``find_site``
lists all sites in the request's first query).

Wagtail's behaviour is kept: only the last page must be live; an
intermediate or final page whose class overrides ``route()`` (e.g.
``RoutablePageMixin``) gets the remaining components and routes them itself;
a translated root that is not live falls back to the source root; anything
unusual (an alias in the chain, a translated root at another depth) is left
to Wagtail's own walk. View restrictions are those of the page and its
ancestors, as in ``Page.get_view_restrictions()``: the page's
``get_view_restrictions`` answers from the marked rows (``none()`` when no
page of the chain is restricted).
"""
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

_CHAIN_ATTR = "_route_chain"


def find_site(request, queryset=None):
    """``Site.find_for_request`` from a list of all sites (one query), which also serves the site root paths.

    ``queryset`` (default ``Site.objects``) may join more to each site (the page cache joins the content
    generation and the site settings).

    The choice follows ``wagtail.models.sites.get_site_for_hostname``: hostname and port, then the hostname
    of the default site, then the only other site with that hostname beside the default, then the default.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    sites = list(
        (Site.objects if queryset is None else queryset).select_related("root_page", "root_page__locale")
        .order_by("-root_page__url_path", "-is_default_site", "hostname")  # get_site_root_paths' order
    )
    request._all_sites = sites
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    request._wagtail_site = _pick_site(sites, hostname, port)
    return request._wagtail_site


def _pick_site(sites, hostname, port):
    try:
        port = int(port)
    except (TypeError, ValueError):
        pass

    def match(site):
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    candidates = sorted((s for s in sites if s.hostname == hostname or s.is_default_site), key=match)
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def chain(request, page):
    """The routed pages from the tree root down to ``page`` (plain ``Page`` rows, the last one specific),
    or None when ``page`` is not the page this request was routed to."""
    found = getattr(request, _CHAIN_ATTR, None) if request is not None else None
    if found and getattr(page, "pk", None) is not None and found[-1].pk == page.pk:
        return found
    return None


def localized_root(request):
    """The current language's home page as routing found it (Wagtail's ``site.root_page.localized``), or None."""
    return getattr(request, "_route_localized_root", None) if request is not None else None


class RouteMiddleware:
    """Resolve ``wagtail_serve`` requests with ``resolve()`` before Wagtail's view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else None)
        if path is not None:
            resolve(request, path)
        return None


def resolve(request, path):
    """Set ``request._wagtail_route_for_request`` for ``path`` (below the site root); False: left to Wagtail."""
    site = find_site(request)
    if site is None or site.root_page_id is None:
        return False
    root = site.root_page
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return False
    components = [c for c in path.split("/") if c]
    sites = getattr(request, "_all_sites", None)
    root_keys = {s.root_page.translation_key for s in sites} if sites else {root.translation_key}
    steplen = Page.steplen
    above_root = [root.path[: steplen * depth] for depth in range(1, root.depth)]
    wanted = Q(translation_key__in=root_keys) | Q(path__in=above_root)
    for offset, slug in enumerate(components, 1):
        wanted |= Q(depth=root.depth + offset, slug=slug)
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    rows = list(
        Page.objects.filter(wanted).select_related("locale").annotate(has_restriction=Exists(restricted)).order_by("path")
    )
    by_pk = {row.pk: row for row in rows}
    root_row = by_pk.get(root.pk)
    if root_row is None:
        return False
    if sites:
        request._wagtail_cached_site_root_paths = _site_root_paths(sites, rows)

    start = root_row
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) and root_row.locale.language_code != language:
        translated = next(
            (r for r in rows if r.translation_key == root_row.translation_key and r.locale.language_code == language),
            None,
        )
        if translated is not None and translated.live:
            start = translated
    if start.depth != root.depth or start.path[:-steplen] != root.path[:-steplen]:
        return False  # a translated root elsewhere in the tree: Wagtail walks it
    request._route_localized_root = start

    ancestors = [r for r in rows if r.path in above_root]
    walked = ancestors + [start]
    current, remaining = start, components
    while remaining and not _routes_itself(current):
        slug, depth = remaining[0], current.depth + 1
        child = next((r for r in rows if r.depth == depth and r.slug == slug and r.path.startswith(current.path)), None)
        if child is None:
            request._wagtail_route_for_request = None  # Wagtail's Page.route: Http404
            return True
        child._cached_parent_obj = current
        walked.append(child)
        current, remaining = child, remaining[1:]
    if current.specific_class is None or any(r.alias_of_id for r in walked):
        return False

    specific = _load_specific(current)
    current.__dict__["specific"] = specific
    if current is start:
        request._route_localized_root = specific
    try:
        result = specific.route(request, remaining)
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    if result is not None and result[0] is specific:
        _know_view_restrictions(specific, walked)
        walked[-1] = specific
        setattr(request, _CHAIN_ATTR, walked)
    return True


def _routes_itself(page):
    cls = page.specific_class
    return cls is None or cls.route is not Page.route


def _load_specific(page):
    """The page in its specific form, with its locale (one query; ``route_select_related`` names more FKs)."""
    model = page.specific_class
    related = ("locale", *getattr(model, "route_select_related", ()))
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name in ("_cached_parent_obj",):
        if name in page.__dict__:
            setattr(specific, name, page.__dict__[name])
    return specific


def _know_view_restrictions(page, walked):
    """``page.get_view_restrictions()`` without its two queries: the chain's rows say which pages have one."""
    ids = [r.pk for r in walked if getattr(r, "has_restriction", False)]
    restrictions = PageViewRestriction.objects.filter(page_id__in=ids) if ids else PageViewRestriction.objects.none()
    page.get_view_restrictions = lambda: restrictions


def _site_root_paths(sites, rows):
    """``Site.get_site_root_paths()`` from the sites and the roots' translations among ``rows``."""
    result = []
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    for site in sites:
        if site.root_page_id is None:
            continue
        if i18n:
            key = site.root_page.translation_key
            result.extend(
                SiteRootPath(site.id, r.url_path, site.root_url, r.locale.language_code)
                for r in rows if r.translation_key == key
            )
        else:
            root = site.root_page
            result.append(SiteRootPath(site.id, root.url_path, site.root_url, root.locale.language_code))
    return result
