"""``{% pagecache "name" vary... %}…{% endpagecache %}``: a fragment cached until the next publish.

Like Django's ``{% cache %}``, but the key holds the content generation (bumped
by every publish, unpublish, move, deletion and settings change), the language
and the host, so nothing needs a timeout to become fresh. A ``None`` vary value
(e.g. ``page.pk`` on a view that is not a page) renders without caching, and
so does every preview.
"""
from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()


class PageCacheNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        request = context.get("request")
        vary = [v.resolve(context) for v in self.vary]
        if (
            request is None
            or request.method not in ("GET", "HEAD")
            or getattr(request, "is_preview", False)  # drafts are never cached, nor shown from the cache
            or request.path.startswith("/admin/")
            or any(v is None or v == "" for v in vary)
        ):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        return fragments.get_or_set(request, name, vary, lambda: mark_safe(self.nodelist.render(context)))


@register.tag("pagecache")
def do_pagecache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'pagecache' needs a fragment name")
    nodelist = parser.parse(("endpagecache",))
    parser.delete_first_token()
    return PageCacheNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
