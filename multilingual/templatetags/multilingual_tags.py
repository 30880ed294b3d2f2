from django import template
from django.utils.html import format_html, format_html_join

from ..alternates import language_versions

register = template.Library()


def _versions(request, page):
    """language_versions, once per request and page (the switcher and hreflang both need them)."""
    from django.utils import translation

    key = (getattr(page, "pk", None), request.get_full_path(), translation.get_language())
    memo = getattr(request, "_language_versions", None)
    if memo is None or memo[0] != key:
        memo = (key, language_versions(request, page))
        request._language_versions = memo
    return memo[1]


@register.simple_tag(takes_context=True)
def page_language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return _versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every language the page exists in, plus x-default."""
    request = context.get("request")
    if request is None:
        return ""
    versions = [v for v in _versions(request, context.get("page")) if v.exact]
    if len(versions) < 2:
        return ""
    links = [(v.hreflang, request.build_absolute_uri(v.url)) for v in versions]
    default = links[0][1]  # settings.LANGUAGES[0] is the source language
    links.append(("x-default", default))
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links)
