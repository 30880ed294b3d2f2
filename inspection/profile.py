"""Run the inspection profile: every rule once, findings stored under the day's run.

Re-running on the same day replaces that day's findings in one transaction,
so the nightly command is safe to repeat; earlier days stay for the trend.
A finding's first-seen date is carried over from the previous run that had
the same rule and key.
"""
import datetime
import logging
from collections import Counter

from django.db import transaction
from django.utils import timezone

from . import snapshot
from .models import Finding, InspectionRun, Severity
from .rules import RULES
from .rules.base import Context

logger = logging.getLogger(__name__)


def run_profile(today=None, now=None, rules=None):
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    ctx = Context(today=today, now=now, snapshot=snapshot.take())
    found = {}
    for rule in rules or RULES:
        for item in rule(ctx):
            found[(item.rule, item.key)] = item  # a rule yielding the same key twice keeps the last
    with transaction.atomic():
        previous = (
            InspectionRun.objects.filter(day__lt=today).order_by("-day").first()
        )
        first_seen = {}
        if previous is not None:
            first_seen = {(r, k): d for r, k, d in previous.findings.values_list("rule", "key", "first_seen")}
        run, _created = InspectionRun.objects.update_or_create(day=today, defaults={"started_at": now, "finished_at": None})
        old_first_seen = {(r, k): d for r, k, d in run.findings.values_list("rule", "key", "first_seen")}
        run.findings.all().delete()
        Finding.objects.bulk_create(
            [
                Finding(
                    run=run, rule=f.rule, key=f.key[:255], severity=f.severity, single_veto=f.single_veto,
                    source=f.source[:200], message=f.message, page_id=f.page_id, column_id=f.column_id,
                    department_id=f.department_id, days_left=f.days_left, data=f.data,
                    first_seen=first_seen.get((f.rule, f.key)) or old_first_seen.get((f.rule, f.key)) or today,
                )
                for f in found.values()
            ],
            batch_size=1000,
        )
        run.summary = summarise(found.values())
        run.finished_at = timezone.now()
        run.save(update_fields=["summary", "finished_at"])
    return run


# Projected deduction: a rough guide for the dashboard, not the inspectors' official scoring.
DEDUCTION_POINTS = {Severity.DEDUCT: 1, Severity.WARN: 0, Severity.VETO_RISK: 0}


def summarise(findings):
    findings = list(findings)
    by_severity = Counter(str(f.severity) for f in findings)
    vetoes = sorted({f.rule for f in findings if f.severity == Severity.VETO})
    risks = sorted({f.rule for f in findings if f.severity == Severity.VETO_RISK})
    pending = sorted({f.rule for f in findings if f.severity == Severity.PENDING})
    deduction = min(100, sum(DEDUCTION_POINTS.get(f.severity, 0) for f in findings))
    return {
        "counts": dict(by_severity),
        "veto_rules": vetoes,
        "veto_risk_rules": risks,
        "pending_rules": pending,
        "qualified": not vetoes,
        "projected_score": max(0, 100 - deduction),
    }
