"""Answer 410 Gone, with the stated reason, for pages removed after review (instead of a bare 404)."""
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Site

from core import hant


class RemovedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD") or request.path.startswith("/admin/"):
            return response
        removal = self._removal_for(request)
        if removal is None:
            return response
        title, reason = removal.page.title, removal.reason
        if translation.get_language() == "zh-hant":  # the 繁體 copy was withdrawn with its source: same notice, in 繁體
            title, reason = hant.convert(title), hant.convert(reason)
        context = {"removal": removal, "removed_title": title, "removed_reason": reason, "page": None}
        gone = TemplateResponse(request, "moderation/gone.html", context, status=410)
        return gone.render()

    def _removal_for(self, request):
        from .models import RemovalRequest

        site = Site.find_for_request(request)
        if site is None or len(request.path) > 1000:
            return None
        path = request.path
        language = get_language_from_path(path)
        if language and path.startswith(f"/{language}/"):
            path = path[len(language) + 1:]
        root_path = site.root_page.url_path
        url_path = root_path.rstrip("/") + "/" + path.strip("/") + "/"
        return (
            RemovalRequest.objects.filter(
                status=RemovalRequest.Status.REMOVED, page__url_path=url_path, page__live=False
            ).select_related("page").order_by("-removed_at").first()
        )
