"""The small interface every site-search backend implements."""
from dataclasses import dataclass, field

FACET_FIELDS = ("section", "column", "tag", "validity", "issuer", "year", "doc_type", "content_type")
# Facets whose values are codes, with the stored column holding each value's label in the document's language.
LABELLED_FACETS = {"validity": "validity_label", "content_type": "content_type_label"}


@dataclass
class Concept:
    """One query word: any alternative (a token phrase) may match.

    ``alternatives[:typed]`` are forms of the word the user typed (its jieba
    words, its parts); the rest are expansions (synonyms, full forms of an
    abbreviation), which rank below the typed forms. ``phrases`` are
    character-bigram phrases that match a form as an exact string wherever
    the index holds it (``phrases[:typed_phrases]`` typed, the rest expansions).
    """

    alternatives: list  # list[list[str]]: each alternative is a list of index tokens, all required
    typed: int = None
    phrases: list = field(default_factory=list)  # list[list[str]]: consecutive bigram tokens
    typed_phrases: int = None

    def __post_init__(self):
        if self.typed is None:
            self.typed = len(self.alternatives)
        if self.typed_phrases is None:
            self.typed_phrases = len(self.phrases)

    @property
    def has_expansions(self):
        return self.typed < len(self.alternatives) or self.typed_phrases < len(self.phrases)

    @property
    def primary(self):
        """The tokens of the word as typed (its first form)."""
        return self.alternatives[0] if self.alternatives else []


@dataclass
class BackendQuery:
    """A ranked query: every concept contributes, none is required.

    Matches are ranked by how much of the query they cover (all words in the
    title, all words close together, all words, all but one, any), then by
    the engine's score (bm25, ts_rank_cd, Lucene). ``require_all`` keeps only
    documents with every concept (文号/索引号 queries); ``exact`` is a
    文号 or 索引号 whose document must come first.
    """

    concepts: list  # list[Concept]
    locale: str
    filters: dict = field(default_factory=dict)  # facet field -> value; plus title/doc_number/index_number/date_from/date_to
    sort: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 10
    facets: bool = True
    require_all: bool = False
    exact: str = ""


@dataclass
class BackendHit:
    page_id: int
    score: float
    doc: dict  # stored fields: title, url, body, summary, date, section, column, ...


@dataclass
class BackendResults:
    total: int
    hits: list
    facets: dict  # field -> list[(value, count)]
    facet_labels: dict = field(default_factory=dict)  # field -> {value: display label}
    # Whether some match has every query word: True/False when the backend knows, None when not.
    full_matches: object = None


class SearchBackend:
    name = "base"

    def index_documents(self, docs):
        raise NotImplementedError

    def delete_pages(self, page_ids):
        raise NotImplementedError

    def indexed_page_ids(self):
        raise NotImplementedError

    def indexed_among(self, page_ids):
        """Those of ``page_ids`` that have a document in the index."""
        return self.indexed_page_ids() & set(page_ids)

    def query(self, q: BackendQuery) -> BackendResults:
        raise NotImplementedError

    def suggest(self, prefix, locale, limit=8):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError


def get_backend(name=None):
    from django.conf import settings

    conf = getattr(settings, "SITE_SEARCH", {})
    name = name or conf.get("BACKEND", "embedded")
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(conf)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(conf)
