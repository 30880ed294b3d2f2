"""栏目不更新 and 空白栏目, by each column's 更新类别 from the site-tree file.

Single-veto thresholds (国办秘函〔2019〕19号 二、不更新):
- 5 or more 动态/要闻 columns not updated in 2 weeks, or 通知公告/政策文件
  columns not updated in 6 months;
- 10 or more columns that should be updated but have not been for long
  (custom-class columns past their period, or any checked column idle a year);
- 5 or more empty columns.
"""
import datetime

from django.utils.translation import gettext as _

from .base import INDICATORS, FindingData, ok
from ..models import Severity

STALE_RULE, LONG_RULE, EMPTY_RULE = "column_stale", "column_long_unupdated", "column_empty"
STALE_SOURCE = f"{INDICATORS} 单项否决指标 二、不更新（动态、要闻类栏目2周内、通知公告、政策文件类栏目6个月内未更新，累计超过（含）5个）"
LONG_SOURCE = f"{INDICATORS} 单项否决指标 二、不更新（应更新但长期未更新的栏目数超过（含）10个）"
EMPTY_SOURCE = f"{INDICATORS} 单项否决指标 二、不更新（空白栏目数量超过（含）5个）"
STALE_VETO, LONG_VETO, EMPTY_VETO = 5, 10, 5
LONG_IDLE_DAYS = 365


def _leaf_columns(snap):
    """Columns that hold items themselves (column groups are judged through their sub-columns)."""
    return [c for c in snap.columns.values() if not c.is_link and c.sub_columns == 0 and c.update_class.checked]


def _summary(rule, count, threshold, source, what):
    args = {"count": count, "threshold": threshold, "what": what}
    if count >= threshold:
        return FindingData(rule, "site", Severity.VETO, _("%(count)s %(what)s: the single-veto threshold of %(threshold)s is reached.") % args,
                           source, single_veto=True, days_left=0, data={"count": count, "threshold": threshold})
    if count >= threshold - 2 and count:
        return FindingData(rule, "site", Severity.VETO_RISK,
                           _("%(count)s %(what)s; the single veto is reached at %(threshold)s.") % args,
                           source, single_veto=True, data={"count": count, "threshold": threshold})
    return ok(rule, "site", _("%(count)s %(what)s (single veto at %(threshold)s).") % args, source, single_veto=True,
              data={"count": count, "threshold": threshold})


def check_freshness(ctx):
    today = ctx.today
    stale = long_idle = 0
    findings = []
    for column in _leaf_columns(ctx.snapshot):
        cls = column.update_class
        cutoff = cls.stale_since(today)
        newest = column.newest
        if newest is None:
            continue  # empty columns are their own rule
        base = {"column_id": column.id, "department_id": column.department_id, "page_id": column.newest_item_id}
        args = {"title": column.title, "newest": newest, "cls": cls.label}
        data = {"newest": newest.isoformat(), "class": cls.label, "path": column.slug_path}
        is_long = (today - newest).days >= LONG_IDLE_DAYS or (cls.name == "custom" and newest <= cutoff)
        if cls.counts_for_stale_veto and newest <= cutoff:
            stale += 1
            findings.append(FindingData(STALE_RULE, f"column:{column.id}", Severity.DEDUCT,
                                        _("Column %(title)s (%(cls)s) is stale: newest item %(newest)s.") % args,
                                        STALE_SOURCE, single_veto=True, days_left=0, data=data, **base))
        elif cls.counts_for_stale_veto:
            # Stale on the first day on which the newest item is older than the cut-off.
            days_left = (newest - cutoff).days
            if days_left <= cls.warning_days():
                args["left"] = days_left
                findings.append(FindingData(STALE_RULE, f"column:{column.id}", Severity.WARN,
                                            _("Column %(title)s (%(cls)s) turns stale in %(left)s days (newest item %(newest)s).") % args,
                                            STALE_SOURCE, single_veto=True, days_left=days_left, data=data, **base))
        if is_long:
            long_idle += 1
            findings.append(FindingData(LONG_RULE, f"column:{column.id}", Severity.DEDUCT,
                                        _("Column %(title)s (%(cls)s) has not been updated for long: newest item %(newest)s.") % args,
                                        LONG_SOURCE, single_veto=True, days_left=0, data=data, **base))
    findings.append(_summary(STALE_RULE, stale, STALE_VETO, STALE_SOURCE, _("stale columns")))
    findings.append(_summary(LONG_RULE, long_idle, LONG_VETO, LONG_SOURCE, _("long-unupdated columns")))
    return findings


def check_empty(ctx):
    findings, count = [], 0
    for column in ctx.snapshot.columns.values():
        if column.is_link or column.sub_columns or column.item_count or column.update_class.name == "exempt":
            continue
        count += 1
        findings.append(FindingData(EMPTY_RULE, f"column:{column.id}", Severity.DEDUCT,
                                    _("Column %(title)s is empty.") % {"title": column.title}, EMPTY_SOURCE,
                                    single_veto=True, column_id=column.id, department_id=column.department_id,
                                    days_left=0, data={"path": column.slug_path}))
    findings.append(_summary(EMPTY_RULE, count, EMPTY_VETO, EMPTY_SOURCE, _("empty columns")))
    return findings
