"""``{{ block.super|nonce_inline_scripts:request }}``: give the inline scripts of a third-party admin template the
request's CSP nonce (django-csp), for templates whose inline code cannot simply move to a static file."""
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*\bnonce=)([^>]*)>", re.IGNORECASE)


@register.filter
def nonce_inline_scripts(html, request):
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:  # not behind CSPMiddleware (its lazy nonce is falsy until first read, so test for None)
        return html
    return mark_safe(_INLINE_SCRIPT.sub(lambda m: f'<script nonce="{escape(str(nonce))}"{m.group(1)}>', str(html)))
