"""互动回应差: a working consultation channel, and no valid letter unanswered for more than 3 months.

Reads only ``interaction.api`` (the letters app). Where that app is not
installed yet the check reports *pending*: not checked, never passing.
"""
from django.utils.translation import gettext as _

from .base import INDICATORS, FindingData, ok
from ..models import Severity

RULE = "interaction"
SOURCE = f"{INDICATORS} 单项否决指标 三、互动回应差（未提供有效的政民互动渠道；监测时间点前3个月内存在超过3个月未回应的有效留言）"
UNANSWERED_DAYS = 90


def _api():
    try:
        from interaction import api
    except ImportError:
        return None
    return api


def check(ctx):
    api = _api()
    if api is None:
        yield FindingData(RULE, "site", Severity.PENDING,
                          _("Pending: the letters app (interaction) is not installed, so the interaction indicator is not checked."),
                          SOURCE, single_veto=True, data={"reason": "interaction not importable"})
        return
    try:
        channel = api.consultation_channel_status()
        unanswered = list(api.unanswered_letters(UNANSWERED_DAYS))
    except (AttributeError, TypeError) as error:
        yield FindingData(RULE, "site", Severity.PENDING,
                          _("Pending: interaction.api does not offer what this check needs (%(error)s).") % {"error": error},
                          SOURCE, single_veto=True, data={"reason": str(error)})
        return
    working = bool(getattr(channel, "ok", channel.get("ok") if isinstance(channel, dict) else channel))
    if not working:
        yield FindingData(RULE, "channel", Severity.VETO, _("No working consultation channel."), SOURCE,
                          single_veto=True, days_left=0)
    for letter in unanswered:
        pk = getattr(letter, "pk", None) or (letter.get("id") if isinstance(letter, dict) else letter)
        department_id = getattr(letter, "department_id", None) or (letter.get("department_id") if isinstance(letter, dict) else None)
        yield FindingData(RULE, f"letter:{pk}", Severity.VETO,
                          _("Letter %(id)s has had no answer for more than 3 months.") % {"id": pk}, SOURCE,
                          single_veto=True, department_id=department_id, days_left=0)
    if working and not unanswered:
        yield ok(RULE, "site", _("A consultation channel works and no valid letter is unanswered after 3 months."),
                 SOURCE, single_veto=True)
