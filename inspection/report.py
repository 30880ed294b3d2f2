"""自查报告: the current findings grouped by indicator, as a printable page and as XLSX (openpyxl).

Bureaus file a self-check against 国办秘函〔2019〕19号 before an inspection.
The report takes the latest run: for each indicator its verdict (the
site-level finding, e.g. "3 stale columns; the single veto is reached at 5")
and every open finding with page, column, owning department, first-seen
day, days left before a veto and the acknowledgement comment, if any.
"""
import io
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import FindingAcknowledgement, Severity

# (rule, label, single-veto indicator) in the order of the indicator document.
INDICATORS = [
    ("availability", gettext_lazy("Site unreachable"), True),
    ("home_freshness", gettext_lazy("Home page not updated"), True),
    ("column_stale", gettext_lazy("Stale columns"), True),
    ("column_long_unupdated", gettext_lazy("Long-unupdated columns"), True),
    ("column_empty", gettext_lazy("Empty columns"), True),
    ("interaction", gettext_lazy("Poor interaction"), True),
    ("sensitive_words", gettext_lazy("Serious errors (sensitive and wrong words)"), True),
    ("links", gettext_lazy("Broken links"), False),
    ("timeliness_disclosure", gettext_lazy("Late proactive disclosure"), False),
    ("timeliness_sgs", gettext_lazy("Late 双公示 records"), False),
    ("personal_data", gettext_lazy("Personal data"), False),
]
SUMMARY_KEYS = ("site", "home", "channel")
OPEN = (Severity.VETO, Severity.VETO_RISK, Severity.DEDUCT, Severity.WARN, Severity.PENDING)
VERDICTS = {
    Severity.VETO: gettext_lazy("Single veto reached"),
    Severity.VETO_RISK: gettext_lazy("At risk"),
    Severity.PENDING: gettext_lazy("Pending"),
    Severity.OK: gettext_lazy("Passing"),
}


@dataclass
class Group:
    rule: str
    label: str
    single_veto: bool
    verdict: str
    summary: str = ""
    source: str = ""
    rows: list = field(default_factory=list)


def build(run):
    """[Group] for the run, every indicator listed (an indicator without findings passes)."""
    acks = {(a.rule, a.key): a for a in FindingAcknowledgement.objects.all()}
    by_rule = {}
    for finding in run.findings.select_related("page", "column", "department").order_by("rule", "-days_left", "key"):
        by_rule.setdefault(finding.rule, []).append(finding)
    known = {rule for rule, _label, _veto in INDICATORS}
    indicators = INDICATORS + [(rule, rule, False) for rule in sorted(by_rule) if rule not in known]
    groups = []
    for rule, label, single_veto in indicators:
        findings = by_rule.get(rule, [])
        summary = next((f for f in findings if f.key in SUMMARY_KEYS), None)
        rows = [f for f in findings if f.key not in SUMMARY_KEYS and f.severity in OPEN]
        severities = {f.severity for f in findings}
        if Severity.VETO in severities:
            verdict = VERDICTS[Severity.VETO]
        elif Severity.VETO_RISK in severities:
            verdict = VERDICTS[Severity.VETO_RISK]
        elif Severity.PENDING in severities:
            verdict = VERDICTS[Severity.PENDING]
        elif rows:
            verdict = _("%(count)s findings") % {"count": len(rows)}
        else:
            verdict = VERDICTS[Severity.OK]
        for f in rows:
            f.ack = acks.get((f.rule, f.key))
        groups.append(Group(rule, str(label), single_veto, str(verdict), summary.message if summary else "",
                            (summary or (rows[0] if rows else None)).source if (summary or rows) else "", rows))
    return groups


def row_values(finding):
    return [
        finding.get_severity_display(),
        finding.message,
        finding.page.title if finding.page_id and finding.page else "",
        finding.column.title if finding.column_id and finding.column else "",
        finding.department.name if finding.department_id and finding.department else "",
        finding.first_seen.isoformat(),
        "" if finding.days_left is None else finding.days_left,
        finding.ack.comment if getattr(finding, "ack", None) else "",
    ]


def headers():
    return [_("Severity"), _("Finding"), _("Page"), _("Column"), _("Owning department"), _("First seen"),
            _("Days before veto"), _("Acknowledgement")]


def title(run):
    return _("Website inspection self-check report (%(day)s)") % {"day": run.day.isoformat()}


def export_xlsx(run, site_name=""):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = _("Self-check report")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    groups = build(run)

    def put(values, font=None, row_fill=None):
        sheet.append([None] * len(values))
        row = sheet.max_row
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text from pages is never read as a formula (=, +, -, @)
            if font:
                cell.font = font
            if row_fill:
                cell.fill = row_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    put([title(run)], bold)
    put([_("Site"), site_name])
    put([_("Inspection day"), run.day.isoformat()])
    put([_("Generated at (Beijing time)"), timezone.localtime().strftime("%Y-%m-%d %H:%M")])
    put([_("Single veto"), _("No single veto reached") if run.summary.get("qualified", True)
         else _("Unqualified: a single-veto indicator is reached")])
    put([_("Projected score"), run.summary.get("projected_score", "")])
    put([_("Indicator"), _("Single-veto indicator"), _("Verdict"), _("Open findings"), _("Summary")], bold)
    for g in groups:
        put([g.label, _("Yes") if g.single_veto else _("No"), g.verdict, len(g.rows), g.summary])
    for g in groups:
        put([])
        put([g.label, g.verdict, g.summary, g.source], bold, fill)
        if g.rows:
            put(headers(), bold)
            for finding in g.rows:
                put(row_values(finding))
    for letter, width in zip("ABCDEFGH", (22, 60, 28, 20, 18, 12, 10, 30)):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
