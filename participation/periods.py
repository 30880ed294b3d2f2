"""Minimum comment periods per kind of draft, counted on the working-day calendar.

- 重大行政决策 (国务院令第713号) and 规章: at least 30 days;
- 行政规范性文件: at least 7 working days, 30 days when the draft closely
  concerns how businesses operate;
- other drafts: no minimum.

A period runs from its first to its last day, both counted. A shorter period is
allowed only with a stated reason, which the public page shows.
"""
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from workdays.calendar import workdays_between

MAJOR_DECISION, REGULATION, NORMATIVE, OTHER = "major_decision", "regulation", "normative", "other"


@dataclass(frozen=True)
class Minimum:
    days: int
    working_days: bool

    def text(self):
        if self.working_days:
            return _("%(n)s working days") % {"n": self.days}
        return _("%(n)s days") % {"n": self.days}


def minimum_period(kind, concerns_business=False):
    """The statutory minimum for a draft of ``kind``, or None when there is none."""
    if kind in (MAJOR_DECISION, REGULATION):
        return Minimum(30, False)
    if kind == NORMATIVE:
        return Minimum(30, False) if concerns_business else Minimum(7, True)
    return None


def period_length(start, end, working_days):
    """Days (or working days) from ``start`` to ``end``, both included."""
    before = start - datetime.timedelta(days=1)
    if working_days:
        return workdays_between(before, end)
    return (end - before).days


def is_shorter_than_minimum(kind, start, end, concerns_business=False):
    minimum = minimum_period(kind, concerns_business)
    if minimum is None or start is None or end is None:
        return False
    return period_length(start, end, minimum.working_days) < minimum.days


def period_errors(kind, start, end, concerns_business=False, reason=""):
    """{field: message} for a period that is inverted, or shorter than the minimum without a reason."""
    if start is None or end is None:
        return {}
    if end < start:
        return {"end_date": _("The period must not end before it starts.")}
    minimum = minimum_period(kind, concerns_business)
    if minimum is None or (reason or "").strip():
        return {}
    length = period_length(start, end, minimum.working_days)
    if length < minimum.days:
        return {"short_period_reason": _(
            "This kind of draft must be open for comment for at least %(minimum)s; this period has %(length)s. "
            "Give the reason for the shorter period (it is shown publicly)."
        ) % {"minimum": minimum.text(), "length": Minimum(length, minimum.working_days).text()}}
    return {}
