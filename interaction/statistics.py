"""Monthly letter statistics: received, answered, on time, average working days; by type and department.

One grouped query per breakdown; nothing is loaded letter by letter, so the
page stays fast at hundreds of thousands of letters (see benchmarks/letters_benchmark.py).
"""
import datetime
import re

from django.db.models import Avg, Count, F, Q

from .models import Letter, State

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value, today):
    match = MONTH.match(value or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return datetime.date(year, month, 1)
    return today.replace(day=1)


def recent_months(today, count):
    months, current = [], today.replace(day=1)
    for _ in range(count):
        months.append(current)
        current = (current - datetime.timedelta(days=1)).replace(day=1)
    return months


def _next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


AGGREGATES = {
    "received": Count("pk"),
    "answered": Count("pk", filter=Q(state=State.REPLIED)),
    "on_time": Count("pk", filter=Q(state=State.REPLIED, replied_at__date__lte=F("due_date"))),
    "average_days": Avg("workdays_used", filter=Q(state=State.REPLIED)),
}


def _finish(row):
    answered = row["answered"] or 0
    row["on_time_rate"] = round(100 * row["on_time"] / answered, 1) if answered else None
    row["average_days"] = round(row["average_days"], 1) if row["average_days"] is not None else None
    return row


def monthly(month):
    """The figures of letters received in ``month`` (a date on the 1st)."""
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(_next_month(month), datetime.time.min, tzinfo=tz)
    letters = Letter.objects.filter(submitted_at__gte=start, submitted_at__lt=end).exclude(state=State.MERGED)
    total = _finish(letters.aggregate(**AGGREGATES))
    by_type = [_finish(r) for r in letters.values("letter_type__name", "letter_type__channel")
               .annotate(**AGGREGATES).order_by("letter_type__channel", "letter_type__name")]
    by_department = [_finish(r) for r in letters.exclude(department=None).values("department__name")
                     .annotate(**AGGREGATES).order_by("-received", "department__name")]
    peak = max([r["received"] for r in by_type] + [1])
    for row in by_type:
        row["received_width"] = round(100 * row["received"] / peak)
        row["answered_width"] = round(100 * row["answered"] / peak)
    return {"total": total, "by_type": by_type, "by_department": by_department}
