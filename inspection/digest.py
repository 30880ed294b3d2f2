"""The e-mail digest per department: its findings that need action, sent by the nightly command."""
from collections import defaultdict

from core.notifications import notify

from .models import FindingAcknowledgement, Severity

ACTIONABLE = (Severity.VETO, Severity.VETO_RISK, Severity.DEDUCT, Severity.WARN)


def actionable_findings(run):
    acknowledged = set(FindingAcknowledgement.objects.values_list("rule", "key"))
    qs = run.findings.filter(severity__in=ACTIONABLE, department__isnull=False).select_related("department", "page", "column")
    return [f for f in qs.order_by("department__sort_order", "rule", "key") if (f.rule, f.key) not in acknowledged]


def send_digests(run):
    """One mail per department with open findings, to its heads (and editors); returns the number of mails."""
    by_department = defaultdict(list)
    for finding in actionable_findings(run):
        by_department[finding.department].append(finding)
    sent = 0
    for department, findings in by_department.items():
        groups = [g.name for g in (department.head_group, department.group) if g is not None]
        if not groups:
            continue
        result = notify(groups, "inspection/email/digest", {
            "department": department, "run": run, "findings": findings,
            "vetoes": [f for f in findings if f.severity in (Severity.VETO, Severity.VETO_RISK)],
        })
        sent += len(result.sent)
    return sent
