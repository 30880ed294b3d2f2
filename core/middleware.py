"""Refuse characters no page, filter or form value can contain, before they reach the database.

PostgreSQL rejects a NUL byte in any text parameter ("A string literal cannot
contain NUL (0x00) characters"), so a %00 in a path or a filter turned a 404
into a 500 there (issue 18, item 5). Control characters other than tab,
newline and carriage return are refused too. The answer is 400 on both
backends, the same for every view.
"""
import re

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def has_invalid_characters(text):
    return bool(text) and _INVALID.search(text) is not None


class InvalidInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._invalid(request):
            return HttpResponseBadRequest(
                "<!doctype html><meta charset=utf-8><title>400</title><p>%s</p>"
                % _("The request contains characters that are not allowed."),
            )
        return self.get_response(request)

    def _invalid(self, request):
        if has_invalid_characters(request.path_info):
            return True
        for key, values in request.GET.lists():
            if has_invalid_characters(key) or any(has_invalid_characters(v) for v in values):
                return True
        content_type = request.META.get("CONTENT_TYPE", "")
        if request.method == "POST" and content_type.startswith("application/x-www-form-urlencoded"):
            for key, values in request.POST.lists():
                if has_invalid_characters(key) or any(has_invalid_characters(v) for v in values):
                    return True
        return False


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the site uses no camera, microphone, location or payment API."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response
