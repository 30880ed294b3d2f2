"""The publication deadline check: each decision must be public within N working days.

N is the plugin setting ``deadline_workdays`` (7 by the 双公示 rules).
Working days come from the platform calendar (``workdays``), so 国庆 and
春节 holidays and their 调休 weekend workdays are counted correctly.
"""
from dataclasses import dataclass
import datetime

from django.utils import timezone

from plugins import plugin_setting
from workdays.calendar import add_workdays, workdays_between

from .models import DisclosureRecord

LATE = "late"  # published after the deadline
OVERDUE = "overdue"  # not published and the deadline has passed


def deadline_workdays():
    return int(plugin_setting("shuanggongshi", "deadline_workdays"))


def publication_deadline(decision_date, workdays=None):
    return add_workdays(decision_date, deadline_workdays() if workdays is None else workdays)


@dataclass
class DeadlineProblem:
    record: DisclosureRecord
    status: str
    deadline: datetime.date
    workdays_taken: int

    @property
    def workdays_over(self):
        return self.workdays_taken - deadline_workdays()


def check_record(record, today=None, workdays=None):
    """A DeadlineProblem for a late or overdue record, else None."""
    workdays = deadline_workdays() if workdays is None else workdays
    today = today or timezone.localdate()
    deadline = add_workdays(record.decision_date, workdays)
    if record.published_on:
        if record.published_on > deadline:
            return DeadlineProblem(record, LATE, deadline, workdays_between(record.decision_date, record.published_on))
        return None
    if today > deadline:
        return DeadlineProblem(record, OVERDUE, deadline, workdays_between(record.decision_date, today))
    return None


def deadline_problems(departments=None, today=None):
    """Late and overdue records, optionally only those of the given departments.

    One query; records published within N calendar days cannot be late
    (N working days are at least N calendar days), so they are not checked.
    """
    today = today or timezone.localdate()
    workdays = deadline_workdays()
    qs = DisclosureRecord.objects.select_related("department").order_by("department__sort_order", "department__name", "decision_date", "pk")
    qs = qs.filter(decision_date__lt=today - datetime.timedelta(days=workdays))
    if departments is not None:
        qs = qs.filter(department__in=departments)
    problems = []
    for record in qs:
        if record.published_on and (record.published_on - record.decision_date).days <= workdays:
            continue
        problem = check_record(record, today=today, workdays=workdays)
        if problem:
            problems.append(problem)
    return problems
