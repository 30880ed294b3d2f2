"""站点无法访问: over the last 7 days, 5% or more of the probes slow (15 s or more) or failed is a single veto."""
import datetime

from django.utils.translation import gettext as _

from .base import INDICATORS, FindingData, ok
from ..models import AvailabilityProbe, Severity

RULE = "availability"
SOURCE = f"{INDICATORS} 单项否决指标 一、站点无法访问（监测时间点前1周内，超过（含）15秒打不开的次数比例累计超过（含）5%）"
SLOW_SECONDS = 15
VETO_SHARE = 0.05


def check(ctx):
    from django.utils import timezone

    now = ctx.now or timezone.now()
    probes = AvailabilityProbe.objects.filter(at__gt=now - datetime.timedelta(days=7), at__lte=now)
    total = probes.count()
    if not total:
        yield FindingData(RULE, "site", Severity.PENDING,
                          _("Pending: no availability probe in the last 7 days (run manage.py probe_availability from cron)."),
                          SOURCE, single_veto=True)
        return
    from django.db.models import Q

    bad = probes.filter(Q(ok=False) | Q(seconds__gte=SLOW_SECONDS)).count()
    share = bad / total
    args = {"bad": bad, "total": total, "share": f"{share:.1%}"}
    data = {"bad": bad, "total": total, "share": share}
    if share >= VETO_SHARE:
        yield FindingData(RULE, "site", Severity.VETO, _("%(bad)s of %(total)s probes slow or failed (%(share)s) in 7 days.") % args,
                          SOURCE, single_veto=True, days_left=0, data=data)
    elif share >= VETO_SHARE / 2:
        yield FindingData(RULE, "site", Severity.VETO_RISK, _("%(bad)s of %(total)s probes slow or failed (%(share)s) in 7 days.") % args,
                          SOURCE, single_veto=True, data=data)
    else:
        yield ok(RULE, "site", _("%(bad)s of %(total)s probes slow or failed (%(share)s) in 7 days.") % args, SOURCE,
                 single_veto=True, data=data)
