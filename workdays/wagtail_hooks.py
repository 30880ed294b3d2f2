from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .calendar import last_official_year
from .models import WorkdayOverride


class WorkdayOverrideIndexView(IndexView):
    def get_page_subtitle(self):
        # Tell administrators when the package's data ends: later years use weekends + these overrides only.
        return _("Statutory holiday data is known up to %(year)s; record later holidays and 调休 days here.") % {
            "year": last_official_year()
        }


class WorkdayOverrideViewSet(ModelViewSet):
    model = WorkdayOverride
    index_view_class = WorkdayOverrideIndexView
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
