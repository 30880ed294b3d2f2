"""审核记录 (audit report): every moderation log entry, filterable and exportable as CSV and XLSX."""
import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageLogEntry

from core.spreadsheets import SafeSpreadsheetExportMixin
from departments.models import Department

from .access import is_reviewer

AUDITED_ACTION_PREFIXES = ("wagtail.workflow.", "moderation.")
AUDITED_ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete", "wagtail.move", "wagtail.edit",
                   "wagtail.create", "wagtail.publish.scheduled", "wagtail.rename")


def audited_entries():
    query = Q(action__in=AUDITED_ACTIONS)
    for prefix in AUDITED_ACTION_PREFIXES:
        query |= Q(action__startswith=prefix)
    return PageLogEntry.objects.filter(query)


def _column_pages():
    from sections.models import ColumnPage, SectionPage

    return Page.objects.type(ColumnPage, SectionPage).filter(depth__gte=3).order_by("path")


class AuditFilterSet(WagtailFilterSet):
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), queryset=Department.objects.exclude(kind=Department.Kind.SHARED),
        method="filter_department",
    )
    column = django_filters.ModelChoiceFilter(
        label=_("Column"), queryset=lambda request: _column_pages(), method="filter_column",
    )
    reviewer = django_filters.ModelChoiceFilter(
        label=_("User"), field_name="user",
        queryset=lambda request: get_user_model().objects.filter(
            pk__in=audited_entries().values("user_id")
        ).order_by("username"),
    )
    timestamp = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    action = django_filters.ChoiceFilter(label=_("Action"), choices=lambda: _action_choices())

    class Meta:
        model = PageLogEntry
        fields = []

    def filter_department(self, queryset, name, value):
        from sections.models import ColumnPage

        paths = ColumnPage.objects.filter(department=value).values_list("path", flat=True)
        query = Q(pk__in=[])
        for path in paths:
            query |= Q(page__path__startswith=path)
        return queryset.filter(query)

    def filter_column(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path)


def _action_choices():
    return [
        (action, label) for action, label in log_action_registry.get_choices()
        if action in AUDITED_ACTIONS or action.startswith(AUDITED_ACTION_PREFIXES)
    ]


class AuditReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Review audit trail")
    header_icon = "history"
    filterset_class = AuditFilterSet
    results_template_name = "moderation/audit_report_results.html"
    index_url_name = "moderation:audit_report"
    index_results_url_name = "moderation:audit_report_results"
    paginate_by = 50
    list_export = [
        "timestamp", "page_id", "page_title", "department", "column", "action_label", "user_name",
        "revision_id", "task", "comment",
    ]
    export_headings = {
        "timestamp": _("Date/Time"),
        "page_id": _("Page ID"),
        "page_title": _("Title"),
        "department": _("Department"),
        "column": _("Column"),
        "action_label": _("Action"),
        "user_name": _("User"),
        "revision_id": _("Revision"),
        "task": _("Review step"),
        "comment": _("Comment"),
    }

    # Exports show the time as the screen does, in Beijing time (TIME_ZONE), not UTC: text in CSV,
    # a naive local datetime in XLSX (which cannot hold a time zone).
    custom_field_preprocess = {
        "timestamp": {
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S"),
            "xlsx": lambda value: timezone.make_naive(value) if timezone.is_aware(value) else value,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_reviewer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return audited_entries().select_related("user", "page").order_by("-timestamp", "-pk")

    def get_filename(self):
        return "moderation-audit-{}".format(datetime.date.today().isoformat())

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        columns = {}
        for column in _column_pages().specific():
            columns[column.path] = column
        for entry in entries:
            path = entry.page.path if entry.page_id and entry.page else ""
            column = None
            for depth in range(len(path) - Page.steplen, 0, -Page.steplen):
                column = columns.get(path[:depth])
                if column is not None:
                    break
            department = getattr(column, "department", None) if column else None
            workflow = (entry.data or {}).get("workflow") or {}
            task = workflow.get("task") or (entry.data or {}).get("task") or {}
            entry.page_title = entry.label
            entry.column = column.title if column else ""
            entry.department = department.name if department else ""
            entry.action_label = force_str(log_action_registry.get_action_label(entry.action))
            entry.user_name = entry.user_display_name
            entry.task = task.get("title", "")
            entry.comment = (entry.data or {}).get("comment", "") or ""
        return entries
