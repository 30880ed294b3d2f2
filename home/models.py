from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.localize import local_text
from sections.models.listing import item_queryset


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    headline = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("headline item (头条)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown as the banner at the top of the home page; empty: the newest item of the site."),
    )
    picture_column = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("picture news column (图片新闻)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The carousel shows the newest items of this column that have a picture."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("headline"), FieldPanel("picture_column")]
    # Copied as they are into the translations: the templates show the chosen page's own translation
    # (``.localized``), and the home page is translated before the pages it points to exist there.
    override_translatable_fields = [SynchronizedField("headline", overridable=False), SynchronizedField("picture_column", overridable=False)]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Callables: the template calls them only when its cached fragment
        # (``{% pagecache "home_blocks" %}``) is missing.
        context["home_columns"] = self.home_columns
        context["section_blocks"] = lambda: self.section_blocks(request)
        context["headline_item"] = self.headline_item
        context["picture_news"] = self.picture_news
        return context

    def headline_item(self):
        """The 头条: the chosen item in this page's language, else the newest item of this language's site."""
        from sections.models.listing import item_queryset as items

        if self.headline_id:
            chosen = self.headline.localized  # the source page itself when it has no translation here
            if chosen.live and chosen.locale_id == self.locale_id:
                return chosen.specific
        return items(self, descendants=True).specific().first()

    def picture_news(self, limit=5):
        """(item, image) for the newest items of the 图片新闻 column whose body holds a picture: two queries."""
        from .pictures import with_first_picture

        if not self.picture_column_id:
            return []
        column = self.picture_column.localized
        if column.locale_id != self.locale_id:
            return []  # not translated yet: no Simplified Chinese captions on the English home
        candidates = list(item_queryset(column).specific()[: limit * 3])
        return with_first_picture(candidates, limit)

    def home_columns(self):
        """Columns hung directly under the home page (党建之窗, 安委会 …)."""
        from core.pages import for_menu
        from sections.models import ColumnPage, LinkColumnPage

        return for_menu(self.get_children().live().in_menu().type(ColumnPage, LinkColumnPage))

    def section_blocks(self, request=None):
        """(section, latest items) per section: one window query for all sections (plus one per item type),
        never one per section or per listed item.

        A translated home (English: only part of the site is translated) leaves out the sections with no
        items in its language rather than show "No items yet."; the source home shows every section."""
        from sections.models.listing import latest_items_by_parent
        from sections.models.section import menu_sections

        sections = menu_sections(self, request)
        latest = latest_items_by_parent(sections, per_parent=8)
        blocks = [(section, latest[section.pk]) for section in sections]
        if self.locale.language_code != settings.LANGUAGE_CODE:
            blocks = [(section, items) for section, items in blocks if items]
        return blocks


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
    agency_name_en = models.CharField(_("agency name in English"), max_length=150, blank=True)
    sponsor_en = models.CharField(_("sponsor in English"), max_length=150, blank=True)
    organiser_en = models.CharField(_("organiser in English"), max_length=150, blank=True)
    address_en = models.CharField(_("address in English"), max_length=250, blank=True)
    conac_id = models.CharField(
        _("government website badge code (党政机关网站标识)"), max_length=80, blank=True,
        help_text=_("The code the registry (conac.cn) issued for this site; the red badge links to its entry."),
    )
    service_portal_name = models.CharField(_("online services portal name"), max_length=60, blank=True)
    service_portal_url = models.URLField(_("online services portal address (一网通办)"), blank=True)
    wechat_name = models.CharField(_("WeChat official account"), max_length=60, blank=True)
    wechat_qr = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("WeChat QR code"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    weibo_name = models.CharField(_("Weibo account"), max_length=60, blank=True)
    weibo_url = models.URLField(_("Weibo address"), blank=True)
    weibo_qr = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Weibo QR code"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    service_portal_name_en = models.CharField(_("online services portal name in English"), max_length=100, blank=True)
    wechat_name_en = models.CharField(_("WeChat official account in English"), max_length=100, blank=True)
    weibo_name_en = models.CharField(_("Weibo account in English"), max_length=100, blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("contact us page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    statement_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("site statement page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("privacy policy page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("agency_name"), FieldPanel("sponsor"), FieldPanel("organiser")], heading=_("Agency")),
        MultiFieldPanel(
            [FieldPanel("agency_name_en"), FieldPanel("sponsor_en"),
             FieldPanel("organiser_en"), FieldPanel("address_en"), FieldPanel("service_portal_name_en"),
             FieldPanel("wechat_name_en"), FieldPanel("weibo_name_en")],
            heading=_("English site"),
        ),
        MultiFieldPanel(
            [FieldPanel("site_code"), FieldPanel("icp_number"), FieldPanel("police_record_number")],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("conac_id"), FieldPanel("service_portal_name"), FieldPanel("service_portal_url")],
            heading=_("Badge and online services"),
        ),
        MultiFieldPanel(
            [FieldPanel("wechat_name"), FieldPanel("wechat_qr"), FieldPanel("weibo_name"), FieldPanel("weibo_url"),
             FieldPanel("weibo_qr")],
            heading=_("Government new media (政务新媒体)"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("statement_page"), FieldPanel("privacy_page")],
            heading=_("Footer pages"),
        ),
    ]

    # The identity in the current language (English fields on /en/, the 繁體 conversion on /zh-hant/).
    @property
    def display_agency_name(self):
        return local_text(self.agency_name, english=self.agency_name_en)

    @property
    def display_sponsor(self):
        return local_text(self.sponsor or self.agency_name, english=self.sponsor_en or self.agency_name_en)

    @property
    def display_organiser(self):
        return local_text(self.organiser, english=self.organiser_en)

    @property
    def display_address(self):
        return local_text(self.address, english=self.address_en)

    @property
    def display_service_portal_name(self):
        return local_text(self.service_portal_name, english=self.service_portal_name_en)

    @property
    def display_wechat_name(self):
        return local_text(self.wechat_name, english=self.wechat_name_en)

    @property
    def display_weibo_name(self):
        return local_text(self.weibo_name, english=self.weibo_name_en)

    @property
    def conac_url(self):
        """The registry entry the 党政机关网站标识 links to."""
        from urllib.parse import quote

        return f"https://bszs.conac.cn/sitename?method=show&id={quote(self.conac_id)}" if self.conac_id else ""

    def footer_pages(self):
        """(label, page in the current language) for 联系我们 / 网站声明 / 隐私政策, live ones only."""
        pairs = [
            (_("Contact us"), self.contact_page), (_("Site statement"), self.statement_page),
            (_("Privacy policy"), self.privacy_page),
        ]
        result = []
        for label, page in pairs:
            if page is None:
                continue
            page = page.localized
            if page.live:
                result.append((label, page))
        return result

    class Meta:
        verbose_name = _("site settings")


class InfoPage(Page):
    """A plain page under the home page: 联系我们, 网站声明, 隐私政策."""

    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("site information page")
        verbose_name_plural = _("site information pages")
