"""首页栏目不更新: no new item on the home page's feeds for 14 days is a single veto."""
from django.utils.translation import gettext as _

from .base import INDICATORS, FindingData, ok
from ..models import Severity

RULE = "home_freshness"
SOURCE = f"{INDICATORS} 单项否决指标 二、不更新（首页栏目监测时间点前2周内无信息更新）"
VETO_DAYS = 14
WARN_DAYS = 10


def check(ctx):
    snap = ctx.snapshot
    if snap.newest is None:
        yield FindingData(RULE, "home", Severity.VETO, _("The home page feeds have no published item at all."),
                          SOURCE, single_veto=True, days_left=0)
        return
    age = (ctx.today - snap.newest).days
    days_left = max(0, VETO_DAYS - age)
    data = {"newest": snap.newest.isoformat(), "age": age}
    args = {"age": age, "newest": snap.newest, "left": days_left}
    if age >= VETO_DAYS:
        yield FindingData(RULE, "home", Severity.VETO,
                          _("No new item on the home page for %(age)s days (newest published %(newest)s).") % args,
                          SOURCE, single_veto=True, page_id=snap.newest_item_id, days_left=0, data=data)
    elif age >= WARN_DAYS:
        yield FindingData(RULE, "home", Severity.VETO_RISK,
                          _("No new item on the home page for %(age)s days; a single veto in %(left)s days.") % args,
                          SOURCE, single_veto=True, page_id=snap.newest_item_id, days_left=days_left, data=data)
    else:
        yield ok(RULE, "home", _("Newest home page item published %(newest)s (%(age)s days ago).") % args, SOURCE,
                 single_veto=True, days_left=days_left, data=data)
