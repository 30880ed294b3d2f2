"""Working-day calendar: Chinese statutory holidays and 调休 workdays.

Public API (import from ``workdays.calendar``): ``is_workday(date)``,
``add_workdays(date, n)``, ``workdays_between(a, b)``.
"""
