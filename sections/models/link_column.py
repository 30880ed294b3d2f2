import re

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from core.forms import ChinesePageForm

SITE_PATH_RE = re.compile(r"^/(?!/)[A-Za-z0-9._~/%-]*$")


def validate_site_path(value):
    if value and not SITE_PATH_RE.match(value):
        raise ValidationError(_("Give an address on this site starting with “/”, e.g. /hudong/write/mailbox/."))


def site_path_in_language(path, language_code):
    """The same view in the column's language (/hudong/query/ → /en/hudong/query/)."""
    from django.urls import translate_url

    return translate_url(path, language_code) if language_code else path


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

    link_path = models.CharField(
        _("address on this site"), max_length=300, blank=True, validators=[validate_site_path],
        help_text=_("A form or page of this site outside the column tree, e.g. /hudong/write/mailbox/ for the "
                    "director's mailbox. Shown in the visitor's language."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("department"),
        FieldPanel("link_path"),
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
        return not self.link_page_id and not self.link_path and bool(self.link_url)

    def clean(self):
        super().clean()
        if sum(map(bool, (self.link_url, self.link_page_id, self.link_path))) != 1:
            raise ValidationError(_("Give exactly one of an address on this site, a target address or a target page."))

    def target_url(self, request=None):
        if self.link_page_id and self.link_page:
            return self.link_page.get_url(request=request)
        if self.link_path:
            return site_path_in_language(self.link_path, self.locale.language_code if self.locale_id else None)
        return self.link_url

    def nav_url(self, request=None):
        return self.target_url(request) or self.get_url(request=request)

    def serve(self, request, *args, **kwargs):
        target = self.target_url(request)
        if not target:
            from django.http import Http404

            raise Http404
        return redirect(target)
