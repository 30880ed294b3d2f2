"""政策文件: a policy document with the standard disclosure metadata."""
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.models import BasePage
from core.pages import public
from sections.models.neighbours import NeighboursMixin
from sections.models.placement import ColumnKindPageMixin

from ..doc_numbers import normalise_doc_number
from ..forms import PolicyDocumentForm
from . import index_numbers
from .locales import pages_in_locale
from .service_items import ServiceItemsMixin
from .sync_publish import SyncPublishMixin, guard_going_live
from .tags import TaggedPolicyDocument
from .validity import Validity, derive_validity

ATTACHMENT_EXTENSIONS = ("pdf", "ofd", "doc", "docx", "xls", "xlsx")


class Disclosure(models.TextChoices):
    ACTIVE = "active", _("Proactive disclosure")
    ON_REQUEST = "on_request", _("Disclosure on request")
    NOT_PUBLIC = "not_public", _("Not disclosed")


class DocType(models.TextChoices):
    NOTICE = "通知", _("Notice")
    DECISION = "决定", _("Decision")
    OPINION = "意见", _("Opinion")
    MEASURES = "办法", _("Measures")
    PROVISIONS = "规定", _("Provisions")
    RULES = "细则", _("Detailed rules")
    ANNOUNCEMENT = "公告", _("Announcement")
    CIRCULAR = "通告", _("Circular")
    PLAN = "方案", _("Plan")
    PROGRAMME = "规划", _("Programme")
    REPLY = "批复", _("Reply")
    LETTER = "函", _("Letter")
    REPORT = "报告", _("Report")
    ORDER = "令", _("Order")
    OTHER = "其他", _("Other")


class PolicyDocumentPage(ColumnKindPageMixin, NeighboursMixin, SyncPublishMixin, ServiceItemsMixin, BasePage):
    # Identifiers, not text: translations (繁體 by OpenCC, English by people)
    # carry the original's 索引号 and 文号 unchanged.
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("index_number"), SynchronizedField("doc_number"),
    ]

    index_number = models.CharField(
        _("index number"), max_length=60, blank=True, db_index=True,
        help_text=_("Assigned automatically when the document is created."),
    )
    # Both may be empty: annual reports, guides and plans have no 文号, and an
    # imported document of another agency must not be given this bureau's name.
    issuer = models.CharField(_("issuing authority"), max_length=100, blank=True, default="上海市应急管理局")
    doc_number = models.CharField(_("document number"), max_length=60, blank=True,
                                  help_text=_("For example 沪应急规〔2023〕3号. Leave empty if the document has none."))
    doc_type = models.CharField(_("document type"), max_length=10, choices=DocType.choices, default=DocType.NOTICE)
    written_date = models.DateField(_("date written"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    expiry_date = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("The last day the document is valid; leave empty if open-ended."),
    )
    topics = ParentalManyToManyField("policy.PolicyTopic", verbose_name=_("topics"), blank=True, related_name="documents")
    disclosure = models.CharField(_("disclosure"), max_length=20, choices=Disclosure.choices, default=Disclosure.ACTIVE)
    is_normative = models.BooleanField(_("administrative normative document"), default=False)
    requires_interpretation = models.BooleanField(
        _("requires interpretation"), default=False,
        help_text=_("The document and its interpretation are approved and go live together (同步发布)."),
    )
    audience = models.CharField(_("applicable to"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=TaggedPolicyDocument, verbose_name=_("tags"), blank=True)

    validity = models.CharField(
        _("validity"), max_length=20, choices=Validity.choices, default=Validity.IN_FORCE, editable=False, db_index=True,
    )
    validity_override = models.CharField(
        _("validity set by hand"), max_length=20, blank=True,
        choices=[("", _("Derived from dates and links"))] + [(v.value, v.label) for v in (Validity.REPEALED, Validity.EXPIRED)],
        help_text=_("Only for documents repealed or declared invalid by a decision not published on this site."),
    )
    validity_note = models.CharField(_("validity note"), max_length=300, blank=True)
    import_hash = models.CharField(max_length=64, blank=True, editable=False)  # last bulk-imported content

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("index_number", read_only=True),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("doc_number")]),
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("disclosure")]),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
                FieldRowPanel([FieldPanel("is_normative"), FieldPanel("requires_interpretation")]),
                FieldPanel("audience"),
                FieldPanel("topics"),
                FieldPanel("tags"),
            ],
            heading=_("Document metadata"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        InlinePanel("relations", heading=_("Amends or repeals"), label=_("Link")),
        InlinePanel("service_items", heading=_("Online services (办)"), label=_("Service item")),
        MultiFieldPanel(
            [FieldPanel("validity_override"), FieldPanel("validity_note")],
            heading=_("Validity"), classname="collapsed",
        ),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("doc_number"),
        index.SearchField("index_number"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("validity"),
        index.FilterField("is_normative"),
        index.FilterField("disclosure"),
        index.FilterField("written_date"),
        index.AutocompleteField("doc_number"),
    ]

    base_form_class = PolicyDocumentForm
    # A copy is a new document with its own 索引号; translations share the original's
    # number through the registry's translation_key (see index_numbers.allocate_index_number).
    exclude_fields_in_copy = ["index_number", "import_hash"]
    parent_page_types = ["sections.ColumnPage"]
    column_kind = "policy"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    # -- validation and saving ----------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if self.doc_number:
            try:
                self.doc_number = normalise_doc_number(self.doc_number)
            except ValidationError as exc:
                errors["doc_number"] = exc.messages
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = _("A document cannot expire before it takes effect.")
        if self.written_date and self.effective_date and self.effective_date < self.written_date - datetime.timedelta(days=3650):
            errors["effective_date"] = _("The effective date is implausibly far before the date written.")
        if self.requires_interpretation and not self.is_normative:
            errors["requires_interpretation"] = _("Only administrative normative documents are published with an interpretation.")
        if self.index_number:
            owner = index_numbers.index_number_owner(self.index_number)
            if owner is not None and self.translation_key and owner != self.translation_key:
                errors["index_number"] = _("This index number belongs to another document.")
        if errors:
            raise ValidationError(errors)
        guard_going_live(self)

    def _derive_fields(self):
        """The 文号 in its normal form (left as typed when it does not parse) and the validity."""
        if self.doc_number:
            try:
                self.doc_number = normalise_doc_number(self.doc_number)
            except ValidationError:
                pass
        self.validity = self.compute_validity()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self._derive_fields()
            self._ensure_index_number()
        super().save(*args, **kwargs)

    def prepare_bulk_create(self, parent):
        """What ``save()`` derives, for ``core.bulk_pages``; the 索引号 is registered by ``bulk_created``."""
        self._derive_fields()
        if not self.index_number:
            self._ensure_index_number()
        super().prepare_bulk_create(parent)

    @classmethod
    def bulk_created(cls, pages):
        """Register the explicit 索引号 of pages ``core.bulk_pages`` inserted (one INSERT; a taken number fails it)."""
        index_numbers.register_new_index_numbers([(page.index_number, page.translation_key) for page in pages])

    def _ensure_index_number(self):
        if self.index_number:
            index_numbers.register_index_number(self.index_number, self.translation_key)
            return
        year = (self.written_date or timezone.localdate()).year
        self.index_number = index_numbers.allocate_index_number(
            issuer=self.issuer, year=year, translation_key=self.translation_key,
        )

    # -- validity -------------------------------------------------------------------
    def superseding_links(self):
        """Live links (repeal / amend) from other documents to this one, newest first."""
        if not self.pk:
            return PolicyRelation.objects.none()
        # Links to any language's copy of this document (a translated source keeps its source's target),
        # from documents in this page's language only: a 简体 page never lists the 繁體 copy.
        return (
            PolicyRelation.objects.filter(
                target__translation_key=self.translation_key, source__live=True, source__locale_id=self.locale_id,
            )
            .select_related("source")
            .order_by("-source__written_date", "-source_id")
        )

    def compute_validity(self, today=None, links=None):
        today = today or timezone.localdate()
        if links is None:
            links = [(link.kind, link.source.effective_date) for link in self.superseding_links()]
        return derive_validity(
            today=today,
            effective_date=self.effective_date,
            expiry_date=self.expiry_date,
            repeal_dates=[d for kind, d in links if kind == PolicyRelation.Kind.REPEALS],
            amend_dates=[d for kind, d in links if kind == PolicyRelation.Kind.AMENDS],
            override=self.validity_override,
        )

    @property
    def validity_label(self):
        return Validity(self.validity).label if self.validity else ""

    @cached_property
    def repealed_by(self):
        return [link.source for link in self._live_superseding_links if link.kind == PolicyRelation.Kind.REPEALS]

    @cached_property
    def amended_by(self):
        return [link.source for link in self._live_superseding_links if link.kind == PolicyRelation.Kind.AMENDS]

    @cached_property
    def _live_superseding_links(self):
        # repealed_by and amended_by share one query
        return list(self.superseding_links())

    # -- public serving -------------------------------------------------------------
    @property
    def is_public(self):
        return self.disclosure == Disclosure.ACTIVE

    def serve(self, request, *args, **kwargs):
        # Only 主动公开 documents are ever served publicly; the staff who handle one may still read it.
        if not self.is_public:
            from ..access import user_handles_document

            if not user_handles_document(self, getattr(request, "user", None)):
                raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Callables, evaluated by the template only when its cached fragment
        # ({% pagecache "policy_document" %}) is missing.
        context["interpretations"] = self.public_interpretations
        context["attachments"] = self.attachment_list
        context["links"] = self.live_links
        context["services"] = self.service_list
        return context

    def public_interpretations(self):
        """Live interpretations of any copy of this document, in this page's language."""
        if not self.pk:
            return []
        from .interpretation import InterpretationPage

        return list(
            public(InterpretationPage.objects.live())
            .filter(source_documents__translation_key=self.translation_key, locale_id=self.locale_id)
            .distinct().order_by("-first_published_at")
        )

    def attachment_list(self):
        return list(self.attachments.select_related("document")) if self.pk else []

    def live_links(self):
        """The documents this one amends or repeals, each as its live copy in this page's language."""
        if not self.pk:
            return []
        links = list(self.relations.select_related("target"))
        if all(link.target.locale_id == self.locale_id for link in links):
            return [link for link in links if link.target.live]
        targets = pages_in_locale([link.target for link in links], self.locale_id)
        shown = []
        for link in links:
            target = targets.get(link.target.translation_key)
            if target is not None:
                link.target = target
                shown.append(link)
        return shown

    def service_list(self):
        return list(self.service_items.all()) if self.pk else []

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_public else []

    # -- search contract ---------------------------------------------------------------
    def search_facets(self):
        """Facets for the search app; uses prefetched relations when present."""
        return {
            "validity": self.validity or None,
            "validity_label": str(self.validity_label),
            "issuer": self.issuer,
            "doc_type": self.doc_type,
            "doc_number": self.doc_number,
            "index_number": self.index_number,
            "tags": [tag.name for tag in self.tags.all()],
            "topics": [topic.name for topic in self.topics.all()],
            "is_public": self.is_public,
            "service_items": [(item.name, item.url) for item in self.service_items.all()],
            "attachments": [a.document for a in self.attachments.all()],
            "written_date": self.written_date,
        }


class PolicyAttachment(Orderable):
    page = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("link text"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() not in ATTACHMENT_EXTENSIONS:
            raise ValidationError({"document": _("Attachments must be PDF, OFD, DOC, DOCX, XLS or XLSX files.")})

    @property
    def display_title(self):
        return self.title or self.document.title


class PolicyRelation(Orderable):
    """The newer document (``page``) amends or repeals an older one (``target``)."""

    class Kind(models.TextChoices):
        AMENDS = "amends", _("Amends")
        REPEALS = "repeals", _("Repeals")

    source = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=10, choices=Kind.choices, default=Kind.REPEALS)
    target = models.ForeignKey(
        PolicyDocumentPage, verbose_name=_("document"), on_delete=models.CASCADE, related_name="superseding_relations",
    )

    panels = [FieldPanel("kind"), PageChooserPanel("target", "policy.PolicyDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("amend/repeal link")
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="policy_relation_unique_pair")]

    def clean(self):
        super().clean()
        if self.target_id and self.source_id and self.target_id == self.source_id:
            raise ValidationError({"target": _("A document cannot amend or repeal itself.")})
