"""Removal (撤稿/删除) requests: approved by the page's own review chain, then the page is unpublished.

The public URL of a removed page answers 410 Gone with the stated reason.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RemovalRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        REMOVED = "removed", _("Removed")
        CANCELLED = "cancelled", _("Cancelled")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="removal_requests",
    )
    reason = models.TextField(_("reason"), max_length=1000, help_text=_("Shown to the public on the removed page."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState", verbose_name=_("review"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="removal_request",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("removal request")
        verbose_name_plural = _("removal requests")

    def __str__(self):
        return f"{self.page.title}: {self.get_status_display()}"
