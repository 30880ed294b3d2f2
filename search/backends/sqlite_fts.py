"""The embedded backend's query path on SQLite.

The contentless FTS5 table ``sitesearch_fts`` (migration 0004) holds the
tokens plus a language ``scope`` token; its rowid is a rank key (day of the
document date * 2**32 + ``SearchDocument.id``). A query with words and no
filter but its language therefore counts and ranks inside FTS5 alone; other
filters join each match to its narrow ``SearchFacetRow`` by primary key.
Only the page of hits is read from the wide ``SearchDocument`` table.

Per query: one COUNT; then, if facets are wanted and there are at most
``exact_facet_limit`` matches, one pass collecting every facet column with
``group_concat`` (counted in Python); then the ranked page. When a query
matches more documents, facet counts cover the ``facet_sample_size``
best-ranked results only, and the results say so (``facets_sample``).
"""
import json
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
TEXT_COLUMNS = "{title_tokens meta_tokens body_tokens}"
ID_MASK = 0xFFFFFFFF  # rowid & ID_MASK = SearchDocument.id
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


def scope_token(locale):
    """The FTS token of a language (the triggers build the same from the locale column)."""
    return "scope" + locale.lower().replace("-", "x").replace("_", "x")


def match_expression(concepts, locale):
    """The user's words in the text columns only, within one language."""
    return f'scope : "{scope_token(locale)}" AND {TEXT_COLUMNS} : ({fts5_expression(concepts)})'


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
        # Words and no filter but the language (in the FTS scope): FTS5 alone.
        self.fts_only = self.has_text and not any(q.filters.values())
        self.score = "0"
        if self.has_text:
            # CROSS JOIN fixes the join order: drive from the full-text match
            # and look up each match's narrow row by primary key.
            self.source = (f'{FTS_TABLE} CROSS JOIN "{ROWS}" '
                           f'ON "{ROWS}"."document_id" = ({FTS_TABLE}.rowid & {ID_MASK})')
            self.where = f"{FTS_TABLE} MATCH %s AND ({where})"
            self.match = match_expression(q.concepts, q.locale)
            self.params = [self.match] + params
            self.score = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in BM25_WEIGHTS)}, 0.0)"
        else:
            self.source, self.where, self.params = f'"{ROWS}"', where, params

    def run(self, cursor):
        q = self.q
        base = f"FROM {self.source} WHERE {self.where}"
        fts_base = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        cursor.execute(f"SELECT COUNT(*) {fts_base if self.fts_only else base}",
                       [self.match] if self.fts_only else self.params)
        total = cursor.fetchone()[0]
        if not total:
            return 0, [], {}, {}, 0
        sample = q.facets and total > self.exact_limit
        facets = self._facets(cursor, base, self.params) if q.facets and not sample else None
        limit, offset = q.limit, q.offset
        if sample:  # one ranked pass gives the page and the sampled documents
            limit, offset = max(self.sample_size, q.offset + q.limit), 0
        if self.fts_only and q.sort != "date":
            cursor.execute(f"SELECT rowid & {ID_MASK}, {self.score} AS score {fts_base} "
                           f"ORDER BY score ASC, rowid DESC LIMIT %s OFFSET %s", [self.match, limit, offset])
        else:
            if q.sort == "date" or not self.has_text:
                order = f'"{ROWS}"."date" DESC, "{ROWS}"."document_id" DESC'
            else:
                order = f"score ASC, {FTS_TABLE}.rowid DESC"
            cursor.execute(f'SELECT "{ROWS}"."document_id", {self.score} AS score {base} '
                           f"ORDER BY {order} LIMIT %s OFFSET %s", self.params + [limit, offset])
        rows = cursor.fetchall()
        if sample:
            ids = json.dumps([r[0] for r in rows[:self.sample_size]])
            facets = self._facets(cursor, f'FROM "{ROWS}" WHERE "{ROWS}"."document_id" IN '
                                          f"(SELECT value FROM json_each(%s))", [ids])
            rows = rows[q.offset:q.offset + q.limit]
        hits = [(r[0], -r[1] if self.has_text else 0.0) for r in rows]
        if not q.facets:
            return total, hits, {}, {}, 0
        return total, hits, facets, self._labels(cursor, facets), (min(self.sample_size, total) if sample else 0)

    def _facets(self, cursor, base, params):
        """Every scalar facet and the tags from one pass over the given rows."""
        concat = ", ".join(f'group_concat("{ROWS}"."{n}", char(31))' for n in SCALAR_FACETS)
        cursor.execute(f'SELECT {concat}, group_concat("{ROWS}"."tags_text", \'\') {base}', params)
        row = cursor.fetchone()
        counters = {name: Counter(value.split(SEP)) if value else Counter() for name, value in zip(SCALAR_FACETS, row)}
        if counters["year"]:
            counters["year"] = Counter({int(y): n for y, n in counters["year"].items() if y})
        counters["tag"] = Counter(row[-1].split(SEP)[1:]) if row[-1] else Counter()
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
