"""The inspection dashboards: the site overview and one page per department."""
import datetime
from collections import Counter, defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import require_admin_access
from wagtail.log_actions import log

from departments.models import Department

from . import access, charts
from .models import Finding, FindingAcknowledgement, InspectionRun, Severity

# The single-veto indicators shown as traffic lights, with the rules that decide each.
VETO_LIGHTS = [
    (gettext_lazy("Site unreachable"), ["availability"]),
    (gettext_lazy("Home page not updated"), ["home_freshness"]),
    (gettext_lazy("Stale columns"), ["column_stale"]),
    (gettext_lazy("Long-unupdated columns"), ["column_long_unupdated"]),
    (gettext_lazy("Empty columns"), ["column_empty"]),
    (gettext_lazy("Poor interaction"), ["interaction"]),
    (gettext_lazy("Serious errors"), ["sensitive_words"]),
]
RULE_LABELS = {
    "home_freshness": gettext_lazy("Home page freshness"),
    "column_stale": gettext_lazy("Column freshness"),
    "column_long_unupdated": gettext_lazy("Long-unupdated columns"),
    "column_empty": gettext_lazy("Empty columns"),
    "interaction": gettext_lazy("Interaction"),
    "links": gettext_lazy("Broken links"),
    "timeliness_disclosure": gettext_lazy("Late proactive disclosure"),
    "timeliness_sgs": gettext_lazy("Late 双公示 records"),
    "availability": gettext_lazy("Availability"),
    "sensitive_words": gettext_lazy("Sensitive and wrong words"),
    "personal_data": gettext_lazy("Personal data"),
}
OPEN = (Severity.VETO, Severity.VETO_RISK, Severity.DEDUCT, Severity.WARN)


def _light(findings):
    severities = {f.severity for f in findings}
    if Severity.VETO in severities:
        return "red", _("Single veto reached")
    if Severity.VETO_RISK in severities:
        return "amber", _("At risk")
    if Severity.PENDING in severities:
        return "grey", _("Pending")
    if not findings:
        return "grey", _("Not checked")
    if Severity.DEDUCT in severities and any(f.rule == "sensitive_words" for f in findings):
        return "amber", _("At risk")
    return "green", _("Passing")


def _latest_run():
    return InspectionRun.objects.order_by("-day").first()


def _trend(days=30):
    runs = list(InspectionRun.objects.order_by("-day")[:days])[::-1]
    return [(run.day.strftime("%m-%d"), run.summary.get("projected_score", 0)) for run in runs]


def _acknowledged():
    return {(a.rule, a.key): a for a in FindingAcknowledgement.objects.select_related("user")}


@require_admin_access
def overview(request):
    if not access.sees_whole_site(request.user):
        departments = list(access.departments_for(request.user)[:2])
        if departments:
            return redirect("inspection:department", departments[0].key)
        raise PermissionDenied
    run = _latest_run()
    context = {"run": run, "lights": [], "departments": [], "trend_svg": "", "rule_counts": []}
    if run is not None:
        findings = list(run.findings.select_related("department"))
        by_rule = defaultdict(list)
        for f in findings:
            by_rule[f.rule].append(f)
        for label, rules in VETO_LIGHTS:
            items = [f for r in rules for f in by_rule.get(r, []) if f.single_veto or f.severity == Severity.PENDING]
            colour, status = _light(items)
            if not items and rules == ["sensitive_words"]:
                # The scan always runs; no serious-error finding means this indicator passes.
                colour, status = "green", _("Passing")
            summary = next((f.message for f in items if f.key in ("site", "home", "channel")), items[0].message if items else "")
            context["lights"].append({"label": label, "colour": colour, "status": status, "summary": summary})
        per_department = Counter(f.department for f in findings if f.severity in OPEN and f.department is not None)
        context["departments"] = charts.bar_rows(sorted(per_department.items(), key=lambda kv: (-kv[1], kv[0].sort_order)))
        counts = Counter(f.rule for f in findings if f.severity in OPEN and f.key not in ("site", "home"))
        context["rule_counts"] = [(RULE_LABELS.get(r, r), n) for r, n in sorted(counts.items())]
        context["trend_svg"] = charts.line_chart(_trend(), label=_("Projected score, last 30 runs"))
    return TemplateResponse(request, "inspection/overview.html", context)


@require_admin_access
def department(request, key):
    dept = get_object_or_404(Department, key=key[:100])
    if not access.can_see_department(request.user, dept):
        raise PermissionDenied
    run = _latest_run()
    groups = []
    if run is not None:
        acks = _acknowledged()
        findings = run.findings.filter(department=dept, severity__in=OPEN).select_related("page", "column")
        by_rule = defaultdict(list)
        for f in findings.order_by("rule", "-severity", "key"):
            f.ack = acks.get((f.rule, f.key))
            by_rule[f.rule].append(f)
        groups = [(RULE_LABELS.get(rule, rule), items) for rule, items in by_rule.items()]
    return TemplateResponse(request, "inspection/department.html", {
        "department": dept, "run": run, "groups": groups,
        "others": access.departments_for(request.user).order_by("sort_order")[:100],
    })


@require_admin_access
def acknowledge(request, finding_id):
    if request.method != "POST":
        raise Http404
    finding = get_object_or_404(Finding.objects.select_related("department"), pk=finding_id)
    if finding.department is None or not access.can_see_department(request.user, finding.department):
        raise PermissionDenied
    comment = (request.POST.get("comment") or "").strip()[:2000]
    if not comment:
        messages.error(request, _("Say what was done or why the finding is acceptable."))
    else:
        FindingAcknowledgement.objects.update_or_create(
            rule=finding.rule, key=finding.key, defaults={"user": request.user, "comment": comment})
        target = finding.page.specific if finding.page else (finding.column.specific if finding.column else None)
        if target is not None:
            log(instance=target, action="inspection.finding_acknowledged", user=request.user,
                data={"rule": finding.rule, "key": finding.key, "comment": comment})
        messages.success(request, _("Finding acknowledged."))
    return redirect("inspection:department", finding.department.key)


def _report_run(request):
    if not access.sees_whole_site(request.user):
        raise PermissionDenied
    return _latest_run()


def _site_name():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.site_name if site and site.site_name else ""


@require_admin_access
def report(request):
    """The printable 自查报告 of the latest run."""
    from . import report as report_module

    run = _report_run(request)
    context = {"run": run, "site_name": _site_name(), "generated_at": timezone.localtime()}
    if run is not None:
        context.update(title=report_module.title(run), groups=report_module.build(run),
                       headers=report_module.headers())
    return TemplateResponse(request, "inspection/report.html", context)


@require_admin_access
def report_xlsx(request):
    from . import report as report_module

    run = _report_run(request)
    if run is None:
        messages.error(request, _("No inspection has run yet."))
        return redirect("inspection:overview")
    response = HttpResponse(
        report_module.export_xlsx(run, site_name=_site_name()),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="inspection-self-check-{run.day.isoformat()}.xlsx"'
    return response
