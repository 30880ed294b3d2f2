"""The embedded backend's query path on SQLite.

Matches come from the contentless FTS5 table ``sitesearch_fts`` (rowid =
``SearchDocument.id``) joined to the narrow ``SearchFacetRow`` table, so
counting and ranking many matches never reads the wide document rows; only
the page of hits is read from ``SearchDocument`` afterwards.

Per query: one COUNT, then (facets wanted and at most ``exact_facet_limit``
matches) one pass that collects every facet column with ``group_concat``
and counts in Python, then the ranked page. When a query matches more than
``exact_facet_limit`` documents, facet counts are taken over the
``facet_sample_size`` best-ranked results instead, in the same ranked pass;
the results say so (``facets_sample``) and the page shows it.
"""
from collections import Counter

from django.db import connection

from ..models import SearchDocument, SearchFacetRow
from . import FACET_FIELDS

FTS_TABLE = "sitesearch_fts"
ROWS = SearchFacetRow._meta.db_table
DOCS = SearchDocument._meta.db_table
# title, meta (文号/索引号/发文机关/tags), body
BM25_WEIGHTS = (10.0, 4.0, 1.0)
SEP = "\x1f"
SCALAR_FACETS = [n for n in FACET_FIELDS if n != "tag"]
LABELLED_FACETS = {"validity": "validity_label", "content_type": "content_type_label"}
EXACT_FACET_LIMIT = 20_000
FACET_SAMPLE_SIZE = 2_000


def fts5_expression(concepts):
    parts = []
    for concept in concepts:
        alts = []
        for phrase in concept.alternatives:
            # Tokens of one alternative are ANDed, not a phrase: search-mode
            # segmentation puts sub-words between the words of a phrase.
            tokens = ['"' + t.replace('"', '""') + '"' for t in phrase if t]
            if tokens:
                alts.append("(" + " AND ".join(tokens) + ")")
        if alts:
            parts.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def _compile_where(qs):
    compiler = qs.query.get_compiler(connection=connection)
    compiler.pre_sql_setup()
    sql, params = compiler.compile(qs.query.where)
    return sql or "1=1", list(params)


class SqliteQuery:
    """One query: ``run()`` returns (total, [(document id, score)], facets, labels, sample size or 0)."""

    def __init__(self, q, rows_qs, facet_size, exact_facet_limit=EXACT_FACET_LIMIT, sample_size=FACET_SAMPLE_SIZE):
        self.q = q
        self.facet_size = facet_size
        self.exact_limit = exact_facet_limit
        self.sample_size = sample_size
        where, params = _compile_where(rows_qs)
        self.has_text = any(c.alternatives for c in q.concepts)
        if self.has_text:
            # CROSS JOIN fixes the join order: drive from the full-text match
            # and look up each match's narrow row by primary key.
            self.source = f'{FTS_TABLE} CROSS JOIN "{ROWS}" ON "{ROWS}"."document_id" = {FTS_TABLE}.rowid'
            self.where = f"{FTS_TABLE} MATCH %s AND ({where})"
            self.params = [fts5_expression(q.concepts)] + params
            self.score = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in BM25_WEIGHTS)})"
        else:
            self.source, self.where, self.params, self.score = f'"{ROWS}"', where, params, "0"

    def run(self, cursor):
        base = f"FROM {self.source} WHERE {self.where}"
        cursor.execute(f"SELECT COUNT(*) {base}", self.params)
        total = cursor.fetchone()[0]
        if not total:
            return 0, [], {}, {}, 0
        q = self.q
        exact = q.facets and total <= self.exact_limit
        sample = q.facets and not exact
        facets = self._exact_facets(cursor, base) if exact else None
        if q.sort == "date" or not self.has_text:
            order = f'"{ROWS}"."date" DESC, "{ROWS}"."document_id" DESC'
        else:
            order = f'score ASC, "{ROWS}"."date" DESC, "{ROWS}"."document_id" DESC'
        cols = f'"{ROWS}"."document_id", {self.score} AS score'
        limit, offset = q.limit, q.offset
        if sample:
            # One ranked pass gives the page and the facet sample.
            cols += ", " + ", ".join(f'"{ROWS}"."{n}"' for n in SCALAR_FACETS) + f', "{ROWS}"."tags_text"'
            limit, offset = max(self.sample_size, q.offset + q.limit), 0
        cursor.execute(f"SELECT {cols} {base} ORDER BY {order} LIMIT %s OFFSET %s", self.params + [limit, offset])
        rows = cursor.fetchall()
        if sample:
            facets = self._count_rows(rows[:self.sample_size])
            rows = rows[q.offset:q.offset + q.limit]
        hits = [(r[0], -r[1] if self.has_text else 0.0) for r in rows]
        if not q.facets:
            return total, hits, {}, {}, 0
        labels = self._labels(cursor, facets)
        return total, hits, facets, labels, (min(self.sample_size, total) if sample else 0)

    def _exact_facets(self, cursor, base):
        """Every scalar facet and the tags from one pass over the matches."""
        concat = ", ".join(f'group_concat("{ROWS}"."{n}", char(31))' for n in SCALAR_FACETS)
        cursor.execute(f'SELECT {concat}, group_concat("{ROWS}"."tags_text", \'\') {base}', self.params)
        row = cursor.fetchone()
        counters = {name: Counter(value.split(SEP)) if value else Counter() for name, value in zip(SCALAR_FACETS, row)}
        if counters["year"]:
            counters["year"] = Counter({int(y): n for y, n in counters["year"].items() if y})
        counters["tag"] = Counter(row[-1].split(SEP)[1:]) if row[-1] else Counter()
        return self._top(counters)

    def _count_rows(self, rows):
        counters = {name: Counter(r[2 + i] for r in rows) for i, name in enumerate(SCALAR_FACETS)}
        counters["tag"] = Counter(t for r in rows if r[-1] for t in r[-1].split(SEP)[1:])
        return self._top(counters)

    def _top(self, counters):
        return {
            name: sorted(((v, n) for v, n in counters[name].items() if v not in (None, "")),
                         key=lambda item: (-item[1], str(item[0])))[:self.facet_size]
            for name in FACET_FIELDS
        }

    def _labels(self, cursor, facets):
        """Display labels of the shown validity/content-type values, in the query's language."""
        labels = {}
        for name, label_col in LABELLED_FACETS.items():
            labels[name] = {}
            for value, _n in facets.get(name, []):
                cursor.execute(
                    f'SELECT "{label_col}" FROM "{DOCS}" WHERE "{name}" = %s AND "locale" = %s '
                    f'AND "{label_col}" != \'\' LIMIT 1', [value, self.q.locale])
                found = cursor.fetchone()
                if found:
                    labels[name][value] = found[0]
        return labels
