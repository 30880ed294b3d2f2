"""政策解读: interpretations linked to one or more policy documents."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from sections.models.neighbours import NeighboursMixin
from sections.models.placement import ColumnKindPageMixin

from .locales import pages_in_locale
from .service_items import ServiceItemsMixin
from .sync_publish import SyncPublishMixin, guard_going_live


class InterpretationKind(models.TextChoices):
    TEXT = "text", _("Text interpretation")
    GRAPHIC = "graphic", _("Illustrated interpretation")
    EXPERT = "expert", _("Expert interpretation")
    MEDIA = "media", _("Media interpretation")
    QA = "qa", _("Questions and answers")


class InterpretationPage(ColumnKindPageMixin, NeighboursMixin, SyncPublishMixin, ServiceItemsMixin, BasePage):
    kind = models.CharField(_("form"), max_length=10, choices=InterpretationKind.choices, default=InterpretationKind.TEXT)
    source_documents = ParentalManyToManyField(
        "policy.PolicyDocumentPage", verbose_name=_("interpreted documents"), related_name="interpretations",
    )
    interpreter = models.CharField(
        _("interpreted by"), max_length=100, blank=True, help_text=_("Drafting office, expert or media outlet."),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("interpreter")]), FieldPanel("source_documents")],
            heading=_("Interpretation"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "policy"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []

    class Meta:
        verbose_name = _("policy interpretation")
        verbose_name_plural = _("policy interpretations")

    @property
    def validity(self):
        return None

    def clean(self):
        super().clean()
        self._check_documents_language()
        guard_going_live(self)

    def _check_documents_language(self):
        """An interpretation written in the source language interprets source-language documents.

        A document's 繁體 and English copies carry the same title and 索引号; picking one of them (the
        English copy is a draft) held the interpretation back from publishing for ever."""
        from django.core.exceptions import ValidationError
        from wagtail.models import Locale

        if self.locale_id is None or self.locale_id != Locale.get_default().pk:
            return  # a translated interpretation keeps its source's links
        others = [doc for doc in self.source_documents.all() if doc.locale_id != self.locale_id]
        if others:
            raise ValidationError({"source_documents": _(
                "Choose the documents in the language of this page: %(titles)s is a copy in another language."
            ) % {"titles": "、".join(f"“{doc.title}”（{doc.locale.get_display_name()}）" for doc in others)}})

    def public_source_documents(self):
        """The interpreted documents, each as its copy in this page's language (a translated interpretation
        keeps its source's links to the 简体 documents)."""
        docs = list(self.source_documents.all())
        if all(doc.locale_id == self.locale_id for doc in docs):  # the usual case: no query
            shown = docs
        else:
            local = pages_in_locale(docs, self.locale_id)
            shown = [local.get(doc.translation_key) for doc in docs]
        return [doc for doc in shown if doc is not None and doc.live and doc.is_public]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = self.public_source_documents()
        context["services"] = list(self.service_items.all())
        return context

    def search_facets(self):
        docs = self.public_source_documents()
        first = docs[0] if docs else None
        tags = sorted({tag.name for doc in docs for tag in doc.tags.all()})
        topics = sorted({topic.name for doc in docs for topic in doc.topics.all()})
        return {
            "validity": None,
            "validity_label": "",
            "issuer": first.issuer if first else "",
            "doc_type": str(InterpretationKind(self.kind).label),
            "doc_number": first.doc_number if first else "",
            "index_number": "",
            "tags": tags,
            "topics": topics,
            "is_public": True,
            "service_items": [(item.name, item.url) for item in self.service_items.all()],
            "attachments": [],
            "written_date": None,
        }
