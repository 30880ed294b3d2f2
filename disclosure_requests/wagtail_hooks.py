from django.db import models
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.menu import Menu
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.audit import register_log_action

from . import admin_views, report_views, roles
from .models import FeeTier

app_name = "disclosure_requests_admin"

admin_patterns = [
    path("", admin_views.request_list, name="list"),
    path("register/", admin_views.register, name="register"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/reply.docx", admin_views.reply, name="reply"),
    path("<int:pk>/reply.pdf", admin_views.reply, {"extension": "pdf"}, name="reply_pdf"),
    path("<int:pk>/convert/", admin_views.convert, name="convert"),
    path("<int:pk>/<slug:action>/", admin_views.act, name="act"),
    path("reports/", report_views.report_list, name="reports"),
    path("reports/<int:year>/", report_views.report_detail, name="report"),
    path("reports/<int:year>/report.docx", report_views.export_docx, name="report_docx"),
    path("reports/<int:year>/report.xlsx", report_views.export_xlsx, name="report_xlsx"),
    path("reports/<int:year>/publish/", report_views.publish, name="report_publish"),
]


class FeeTierPermissionPolicy(BasePermissionPolicy):
    """办公室 sees the fee tiers; its head (and superusers, the site operator) change them. Nobody else."""

    @staticmethod
    def _allowed(user, actions):
        if set(actions) <= {"view"}:
            return roles.can_handle(user)
        return roles.can_approve(user)

    def user_has_permission(self, user, action):
        return self._allowed(user, [action])

    def user_has_any_permission(self, user, actions):
        return any(self._allowed(user, [action]) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        role = "handle" if set(actions) <= {"view"} else "approve"
        groups = roles._groups(role) + (roles._groups("approve") if role == "handle" else [])
        return get_user_model().objects.filter(is_active=True).filter(
            models.Q(is_superuser=True) | models.Q(groups__name__in=groups)).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.all() if self.user_has_any_permission(user, actions) else self.model.objects.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


register_permission_policy(FeeTier, FeeTierPermissionPolicy(FeeTier))


class FeeTierViewSet(ModelViewSet):
    """信息处理费标准 (国办函〔2020〕109号) as data: the operator edits the tiers without code."""

    model = FeeTier
    icon = "doc-full"
    menu_label = _("Information processing fee tiers")
    add_to_settings_menu = True
    form_fields = ["basis", "above", "up_to", "amount", "step", "step_increase"]
    list_display = ["basis", "above", "up_to", "amount", "step", "step_increase"]
    list_filter = ["basis"]


@hooks.register("register_admin_viewset")
def register_fee_tiers():
    return FeeTierViewSet("disclosure_fee_tiers")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("disclosure-requests/", include((admin_patterns, app_name), namespace=app_name))]


class HandlerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.can_handle(request.user)


requests_menu = Menu(register_hook_name="register_disclosure_requests_menu_item", construct_hook_name=None)


@hooks.register("register_disclosure_requests_menu_item")
def _list_item():
    return HandlerMenuItem(_("Requests"), reverse("disclosure_requests_admin:list"), icon_name="list-ul", order=100)


@hooks.register("register_disclosure_requests_menu_item")
def _register_item():
    return HandlerMenuItem(_("Register a request"), reverse("disclosure_requests_admin:register"), icon_name="plus",
                           order=200)


@hooks.register("register_disclosure_requests_menu_item")
def _reports_item():
    return HandlerMenuItem(_("Annual reports"), reverse("disclosure_requests_admin:reports"), icon_name="doc-full",
                           order=300)


class RequestsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return roles.can_handle(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return RequestsSubmenu(_("Requests for information"), requests_menu, icon_name="mail", order=650)


ACTIONS = {
    "received": (_("Request received online"), _("Received online as %(number)s")),
    "registered": (_("Request registered"), _("Registered as %(number)s (%(channel)s, received %(received)s)")),
    "correction_requested": (_("Correction requested"), _("Correction requested on %(day)s, due %(due)s: %(text)s")),
    "correction_received": (_("Corrected request received"), _("Corrected request received on %(day)s; clock restarted, due %(due)s")),
    "lapsed": (_("Request lapsed"), _("Not corrected in time; closed on %(day)s")),
    "consulted": (_("Third party consulted"), _("%(party)s consulted on %(day)s; clock paused (answer by %(due)s)")),
    "consultation_done": (_("Third party's opinion received"), _("Opinion received on %(day)s; clock resumed, due %(due)s")),
    "extended": (_("Time limit extended"), _("Extended on %(day)s by %(days)s working days, approved by %(approver)s: %(reason)s")),
    "answer_drafted": (_("Answer drafted"), _("Answer drafted: %(outcome)s")),
    "answer_approved": (_("Answer approved"), _("Answer approved: %(outcome)s")),
    "answer_returned": (_("Answer returned"), _("Answer returned for changes: %(note)s")),
    "answer_sent": (_("Answer sent"), _("Answer sent on %(day)s: %(delivery)s")),
    "converted": (_("Turned into proactive disclosure"), _("Draft “%(title)s” submitted for review")),
    "report_published": (_("Annual report submitted for publication"), _("Report for %(year)s submitted for review")),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for key, (label, template) in ACTIONS.items():
        register_log_action(actions, f"disclosure_requests.{key}", label, lambda data, template=template: template % data,
                            comment=_request_comment)


def _request_comment(data):
    """The reason or note a step records (extension reason, 补正 text, returned answer's note)."""
    return data.get("comment") or data.get("reason") or data.get("note") or data.get("text") or ""


@hooks.register("column_page_extras")
def request_column(request, page):
    """The 申请公开 and 公开查询 columns lead to the online form and the status page
    (columns chosen with the setting ``DISCLOSURE_REQUEST_COLUMNS``, a list of slugs)."""
    from django.conf import settings
    from django.template.loader import render_to_string

    slugs = getattr(settings, "DISCLOSURE_REQUEST_COLUMNS", ("sqgk", "gkcx"))
    if not page or getattr(page, "slug", "") not in slugs:
        return None
    return render_to_string("disclosure_requests/includes/column_extras.html", {}, request=request)


@hooks.register("register_audit_log_kinds")
def requests_in_audit_report():
    """依申请公开 requests and annual reports in moderation's 审核记录 (handled by 办公室)."""
    from departments.models import Department

    from .models import AnnualReport, DisclosureRequest

    def url(entry):
        if entry.content_type.model_class() is DisclosureRequest:
            return reverse("disclosure_requests_admin:detail", args=[entry.object_id])
        return None

    def handling_department():
        group = roles._groups("handle")[0]
        return Department.objects.filter(group__name=group).first()

    def departments(ids):
        department = handling_department()
        return {str(i): department.name for i in ids} if department else {}

    def objects_of_department(department):
        if department != handling_department():
            return DisclosureRequest.objects.none()
        return DisclosureRequest.objects.all()

    return {
        "kind": "request", "label": pgettext_lazy("audit kind", "Request for information"), "models": [DisclosureRequest, AnnualReport],
        "url": url, "departments": departments, "objects_of_department": objects_of_department,
    }
