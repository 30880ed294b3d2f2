"""A statutory clock counted in working days, replayed from recorded events.

Letters, 依申请公开 requests and consultation periods all have deadlines that
pause and restart: a request waits for the applicant's 补正 or for a third
party, a letter is extended once with approval. A feature stores its own
events (one row per event, with who and why) and asks this module what they
mean; it never counts days itself.

    from workdays.clock import ClockEvent, replay

    state = replay([
        ClockEvent("start", date(2026, 9, 28), days=20),   # received
        ClockEvent("pause", date(2026, 9, 30)),            # sent to a third party
        ClockEvent("resume", date(2026, 10, 20)),          # its opinion arrived
        ClockEvent("extend", date(2026, 10, 22), days=20),  # approved extension
    ])
    state.due_date, state.days_left(today), state.steps  # each step says why

Counting follows 《政府信息公开条例》 and the letter rules: the day an event
happens is not counted, the clock counts from the next working day (as
``workdays_between``). Time between a ``pause`` and its ``resume`` does not
count. ``restart`` sets the used days back to zero (a corrected request is a
new receipt); it may also set a new limit. ``extend`` adds working days to the
limit.
"""
import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .calendar import add_workdays, workdays_between

START, PAUSE, RESUME, EXTEND, RESTART = "start", "pause", "resume", "extend", "restart"
KINDS = (START, PAUSE, RESUME, EXTEND, RESTART)


class ClockError(ValueError):
    """Events that cannot happen in this order (e.g. a pause while paused)."""


@dataclass(frozen=True)
class ClockEvent:
    kind: str
    day: datetime.date
    days: int = 0  # the limit for start/restart (0 keeps it on restart), the added days for extend
    note: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ClockError(f"unknown clock event {self.kind!r}")
        if isinstance(self.day, datetime.datetime):
            object.__setattr__(self, "day", self.day.date())
        if self.days < 0:
            raise ClockError("days must not be negative")


@dataclass(frozen=True)
class ClockStep:
    """One replayed event and the clock right after it."""

    event: ClockEvent
    used: int  # working days counted so far
    limit: int
    running: bool
    due_date: datetime.date | None  # None while paused
    text: str  # says, in the user's language, what the event did to the clock


@dataclass
class ClockState:
    limit: int = 0
    used: int = 0  # working days counted up to the last event
    running: bool = False
    since: datetime.date | None = None  # when the clock last started running
    steps: list = field(default_factory=list)

    @property
    def started(self):
        return bool(self.steps)

    @property
    def paused(self):
        return self.started and not self.running

    @property
    def due_date(self):
        """The last day to answer while the clock runs; None while paused or before start."""
        if not self.running:
            return None
        return add_workdays(self.since, self.limit - self.used)

    def used_on(self, today):
        """Working days counted up to and including ``today``."""
        if self.running and today > self.since:
            return self.used + workdays_between(self.since, today)
        return self.used

    def days_left(self, today):
        """Working days left after ``today``; negative when overdue."""
        return self.limit - self.used_on(today)

    def is_overdue(self, today):
        return self.running and self.days_left(today) < 0


def replay(events):
    """The clock after ``events`` (in the order they happened)."""
    state = ClockState()
    for event in events:
        _apply(state, event)
        state.steps.append(
            ClockStep(
                event=event,
                used=state.used,
                limit=state.limit,
                running=state.running,
                due_date=state.due_date,
                text=_describe(event, state),
            )
        )
    return state


def _apply(state, event):
    if event.kind == START:
        if state.started:
            raise ClockError("the clock has already started")
        if not event.days:
            raise ClockError("a start needs a limit in working days")
        state.limit, state.used, state.running, state.since = event.days, 0, True, event.day
        return
    if not state.started:
        raise ClockError(f"{event.kind} before the clock started")
    last_day = state.steps[-1].event.day
    if event.day < last_day:
        raise ClockError(f"{event.kind} on {event.day} is before the previous event ({last_day})")
    if event.kind == PAUSE:
        if not state.running:
            raise ClockError("the clock is already paused")
        state.used = state.used_on(event.day)
        state.running = False
    elif event.kind == RESUME:
        if state.running:
            raise ClockError("the clock is not paused")
        state.running, state.since = True, event.day
    elif event.kind == EXTEND:
        if not event.days:
            raise ClockError("an extension needs a number of working days")
        state.limit += event.days
    elif event.kind == RESTART:
        state.used, state.running, state.since = 0, True, event.day
        if event.days:
            state.limit = event.days


def _describe(event, state):
    due = state.due_date
    context = {
        "day": event.day.isoformat(),
        "days": event.days,
        "used": state.used,
        "limit": state.limit,
        "due": due.isoformat() if due else "",
    }
    if event.kind == START:
        text = _("%(day)s: clock started, %(limit)s working days, due %(due)s") % context
    elif event.kind == PAUSE:
        text = _("%(day)s: clock paused after %(used)s of %(limit)s working days") % context
    elif event.kind == RESUME:
        text = _("%(day)s: clock resumed with %(used)s of %(limit)s working days used, due %(due)s") % context
    elif event.kind == EXTEND:
        if due:
            text = _("%(day)s: extended by %(days)s working days, due %(due)s") % context
        else:
            text = _("%(day)s: extended by %(days)s working days (clock paused)") % context
    else:
        text = _("%(day)s: clock restarted, %(limit)s working days, due %(due)s") % context
    if event.note:
        text = f"{text}（{event.note}）"
    return text
