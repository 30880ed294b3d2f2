"""Admin side of the plugin: the record viewset, the late-disclosure report and dashboard panel."""
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.viewsets.model import ModelViewSet

from departments.models import Department

from .deadlines import LATE, deadline_problems, deadline_workdays
from .models import DisclosureRecord


class CalendarDateColumn(Column):
    """A date as 2025-10-16: Wagtail's DateColumn shows a relative time ("1 年，2 月 之前"), useless for deadlines."""

    cell_template_name = "shuanggongshi/date_cell.html"


class DisclosureRecordViewSet(ModelViewSet):
    model = DisclosureRecord
    icon = "list-ul"
    menu_label = _("Licences and penalties")
    menu_order = 640
    add_to_admin_menu = True
    form_fields = [
        "kind", "document_number", "party_name", "party_type", "id_number", "decision_date", "matter",
        "legal_basis", "result", "authority", "department", "published_on",
    ]
    list_display = [
        "document_number", "party_name", "kind",
        CalendarDateColumn("decision_date", label=_("Decision date"), sort_key="decision_date"),
        CalendarDateColumn("published_on", label=_("Disclosure date"), sort_key="published_on"),
        "department",
    ]
    list_filter = ["kind", "party_type", "department"]
    search_fields = ["document_number", "party_name", "authority"]


def departments_of(user):
    """None means every department (superusers)."""
    if user.is_superuser:
        return None
    return Department.objects.for_user(user)


def can_see_report(user):
    return user.is_active and (user.is_superuser or Department.objects.for_user(user).exists())


class LateReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


class ProblemRow:
    def __init__(self, problem):
        record = problem.record
        self.document_number = record.document_number
        self.party = record.party_name
        self.kind = record.get_kind_display()
        self.decision_date = record.decision_date
        self.deadline = problem.deadline
        self.published_on = record.published_on
        self.status = _("Published late") if problem.status == LATE else _("Not published, overdue")
        self.workdays = problem.workdays_taken
        self.department = record.department.name if record.department else "—"

    def __str__(self):
        return self.document_number


class LateRecordsReportView(BaseListingView):
    """Records published (or still unpublished) later than the deadline, for the responsible departments."""

    page_title = _("Late disclosures")
    header_icon = "warning"
    index_url_name = "shuanggongshi_late_records"
    paginate_by = 50
    columns = [
        Column("document_number", label=_("Decision document number")),
        Column("party", label=_("Party")),
        Column("kind", label=_("Kind")),
        CalendarDateColumn("decision_date", label=_("Decision date")),
        CalendarDateColumn("deadline", label=_("Deadline")),
        CalendarDateColumn("published_on", label=_("Disclosure date")),
        Column("workdays", label=_("Working days taken")),
        Column("status", label=_("Status")),
        Column("department", label=_("Responsible department")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return _("Deadline: %(days)d working days after the decision") % {"days": deadline_workdays()}

    def get_queryset(self):
        return [ProblemRow(p) for p in deadline_problems(departments_of(self.request.user))]


class LateRecordsPanel(Component):
    name = "late_disclosures"
    order = 150
    template_name = "shuanggongshi/late_records_panel.html"

    def __init__(self, user):
        self.user = user
        self._problems = None

    @property
    def problems(self):
        if self._problems is None:
            self._problems = deadline_problems(departments_of(self.user)) if can_see_report(self.user) else []
        return self._problems

    def is_shown(self):
        return bool(self.problems)

    def get_context_data(self, parent_context):
        late = sum(1 for p in self.problems if p.status == LATE)
        return {"late": late, "overdue": len(self.problems) - late, "days": deadline_workdays()}
