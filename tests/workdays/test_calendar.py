"""Working days: statutory holidays, 调休 workdays, admin overrides, years without data."""
import datetime as dt

import pytest

from workdays.calendar import add_workdays, has_official_data, is_workday, workdays_between
from workdays.models import WorkdayOverride

D = dt.date
pytestmark = pytest.mark.django_db


def test_national_day_holiday_and_adjusted_workdays():
    assert not is_workday(D(2025, 10, 1))  # 国庆
    assert not is_workday(D(2025, 10, 8))  # 国庆 + 中秋 2025
    assert is_workday(D(2025, 9, 28))  # Sunday, 调休 workday
    assert is_workday(D(2025, 10, 11))  # Saturday, 调休 workday
    assert not is_workday(D(2025, 10, 18))  # ordinary Saturday
    assert is_workday(D(2025, 10, 9))
    assert is_workday(dt.datetime(2025, 10, 9, 23, 0))


def test_add_workdays_skips_the_holiday():
    assert add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert add_workdays(D(2025, 9, 29), 7) == D(2025, 10, 15)
    assert add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)
    assert add_workdays(D(2025, 10, 1), 0) == D(2025, 10, 1)


def test_workdays_between_is_consistent_with_add_workdays():
    start = D(2025, 9, 26)
    for n in range(0, 15):
        assert workdays_between(start, add_workdays(start, n)) == n
    assert workdays_between(D(2025, 9, 29), D(2025, 10, 15)) == 7
    assert workdays_between(D(2025, 10, 15), D(2025, 9, 29)) == -7
    assert workdays_between(D(2025, 10, 1), D(2025, 10, 8)) == 0


def test_override_wins_over_the_package_and_cache_is_refreshed():
    assert not is_workday(D(2025, 10, 8))
    override = WorkdayOverride.objects.create(date=D(2025, 10, 8), is_workday=True, note="test")
    assert is_workday(D(2025, 10, 8))
    override.delete()
    assert not is_workday(D(2025, 10, 8))


def test_years_without_package_data_fall_back_to_weekends_and_overrides():
    assert not has_official_data(2035)
    assert has_official_data(2025)
    assert is_workday(D(2035, 1, 1))  # a Monday; the package does not know it is 元旦
    WorkdayOverride.objects.create(date=D(2035, 1, 1), is_workday=False, note="元旦")
    assert not is_workday(D(2035, 1, 1))
    assert not is_workday(D(2035, 1, 6))  # Saturday
    WorkdayOverride.objects.create(date=D(2035, 1, 6), is_workday=True, note="调休")
    assert is_workday(D(2035, 1, 6))
    assert add_workdays(D(2034, 12, 29), 1) == D(2035, 1, 2)
