"""The embedded backend's query path on SQLite.

The contentless FTS5 table ``sitesearch_fts`` (migration 0004) holds the
tokens plus a language ``scope`` token; its rowid is a rank key (day of the
document date * 2**32 + ``SearchDocument.id``). A query with words and no
filter but its language therefore counts and ranks inside FTS5 alone; other
filters join each match to its narrow ``SearchFacetRow`` by primary key.
Only the page of hits is read from the wide ``SearchDocument`` table.

Per query: one unranked pass returns the id of every match (the total, and
the documents whose facet values the per-process ``facet_cache`` counts,
exactly, with numpy), then one ranked pass returns only the page: SQLite
keeps the best ``offset + limit`` rows instead of sorting every match.
Without facets, a COUNT replaces the first pass. When a query has more than
``TIERED_MIN_MATCHES`` matches and its words are each in at least half of
all documents, bm25 gives them no weight (idf ~ 0) and scoring every match
would only cost time: results are ranked by where the words occur, newest
first (``_tiered``), which FTS5 walks without scoring.
"""

from ..models import SearchDocument, SearchFacetRow
from . import FACET_FIELDS, LABELLED_FACETS, facet_cache

FTS_TABLE = "sitesearch_fts"
ROWS = SearchFacetRow._meta.db_table
DOCS = SearchDocument._meta.db_table
# title, meta (文号/索引号/发文机关/tags), body
BM25_WEIGHTS = (10.0, 4.0, 1.0)
TEXT_COLUMNS = "{title_tokens meta_tokens body_tokens}"
ID_MASK = 0xFFFFFFFF  # rowid & ID_MASK = SearchDocument.id
# Tiered ranking (below) only pays off when there are many matches to score.
TIERED_MIN_MATCHES = 20_000


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


class SqliteQuery:
    """One query: ``run()`` returns (total, [(document id, score)], facets, labels)."""

    def __init__(self, q, where, params, facet_size, tiered_min_matches=TIERED_MIN_MATCHES):
        """``where``/``params``: the language and filters on the narrow ``SearchFacetRow`` table."""
        self.q = q
        self.facet_size = facet_size
        self.tiered_min = tiered_min_matches
        self.has_text = any(c.alternatives for c in q.concepts)
        # Words and no filter but the language (in the FTS scope): FTS5 alone.
        self.fts_only = self.has_text and not any(q.filters.values())
        self.score = "0"
        if self.has_text:
            self.match = match_expression(q.concepts, q.locale)
            self.score = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in BM25_WEIGHTS)}, 0.0)"
        if self.fts_only:
            self.source, self.where, self.params = FTS_TABLE, f"{FTS_TABLE} MATCH %s", [self.match]
            self.doc_id = f"({FTS_TABLE}.rowid & {ID_MASK})"
        elif self.has_text:
            # CROSS JOIN fixes the join order: drive from the full-text match
            # and look up each match's narrow row by primary key.
            self.source = (f'{FTS_TABLE} CROSS JOIN "{ROWS}" '
                           f'ON "{ROWS}"."document_id" = ({FTS_TABLE}.rowid & {ID_MASK})')
            self.where = f"{FTS_TABLE} MATCH %s AND ({where})"
            self.params = [self.match] + params
            self.doc_id = f'"{ROWS}"."document_id"'
        else:
            self.source, self.where, self.params = f'"{ROWS}"', where, params
            self.doc_id = f'"{ROWS}"."document_id"'

    def run(self, cursor):
        q = self.q
        base = f"FROM {self.source} WHERE {self.where}"
        if q.facets:
            # Every match's id: the total, and the documents whose facets are counted.
            cursor.execute(f"SELECT {self.doc_id} {base}", self.params)
            matched = [row[0] for row in cursor.fetchall()]
            total = len(matched)
        else:
            cursor.execute(f"SELECT COUNT(*) {base}", self.params)
            total = cursor.fetchone()[0]
        if not total:
            return 0, [], {}, {}
        wanted = q.offset + q.limit
        # Every document's facet values: counted below, and their number is bm25's N.
        values = facet_cache.current(cursor) if q.facets or total >= self.tiered_min else None
        if values is not None and self._idf_is_degenerate(total, values.documents):
            rows = self._tiered(cursor, wanted)
        else:
            rows = self._ranked(cursor, base, wanted)
        page = rows[q.offset:q.offset + q.limit]
        if not q.facets:
            return total, self._hits(page), {}, {}
        facets = self._top(values.count(matched))
        return total, self._hits(page), facets, self._labels(cursor, facets)

    def _ranked(self, cursor, base, limit):
        """The first ``limit`` [(document id, score)] in bm25 (or date) order."""
        if not self.has_text:
            order = f'"{ROWS}"."date" DESC, "{ROWS}"."document_id" DESC'
        elif self.q.sort == "date":
            order = f"{FTS_TABLE}.rowid DESC"  # the rank key: newest day first, FTS5 walks it in order
        else:
            order = f"score ASC, {FTS_TABLE}.rowid DESC"
        cursor.execute(f"SELECT {self.doc_id}, {self.score} AS score {base} ORDER BY {order} LIMIT %s",
                       self.params + [limit])
        return cursor.fetchall()

    def _idf_is_degenerate(self, total, documents):
        """True when scoring ``total`` matches with bm25 would cost time for nothing.

        FTS5's bm25 clamps a word's idf to ~0 once the word is in at least half
        of all indexed rows (every language). ``total`` rows match every word,
        so each word is in at least ``total`` rows. Synonym alternatives may be
        rare, so queries with them are always ranked by bm25.
        """
        if (not self.fts_only or self.q.sort == "date" or total < self.tiered_min
                or any(len(c.alternatives) != 1 for c in self.q.concepts)):
            return False
        return 2 * total >= documents

    def _tiered(self, cursor, wanted):
        """Where the words occur (title; 文号/发文机关/tags; body), newest first within each tier.

        Used instead of bm25 when its idf is degenerate (see above): FTS5 walks
        each tier newest first and stops after ``wanted`` rows, instead of
        scoring every match. Scores are the tier: 3, 2, 1.
        """
        words = fts5_expression(self.q.concepts)
        scope = f'scope : "{scope_token(self.q.locale)}"'
        tiers = [
            (3.0, f"{scope} AND {{title_tokens}} : ({words})"),
            (2.0, f"{scope} AND {{title_tokens meta_tokens}} : ({words}) NOT {{title_tokens}} : ({words})"),
            (1.0, f"{scope} AND {TEXT_COLUMNS} : ({words}) NOT {{title_tokens meta_tokens}} : ({words})"),
        ]
        rows = []
        for score, expression in tiers:
            if len(rows) >= wanted:
                break
            cursor.execute(f"SELECT rowid & {ID_MASK}, %s FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                           f"ORDER BY rowid DESC LIMIT %s", [-score, expression, wanted - len(rows)])
            rows.extend(cursor.fetchall())
        return rows

    def _hits(self, rows):
        return [(r[0], -r[1] if self.has_text else 0.0) for r in rows]

    def _top(self, counters):
        return {
            name: sorted(((v, n) for v, n in counters[name].items() if v not in (None, "")),
                         key=lambda item: (-item[1], str(item[0])))[:self.facet_size]
            for name in FACET_FIELDS
        }

    def _labels(self, cursor, facets):
        """Display labels of the shown validity/content-type values, in the query's language."""
        labels = {name: {} for name in LABELLED_FACETS}
        lookups, params = [], []
        for name, label_col in LABELLED_FACETS.items():
            for value, _n in facets.get(name, []):
                # One indexed probe per value (LIMIT 1), all in one statement.
                lookups.append(f'SELECT * FROM (SELECT %s, "{name}", "{label_col}" FROM "{DOCS}" '
                               f'WHERE "{name}" = %s AND "locale" = %s AND "{label_col}" != \'\' LIMIT 1)')
                params += [name, value, self.q.locale]
        if lookups:
            cursor.execute(" UNION ALL ".join(lookups), params)
            for name, value, label in cursor.fetchall():
                labels[name][value] = label
        return labels
