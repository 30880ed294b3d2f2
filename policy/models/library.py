"""Listing pages for the policy library: filterable by validity, topic and type."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from core.pages import public
from sections.models.placement import ColumnKindPageMixin

from .document import Disclosure, PolicyDocumentPage
from .topics import PolicyTopic
from .validity import Validity

PER_PAGE = 20


def public_documents():
    """Live, public, 主动公开 documents, newest first (one query; no per-item queries)."""
    return (
        public(PolicyDocumentPage.objects.live()).filter(disclosure=Disclosure.ACTIVE)
        .order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")
    )


class PolicyListingMixin(models.Model):
    intro = models.TextField(_("introduction"), blank=True)
    scope = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("list documents under"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Leave empty to list the documents of the whole site."),
    )

    class Meta:
        abstract = True

    def base_documents(self):
        qs = public_documents()
        root = self.scope
        if root is None:
            site = self.get_site()
            root = site.root_page if site else None
        if root is not None:
            qs = qs.descendant_of(root)
        return qs

    def filtered_documents(self, request):
        from core.query_params import int_param

        from sections.models.listing import paginate

        qs = self.base_documents()
        validity = request.GET.get("validity", "")
        if validity in Validity.values:
            qs = qs.filter(validity=validity)
        topic = int_param(request.GET, "topic", minimum=1, maximum=2**31 - 1)
        if topic is not None:
            qs = qs.filter(topics=topic)
        kind = request.GET.get("normative", "")
        if kind in ("1", "0"):
            qs = qs.filter(is_normative=kind == "1")
        return paginate(request, qs), {"validity": validity if validity in Validity.values else "",
                                       "topic": str(topic) if topic is not None else "", "normative": kind}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents, selected = self.filtered_documents(request)
        context.update(
            documents=documents, selected=selected, validity_choices=Validity.choices,
            topics=list(PolicyTopic.objects.all().select_related("parent")),
        )
        return context


class PolicyLibraryPage(ColumnKindPageMixin, PolicyListingMixin, Page):
    content_panels = Page.content_panels + [FieldPanel("intro"), PageChooserPanel("scope")]
    parent_page_types = ["sections.ColumnPage", "sections.SectionPage", "home.HomePage"]
    column_kind = "policy"  # offered only in columns of its kind (sections.models.placement)
    column_entry = True  # a block on its column and a node in the site map (sections.models.tree)
    subpage_types = []
    template = "policy/policy_library_page.html"

    class Meta:
        verbose_name = _("policy library")
        verbose_name_plural = _("policy libraries")


class NormativeDocumentsPage(ColumnKindPageMixin, PolicyListingMixin, Page):
    """现行有效行政规范性文件: normative documents currently in force (as amended), always live."""

    content_panels = Page.content_panels + [FieldPanel("intro"), PageChooserPanel("scope")]
    parent_page_types = ["sections.ColumnPage", "sections.SectionPage", "home.HomePage"]
    column_kind = "policy"  # offered only in columns of its kind (sections.models.placement)
    column_entry = True
    subpage_types = []
    template = "policy/normative_documents_page.html"

    class Meta:
        verbose_name = _("normative documents in force")
        verbose_name_plural = _("normative documents in force")

    def base_documents(self):
        return super().base_documents().filter(is_normative=True, validity__in=[Validity.IN_FORCE, Validity.AMENDED])
