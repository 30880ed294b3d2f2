"""A request's statutory clock: its ClockEntry rows replayed by ``workdays.clock``."""
from workdays.clock import ClockEvent, replay


def events_of(request):
    return [ClockEvent(e.kind, e.day, days=e.days, note=e.note) for e in request.clock_entries.all()]


def clock_of(request):
    return replay(events_of(request))
