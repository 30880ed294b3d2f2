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


NEAR_DISTANCE = 10  # tokens; the typed words within this distance earn the proximity tier
# Score added per coverage tier (above any bm25 value), best first; see coverage_tiers.
TIER_STEP = 1000.0


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def concept_expression(concept, typed_only=False):
    """Any form of one query word: its token lists (each ANDed) or its bigram phrases."""
    alts = concept.alternatives[:concept.typed] if typed_only else concept.alternatives
    phrases = concept.phrases[:concept.typed_phrases] if typed_only else concept.phrases
    # Tokens of one alternative are ANDed, not a phrase: search-mode
    # segmentation puts sub-words between the words of a phrase. Bigram
    # phrases are consecutive: the bigrams follow the words in each column.
    parts = ["(" + " AND ".join(_quote(t) for t in alt if t) + ")" for alt in alts if any(alt)]
    parts += [_quote(" ".join(p)) for p in phrases if p]
    return "(" + " OR ".join(parts) + ")" if parts else ""


def _and(exprs):
    exprs = [e for e in exprs if e]
    return "(" + " AND ".join(exprs) + ")" if exprs else ""


def _or(exprs):
    exprs = [e for e in exprs if e]
    return "(" + " OR ".join(exprs) + ")" if exprs else ""


def fts5_expression(concepts):
    """Documents with every query word (in any of its forms)."""
    return _and(concept_expression(c) for c in concepts)[1:-1] if concepts else ""


def scope_token(locale):
    """The FTS token of a language (the triggers build the same from the locale column)."""
    return "scope" + locale.lower().replace("-", "x").replace("_", "x")


def scoped(expression, locale):
    """``expression`` in the text columns only, within one language."""
    return f'(scope : "{scope_token(locale)}") AND ({TEXT_COLUMNS} : ({expression}))'


def match_expression(concepts, locale):
    """Documents with every query word, within one language."""
    return scoped(fts5_expression(concepts), locale)


def coverage_tiers(concepts, require_all=False):
    """[(tier score, FTS5 expression over the text columns)], best tier first.

    Every query word counts; none is required (unless ``require_all``):
      6  every typed word in the title
      5  every typed word within NEAR_DISTANCE tokens of each other
      4  every word in its typed form (only when some word has expansions)
      3  every word, in any form (typed, synonym, full form)
      2  all words but one (three to five words)
      1  any word
    Later tiers exclude earlier ones; within a tier bm25 orders. The tiers
    exist because bm25 alone does not: in a single-domain site the domain's
    own words (应急, 安全, 管理) are in most documents and have no idf, so a
    document with only the rare word outranks the one with the whole query.
    """
    n = len(concepts)
    full = [concept_expression(c) for c in concepts]
    typed = [concept_expression(c, typed_only=True) for c in concepts]
    expansions = any(c.has_expansions for c in concepts)
    tiers = []
    if n >= 2:
        tiers.append((6, "{title_tokens} : " + _and(typed)))
        near = [t for c in concepts for t in c.primary if t]
        if 2 <= len(near) <= 8 and len(set(near)) == len(near):
            tiers.append((5, f"NEAR({' '.join(_quote(t) for t in near)}, {NEAR_DISTANCE})"))
    if expansions:
        tiers.append((4, _and(typed)))
    tiers.append((3, _and(full)))
    if not require_all:
        if 3 <= n <= 5:
            tiers.append((2, _or(_and(full[:i] + full[i + 1:]) for i in range(n))))
        if n >= 2:
            tiers.append((1, _or(full)))
    if len(tiers) == 1:
        return [(0, tiers[0][1])]
    return tiers


class SqliteQuery:
    """One query: ``run()`` returns (total, [(document id, score)], facets, labels)."""

    def __init__(self, q, where, params, facet_size, tiered_min_matches=TIERED_MIN_MATCHES, exact_ids=()):
        """``where``/``params``: the language and filters on the narrow ``SearchFacetRow`` table.

        ``exact_ids``: documents whose 文号/索引号 equals the query; they come first.
        """
        self.q = q
        self.facet_size = facet_size
        self.tiered_min = tiered_min_matches
        self.exact_ids = list(exact_ids)
        self.full_matches = None  # set by _ranked: does the best match have every word?
        self.has_text = any(c.alternatives or c.phrases for c in q.concepts)
        # Words and no filter but the language (in the FTS scope): FTS5 alone.
        self.fts_only = self.has_text and not any(q.filters.values())
        self.score = "0"
        self.tiers = []
        if self.has_text:
            tiers = coverage_tiers(q.concepts, q.require_all)
            if q.sort == "date":
                # Newest first among the documents with every word, then among the rest:
                # tiers 4-6 are inside tier 3 (every word, any form).
                tiers = [(score, expr) for score, expr in tiers if score <= 3]
            self.tiers = [(score, scoped(expr, q.locale)) for score, expr in tiers]
            # Every tier is inside the last one (any word; every word with require_all).
            self.match = self.tiers[-1][1]
            self.score = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in BM25_WEIGHTS)}, 0.0)"
        if self.fts_only:
            self.source, self.where, self.params = FTS_TABLE, f"{FTS_TABLE} MATCH %s", [self.match]
            self.filter_where, self.filter_params = "", []
            self.doc_id = f"({FTS_TABLE}.rowid & {ID_MASK})"
        elif self.has_text:
            # CROSS JOIN fixes the join order: drive from the full-text match
            # and look up each match's narrow row by primary key.
            self.source = (f'{FTS_TABLE} CROSS JOIN "{ROWS}" '
                           f'ON "{ROWS}"."document_id" = ({FTS_TABLE}.rowid & {ID_MASK})')
            self.where = f"{FTS_TABLE} MATCH %s AND ({where})"
            self.params = [self.match] + params
            self.filter_where, self.filter_params = f" AND ({where})", list(params)
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
            self.full_matches = True  # one word: every match has it
        else:
            rows = self._ranked(cursor, base, wanted)
        page = rows[q.offset:q.offset + q.limit]
        if not q.facets:
            return total, self._hits(page), {}, {}
        facets = self._top(values.count(matched))
        return total, self._hits(page), facets, self._labels(cursor, facets)

    def _ranked(self, cursor, base, limit):
        """The first ``limit`` [(document id, score)]: exact 文号/索引号 first, then by coverage tier and bm25 (or date)."""
        if not self.has_text:
            order = f'"{ROWS}"."date" DESC, "{ROWS}"."document_id" DESC'
            cursor.execute(f"SELECT {self.doc_id}, 0 AS score {base} ORDER BY {order} LIMIT %s", self.params + [limit])
            return cursor.fetchall()
        rows = [(i, -2 * TIER_STEP * 10) for i in self.exact_ids[:limit]]
        seen = set(self.exact_ids)
        order = f"{FTS_TABLE}.rowid DESC" if self.q.sort == "date" else f"score ASC, {FTS_TABLE}.rowid DESC"
        previous = []
        for tier, expression in self.tiers:
            if len(rows) >= limit:
                break
            match = f"({expression}) NOT ({' OR '.join(previous)})" if previous else expression
            previous.append(f"({expression})")
            cursor.execute(
                f"SELECT {self.doc_id}, {self.score} - {tier * TIER_STEP} AS score FROM {self.source} "
                f"WHERE {FTS_TABLE} MATCH %s{self.filter_where} ORDER BY {order} LIMIT %s",
                [match] + self.filter_params + [limit - len(rows) + len(seen)],
            )
            found = [r for r in cursor.fetchall() if r[0] not in seen]
            if found and self.full_matches is None:
                self.full_matches = bool(rows) or tier == 0 or tier >= 3
            rows.extend(found)
            seen.update(r[0] for r in found)
        return rows[:limit]

    def _idf_is_degenerate(self, total, documents):
        """True when scoring ``total`` matches with bm25 would cost time for nothing.

        FTS5's bm25 clamps a word's idf to ~0 once the word is in at least half
        of all indexed rows (every language). ``total`` rows match every word,
        so each word is in at least ``total`` rows. Synonym alternatives may be
        rare, so queries with them are always ranked by bm25.
        """
        if (not self.fts_only or self.q.sort == "date" or total < self.tiered_min or self.exact_ids
                or len(self.q.concepts) != 1 or self.q.concepts[0].has_expansions):
            return False
        return 2 * total >= documents

    def _tiered(self, cursor, wanted):
        """Where the words occur (title; 文号/发文机关/tags; body), newest first within each tier.

        Used for a single query word instead of bm25 when its idf is degenerate (see above): FTS5 walks
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
