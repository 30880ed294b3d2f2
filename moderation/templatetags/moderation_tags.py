"""Tags that show reviewers what they are deciding on: a removal (撤除) says so, with its reason."""
from django import template

register = template.Library()


def pending_removal(page):
    """The pending removal request under review for ``page``, if any."""
    from moderation.models import RemovalRequest

    if page is None or not getattr(page, "pk", None):
        return None
    from django.db.models import Q

    return (
        RemovalRequest.objects.filter(page_id=page.pk, status=RemovalRequest.Status.PENDING)
        # No state yet: the request is being created and its workflow is starting (first notification).
        .filter(Q(workflow_state__status="in_progress") | Q(workflow_state__isnull=True))
        .select_related("requested_by").first()
    )


@register.inclusion_tag("moderation/includes/removal_notice.html")
def removal_notice(page, plain=False):
    return {"removal": pending_removal(page), "plain": plain}


@register.simple_tag
def removal_subject_prefix(page):
    from django.utils.translation import gettext

    return gettext("[Removal] ") if pending_removal(page) else ""


@register.inclusion_tag("moderation/includes/confidentiality_forms.html")
def confidentiality_forms(page):
    """The 保密审查表 filled in for ``page``, newest first, for whoever decides on it next."""
    from moderation.models import ConfidentialityReview

    if page is None or not getattr(page, "pk", None):
        return {"reviews": []}
    return {"reviews": list(ConfidentialityReview.objects.filter(page_id=page.pk).order_by("-created_at")[:5]),
            "page": page}
