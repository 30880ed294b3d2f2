"""Admin integration: audit log actions, no-bypass guards, the audit report and confidentiality records."""
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from core.audit import register_log_action

from . import urls
from .access import can_bypass_review, is_reviewer
from .models import ConfidentialityReview


@hooks.register("register_log_actions")
def register_log_actions(actions):
    from .media_guard import LOG_ACTIONS

    for action, label in LOG_ACTIONS.items():
        register_log_action(
            actions, action, label,
            lambda data, label=label: "%s: %s" % (label, data.get("title", "")),
        )
    register_log_action(
        actions, "moderation.step_skipped", _("Review step skipped"),
        lambda data: _("Review step '%(task)s' skipped: the item is not marked as important.")
        % {"task": (data.get("task") or {}).get("title", "")},
    )
    register_log_action(
        actions, "moderation.confidentiality_review", _("Confidentiality review form recorded"),
        lambda data: _("Confidentiality review form recorded by %(reviewer)s") % {"reviewer": data.get("reviewer", "")},
    )
    register_log_action(
        actions, "moderation.removal_requested", _("Removal requested"),
        lambda data: _("Removal requested: %(reason)s") % {"reason": data.get("reason", "")},
    )
    register_log_action(
        actions, "moderation.removed", _("Removed after review"),
        lambda data: _("Removed after review: %(reason)s") % {"reason": data.get("reason", "")},
    )
    register_log_action(
        actions, "moderation.correction", _("Correction published"),
        lambda data: _("Correction note of %(date)s published: %(note)s") % {"date": data.get("date", ""), "note": data.get("note", "")},
    )
    register_log_action(actions, "moderation.bypass_refused", _("Action refused without review"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/", include(urls, namespace="moderation"))]


class AuditReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_report_menu_item():
    return AuditReportMenuItem(
        _("Review audit trail"), reverse("moderation:audit_report"), name="moderation-audit", icon_name="history",
        order=1010,
    )


@hooks.register("register_page_header_buttons")
def request_removal_button(page, user, view_name, next_url=None):
    from .removal_views import can_request_removal

    if can_request_removal(user, page) and not can_bypass_review(user, page):
        yield Button(
            _("Request removal"), reverse("moderation:request_removal", args=[page.pk]), icon_name="bin", priority=55,
        )


@hooks.register("register_page_header_buttons")
def confidentiality_reviews_button(page, user, view_name, next_url=None):
    if ConfidentialityReview.objects.filter(page=page).exists():
        yield Button(
            _("Confidentiality review forms"),
            reverse("moderation:page_confidentiality_reviews", args=[page.pk]),
            icon_name="doc-full", priority=66,
        )


# --- No bypass: live pages change only through a completed workflow -------------------------


def _refuse(request, page, action):
    from wagtail.log_actions import log

    log(instance=page.specific, action="moderation.bypass_refused", user=request.user, data={"action": action})
    messages.error(request, _("Live pages change only through the review workflow: request a removal or submit "
                              "the change for moderation instead."))
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def _affects_live(page):
    return page.get_descendants(inclusive=True).live().exists()


@hooks.register("before_delete_page")
def guard_delete(request, page):
    if _affects_live(page) and not can_bypass_review(request.user, page):
        return _refuse(request, page, "delete")


@hooks.register("before_move_page")
def guard_move(request, page, destination):
    if _affects_live(page) and not can_bypass_review(request.user, page):
        return _refuse(request, page, "move")


@hooks.register("before_unpublish_page")
def guard_unpublish(request, page):
    if not can_bypass_review(request.user, page):
        return _refuse(request, page, "unpublish")


@hooks.register("before_bulk_action")
def guard_bulk_action(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "move", "unpublish", "publish"):
        return None
    from wagtail.models import Page

    for obj in objects:
        if not isinstance(obj, Page):
            continue
        if action_type == "publish" or _affects_live(obj):
            if not can_bypass_review(request.user, obj):
                messages.error(request, _("Live pages change only through the review workflow."))
                return redirect("wagtailadmin_explore", obj.get_parent().pk)
    return None


@hooks.register("before_edit_page")
def refuse_malformed_workflow_data(request, page):
    """Wagtail parses the editor's workflow action data with json.loads unguarded: refuse bad data cleanly."""
    import json

    if request.method != "POST" or "workflow-action-extra-data" not in request.POST:
        return None
    raw = request.POST["workflow-action-extra-data"]
    try:
        data = json.loads(raw) if len(raw) <= 20000 else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        messages.error(request, _("The review data sent with this action was malformed; nothing was changed."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None



@hooks.register("check_page_form")
def run_content_checks_on_submission(form, page, action, user):
    """错敏词, personal data … (``moderation_content_checks``): a blocking problem keeps the page from review."""
    from .content_checks import approval_refusal, submission_errors

    if action in ("submit", "publish"):
        for message in submission_errors(page, user):
            form.add_error(None, message)
    elif action == "approve" and page.pk:
        task_state = page.current_workflow_task_state
        refusal = approval_refusal(task_state, user, page=page) if task_state is not None else None
        if refusal:
            form.add_error(None, refusal)


class ConfidentialityFormsPanel(Component):
    """我填写的保密审查表: the reviewer's way back to the forms, which stays open after the page has moved on
    (the reviewer may no longer open its editor once the step is decided)."""

    order = 95
    template_name = "moderation/dashboard_confidentiality_forms.html"

    def __init__(self, reviews):
        self.reviews = reviews

    def get_context_data(self, parent_context=None):
        return {"reviews": self.reviews}


@hooks.register("construct_homepage_panels")
def add_confidentiality_forms_panel(request, panels):
    reviews = list(
        ConfidentialityReview.objects.filter(reviewed_by=request.user).select_related("page").order_by("-created_at")[:10]
    )
    if reviews:
        panels.append(ConfidentialityFormsPanel(reviews))
