"""长者模式 / 无障碍: a server-rendered reading mode (工信部《互联网网站适老化通用设计规范》).

The reader switches it on with an ordinary link (no script needed, no third-party
toolbar); a cookie keeps it on across pages. When it is on, every page is
rendered with ``class="care-mode"`` on ``<html>`` and the extra stylesheet
``css/care.css`` (text ≥ 18 pt, line height 1.5, high contrast, a large cursor,
strong focus outlines). Such responses are never stored by the page cache: they
carry ``Cache-Control: private``, and nginx bypasses its cache when the cookie
is present (``deploy/nginx/page-cache-http.conf``).
"""
from django.http import HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme

COOKIE = "govsite_care"
MAX_AGE = 365 * 24 * 3600


def is_on(request):
    return request is not None and request.COOKIES.get(COOKIE) == "1"


def context_processor(request):
    return {"care_mode": is_on(request)}


class CareModeMiddleware:
    """Pages rendered in 长者模式 stay out of shared caches (they differ from the cached ordinary page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_on(request):
            patch_cache_control(response, private=True, no_cache=True)
        return response


def switch(request):
    """``/care-mode/?on=1&next=/path/``: switch the mode on (on=1) or off (on=0), back to ``next``."""
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "0":
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(COOKIE, "1", max_age=MAX_AGE, samesite="Lax", secure=request.is_secure())
    patch_cache_control(response, private=True, no_cache=True)
    return response
