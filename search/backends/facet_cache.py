"""Every indexed document's facet values, held in memory per process (SQLite path).

Counting the facets of a query that matches tens of thousands of documents
row by row, in SQLite or in Python, costs more than ranking them. The values
are few and short, so each process keeps them as one numpy array of small
integer codes per facet, indexed by document id (the tags of a document
count as one combination), and counts a query's matches with
``numpy.bincount``: about a millisecond for 50,000 matches.

Triggers append every changed document id to ``sitesearch_facet_change``
(migration 0006). Before each query a process reads the log's last entry
(one indexed row). When entries were added since the one it last applied, it
re-reads only those documents' rows; it reloads everything when it is too
far behind, when its entry was pruned or rolled back, or when deleted ids
leave most of its arrays empty.
"""
import threading
from collections import Counter

import numpy

from ..models import SearchFacetRow

ROWS = SearchFacetRow._meta.db_table
LOG = "sitesearch_facet_change"
SEP = SearchFacetRow.TAG_SEPARATOR
COLUMNS = ("section", "column", "validity", "issuer", "year", "doc_type", "content_type")
FIELDS = (*COLUMNS, "tag")
ABSENT = 0  # the code of ids without a facet row (deleted, or never indexed)
MAX_CATCH_UP = 10_000  # log entries; further behind, reloading everything is as cheap
_NAMES = ", ".join(f'"{name}"' for name in COLUMNS)
SELECT_ROWS = f'SELECT document_id, {_NAMES}, tags_text FROM "{ROWS}"'

_lock = threading.Lock()
_state = {"version": None, "facets": None}  # version: the (seq, token) of the last log entry applied


class Facets:
    """Codes by document id for every facet, as of one log entry. Never changed once built."""

    def __init__(self, base, by_id, values):
        self.base = base  # the lowest document id held
        self.by_id = by_id  # int32 [facet, document id - base] -> code
        self.values = values  # per facet: the value of each code; code 0 (ABSENT) is None
        self.codes = [{value: code for code, value in enumerate(v)} for v in values]
        self.documents = 0  # set by _write

    @classmethod
    def build(cls, rows):
        ids = [row[0] for row in rows]
        base, size = (min(ids), max(ids) - min(ids) + 1) if ids else (0, 0)
        facets = cls(base, numpy.zeros((len(FIELDS), size), dtype=numpy.int32), [[None] for _ in FIELDS])
        facets._write(rows)
        return facets

    def updated(self, changed_ids, rows):
        """A copy with ``changed_ids`` re-read from ``rows`` (ids without a row become ABSENT), or None to reload."""
        if not changed_ids:
            return self
        if min(changed_ids) < self.base:
            return None
        held, needed = self.by_id.shape[1], max(changed_ids) - self.base + 1
        if needed > 4 * max(self.documents, 1000):  # mostly deleted ids: compact by reloading
            return None
        size = held if needed <= held else max(needed, held + held // 4)  # room for the next ones
        by_id = numpy.zeros((len(FIELDS), size), dtype=numpy.int32)
        by_id[:, :held] = self.by_id
        by_id[:, [i - self.base for i in changed_ids]] = ABSENT
        facets = Facets(self.base, by_id, [list(v) for v in self.values])
        facets._write(rows)
        return facets

    def _write(self, rows):
        positions = [row[0] - self.base for row in rows]
        for field, (codes, values) in enumerate(zip(self.codes, self.values)):
            column = []
            for row in rows:
                value = row[field + 1]
                if field == len(COLUMNS):  # tags: one combination per document
                    value = tuple(value.split(SEP)[1:]) if value else ()
                code = codes.get(value)
                if code is None:
                    code = codes[value] = len(values)
                    values.append(value)
                column.append(code)
            self.by_id[field, positions] = column
        self.documents = int(numpy.count_nonzero(self.by_id[0]))

    def count(self, document_ids):
        """{facet name: Counter of values} over the given document ids."""
        ids = numpy.asarray(document_ids, dtype=numpy.int64) - self.base
        # Ids indexed after this copy was built count as ABSENT until the next query catches up.
        ids = ids[(ids >= 0) & (ids < self.by_id.shape[1])]
        picked = self.by_id[:, ids]
        counters = {}
        for field, name in enumerate(FIELDS):
            counts = numpy.bincount(picked[field], minlength=len(self.values[field]))
            counter = Counter()
            for code in numpy.flatnonzero(counts[1:]) + 1:
                if name == "tag":
                    for tag in self.values[field][code]:
                        counter[tag] += int(counts[code])
                else:
                    counter[self.values[field][code]] = int(counts[code])
            counters[name] = counter
        return counters


def current(cursor):
    """This process's Facets, brought up to date with the change log."""
    cursor.execute(f"SELECT seq, token FROM {LOG} ORDER BY seq DESC LIMIT 1")
    latest = cursor.fetchone() or (0, 0)
    with _lock:
        version, facets = _state["version"], _state["facets"]
    if version == latest:
        return facets
    facets = _caught_up(cursor, version, facets, latest)
    if facets is None:
        cursor.execute(SELECT_ROWS)
        facets = Facets.build(cursor.fetchall())
    with _lock:
        _state.update(version=latest, facets=facets)
    return facets


def _caught_up(cursor, version, facets, latest):
    """``facets`` with the log entries after ``version`` applied, or None when only a reload will do."""
    if facets is None or not version[0] < latest[0] <= version[0] + MAX_CATCH_UP:
        return None
    cursor.execute(f"SELECT token FROM {LOG} WHERE seq = %s", [version[0]])
    entry = cursor.fetchone()
    if entry is None or entry[0] != version[1]:  # pruned, or rolled back and reused
        return None
    cursor.execute(f"SELECT DISTINCT document_id FROM {LOG} WHERE seq > %s AND seq <= %s", [version[0], latest[0]])
    changed = [row[0] for row in cursor.fetchall()]
    rows = []
    for start in range(0, len(changed), 500):
        chunk = changed[start:start + 500]
        cursor.execute(f"{SELECT_ROWS} WHERE document_id IN ({', '.join(['%s'] * len(chunk))})", chunk)
        rows.extend(cursor.fetchall())
    return facets.updated(changed, rows)


