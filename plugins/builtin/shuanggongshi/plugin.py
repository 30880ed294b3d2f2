"""Entry point of the 双公示 plugin (``govsite.plugins`` → ``shuanggongshi``).

Imported from Django settings: no model imports at module level.
"""
from plugins import hookimpl

PLATFORM_REQUIRES = ">=0.1,<1"


@hookimpl
def installed_apps():
    return ["wagtail.contrib.routable_page", "plugins.builtin.shuanggongshi"]


@hookimpl
def page_placements():
    return [("shuanggongshi.DisclosureListingPage", ["sections.SectionPage", "sections.ColumnPage"])]


@hookimpl
def plugin_settings():
    # 7 working days: the publication deadline of the 双公示 rules.
    return {"deadline_workdays": 7}


@hookimpl
def admin_viewsets():
    from .admin_views import DisclosureRecordViewSet

    return [DisclosureRecordViewSet("disclosure_records")]


@hookimpl
def admin_urls():
    from django.urls import path

    from .admin_views import LateRecordsReportView
    from .upload_views import UploadRecordsView

    return [
        path("shuanggongshi/late/", LateRecordsReportView.as_view(), name="shuanggongshi_late_records"),
        path("shuanggongshi/import/", UploadRecordsView.as_view(), name="shuanggongshi_import"),
    ]


@hookimpl
def admin_menu_items():
    from django.urls import reverse_lazy
    from django.utils.translation import gettext_lazy as _

    from .admin_views import LateReportMenuItem
    from .upload_views import ImportMenuItem

    return [
        LateReportMenuItem(_("Late disclosures"), reverse_lazy("shuanggongshi_late_records"), icon_name="warning", order=650),
        ImportMenuItem(_("Import licences and penalties"), reverse_lazy("shuanggongshi_import"), icon_name="upload", order=645),
    ]


@hookimpl
def dashboard_panels(request):
    from .admin_views import LateRecordsPanel

    panel = LateRecordsPanel(request.user)
    return [panel] if panel.is_shown() else []


@hookimpl
def search_document(page):
    from .models import DisclosureListingPage

    if isinstance(page, DisclosureListingPage):
        return {"text": page.search_text(), "facets": {"disclosure_kind": page.record_kind}}
    return None


@hookimpl
def load_demo_data(stdout):
    from .demo_data import load

    load(stdout)
