"""The working-day clock, replayed across National Day 2026 and its 调休 Saturday (10-10)."""
import datetime

import pytest
from django.utils import translation

from workdays.clock import ClockError, ClockEvent, replay

D = datetime.date
pytestmark = pytest.mark.django_db


def test_due_date_skips_the_national_day_holiday():
    # Received on Monday 09-28: 09-29 and 09-30 count, 10-01..10-07 are off, 10-08 is the third day.
    state = replay([ClockEvent("start", D(2026, 9, 28), days=3)])
    assert state.due_date == D(2026, 10, 8)
    assert state.days_left(D(2026, 9, 30)) == 1
    assert state.days_left(D(2026, 10, 7)) == 1
    assert not state.is_overdue(D(2026, 10, 8))
    assert state.is_overdue(D(2026, 10, 9))


def test_the_adjusted_saturday_is_a_working_day():
    state = replay([ClockEvent("start", D(2026, 10, 8), days=2)])
    assert state.due_date == D(2026, 10, 10)  # Friday 10-09, then Saturday 10-10 (调休)


def test_paused_days_do_not_count():
    state = replay(
        [
            ClockEvent("start", D(2026, 9, 28), days=5),
            ClockEvent("pause", D(2026, 9, 29)),  # one day used
        ]
    )
    assert state.paused and state.due_date is None
    assert state.days_left(D(2026, 10, 30)) == 4  # nothing counts while paused
    state = replay(
        [
            ClockEvent("start", D(2026, 9, 28), days=5),
            ClockEvent("pause", D(2026, 9, 29)),
            ClockEvent("resume", D(2026, 10, 9)),
        ]
    )
    # Four days left after Friday 10-09: Sat 10-10, Mon 10-12, Tue 10-13, Wed 10-14.
    assert state.due_date == D(2026, 10, 14)
    assert [step.used for step in state.steps] == [0, 1, 1]


def test_extension_adds_to_the_limit():
    state = replay([ClockEvent("start", D(2026, 10, 8), days=2), ClockEvent("extend", D(2026, 10, 9), days=3)])
    assert state.limit == 5
    assert state.due_date == D(2026, 10, 14)


def test_restart_counts_from_the_corrected_request():
    state = replay(
        [
            ClockEvent("start", D(2026, 9, 28), days=20),
            ClockEvent("pause", D(2026, 9, 29), note="补正"),
            ClockEvent("restart", D(2026, 10, 8)),
        ]
    )
    assert state.used == 0 and state.running
    assert state.due_date == D(2026, 11, 4)  # 20 working days after 10-08, 10-10 included
    assert state.days_left(D(2026, 10, 10)) == 18


def test_impossible_orders_are_refused():
    start = ClockEvent("start", D(2026, 10, 8), days=2)
    with pytest.raises(ClockError):
        replay([ClockEvent("pause", D(2026, 10, 8))])
    with pytest.raises(ClockError):
        replay([start, ClockEvent("resume", D(2026, 10, 9))])
    with pytest.raises(ClockError):
        replay([start, ClockEvent("pause", D(2026, 10, 9)), ClockEvent("pause", D(2026, 10, 12))])
    with pytest.raises(ClockError):
        replay([start, ClockEvent("pause", D(2026, 10, 1))])
    with pytest.raises(ClockError):
        replay([start, start])
    with pytest.raises(ClockError):
        ClockEvent("stop", D(2026, 10, 8))


def test_each_step_explains_itself_in_chinese():
    with translation.override("zh-hans"):
        state = replay(
            [
                ClockEvent("start", D(2026, 9, 28), days=3),
                ClockEvent("pause", D(2026, 9, 29), note="征求第三方意见"),
                ClockEvent("resume", D(2026, 10, 9)),
            ]
        )
    texts = [step.text for step in state.steps]
    assert texts[0] == "2026-09-28：开始计时，期限 3 个工作日，截止 2026-10-08"
    assert texts[1] == "2026-09-29：暂停计时，已用 1 个工作日（期限 3 个工作日）（征求第三方意见）"
    assert texts[2] == "2026-10-09：恢复计时，已用 1 个工作日（期限 3 个工作日），截止 2026-10-12"
