"""Wagtail's database search backend with Chinese word segmentation.

Stock SQLite FTS5 and PostgreSQL store a run of Chinese characters as one
token, so the admin's page search cannot find 政务公开 inside a longer title.
This backend wraps Wagtail's (modelsearch's) database backend for the current
database: values are segmented before they are written to the index, and
query strings are segmented the same way before searching.
"""
import threading
from importlib import import_module

from modelsearch.backends.database import SearchBackend as _vendor_backend

from . import segmentation

_swap_lock = threading.RLock()


def _segment_value(value):
    return segmentation.word_text(value) if isinstance(value, str) else value


def _segmenting_indexer(base):
    class SegmentingObjectIndexer(base):
        def prepare_value(self, value):
            return _segment_value(super().prepare_value(value))

    return SegmentingObjectIndexer


def _segment_string(text):
    words = segmentation.query_words(text)
    return " ".join(words) if words else text


def _segment_query(query):
    """Segment a query string or a parsed query tree (the admin passes PlainText/Phrase/And)."""
    from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

    if isinstance(query, str):
        return _segment_string(query)
    if isinstance(query, PlainText):
        return PlainText(_segment_string(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(_segment_string(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([_segment_query(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(_segment_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(_segment_query(query.subquery), query.boost)
    return query


def SearchBackend(params):
    backend = _vendor_backend(params)
    base_cls = type(backend)
    module = import_module(base_cls.__module__)
    base_index = base_cls.index_class
    indexer_base = getattr(module, "ObjectIndexer", None)

    if indexer_base is not None:
        segmenting = _segmenting_indexer(indexer_base)

        class SegmentingIndex(base_index):
            def add_items(self, model, objs):
                # The vendor index builds its ObjectIndexer from a module global;
                # swap it for the segmenting subclass for the duration of the call.
                with _swap_lock:
                    original = module.ObjectIndexer
                    module.ObjectIndexer = segmenting
                    try:
                        return super().add_items(model, objs)
                    finally:
                        module.ObjectIndexer = original

        index_class = SegmentingIndex
    else:  # pragma: no cover - fallback backend (no FTS): nothing to segment into
        index_class = base_index

    class ChineseSearchBackend(base_cls):
        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            return super()._search(query_compiler_class, _segment_query(query), model_or_queryset, **kwargs)

    ChineseSearchBackend.index_class = index_class
    ChineseSearchBackend.__name__ = "Chinese" + base_cls.__name__
    return ChineseSearchBackend(params)
