"""Admin page listing installed plugins (superusers only)."""
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseListingView

from .registry import get_registry

STATUS_LABELS = {
    "enabled": _("Enabled"),
    "disabled": _("Disabled"),
    "incompatible": _("Incompatible"),
    "broken": _("Broken"),
    "missing": _("Not installed"),
}


class PluginRow:
    def __init__(self, record):
        self.name = record.name
        self.version = record.version or "—"
        self.status = STATUS_LABELS.get(record.status, record.status)
        self.hooks = ", ".join(record.hooks) or "—"
        self.reason = record.reason or "—"
        self.source = record.source

    def __str__(self):
        return self.name


class PluginIndexView(BaseListingView):
    page_title = _("Plugins")
    header_icon = "cogs"
    index_url_name = "plugins_index"
    paginate_by = 100
    columns = [
        Column("name", label=_("Name")),
        Column("version", label=_("Version")),
        Column("status", label=_("Status")),
        Column("hooks", label=_("Hooks")),
        Column("reason", label=_("Reason")),
        Column("source", label=_("Package")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return [PluginRow(record) for record in get_registry().sorted_records()]
