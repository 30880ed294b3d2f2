"""A guard in front of Wagtail's workflow action view.

Wagtail looks the task state up by id alone; this refuses, with a clear
message and without side effects, a task state that belongs to another page,
one already decided, one of a cancelled or finished workflow, and reports
actions that the task itself refused (for example an approval without the
confidentiality review form).
"""
from django.contrib import messages
from django.urls import reverse
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TaskState, WorkflowState

_wagtail_view = None


def _wagtail_workflow_action():
    global _wagtail_view
    if _wagtail_view is None:
        from wagtail.admin.viewsets.pages import page_viewset_registry

        _wagtail_view = page_viewset_registry.as_view("workflow_action", page_id_kwarg="page_id")
    return _wagtail_view


def _refuse(request, page, message):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"step": "error", "error": message}, status=400)
    messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_pages:edit", page.pk)


def _problem(page, task_state):
    if task_state is None:
        return _("This review step does not exist.")
    workflow_state = task_state.workflow_state
    if workflow_state.base_content_type_id != page.get_base_content_type().pk or workflow_state.object_id != str(page.pk):
        return _("This review step belongs to another page.")
    if workflow_state.status == WorkflowState.STATUS_CANCELLED:
        return _("The review of this page was cancelled; nothing was changed.")
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return _("This review step has already been decided (%(status)s); nothing was changed.") % {
            "status": task_state.get_status_display()
        }
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS or workflow_state.current_task_state_id != task_state.pk:
        return _("This review step is no longer awaiting a decision; nothing was changed.")
    return None


@require_admin_access
def workflow_action(request, page_id, action_name, task_state_id):
    page = get_object_or_404(Page, pk=page_id)
    task_state = TaskState.objects.select_related("workflow_state").filter(pk=task_state_id).first()
    problem = _problem(page, task_state)
    if problem:
        return _refuse(request, page, problem)
    try:
        response = _wagtail_workflow_action()(request, page_id=page_id, action_name=action_name,
                                              task_state_id=task_state_id)
    except PermissionDenied as exc:
        message = str(exc) if exc.args else _("You may not take this action on this review step.")
        return _refuse(request, page, message)
    if request.method == "POST" and response.status_code in (200, 302):  # 200: the modal's JSON answer
        task_state.refresh_from_db()
        if task_state.status == TaskState.STATUS_IN_PROGRESS:
            if response.status_code == 302:
                messages.error(request, _("The action was not taken: the form was incomplete or invalid."))
        else:
            _confirm(request, page, task_state)
    return response


def _confirm(request, page, task_state):
    """Say what the decision did (审核通过 left the reviewer without a word before)."""
    page.refresh_from_db()
    title = page.get_admin_display_title()
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    if task_state.status == TaskState.STATUS_APPROVED:
        if workflow_state.status != WorkflowState.STATUS_APPROVED:
            message = _("Approved: '%(title)s' goes on to the next review step.")
        elif page.live:
            message = _("Approved: '%(title)s' is now published.")
        else:
            message = _("Approved: '%(title)s' is no longer published.")
        admin_messages.success(request, message % {"title": title}, buttons=_form_buttons(task_state))
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.success(request, _("Changes requested: '%(title)s' goes back to its author.") % {"title": title})


def _form_buttons(task_state):
    """The 保密审查表 just filled in: its reviewer may lose access to the page once it goes on or live."""
    from .models import ConfidentialityReview

    review = ConfidentialityReview.objects.filter(task_state=task_state).only("pk").first()
    if review is None:
        return None
    return [admin_messages.button(reverse("moderation:confidentiality_review", args=[review.pk]),
                                  _("View the confidentiality review form"))]
