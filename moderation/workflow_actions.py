"""What happens when a review chain completes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Reviewers hold no publish permission of their own — only a completed workflow
publishes — so the approved revision is published on the workflow's authority,
recorded under the user who gave the last approval. A workflow that reviewed a
removal request unpublishes the page instead.
"""
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log


def publish_approved_revision(workflow_state, user=None):
    from .models import RemovalRequest

    removal = RemovalRequest.objects.filter(
        workflow_state=workflow_state, status=RemovalRequest.Status.PENDING
    ).first()
    if removal is not None:
        page = workflow_state.content_object.specific
        UnpublishPageAction(page, user=user, log_action=True, include_descendants=True).execute(skip_permission_checks=True)
        removal.status = RemovalRequest.Status.REMOVED
        removal.removed_at = timezone.now()
        removal.save(update_fields=["status", "removed_at"])
        log(instance=page, action="moderation.removed", user=user, data={"reason": removal.reason})
        return
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
