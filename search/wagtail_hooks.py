from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ZeroResultQueriesReportView
from .models import Synonym, ZeroResultQuery


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["terms", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_zero_results_urls():
    return [
        path("reports/search-zero-results/", ZeroResultQueriesReportView.as_view(), name="sitesearch_zero_results"),
        path("reports/search-zero-results/results/", ZeroResultQueriesReportView.as_view(results_only=True),
             name="sitesearch_zero_results_results"),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(ZeroResultQuery).user_has_any_permission(request.user, ["view", "change", "delete"])


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(_("Searches without results"), reverse("sitesearch_zero_results"),
                               name="search-zero-results", icon_name="search", order=900)
