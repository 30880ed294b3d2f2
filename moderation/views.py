from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Page

from .access import can_view_page_records
from .models import ConfidentialityReview


def confidentiality_review(request, pk):
    """One 信息发布保密审查表, laid out for printing and filing (接收、登记和归档)."""
    review = get_object_or_404(
        ConfidentialityReview.objects.select_related("page", "revision", "task_state__task", "reviewed_by"), pk=pk,
    )
    if not can_view_page_records(request.user, review.page):
        raise PermissionDenied
    rows = [
        (ConfidentialityReview._meta.get_field(name).verbose_name, getattr(review, f"get_{name}_display")())
        for name in ("involves_secrets", "involves_privacy", "aggregation_risk", "timing_appropriate",
                     "format_compliant", "conclusion")
    ]
    return TemplateResponse(
        request, "moderation/confidentiality_review.html", {"review": review, "page": review.page, "rows": rows},
    )


def page_confidentiality_reviews(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not can_view_page_records(request.user, page):
        raise PermissionDenied
    reviews = ConfidentialityReview.objects.filter(page=page).select_related("revision", "reviewed_by")
    return TemplateResponse(
        request, "moderation/page_confidentiality_reviews.html", {"page": page, "reviews": reviews},
    )
