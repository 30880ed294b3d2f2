"""Admin report: searches that found nothing, for editors to act on."""
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from core.spreadsheets import SafeSpreadsheetExportMixin

from .models import ZeroResultQuery


class ZeroResultQueriesReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "sitesearch_zero_results"
    index_results_url_name = "sitesearch_zero_results_results"
    permission_policy = ModelPermissionPolicy(ZeroResultQuery)
    any_permission_required = ["view", "change", "delete"]
    list_export = ["query_string", "locale", "hits", "first_seen", "last_seen"]
    export_headings = {
        "query_string": _("query"), "locale": _("language"), "hits": _("times searched"),
        "first_seen": _("first searched"), "last_seen": _("last searched"),
    }
    columns = [
        Column("query_string", label=_("query")),
        Column("locale", label=_("language")),
        Column("hits", label=_("times searched"), sort_key="hits"),
        DateColumn("first_seen", label=_("first searched")),
        DateColumn("last_seen", label=_("last searched"), sort_key="last_seen"),
    ]

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-hits", "-last_seen")
