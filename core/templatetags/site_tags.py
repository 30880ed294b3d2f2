"""Template tags for the public site chrome: navigation, links, QR code."""
import functools

import segno
from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def page_href(context, page):
    """Where a link to ``page`` should go: link columns go to their target."""
    request = context.get("request")
    nav_url = getattr(page, "nav_url", None)
    if nav_url:
        return nav_url(request)
    return page.get_url(request=request) or ""


@register.simple_tag(takes_context=True)
def site_root(context):
    """The current language's home page (remembered on the request: the header and breadcrumbs both ask).

    On a routed page it is the root routing found (``core.routing``: no query; a plain ``Page`` unless
    the home page itself was routed to), elsewhere ``site.root_page.localized`` in its specific form.
    """
    from core import routing

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    cached = getattr(request, "_site_root_page", None)
    if cached is None or cached[0] != translation.get_language():
        root = routing.localized_root(request) or site.root_page.localized.specific
        cached = (translation.get_language(), root)
        request._site_root_page = cached
    return cached[1]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The ancestors of ``page`` from the home page down (plain pages: the trail needs titles and URLs only)."""
    from core import routing

    root = site_root(context)
    if root is None or not isinstance(page, Page):
        return []
    walked = routing.chain(context.get("request"), page)
    if walked is not None:
        return [p for p in walked[:-1] if p.depth >= root.depth]
    return list(page.get_ancestors(inclusive=False).filter(depth__gte=root.depth))


@register.simple_tag
def menu_children(parent):
    """The live children of ``parent`` for a menu, in tree order: one query for plain pages, and one more
    only when some of them link elsewhere (a class with ``nav_url``, e.g. link columns: loaded specific
    for ``page_href``). A menu needs titles and URLs, not every page's specific fields."""
    from core.pages import for_menu

    if not isinstance(parent, Page):
        return []
    return for_menu(parent.get_children().live())


@functools.lru_cache(maxsize=2048)
def _qr_svg(url, scale):
    try:
        qr = segno.make(url, error="m")
    except segno.DataOverflowError:
        return None
    return qr.svg_inline(scale=scale, dark="#1f2d3d", light="#ffffff", omitsize=False)


@register.simple_tag(takes_context=True)
def qr_code_svg(context, scale=3):
    """An inline SVG QR code of the current page's absolute URL, made once per URL and process.

    Very long query strings (e.g. a 1,000-character search) do not fit a QR
    code: the page without its query string is encoded instead.
    """
    request = context.get("request")
    if request is None:
        return ""
    svg = _qr_svg(request.build_absolute_uri(), scale)
    if svg is None:
        svg = _qr_svg(request.build_absolute_uri(request.path), scale)
    return mark_safe(svg or "")


# Places where feature apps add HTML without the lower floors importing them.
# Each is a Wagtail hook whose functions take ``(request, page)`` and return
# HTML (already escaped, e.g. from render_to_string) or None:
#   "column_page_extras"  below a column's heading (sections' column page)
#   "page_extras"         after the body of content pages (articles, policy documents, interpretations)
#   "site_footer_links"   links in the footer of every page (page may be None)
FRAGMENT_HOOKS = ("column_page_extras", "page_extras", "site_footer_links")


@register.simple_tag(takes_context=True)
def hook_fragments(context, hook_name, page=None):
    """The HTML every function registered for ``hook_name`` returns for this page, in hook order."""
    from wagtail import hooks

    if hook_name not in FRAGMENT_HOOKS:
        raise template.TemplateSyntaxError(f"unknown fragment hook {hook_name!r}")
    request = context.get("request")
    parts = [fn(request, page) for fn in hooks.get_hooks(hook_name)]
    return mark_safe("".join(str(part) for part in parts if part))


@register.filter(name="local_text")
def local_text_filter(value):
    """A stored Simplified value (tag, topic, name) in the reader's script: converted on the 繁體 site."""
    from core.localize import local_text

    return local_text(str(value)) if value else value
