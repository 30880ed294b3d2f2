"""Elasticsearch documents and index definition (elasticsearch-dsl).

Chinese analysis is selectable: the built-in ``cjk`` analyzer (bigrams; no
plugin needed) by default, or the ``smartcn`` / IK plugins. Every text field
also has an ``.en`` sub-field with English stemming for the en locale.
"""
from elasticsearch_dsl import Date, Document, Index, Integer, Keyword, Object, Text

ANALYZERS = {
    # name: (index analyzer, search analyzer)
    "cjk": ("cjk", "cjk"),
    "smartcn": ("smartcn", "smartcn"),
    "ik": ("ik_max_word", "ik_smart"),
}

TEXT_FIELDS = ("title", "meta", "body")
# Title matches count most, then 文号/索引号/机关/tags, then body and attachments.
FIELD_BOOSTS = {"title": 3, "meta": 2, "body": 1}


def _text(analyzer_name):
    """A text field: the chosen Chinese analyzer, English stemming in ``.en``, and, when the
    analyzer makes words (smartcn, IK), character bigrams in ``.cjk`` so a sub-word or a part
    of a compound is still found (the embedded backends index bigrams next to jieba words)."""
    index_an, search_an = ANALYZERS[analyzer_name]
    fields = {"en": Text(analyzer="english")}
    if analyzer_name != "cjk":
        fields["cjk"] = Text(analyzer="cjk")
    return Text(analyzer=index_an, search_analyzer=search_an, fields=fields)


def document_class(analyzer_name="cjk"):
    """The Document class for a given Chinese analyzer choice."""
    if analyzer_name not in ANALYZERS:
        raise ValueError(f"Unknown Elasticsearch analyzer {analyzer_name!r}; choose one of {sorted(ANALYZERS)}")

    class SiteSearchDocument(Document):
        page_id = Integer()
        locale = Keyword()
        content_type = Keyword()
        content_type_label = Keyword()
        title = _text(analyzer_name)
        meta = _text(analyzer_name)
        body = _text(analyzer_name)
        summary = Text(index=False)
        url = Keyword(index=False)
        section = Keyword()
        column = Keyword()
        tags = Keyword()
        validity = Keyword()
        validity_label = Keyword()
        issuer = Keyword()
        doc_type = Keyword()
        doc_number = Keyword(fields={"text": _text(analyzer_name)})
        index_number = Keyword(fields={"text": _text(analyzer_name)})
        date = Date()
        year = Integer()
        service_items = Object(enabled=False)

        class Index:
            name = "govsite-search"
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    return SiteSearchDocument


def build_index(name, analyzer_name="cjk"):
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    index.document(document_class(analyzer_name))
    return index


def to_source(doc):
    """A search document dict (search.indexing.build_document) as an ES _source."""
    meta = " ".join(x for x in (doc.get("doc_number"), doc.get("index_number"), doc.get("issuer"),
                                doc.get("doc_type"), " ".join(doc.get("tags") or [])) if x)
    date = doc.get("date")
    return {
        "page_id": doc["page_id"], "locale": doc["locale"], "content_type": doc["content_type"],
        "content_type_label": doc.get("content_type_label", ""), "title": doc["title"], "meta": meta,
        "body": doc.get("body", ""), "summary": doc.get("summary", ""), "url": doc.get("url", ""),
        "section": doc.get("section", ""), "column": doc.get("column", ""), "tags": doc.get("tags") or [],
        "validity": doc.get("validity", ""), "validity_label": doc.get("validity_label", ""),
        "issuer": doc.get("issuer", ""), "doc_type": doc.get("doc_type", ""),
        "doc_number": doc.get("doc_number", ""), "index_number": doc.get("index_number", ""),
        "date": date.isoformat() if date else None, "year": doc.get("year"),
        "service_items": [{"name": n, "url": u} for n, u in (doc.get("service_items") or [])],
    }
