from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from sections.models.listing import item_queryset


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Callables: the template calls them only when its cached fragment
        # (``{% pagecache "home_blocks" %}``) is missing.
        context["home_columns"] = self.home_columns
        context["section_blocks"] = self.section_blocks
        return context

    def home_columns(self):
        """Columns hung directly under the home page (党建之窗, 安委会 …)."""
        from sections.models import ColumnPage, LinkColumnPage

        return list(self.get_children().live().in_menu().type(ColumnPage, LinkColumnPage).specific())

    def section_blocks(self):
        """(section, latest items) per section: one query per section (five), never one per listed item."""
        from sections.models import SectionPage

        sections = self.get_children().live().in_menu().type(SectionPage).specific()
        return [(section, list(item_queryset(section, descendants=True).specific()[:8])) for section in sections]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer and identity details shown on every public page."""

    agency_name = models.CharField(_("agency name"), max_length=100, blank=True)
    sponsor = models.CharField(_("sponsor (主办单位)"), max_length=100, blank=True)
    organiser = models.CharField(_("organiser (承办单位)"), max_length=100, blank=True)
    site_code = models.CharField(_("site identifier (网站标识码)"), max_length=40, blank=True)
    icp_number = models.CharField(_("ICP record number"), max_length=60, blank=True)
    police_record_number = models.CharField(_("public security record number"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("telephone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("agency_name"), FieldPanel("sponsor"), FieldPanel("organiser")], heading=_("Agency")),
        MultiFieldPanel(
            [FieldPanel("site_code"), FieldPanel("icp_number"), FieldPanel("police_record_number")],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
