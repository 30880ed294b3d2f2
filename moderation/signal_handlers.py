from wagtail.signals import page_published, task_submitted, workflow_cancelled

from .models import DepartmentHeadTaskState
from .notifications import DepartmentHeadSubmissionNotifier

department_head_notifier = DepartmentHeadSubmissionNotifier()


def register():
    task_submitted.connect(
        department_head_notifier, sender=DepartmentHeadTaskState, dispatch_uid="moderation_department_head_submitted",
    )
    workflow_cancelled.connect(cancel_removal_request, dispatch_uid="moderation_cancel_removal_request")
    page_published.connect(log_new_corrections, dispatch_uid="moderation_log_new_corrections")


def cancel_removal_request(sender, instance, user=None, **kwargs):
    from .models import RemovalRequest

    RemovalRequest.objects.filter(workflow_state=instance, status=RemovalRequest.Status.PENDING).update(
        status=RemovalRequest.Status.CANCELLED
    )


def log_new_corrections(sender, instance, revision=None, **kwargs):
    """A published revision that adds a 更正说明 is a correction: log each new note once."""
    from wagtail.log_actions import log
    from wagtail.models import PageLogEntry

    if revision is None:
        return
    notes = revision.content.get("correction_notes") or []
    if not notes:
        return
    logged = {
        (entry.get("date"), entry.get("note"))
        for entry in PageLogEntry.objects.filter(page=instance, action="moderation.correction").values_list("data", flat=True)
    }
    for note in notes:
        key = (str(note.get("date")), note.get("note"))
        if key not in logged:
            log(instance=instance, action="moderation.correction", user=kwargs.get("user") or revision.user,
                revision=revision, data={"date": key[0], "note": key[1]})
