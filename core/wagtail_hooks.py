"""Admin: login failures recorded by core/login_protection.py (superusers only); the CSP initialiser script."""
from axes.models import AccessFailureLog
from django.templatetags.static import static
from django.utils.html import format_html
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


@hooks.register("insert_global_admin_js")
def csp_initialisers():
    """core/static/core/js/csp-init.js, before the page content: it runs the admin initialisers that
    core/admin_csp.py and core/templates/wagtailadmin/ write as inert data blocks."""
    return format_html('<script src="{}"></script>', static("core/js/csp-init.js"))
