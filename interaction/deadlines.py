"""A letter's deadline: its stored clock events replayed by ``workdays.clock``.

Nothing here counts working days; it turns rows into ``ClockEvent`` objects,
asks ``workdays.clock.replay`` and keeps a copy of the due date on the letter
for queries.
"""
from django.utils import timezone

from workdays.clock import ClockEvent, replay

from .models import LetterClockEvent


def clock_state(letter):
    events = [ClockEvent(e.kind, e.day, days=e.days, note=e.note) for e in letter.clock_events.all()]
    return replay(events)


def add_event(letter, kind, day=None, days=0, note="", user=None, approving_role=""):
    """Record a clock event (validated by replaying it) and refresh the letter's due date."""
    day = day or timezone.localdate()
    event = ClockEvent(kind, day, days=days, note=note)
    previous = [ClockEvent(e.kind, e.day, days=e.days, note=e.note) for e in letter.clock_events.all()]
    state = replay(previous + [event])  # raises ClockError before anything is written
    LetterClockEvent.objects.create(letter=letter, kind=kind, day=day, days=days, note=note[:500], user=user,
                                    approving_role=approving_role[:100])
    letter.due_date = state.due_date
    letter.workdays_used = state.used
    letter.save(update_fields=["due_date", "workdays_used"])
    return state


def days_left(letter, today=None):
    state = clock_state(letter)
    if not state.running:
        return None
    return state.days_left(today or timezone.localdate())


def working_days_taken(letter):
    """Working days from receipt to reply, as the clock counted them (paused time excluded)."""
    if letter.replied_at is None:
        return None
    state = clock_state(letter)
    return state.used_on(timezone.localtime(letter.replied_at).date())
