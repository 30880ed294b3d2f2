"""信息发布保密审查表: the confidentiality review form stored with the revision it approved."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class Conclusion(models.TextChoices):
    APPROVE = "approve", _("May be published")
    APPROVE_AFTER_CHANGES = "approve_after_changes", _("May be published after the noted changes")


class ConfidentialityReview(models.Model):
    task_state = models.OneToOneField(
        "wagtailcore.TaskState", verbose_name=_("review step"), on_delete=models.PROTECT,
        related_name="confidentiality_review",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), on_delete=models.PROTECT, related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="confidentiality_reviews",
    )
    involves_secrets = models.CharField(
        _("involves state secrets or work secrets"), max_length=3, choices=YesNo.choices,
    )
    involves_privacy = models.CharField(
        _("involves personal privacy or trade secrets"), max_length=3, choices=YesNo.choices,
    )
    aggregation_risk = models.CharField(
        _("could leak secrets once aggregated with other data"), max_length=3, choices=YesNo.choices,
    )
    timing_appropriate = models.CharField(_("publication timing is appropriate"), max_length=3, choices=YesNo.choices)
    format_compliant = models.CharField(
        _("format and wording are compliant"), max_length=3, choices=YesNo.choices,
    )
    conclusion = models.CharField(_("conclusion"), max_length=30, choices=Conclusion.choices)
    basis = models.TextField(_("basis of the review"), max_length=2000)
    reviewer_name = models.CharField(_("reviewer"), max_length=100)
    review_date = models.DateField(_("review date"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("confidentiality review form")
        verbose_name_plural = _("confidentiality review forms")

    def __str__(self):
        return f"{self.page.title} · {self.review_date}"
