"""The small interface every site-search backend implements."""
from dataclasses import dataclass, field

FACET_FIELDS = ("section", "column", "tag", "validity", "issuer", "year", "doc_type", "content_type")
# Facets whose values are codes, with the stored column holding each value's label in the document's language.
LABELLED_FACETS = {"validity": "validity_label", "content_type": "content_type_label"}


@dataclass
class Concept:
    """One query word: any alternative (a token phrase) may match."""

    alternatives: list  # list[list[str]]: each alternative is a phrase of index tokens


@dataclass
class BackendQuery:
    concepts: list  # list[Concept], all required (AND)
    locale: str
    filters: dict = field(default_factory=dict)  # facet field -> value; plus title/doc_number/index_number/date_from/date_to
    sort: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 10
    facets: bool = True


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


class SearchBackend:
    name = "base"

    def index_documents(self, docs):
        raise NotImplementedError

    def delete_pages(self, page_ids):
        raise NotImplementedError

    def indexed_page_ids(self):
        raise NotImplementedError

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
