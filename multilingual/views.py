from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from . import conf
from .review import ReviewRefused, refusal_reason, review_status, submit_for_review


def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if page.locale.language_code not in conf.reviewed_languages():
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[page.get_parent().id])

    if request.method == "POST":
        try:
            submit_for_review(page, request.user)
        except ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("“%(title)s” was submitted for review.") % {"title": page.title})
            return redirect(next_url)

    translation, total, done = review_status(page)
    return TemplateResponse(request, "multilingual/submit_for_review.html", {
        "page": page,
        "translation": translation,
        "total": total,
        "done": done,
        "refusal": refusal_reason(page, request.user),
        "next": next_url,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.id]),
    })
