"""Every change of a request goes through here: it checks the rule, records
the clock event and writes one Wagtail log entry (actions in wagtail_hooks.py).
"""
import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workdays.calendar import add_workdays, workdays_between
from workdays.clock import EXTEND, PAUSE, RESTART, RESUME, START

from . import roles
from .models import (
    ANSWER_LIMIT, CORRECTION_NOTICE_LIMIT, DEFAULT_CORRECTION_PERIOD, MAX_EXTENSION, THIRD_PARTY_PERIOD,
    ClockEntry, DisclosureRequest, FeeBasis, ReceivedChannel, Status,
)
from .outcomes import Outcome

Reason = ClockEntry.Reason


class RequestActionError(Exception):
    """A step that the rules do not allow now; the message is for the user."""


def _check(condition, message):
    if not condition:
        raise RequestActionError(message)


def _entry(request, kind, reason, day, user, days=0, note="", approver=None):
    entry = ClockEntry.objects.create(request=request, kind=kind, reason=reason, day=day, days=days, note=note,
                                      approver=approver, user=user)
    request.clock()  # replays: a wrong order raises ClockError and the transaction rolls back
    return entry


def _log(request, action, user, **data):
    log(instance=request, action=f"disclosure_requests.{action}", user=user, data=data)


def _not_before_last_event(request, day):
    last = request.clock_entries.order_by("-day", "-id").first()
    _check(last is None or day >= last.day, _("The date cannot be before the previous step (%(day)s).")
           % {"day": last.day.isoformat() if last else ""})
    _check(day <= timezone.localdate(), _("The date cannot be in the future."))


@transaction.atomic
def register(request, user=None):
    """Save a new request (online or registered by staff) and start its clock; return the 查询码."""
    code = request.save_new()
    _entry(request, START, Reason.RECEIVED, request.received_date, user, days=ANSWER_LIMIT)
    if request.received_channel == ReceivedChannel.ONLINE and user is None:
        _log(request, "received", None, number=request.number)
    else:
        request.registered_by = user
        request.save(update_fields=["registered_by"])
        _log(request, "registered", user, number=request.number, channel=request.get_received_channel_display(),
             received=request.received_date.isoformat())
    return code


@transaction.atomic
def request_correction(request, user, day, text, period=DEFAULT_CORRECTION_PERIOD):
    _check(request.status == Status.HANDLING, _("A correction can only be requested while the request is handled."))
    _check(request.correction_requested_on is None, _("A correction can be requested only once."))
    _not_before_last_event(request, day)
    _check(workdays_between(request.received_date, day) <= CORRECTION_NOTICE_LIMIT,
           _("A correction must be requested within %(days)s working days of receipt.")
           % {"days": CORRECTION_NOTICE_LIMIT})
    _check(bool(text.strip()), _("Say what must be corrected."))
    _check(1 <= period <= 60, _("The correction period must be between 1 and 60 working days."))
    _entry(request, PAUSE, Reason.CORRECTION_REQUESTED, day, user, note=text[:300])
    request.correction_requested_on = day
    request.correction_due = add_workdays(day, period)
    request.correction_text = text
    request.status = Status.AWAITING_CORRECTION
    request.save()
    _log(request, "correction_requested", user, day=day.isoformat(), due=request.correction_due.isoformat(),
         text=text[:300])


@transaction.atomic
def receive_correction(request, user, day):
    _check(request.status == Status.AWAITING_CORRECTION, _("No correction is awaited."))
    _not_before_last_event(request, day)
    _check(day <= request.correction_due, _("The correction period ended on %(due)s: close the request as lapsed.")
           % {"due": request.correction_due.isoformat()})
    _entry(request, RESTART, Reason.CORRECTION_RECEIVED, day, user, days=ANSWER_LIMIT)
    request.status = Status.HANDLING
    request.save()
    _log(request, "correction_received", user, day=day.isoformat(), due=request.clock().due_date.isoformat())


@transaction.atomic
def lapse(request, user, day):
    """The applicant did not correct in time: 视为放弃, counted under 其他处理 1."""
    _check(request.status == Status.AWAITING_CORRECTION, _("No correction is awaited."))
    _check(day > request.correction_due, _("The correction period runs until %(due)s.")
           % {"due": request.correction_due.isoformat()})
    _check(day <= timezone.localdate(), _("The date cannot be in the future."))
    request.outcome = Outcome.OTHER_NO_CORRECTION
    request.answer_text = _("The request was not corrected within the period set and is no longer handled.")
    request.status = Status.CLOSED
    request.closed_date = day
    request.save()
    _log(request, "lapsed", user, day=day.isoformat())


@transaction.atomic
def consult(request, user, day, party):
    _check(request.status == Status.HANDLING, _("A third party can only be consulted while the request is handled."))
    _not_before_last_event(request, day)
    _check(bool(party.strip()), _("Name the third party or agency consulted."))
    _entry(request, PAUSE, Reason.CONSULTATION, day, user, note=party[:300])
    request.consultation_due = add_workdays(day, THIRD_PARTY_PERIOD)
    request.status = Status.CONSULTING
    request.save()
    _log(request, "consulted", user, day=day.isoformat(), party=party[:300],
         due=request.consultation_due.isoformat())


@transaction.atomic
def consultation_done(request, user, day, note=""):
    _check(request.status == Status.CONSULTING, _("No consultation is running."))
    _not_before_last_event(request, day)
    _entry(request, RESUME, Reason.CONSULTATION_DONE, day, user, note=note[:300])
    request.status = Status.HANDLING
    request.consultation_due = None
    request.save()
    _log(request, "consultation_done", user, day=day.isoformat(), due=request.clock().due_date.isoformat())


@transaction.atomic
def extend(request, user, approver, day, days, reason):
    _check(request.status in (Status.HANDLING, Status.CONSULTING), _("Only a request being handled can be extended."))
    _check(not request.clock_entries.filter(reason=Reason.EXTENSION).exists(),
           _("The time limit can be extended only once."))
    _check(1 <= days <= MAX_EXTENSION, _("An extension is at most %(days)s working days.") % {"days": MAX_EXTENSION})
    _check(bool(reason.strip()), _("Give the reason for the extension."))
    _check(approver is not None and roles.can_approve(approver),
           _("The extension must be approved by the head of the office."))
    _not_before_last_event(request, day)
    _entry(request, EXTEND, Reason.EXTENSION, day, user, days=days, note=reason[:300], approver=approver)
    _log(request, "extended", user, day=day.isoformat(), days=days, reason=reason[:300],
         approver=approver.get_full_name() or approver.get_username())


@transaction.atomic
def draft_answer(request, user, outcome, answer_text, legal_basis="", fee=None, fee_basis=FeeBasis.PER_ITEM,
                 pages=None, fee_reason=""):
    """Draft the answer; the fee is computed from the 109号 tiers unless staff give another with a reason."""
    from .fees import suggested_fee

    _check(request.status in (Status.HANDLING, Status.AWAITING_APPROVAL),
           _("An answer can only be drafted while the request is handled."))
    _check(outcome in Outcome.values and outcome != Outcome.OTHER_NO_CORRECTION,
           _("Choose the outcome of the request."))
    _check(bool(answer_text.strip()), _("Write the answer."))
    _check(fee_basis in (FeeBasis.PER_ITEM, FeeBasis.PER_PAGE), _("Choose how the fee is counted."))
    _check(fee_basis != FeeBasis.PER_PAGE or pages is not None,
           _("Give the number of pages provided to count the fee by page."))
    suggested, quantity = suggested_fee(request, fee_basis, pages)
    fee = suggested if fee is None else Decimal(fee).quantize(Decimal("0.01"))
    fee_reason = (fee_reason or "").strip()
    _check(fee >= 0, _("The fee cannot be negative."))
    _check(fee == suggested or bool(fee_reason),
           _("The standard fee is %(fee)s yuan; give the reason for charging %(other)s yuan.")
           % {"fee": suggested, "other": fee})
    request.outcome = outcome
    request.answer_text = answer_text
    request.legal_basis = legal_basis
    request.fee = fee
    request.fee_basis = fee_basis
    request.fee_quantity = quantity
    request.fee_suggested = suggested
    request.fee_reason = fee_reason if fee != suggested else ""
    request.answered_by = user
    request.status = Status.AWAITING_APPROVAL
    request.save()
    _log(request, "answer_drafted", user, outcome=Outcome(outcome).label, fee=str(fee), fee_suggested=str(suggested),
         fee_basis=FeeBasis(fee_basis).label, fee_quantity=quantity, reason=request.fee_reason)


@transaction.atomic
def approve_answer(request, user):
    _check(roles.can_approve(user), _("Only the head of the office approves answers."))
    _check(request.status == Status.AWAITING_APPROVAL, _("No answer is waiting for approval."))
    request.status = Status.APPROVED
    request.approved_by = user
    request.approved_at = timezone.now()
    request.save()
    _log(request, "answer_approved", user, outcome=request.get_outcome_display())


@transaction.atomic
def return_answer(request, user, note):
    _check(roles.can_approve(user), _("Only the head of the office approves answers."))
    _check(request.status == Status.AWAITING_APPROVAL, _("No answer is waiting for approval."))
    _check(bool(note.strip()), _("Say what must be changed."))
    request.status = Status.HANDLING
    request.save()
    _log(request, "answer_returned", user, note=note[:300])


@transaction.atomic
def send_answer(request, user, day, delivery_note):
    _check(request.status == Status.APPROVED, _("Only an approved answer can be sent."))
    _check(bool(delivery_note.strip()), _("Record how the answer was delivered."))
    _not_before_last_event(request, day)
    request.status = Status.CLOSED
    request.closed_date = day
    request.delivery_note = delivery_note
    request.save()
    clock = request.clock()
    _log(request, "answer_sent", user, day=day.isoformat(), delivery=delivery_note[:300],
         late=bool(clock.running and clock.used_on(day) > clock.limit))


def answered_late(request):
    """Closed after its due date (counted on the closing day)."""
    if not request.closed_date:
        return False
    clock = request.clock()
    return clock.running and clock.used_on(request.closed_date) > clock.limit


def due_state(request, today=None):
    """(due date or None, days left or None, overdue?) for the listing."""
    today = today or timezone.localdate()
    clock = request.clock()
    if not request.is_open:
        return clock.due_date, None, False
    if not clock.running:
        return None, None, False
    return clock.due_date, clock.days_left(today), clock.is_overdue(today)


def parse_day(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)
