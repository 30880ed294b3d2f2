"""Wires the plugin hooks into the Wagtail admin, plus the plugin list page."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .registry import get_registry
from .views import PluginIndexView


@hooks.register("register_admin_urls")
def plugin_admin_urls():
    return [path("plugins/", PluginIndexView.as_view(), name="plugins_index")] + get_registry().collect("admin_urls")


@hooks.register("register_admin_viewset")
def plugin_admin_viewsets():
    return get_registry().collect("admin_viewsets")


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def plugin_list_menu_item():
    return SuperuserMenuItem(_("Plugins"), reverse("plugins_index"), icon_name="cogs", order=900)


def _register_plugin_menu_items():
    # Wagtail's register_admin_menu_item expects one item per hook function.
    for index, item in enumerate(get_registry().collect("admin_menu_items")):
        hooks.register("register_admin_menu_item", lambda item=item: item)


_register_plugin_menu_items()


@hooks.register("construct_homepage_panels")
def plugin_dashboard_panels(request, panels):
    panels.extend(get_registry().collect("dashboard_panels", request=request))
