"""Is a date a working day in mainland China?

Source of truth, in order:
1. ``WorkdayOverride`` rows entered by an administrator;
2. the maintained ``chinese-calendar`` package (statutory holidays and 调休
   weekend workdays, as published by the State Council);
3. for years the package has no data for (it raises NotImplementedError),
   plain weekends. ``has_official_data(year)`` tells callers (and the admin)
   when results are only this fallback.

Overrides and answers are cached per process; the cache is cleared when an override changes.
"""
import datetime
import logging

import chinese_calendar

logger = logging.getLogger("govsite.workdays")

_overrides = None
_days = {}  # date -> bool, the answers so far (cleared with the overrides)
_warned_years = set()


def clear_cache():
    global _overrides
    _overrides = None
    _days.clear()


def _override_map():
    global _overrides
    if _overrides is None:
        from .models import WorkdayOverride

        _overrides = dict(WorkdayOverride.objects.values_list("date", "is_workday"))
    return _overrides


def has_official_data(year):
    """True when chinese-calendar knows the holiday arrangement of ``year``."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def last_official_year():
    """The last year chinese-calendar has the State Council's arrangement for."""
    return max(chinese_calendar.holidays).year


def is_workday(day):
    """Whether ``day`` (a date or datetime) is a working day."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    try:
        return _days[day]
    except KeyError:
        _days[day] = answer = _is_workday(day)
        return answer


def _is_workday(day):
    override = _override_map().get(day)
    if override is not None:
        return override
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            logger.warning(
                "chinese-calendar has no holiday data for %s; using weekends and admin overrides only", day.year
            )
        return day.weekday() < 5


def add_workdays(day, n):
    """The date ``n`` working days after ``day`` (before it when ``n`` is negative).

    ``add_workdays(d, 0)`` is ``d`` itself, even on a day off.
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    while remaining:
        day += datetime.timedelta(days=step)
        if is_workday(day):
            remaining -= 1
    return day


def workdays_between(start, end):
    """Working days after ``start`` up to and including ``end`` (negative if end < start).

    So ``workdays_between(d, add_workdays(d, n)) == n``: a decision dated
    ``d`` published on ``add_workdays(d, 7)`` took exactly 7 working days.
    """
    if end < start:
        return -workdays_between(end, start)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_workday(day):
            count += 1
    return count
