"""Tables of the site search.

``SearchDocument`` is one row per indexed page and language. Its segmented
``*_tokens`` columns feed the database's own full-text index, which is kept
in sync by triggers created in migration 0002: an FTS5 virtual table on
SQLite, a weighted ``tsvector`` column with a GIN index on PostgreSQL.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SearchDocument(models.Model):
    # Column order matters on SQLite: the narrow filter/facet columns come
    # first so reading them never walks the overflow pages of the long text
    # columns at the end of the row.
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.CharField(max_length=16, db_index=True)
    content_type = models.CharField(max_length=100, db_index=True)
    section = models.CharField(max_length=255, blank=True, db_index=True)
    column = models.CharField(max_length=255, blank=True, db_index=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    year = models.IntegerField(null=True, blank=True, db_index=True)
    validity = models.CharField(max_length=32, blank=True, db_index=True)
    issuer = models.CharField(max_length=255, blank=True, db_index=True)
    doc_type = models.CharField(max_length=64, blank=True, db_index=True)
    doc_number = models.CharField(max_length=255, blank=True, db_index=True)
    index_number = models.CharField(max_length=255, blank=True, db_index=True)
    content_type_label = models.CharField(max_length=100, blank=True)
    validity_label = models.CharField(max_length=64, blank=True)
    ts_config = models.CharField(max_length=20, default="simple")
    indexed_at = models.DateTimeField(auto_now=True)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    service_items = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    meta_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["locale", "date"])]

    def __str__(self):
        return self.title


class SearchFacetRow(models.Model):
    """A narrow copy of one document's filter and facet columns.

    Broad queries match most of the index; counting their facets reads one
    of these small rows per match instead of a wide ``SearchDocument`` row
    with its text. Written together with the document (same transaction) and
    deleted with it (cascade). ``tags_text`` holds the tags, each prefixed by
    ``TAG_SEPARATOR``, so tag counts need no join.
    """

    TAG_SEPARATOR = "\x1f"

    document = models.OneToOneField(SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="facet_row")
    locale = models.CharField(max_length=16)
    content_type = models.CharField(max_length=100)
    section = models.CharField(max_length=255, blank=True)
    column = models.CharField(max_length=255, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    year = models.IntegerField(null=True, blank=True)
    validity = models.CharField(max_length=32, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    doc_type = models.CharField(max_length=64, blank=True)
    tags_text = models.TextField(blank=True)

    FIELDS = ("locale", "content_type", "section", "column", "date", "year", "validity", "issuer", "doc_type")

    @classmethod
    def for_document(cls, doc, tags):
        return cls(document=doc, tags_text="".join(cls.TAG_SEPARATOR + t for t in tags),
                   **{name: getattr(doc, name) for name in cls.FIELDS})


class SearchDocumentTag(models.Model):
    """Tags as rows, so tag facets are one GROUP BY."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="tag_rows")
    name = models.CharField(max_length=100, db_index=True)

    class Meta:
        unique_together = [("document", "name")]


class SearchTerm(models.Model):
    """Vocabulary from indexed titles, for pinyin lookup and typo correction."""

    # Per language: 应急 (zh-hans) and 應急 (zh-hant) share a pinyin, and a
    # reader must be offered the word of the language they are searching in.
    language = models.CharField(max_length=20, default="", db_index=True)
    term = models.CharField(max_length=64)
    pinyin = models.CharField(max_length=255, db_index=True)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "term"], name="sitesearch_term_per_language")]


class AttachmentText(models.Model):
    """Extracted text of a Wagtail document, cached by file hash."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    file_hash = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)


class Synonym(index.Indexed, models.Model):
    terms = models.CharField(
        _("equivalent terms"), max_length=500, unique=True,
        help_text=_("Terms that mean the same, separated by commas, e.g. 危化品, 危险化学品."),
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    # The shipped vocabulary group this row was loaded from (search.vocabulary); "" for rows added by hand.
    shipped_key = models.CharField(max_length=64, blank=True, default="", editable=False, db_index=True)

    panels = [FieldPanel("terms"), FieldPanel("enabled")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return split_terms(self.terms)


def split_terms(value):
    for sep in "，、;；|":
        value = value.replace(sep, ",")
    return [t.strip() for t in value.split(",") if t.strip()]


class ZeroResultQuery(models.Model):
    query_string = models.CharField(_("query"), max_length=200)
    locale = models.CharField(_("language"), max_length=16)
    hits = models.PositiveIntegerField(_("times searched"), default=1)
    first_seen = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("query without results")
        verbose_name_plural = _("queries without results")
        unique_together = [("query_string", "locale")]
        ordering = ["-last_seen"]

    def __str__(self):
        return self.query_string
