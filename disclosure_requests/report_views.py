"""Admin views of the annual report: counted tables, entered parts, checks, exports, publication."""
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from core.public_forms import reject_control_characters

from . import report as reports
from .admin_views import handler_required
from .models import AnnualReport
from .proactive import REPORT_COLUMN, column, submit_draft
from .services import RequestActionError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ReportForm(forms.Form):
    overview = forms.CharField(label=gettext_lazy("一、overall situation"), required=False, max_length=20000,
                               widget=forms.Textarea(attrs={"rows": 6}), validators=[reject_control_characters])
    coercion = forms.IntegerField(label="行政强制 本年处理决定数量", min_value=0, max_value=10**6, initial=0)
    fees = forms.DecimalField(label="行政事业性收费 本年收费金额（万元）", min_value=0, max_value=10**8,
                              decimal_places=4, initial=0)
    problems = forms.CharField(label=gettext_lazy("五、main problems and improvements"), required=False,
                               max_length=20000, widget=forms.Textarea(attrs={"rows": 4}),
                               validators=[reject_control_characters])
    other_matters = forms.CharField(label=gettext_lazy("六、other matters to report"), required=False,
                                    max_length=20000, widget=forms.Textarea(attrs={"rows": 4}),
                                    validators=[reject_control_characters])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for block, block_label in reports.TABLE4_BLOCKS:
            for column_key, column_label in reports.TABLE4_COLUMNS:
                self.fields[f"t4_{block}_{column_key}"] = forms.IntegerField(
                    label=f"{block_label} · {column_label}", min_value=0, max_value=10**6, initial=0)

    @classmethod
    def for_report(cls, report, data=None):
        initial = {"overview": report.overview, "problems": report.problems, "other_matters": report.other_matters,
                   "coercion": report.proactive_entered.get("coercion", {}).get("decisions", 0),
                   "fees": report.proactive_entered.get("fees", {}).get("amount", 0)}
        for block, values in (report.review_litigation or {}).items():
            for key, value in values.items():
                initial[f"t4_{block}_{key}"] = value
        return cls(data, initial=initial)

    def apply(self, report):
        data = self.cleaned_data
        report.overview, report.problems, report.other_matters = data["overview"], data["problems"], data["other_matters"]
        report.proactive_entered = {"coercion": {"decisions": data["coercion"]},
                                    "fees": {"amount": float(data["fees"])}}
        report.review_litigation = {block: {key: data[f"t4_{block}_{key}"] for key, _l in reports.TABLE4_COLUMNS}
                                    for block, _label in reports.TABLE4_BLOCKS}


def _year(year):
    if not 2008 <= year <= timezone.localdate().year:  # 条例 in force since 2008
        raise Http404
    return year


@handler_required
def report_list(request):
    existing = list(AnnualReport.objects.all())
    years = sorted({r.year for r in existing} | {timezone.localdate().year}, reverse=True)
    try:
        earlier = [p for p in column(REPORT_COLUMN).get_children().live().specific()]
    except RequestActionError:
        earlier = []
    return render(request, "disclosure_requests/admin/reports.html", {"years": years, "earlier_pages": earlier})


@handler_required
def report_detail(request, year):
    _year(year)
    report = AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)
    if request.method == "POST":
        if report.frozen_tables:
            messages.error(request, _("This report has been submitted for publication and can no longer be changed."))
            return redirect("disclosure_requests_admin:report", year)
        form = ReportForm.for_report(report, request.POST)
        if form.is_valid():
            form.apply(report)
            report.save()
            messages.success(request, _("Report saved."))
            return redirect("disclosure_requests_admin:report", year)
    else:
        form = ReportForm.for_report(report)
    tables = reports.tables_for(report)
    return render(request, "disclosure_requests/admin/report.html", {
        "report": report, "form": form, "tables": tables, "problems": reports.validate(tables),
        "two": reports.table2_rows(tables["two"]), "three": reports.table3_rows(tables["three"]),
        "four": [(label, [tables["four"][b][c] for c, _l in reports.TABLE4_COLUMNS]) for b, label in reports.TABLE4_BLOCKS],
        "column_labels": reports.COLUMN_LABELS, "four_labels": [label for _c, label in reports.TABLE4_COLUMNS],
        "saved": report.pk is not None, "fees_sentence": reports.fees_sentence(tables.get("fees")),
    }, status=400 if request.method == "POST" else 200)


def _report_or_404(year):
    _year(year)
    return AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)


@handler_required
def export_docx(request, year):
    report = _report_or_404(year)
    response = HttpResponse(reports.export_docx(report, reports.tables_for(report)), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(str(report))}.docx"
    return response


@handler_required
def export_xlsx(request, year):
    report = _report_or_404(year)
    response = HttpResponse(reports.export_xlsx(report, reports.tables_for(report)), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(str(report))}.xlsx"
    return response


@handler_required
@require_POST
def publish(request, year):
    report = _report_or_404(year)
    try:
        page = publish_report(report, request.user)
    except reports.ReportInvalid as invalid:
        for problem in invalid.problems[:20]:
            messages.error(request, problem)
    except RequestActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The report “%(title)s” was submitted for review.") % {"title": page.title})
    return redirect("disclosure_requests_admin:report", year)


def publish_report(report, user):
    """Freeze the numbers and submit the report page to 信息公开年报's review; refuse one that does not add up."""
    if report.frozen_tables:
        raise RequestActionError(_("This report has already been submitted for publication."))
    tables = reports.tables_for(report)
    problems = reports.validate(tables)
    if problems:
        raise reports.ReportInvalid(problems)
    if report.pk is None:
        report.save()
    page, _revision = submit_draft(column(REPORT_COLUMN), str(report), f"ndbg-{report.year}",
                                   _("Annual report on government information disclosure, %(year)s")
                                   % {"year": report.year}, reports.page_body(report, tables), user)
    report.frozen_tables = tables
    report.page_id = page.pk
    report.save()
    log(instance=report, action="disclosure_requests.report_published", user=user, data={"year": report.year})
    return page
