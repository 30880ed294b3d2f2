"""The one abstract base every content (item) page inherits.

Disclosure metadata that every public item shows is defined here once:
信息来源, 发布部门, 发布日期, 更新日期, and the reprint (转载) fields.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.forms import BasePageForm


class Importance(models.TextChoices):
    NORMAL = "", _("Normal")
    GOVERNMENT = "government", _("Important government information (重要政务信息)")
    PUBLIC_SERVICE = "public_service", _("Important public service information (重要公共服务信息)")


class BasePage(Page):
    importance = models.CharField(
        _("importance"), max_length=20, choices=Importance.choices, default=Importance.NORMAL, blank=True,
        help_text=_("Important items also need approval by the leader in charge and the principal leader."),
    )
    department = models.ForeignKey(
        "departments.Department",
        verbose_name=_("publishing department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Defaults to the responsible department of the column."),
    )
    info_source = models.CharField(
        _("information source"), max_length=100, blank=True,
        help_text=_("Defaults to the agency name."),
    )
    display_date = models.DateTimeField(
        _("publication date"), null=True, blank=True,
        help_text=_("Shown as the publication date; defaults to the first publication time."),
    )
    is_reprint = models.BooleanField(_("reprinted item"), default=False)
    reprint_source_site = models.CharField(_("source site"), max_length=200, blank=True)
    reprint_source_url = models.URLField(_("source link"), max_length=500, blank=True)
    reprint_time = models.DateTimeField(_("reprint time"), null=True, blank=True)

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("department"), FieldPanel("info_source")]),
                FieldRowPanel([FieldPanel("display_date"), FieldPanel("importance")]),
            ],
            heading=_("Disclosure metadata"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_reprint"),
                FieldRowPanel([FieldPanel("reprint_source_site"), FieldPanel("reprint_time")]),
                FieldPanel("reprint_source_url"),
            ],
            heading=_("Reprint"),
            classname="collapsed",
        ),
        # 更正说明 (moderation.CorrectionNote): public correction notes with their date.
        InlinePanel("correction_notes", heading=_("Correction notes"), label=_("Correction note")),
    ]

    base_form_class = BasePageForm

    # Loaded with the page when core.routing serves it: every item page shows its department.
    route_select_related = ("department",)

    # The department is the same record in every language; its name is shown in the reader's language
    # (Department.display_name), so the translation editor must not offer its id ("6") as a segment.
    override_translatable_fields = [SynchronizedField("department", overridable=False)]

    search_fields = Page.search_fields + [
        index.FilterField("department"),
        index.FilterField("display_date"),
        index.FilterField("importance"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.is_reprint:
            errors = {}
            if not self.reprint_source_site:
                errors["reprint_source_site"] = _("A reprint must name its source site.")
            if not self.reprint_source_url:
                errors["reprint_source_url"] = _("A reprint must link to its source.")
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # 发布日期 is first_published_at; an editor may backdate it explicitly.
        if self.display_date:
            self.first_published_at = self.display_date
        if self.department_id is None and self.path:
            self.department = self._column_department()
        super().save(*args, **kwargs)

    def prepare_bulk_create(self, parent):
        """What ``save()`` derives, for ``core.bulk_pages`` (which inserts without calling it)."""
        if self.display_date:
            self.first_published_at = self.display_date
        if self.department_id is None:
            self.department = self._column_department(parent)

    def _column_department(self, parent=None):
        if parent is None:
            parent = Page.objects.filter(path=self.path[: -self.steplen]).specific().first()
        else:
            parent = parent.specific
        department = getattr(parent, "department", None)
        if department is not None and not department.is_shared:
            return department
        return None

    @property
    def summary_repeats_body(self):
        """True when the body already opens with the summary: the page then prints it once, not twice."""
        import re

        from django.utils.html import strip_tags

        def squash(text):
            return re.sub(r"\s+", "", text)

        summary = squash(getattr(self, "summary", "") or "")
        if not summary:
            return False
        body = getattr(self, "body", None)
        body = squash(strip_tags(str(body.render_as_block()) if body else ""))
        return summary in body[: len(summary) + 200]

    @property
    def is_important(self):
        return bool(self.importance)

    @property
    def publication_date(self):
        return self.first_published_at

    @property
    def updated_date(self):
        return self.last_published_at or self.latest_revision_created_at

    @property
    def source_name(self):
        if self.is_reprint and self.reprint_source_site:
            return self.reprint_source_site
        return self.info_source
