from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import WorkdayOverride


class WorkdayOverrideViewSet(ModelViewSet):
    model = WorkdayOverride
    icon = "date"
    menu_label = _("Working days")
    add_to_settings_menu = True
    form_fields = ["date", "is_workday", "note"]
    list_display = ["date", "is_workday", "note"]
    list_filter = ["is_workday"]
    search_fields = ["note"]


@hooks.register("register_admin_viewset")
def register_workday_overrides():
    return WorkdayOverrideViewSet("workday_overrides")
