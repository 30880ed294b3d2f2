from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.forms import ChinesePageForm

from .listing import latest_items_by_parent


class SectionPage(Page):
    """One of the five top-level sections (版块): 新闻中心, 政务公开 …"""

    key = models.SlugField(_("data key"), max_length=100, blank=True, editable=False)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    base_form_class = ChinesePageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = ["sections.ColumnPage", "sections.LinkColumnPage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    @property
    def update_method_label(self):
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["column_blocks"] = self.column_blocks  # called only when the cached fragment is missing
        return context

    def column_blocks(self):
        columns = list(self.get_children().live().in_menu().specific()) or list(
            self.get_children().live().specific()
        )
        latest = latest_items_by_parent([c for c in columns if c.specific_class.__name__ == "ColumnPage"])
        return [(column, latest.get(column.pk, [])) for column in columns]


def menu_sections(root, request=None):
    """The live in-menu sections (版块) under the home page ``root``: one query, once per request.

    The main navigation and the home page's section blocks both list them."""
    memo = getattr(request, "_menu_sections", None) if request is not None else None
    if memo is not None and memo[0] == root.pk:
        return memo[1]
    sections = list(SectionPage.objects.child_of(root).live().in_menu())  # the type is known: no .specific()
    if request is not None:
        request._menu_sections = (root.pk, sections)
    return sections
