"""Admin: login failures recorded by core/login_protection.py (superusers only)."""
from axes.models import AccessFailureLog
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet


class LoginFailureViewSet(ModelViewSet):
    model = AccessFailureLog
    icon = "warning"
    menu_label = _("Login failures")
    add_to_settings_menu = True
    name = "login_failures"
    list_display = ["attempt_time", "username", "ip_address", "locked_out", "path_info"]
    list_filter = ["locked_out"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    form_fields = ["username"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_login_failures():
    return LoginFailureViewSet()
