"""The one-month feedback rule: flags for the dashboards and the daily reminder."""

from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from core.notifications import notify

from .access import can_handle, department_groups
from .models import ConsultationPage, FeedbackPage
from .models.consultation import today

REMIND_DAYS_BEFORE = 7


def _closed_without_feedback(day):
    with_feedback = FeedbackPage.objects.live().values_list("path", flat=True)
    prefixes = {path[: -FeedbackPage.steplen] for path in with_feedback}
    return [p for p in ConsultationPage.objects.live().filter(end_date__lt=day).select_related("department")
            if p.path not in prefixes]


def feedback_flags(day=None):
    """[(consultation, "overdue" or "due_soon", due date)] for every closed consultation without published feedback."""
    day = day or today()
    out = []
    for page in _closed_without_feedback(day):
        due = page.feedback_due_date
        if day > due:
            out.append((page, "overdue", due))
        elif (due - day).days <= REMIND_DAYS_BEFORE:
            out.append((page, "due_soon", due))
    return out


def overdue_and_due_soon(user, day=None):
    return [flag for flag in feedback_flags(day) if can_handle(user, flag[0])]


def send_reminders(day=None, stdout=None):
    """Mail the owning department and the 办公室 once a day per consultation; log each reminder."""
    day = day or today()
    sent = 0
    for page, kind, due in feedback_flags(day):
        already = PageLogEntry.objects.filter(page=page, action="participation.feedback_reminder",
                                              data__day=day.isoformat()).exists()
        if already:
            continue
        result = notify(department_groups(page), "participation/email/feedback_reminder",
                        {"page": page, "due": due, "overdue": kind == "overdue", "day": day})
        log(page, "participation.feedback_reminder",
            data={"day": day.isoformat(), "kind": kind, "due": due.isoformat(), "sent": len(result.sent)})
        sent += 1
        if stdout:
            stdout.write(f"{page.title}: {kind} ({due}), {len(result.sent)} mails")
    return sent
