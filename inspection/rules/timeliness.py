"""Timeliness per department (seed 000 §四(二)).

Proactive-disclosure items must be published within 20 working days of
their 成文日期; 行政许可 and 行政处罚 (双公示) records within 7 working days of the
decision. Working days come from ``workdays`` (holidays and 调休 included).
"""
import datetime

from django.utils.translation import gettext as _

from workdays.calendar import workdays_between

from ..snapshot import local_date
from .base import FindingData
from ..models import Severity

RULE_DISCLOSURE, RULE_SGS = "timeliness_disclosure", "timeliness_sgs"
SOURCE_DISCLOSURE = "上海应急管理网站运行保障工作制度 四（二）：主动公开信息自形成或者变更之日起20个工作日内发布"
SOURCE_SGS = "上海应急管理网站运行保障工作制度 四（二）：行政许可和行政处罚等信息自作出行政决定之日起7个工作日内公开"
DISCLOSURE_WORKDAYS = 20


def check(ctx):
    yield from _policy_documents(ctx)
    yield from _sgs_records(ctx)


def _policy_documents(ctx):
    from policy.models import PolicyDocumentPage

    rows = (
        PolicyDocumentPage.objects.live().filter(disclosure="active")
        .values_list("id", "title", "written_date", "first_published_at", "department_id")
    )
    for pk, title, written, published, department_id in rows.iterator(chunk_size=5000):
        published = local_date(published)
        # N working days are at least N calendar days: skip the cheap cases.
        if not written or not published or (published - written).days <= DISCLOSURE_WORKDAYS:
            continue
        taken = workdays_between(written, published)
        if taken > DISCLOSURE_WORKDAYS:
            args = {"title": title, "written": written, "published": published, "taken": taken}
            yield FindingData(RULE_DISCLOSURE, f"page:{pk}", Severity.DEDUCT,
                              _("%(title)s: written %(written)s, published %(published)s, %(taken)s working days (limit 20).") % args,
                              SOURCE_DISCLOSURE, page_id=pk, department_id=department_id,
                              data={"workdays": taken, "limit": DISCLOSURE_WORKDAYS})


def _sgs_records(ctx):
    try:
        from plugins.builtin.shuanggongshi.deadlines import deadline_problems
    except (ImportError, RuntimeError):
        return
    from django.apps import apps

    if not apps.is_installed("plugins.builtin.shuanggongshi"):
        return
    for problem in deadline_problems(today=ctx.today):
        record = problem.record
        args = {"number": record.document_number, "date": record.decision_date, "deadline": problem.deadline,
                "taken": problem.workdays_taken}
        if problem.status == "late":
            message = _("双公示 %(number)s decided %(date)s, published after the deadline %(deadline)s (%(taken)s working days).") % args
        else:
            message = _("双公示 %(number)s decided %(date)s is still unpublished; the deadline was %(deadline)s.") % args
        yield FindingData(RULE_SGS, f"sgs:{record.pk}", Severity.DEDUCT, message, SOURCE_SGS,
                          department_id=record.department_id, data={"status": problem.status, "workdays": problem.workdays_taken})
