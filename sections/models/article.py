from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from core.models.service_items import ServiceItemsMixin

from .neighbours import NeighboursMixin


class ArticlePage(NeighboursMixin, ServiceItemsMixin, BasePage):
    """An item in a column: news, notice, disclosure item (信息)."""

    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("service_items", heading=_("Online services (办)"), label=_("Service item")),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["sections.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
