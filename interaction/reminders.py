"""Reminders one working day before a letter is due, escalation when overdue, and the long-unanswered alarm.

Each message goes out once per due date (a flag on the letter), so the
command can run every hour. A valid letter left unanswered for three months
vetoes the whole site in the national inspection; the alarm fires long before,
after ``LETTER_LONG_ALARM_DAYS`` calendar days (default 45).
"""
import datetime

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from core.notifications import notify
from workdays.calendar import add_workdays

from .models import Letter
from .workflow import _log

LEADER_GROUP = "分管局领导"


def handlers(letter):
    """Who works on the letter now: the department's editors and head, else the receiving role."""
    department = letter.department
    if department is not None and letter.state in ("assigned", "drafted"):
        return [g.name for g in (department.group, department.head_group) if g is not None]
    group = letter.letter_type.receiving_group
    return [group.name] if group else []


def run(today=None, stdout=None):
    today = today or timezone.localdate()
    counts = {"reminded": 0, "escalated": 0, "alarmed": 0}
    letters = Letter.objects.open().select_related("letter_type__receiving_group", "department__group",
                                                    "department__head_group")
    next_workday = add_workdays(today, 1)
    for letter in letters.filter(due_date__gte=today, due_date__lte=next_workday).filter(
            Q(reminded_for__isnull=True) | ~Q(reminded_for=F("due_date"))):
        notify(handlers(letter), "interaction/email/letter_due_soon", {"letter": letter})
        Letter.objects.filter(pk=letter.pk).update(reminded_for=letter.due_date)
        _log(letter, "interaction.letter.reminded", due=letter.due_date.isoformat())
        counts["reminded"] += 1
    for letter in letters.filter(due_date__lt=today).filter(
            Q(escalated_for__isnull=True) | ~Q(escalated_for=F("due_date"))):
        notify(handlers(letter) + [LEADER_GROUP], "interaction/email/letter_overdue", {"letter": letter})
        Letter.objects.filter(pk=letter.pk).update(escalated_for=letter.due_date)
        _log(letter, "interaction.letter.escalated", due=letter.due_date.isoformat())
        counts["escalated"] += 1
    alarm_days = getattr(settings, "LETTER_LONG_ALARM_DAYS", 45)
    since = timezone.make_aware(datetime.datetime.combine(today - datetime.timedelta(days=alarm_days),
                                                          datetime.time.max))
    for letter in letters.filter(submitted_at__lte=since, long_alarm_sent=False):
        group = letter.letter_type.receiving_group
        notify(handlers(letter) + [LEADER_GROUP] + ([group.name] if group else []),
               "interaction/email/letter_long_unanswered", {"letter": letter, "days": alarm_days})
        Letter.objects.filter(pk=letter.pk).update(long_alarm_sent=True)
        _log(letter, "interaction.letter.long_alarm", days=alarm_days)
        counts["alarmed"] += 1
    return counts

