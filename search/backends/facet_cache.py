"""Every indexed document's facet values, held in memory per process (SQLite path).

Counting the facets of a query that matches 20,000 documents row by row in
SQLite costs more than ranking them. The values are few and short, so each
process keeps them as one list of small integer codes per column (the tags
of a document count as one combination) and counts the matched documents
with ``map`` and ``Counter``, which run in C. The lists are
reloaded whenever ``sitesearch_facet_generation`` (set to a random value by
triggers on every change to the facet rows, migration 0005) differs from
the value it was loaded with; checking costs one single-row read per query.
"""
import threading
from array import array
from collections import Counter

from ..models import SearchFacetRow

ROWS = SearchFacetRow._meta.db_table
SEP = SearchFacetRow.TAG_SEPARATOR
COLUMNS = ("section", "column", "validity", "issuer", "year", "doc_type", "content_type")

_lock = threading.Lock()
_cache = {"generation": None, "data": ({}, [])}


def _load(cursor):
    """(document id -> position, per column (codes list, values by code), tags last) for the current index."""
    cursor.execute("SELECT value FROM sitesearch_facet_generation WHERE id = 1")
    generation = cursor.fetchone()[0]
    cached = _cache
    if cached["generation"] == generation:
        return cached["data"]
    names = ", ".join(f'"{name}"' for name in COLUMNS)
    cursor.execute(f'SELECT document_id, {names}, tags_text FROM "{ROWS}"')
    rows = cursor.fetchall()
    positions = {row[0]: n for n, row in enumerate(rows)}
    columns = []
    for index in range(1, len(COLUMNS) + 2):
        values = [row[index] for row in rows]
        if index == len(COLUMNS) + 1:  # tags: a tuple of tags per document
            values = [tuple(text.split(SEP)[1:]) if text else () for text in values]
        columns.append(_encode(values))
    data = (positions, columns)
    with _lock:
        _cache.update(generation=generation, data=data)
    return data


def _encode(values):
    """Small integer codes instead of one string object per row: counting stays in the CPU cache."""
    codes, table = {}, []
    out = array("l")
    for value in values:
        code = codes.get(value)
        if code is None:
            code = codes[value] = len(table)
            table.append(value)
        out.append(code)
    return out, table


def count(cursor, document_ids):
    """{facet name: Counter of values} over the given documents."""
    positions, columns = _load(cursor)
    # Sorted positions read each column front to back (ranked ids come in random order).
    picked = sorted(p for p in map(positions.get, document_ids) if p is not None)
    counters = {}
    for name, (codes, table) in zip((*COLUMNS, "tag"), columns):
        by_code = Counter(map(codes.__getitem__, picked))
        if name == "tag":
            tags = Counter()
            for code, n in by_code.items():
                for tag in table[code]:
                    tags[tag] += n
            counters[name] = tags
        else:
            counters[name] = Counter({table[code]: n for code, n in by_code.items()})
    return counters


def document_count(cursor):
    """Indexed documents in every language (the N of bm25's idf)."""
    return len(_load(cursor)[0])
