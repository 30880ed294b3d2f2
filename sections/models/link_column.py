from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from core.forms import ChinesePageForm


class LinkColumnPage(Page):
    """A column that jumps to another address (链接跳转).

    Navigation, listings and the site map link straight to the target; the
    column's own URL redirects there too, so old links keep working.
    """

    update_method = "link"

    key = models.SlugField(_("data key"), max_length=100, blank=True, editable=False)
    department = models.ForeignKey(
        "departments.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="link_columns",
    )
    link_url = models.URLField(_("target address"), max_length=500, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("target page on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("department"),
        FieldPanel("link_url"),
        PageChooserPanel("link_page"),
    ]

    base_form_class = ChinesePageForm

    parent_page_types = ["home.HomePage", "sections.SectionPage", "sections.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("link column")
        verbose_name_plural = _("link columns")

    @property
    def update_method_label(self):
        return _("Link to another address")

    @property
    def is_external(self):
        return not self.link_page_id and bool(self.link_url)

    def clean(self):
        super().clean()
        if bool(self.link_url) == bool(self.link_page_id):
            raise ValidationError(_("Give either a target address or a target page, not both."))

    def target_url(self, request=None):
        if self.link_page_id and self.link_page:
            return self.link_page.get_url(request=request)
        return self.link_url

    def nav_url(self, request=None):
        return self.target_url(request) or self.get_url(request=request)

    def serve(self, request, *args, **kwargs):
        target = self.target_url(request)
        if not target:
            from django.http import Http404

            raise Http404
        return redirect(target)
