"""The reviewer's view of the 错敏词/personal-data warnings of the step they are deciding, with acknowledgement."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.log_actions import log
from wagtail.models import TaskState

from .models import WarningAcknowledgement
from .publish_checks import findings_for


def _reviewable(request, task_state_id):
    task_state = get_object_or_404(TaskState.objects.select_related("workflow_state", "revision"), pk=task_state_id)
    page = task_state.workflow_state.content_object
    if task_state.status != TaskState.STATUS_IN_PROGRESS or task_state.revision is None:
        return task_state, page, False
    task = task_state.task.specific
    if not task.get_actions(page, request.user):
        raise PermissionDenied
    return task_state, page, True


@require_admin_access
def review(request, task_state_id):
    task_state, page, open_step = _reviewable(request, task_state_id)
    if not open_step:
        messages.error(request, _("This review step is no longer awaiting a decision."))
        return redirect("wagtailadmin_home")
    content = task_state.revision.as_object()
    findings = findings_for(content)
    acknowledged = {a.term: a for a in WarningAcknowledgement.objects.filter(task_state=task_state).select_related("user")}
    if request.method == "POST":
        wanted = set(request.POST.getlist("term")[:500])
        warn_keys = {key for severity, key, _m, _d in findings if severity == "warn"}
        chosen = sorted((wanted & warn_keys) - set(acknowledged))
        if not chosen:
            messages.error(request, _("Choose at least one open warning to acknowledge."))
        else:
            with transaction.atomic():
                for key in chosen:
                    try:
                        with transaction.atomic():
                            WarningAcknowledgement.objects.create(task_state=task_state, term=key, user=request.user)
                    except IntegrityError:
                        continue
                log(instance=page.specific, action="inspection.warning_acknowledged", user=request.user,
                    revision=task_state.revision, data={"task_state": task_state.pk, "terms": chosen})
            messages.success(request, _("%(count)s warnings acknowledged.") % {"count": len(chosen)})
        return redirect("inspection:review", task_state.pk)
    rows = [
        {"severity": severity, "key": key, "message": message, "detail": detail, "ack": acknowledged.get(key)}
        for severity, key, message, detail in findings
    ]
    return TemplateResponse(request, "inspection/review.html", {
        "task_state": task_state, "page": page, "rows": rows,
        "open_warnings": [r for r in rows if r["severity"] == "warn" and not r["ack"]],
        "blocking": [r for r in rows if r["severity"] == "block"],
    })
