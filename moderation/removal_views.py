"""Request the removal (unpublishing) of a live page, with a reason, reviewed like a publication."""
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Page

from .models import RemovalRequest


class RemovalRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for removal"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Shown to the public on the removed page."),
    )


def can_request_removal(user, page):
    return page.live and page.depth > 2 and page.permissions_for_user(user).can_edit()


def request_removal(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_request_removal(request.user, page):
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied
    if page.workflow_in_progress:
        messages.error(request, _("This page is already under review; finish or cancel that review first."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    form = RemovalRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            revision = page.save_revision(user=request.user, log_action=False)
            # Created before the workflow starts, so the first reviewer's notification already says 撤除.
            removal = RemovalRequest.objects.create(
                page=page, reason=form.cleaned_data["reason"], requested_by=request.user,
            )
            removal.workflow_state = workflow.start(page, request.user)
            removal.save(update_fields=["workflow_state"])
            log(instance=page, action="moderation.removal_requested", user=request.user, revision=revision,
                data={"reason": removal.reason, "request_id": removal.pk})
        messages.success(request, _("Removal of '%(title)s' submitted for review.") % {"title": page.title})
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "moderation/request_removal.html", {"page": page, "form": form})
