"""Content checks run on a page when it is submitted for review and again at each approval.

Moderation imports no feature app: an app registers a check with the Wagtail
hook ``moderation_content_checks``::

    @hooks.register("moderation_content_checks")
    def my_check(page, *, user, stage, task_state=None):
        return [ContentProblem(BLOCK, "key", "message")]

``stage`` is ``"submit"`` or ``"approve"``; ``task_state`` is the review step
being approved. A *block* problem refuses the submission (the form shows it)
or the approval. A *warn* problem lets the page be submitted; a reviewer must
acknowledge it (``acknowledged=True``) before approving, and ``review_url``
says where.
"""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail import hooks

BLOCK, WARN = "block", "warn"
HOOK = "moderation_content_checks"


@dataclass
class ContentProblem:
    severity: str
    key: str
    message: str
    acknowledged: bool = False
    review_url: str = ""


def problems_for(page, *, user, stage, task_state=None):
    problems = []
    for check in hooks.get_hooks(HOOK):
        problems.extend(check(page, user=user, stage=stage, task_state=task_state) or [])
    return problems


def submission_errors(page, user):
    """Messages of the problems that refuse a submission."""
    return [p.message for p in problems_for(page, user=user, stage="submit") if p.severity == BLOCK]


def approval_refusal(task_state, user, page=None):
    """Why this approval is refused (blocking problems, unacknowledged warnings), or None.

    ``page`` is the content being approved: the step's revision unless the
    reviewer edited it in the same request.
    """
    if page is None:
        page = task_state.revision.as_object() if task_state.revision_id else task_state.workflow_state.content_object
    problems = problems_for(page, user=user, stage="approve", task_state=task_state)
    blocking = [p.message for p in problems if p.severity == BLOCK]
    if blocking:
        return _("Approval refused: %(problems)s") % {"problems": "；".join(blocking)}
    open_warnings = [p for p in problems if p.severity == WARN and not p.acknowledged]
    if open_warnings:
        where = open_warnings[0].review_url
        message = _("Acknowledge these warnings before approving: %(problems)s") % {
            "problems": "；".join(p.message for p in open_warnings)}
        if where:
            message += _(" (acknowledge them at %(url)s)") % {"url": where}
        return message
    return None


def check_approval(task_state, user):
    refusal = approval_refusal(task_state, user)
    if refusal:
        raise PermissionDenied(refusal)
