"""What other apps (the inspection profile) may ask about letters. No personal data ever leaves here.

The national indicators (国办秘函〔2019〕19号) veto a site without a working
咨询建言 channel or with a valid message unanswered for more than 3 months,
and deduct points when no reply is published for 2 months.
"""
import datetime

from django.utils import timezone

from .models import Channel, Letter, LetterType, State

CONSULTATION_CHANNELS = (Channel.MAILBOX, Channel.CONSULTATION)
INVALID_STATES = (State.REJECTED, State.MERGED)


def _cutoff(days):
    days = max(0, int(days))
    return timezone.now() - datetime.timedelta(days=days)


def _public_row(letter):
    return {
        "number": letter.number,
        "title": letter.title,
        "type": str(letter.letter_type),
        "state": letter.state,
        "received": timezone.localtime(letter.submitted_at),
        "due_date": letter.due_date,
        "department": letter.department.name if letter.department else "",
        "replied": timezone.localtime(letter.replied_at) if letter.replied_at else None,
    }


def consultation_channel_status():
    """Is there a working 咨询建言 channel? On this site, or as a 链接跳转 to a unified platform."""
    types = list(LetterType.objects.filter(channel__in=CONSULTATION_CHANNELS, active=True))
    own = [t for t in types if not t.external_url]
    since = _cutoff(90)
    recent = Letter.objects.filter(letter_type__channel__in=CONSULTATION_CHANNELS, submitted_at__gte=since)
    return {
        "working": bool(types) and all(t.external_url or t.receiving_group_id for t in types),
        "on_site_types": [str(t) for t in own],
        "external_urls": sorted({t.external_url for t in types if t.external_url}),
        "without_receiving_role": [str(t) for t in own if not t.receiving_group_id],
        "received_last_90_days": recent.count(),
        "replied_last_90_days": recent.filter(state=State.REPLIED).count(),
    }


def unanswered_letters(days):
    """Valid letters received more than ``days`` calendar days ago and still without a reply."""
    letters = (Letter.objects.open().filter(submitted_at__lt=_cutoff(days))
               .select_related("letter_type", "department").order_by("submitted_at"))
    return [_public_row(letter) for letter in letters]


def letters_without_published_reply(days):
    """Letters that may be published (type and writer agree) received over ``days`` days ago, not yet published."""
    letters = (Letter.objects.exclude(state__in=INVALID_STATES)
               .filter(submitted_at__lt=_cutoff(days), allow_publish=True, letter_type__publish_replies=True,
                       published=False)
               .select_related("letter_type", "department").order_by("submitted_at"))
    return [_public_row(letter) for letter in letters]
