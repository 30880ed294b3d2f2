import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins import plugin_setting
from sections.models import ColumnPage, LinkColumnPage
from sections.models.listing import latest_items_by_parent
from sections.models.placement import ColumnLevelPageMixin


class TopicStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    ARCHIVED = "archived", _("Archived")


class SpecialTopicPage(ColumnLevelPageMixin, Page):
    """A themed special column (专题专栏) such as 进博会 or 安全生产月.

    After its closing date the topic is archived: it stays reachable at its
    URL with everything below it, marked 已归档, and drops out of "current
    topics" lists.
    """

    banner = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("banner image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    theme_colour = models.CharField(
        _("theme colour"), max_length=7, default="#b71c1c",
        help_text=_("A hex colour such as #b71c1c, used for the banner and headings."),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    opens_on = models.DateField(_("opening date"), default=datetime.date.today)
    closes_on = models.DateField(_("closing date"), null=True, blank=True, help_text=_("Empty: never archived."))

    content_panels = Page.content_panels + [
        FieldPanel("banner"),
        FieldPanel("theme_colour"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.FilterField("closes_on")]

    parent_page_types = []  # placed by the plugin's page_placements hook
    subpage_types = []

    class Meta:
        verbose_name = _("special topic")
        verbose_name_plural = _("special topics")

    def clean(self):
        super().clean()
        errors = {}
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The closing date is before the opening date.")
        colour = self.theme_colour or ""
        if not (len(colour) == 7 and colour.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in colour[1:])):
            errors["theme_colour"] = _("Enter a colour as # followed by six hex digits.")
        if errors:
            raise ValidationError(errors)

    @property
    def status(self):
        today = timezone.localdate()
        if self.closes_on and today > self.closes_on:
            return TopicStatus.ARCHIVED
        if self.opens_on and today < self.opens_on:
            return TopicStatus.UPCOMING
        return TopicStatus.OPEN

    @property
    def is_archived(self):
        return self.status == TopicStatus.ARCHIVED

    def get_status_display(self):
        return TopicStatus(self.status).label

    def search_text(self):
        return strip_tags(self.description or "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        columns = list(self.get_children().live().type(ColumnPage, LinkColumnPage).specific())
        per_column = int(plugin_setting("special_topic", "latest_items_per_column"))
        latest = latest_items_by_parent([c for c in columns if isinstance(c, ColumnPage)], per_parent=per_column)
        context["column_blocks"] = [(c, latest.get(c.pk, [])) for c in columns]
        return context
