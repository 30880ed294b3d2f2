"""Embedded backend: full-text search in the site's own database.

SQLite uses the contentless FTS5 table ``sitesearch_fts`` (kept in sync by
triggers) ranked with ``bm25()`` and column weights, over narrow facet rows
(see ``sqlite_fts``); PostgreSQL uses
the weighted ``search_vector`` tsvector (GIN index) ranked with
``ts_rank_cd``. Query text is never interpolated: every token is quoted and
the whole match expression is a bound parameter.
"""
from django.db import connection, transaction
from django.db.models import Count

from ..models import SearchDocument, SearchDocumentTag, SearchFacetRow, SearchTerm
from . import FACET_FIELDS, LABELLED_FACETS, BackendHit, BackendResults, SearchBackend
from .sqlite_fts import TIERED_MIN_MATCHES, SqliteQuery

TABLE = SearchDocument._meta.db_table
TAG_TABLE = SearchDocumentTag._meta.db_table
FACET_SIZE = 30
STORED_FIELDS = (
    "id", "page_id", "title", "url", "summary", "body", "date", "section", "column", "content_type",
    "content_type_label", "validity", "validity_label", "issuer", "doc_type", "doc_number", "index_number",
    "service_items", "tags", "locale",
)


def _lexeme(token, weight=""):
    return "'" + token.replace("\\", "").replace("'", "''") + "'" + weight


def ts_concept(concept, typed_only=False, weight=""):
    """Any form of one query word as a tsquery: token lists (&) or bigram phrases (<->)."""
    alts = concept.alternatives[:concept.typed] if typed_only else concept.alternatives
    phrases = concept.phrases[:concept.typed_phrases] if typed_only else concept.phrases
    parts = ["(" + " & ".join(_lexeme(t, weight) for t in alt if t) + ")" for alt in alts if any(alt)]
    parts += ["(" + " <-> ".join(_lexeme(t, weight) for t in p) + ")" for p in phrases if p]
    return "(" + " | ".join(parts) + ")" if parts else ""


def tsquery_expression(concepts, any_word=False, typed_only=False, weight=""):
    """Every query word (``any_word``: at least one) as a tsquery string."""
    parts = [e for e in (ts_concept(c, typed_only, weight) for c in concepts) if e]
    return (" | " if any_word else " & ").join(parts)


def pg_rank_sql(concepts, table, require_all=False):
    """(tier SQL, params, match tsquery string) mirroring sqlite_fts.coverage_tiers on PostgreSQL.

    6 every typed word in the title (weight A), 4 every word in its typed
    form (when there are expansions), 3 every word, 2 all but one (three to
    five words), 1 any word. ts_rank_cd (cover density: closer words score
    higher) orders within a tier, so proximity needs no tier of its own.
    """
    n = len(concepts)
    match = tsquery_expression(concepts, any_word=not require_all)
    expansions = any(c.has_expansions for c in concepts)
    if n < 2 and not expansions:
        return "0", [], match
    vector = f'"{table}"."search_vector"'
    query = f'to_tsquery("{table}"."ts_config"::regconfig, %s)'
    covered = " + ".join(f"({vector} @@ {query})::int" for _c in concepts)
    cover_params = [ts_concept(c) for c in concepts]
    cases, params = [], []
    if n >= 2:
        cases.append(f"WHEN {vector} @@ {query} THEN 6")
        params.append(tsquery_expression(concepts, typed_only=True, weight=":A"))
    if expansions:
        cases.append(f"WHEN {vector} @@ {query} THEN 4")
        params.append(tsquery_expression(concepts, typed_only=True))
    cases.append(f"WHEN ({covered}) = {n} THEN 3")
    params += cover_params
    if 3 <= n <= 5:
        cases.append(f"WHEN ({covered}) >= {n - 1} THEN 2")
        params += cover_params
    return f"(CASE {' '.join(cases)} ELSE 1 END)", params, match


def _compile_where(qs):
    """The WHERE clause of a queryset as (SQL, params), to embed in hand-written SQL."""
    compiler = qs.query.get_compiler(connection=connection)
    compiler.pre_sql_setup()
    sql, params = compiler.compile(qs.query.where)
    return sql or "1=1", list(params)


def _apply_filters(qs, f, text_filter):
    """Facet, date and 信息公开检索 filters on SearchDocument or SearchFacetRow rows.

    The text filters (title/文号/索引号 contains) live on SearchDocument only;
    ``text_filter(qs, lookups)`` applies them to ``qs``.
    """
    for name in ("section", "column", "validity", "issuer", "doc_type", "content_type"):
        if f.get(name):
            qs = qs.filter(**{name: f[name]})
    if f.get("year"):
        qs = qs.filter(year=f["year"])
    if f.get("tag"):
        qs = qs.filter(pk__in=SearchDocumentTag.objects.filter(name=f["tag"]).values("document_id"))
    text = {f"{name}__icontains": f[name] for name in ("title", "doc_number", "index_number") if f.get(name)}
    if text:
        qs = text_filter(qs, text)
    if f.get("date_from"):
        qs = qs.filter(date__date__gte=f["date_from"])
    if f.get("date_to"):
        qs = qs.filter(date__date__lte=f["date_to"])
    return qs


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    def __init__(self, conf=None):
        self.conf = conf or {}

    # -- writing -----------------------------------------------------------
    def index_documents(self, docs):
        """Replace the batch's rows in one short transaction (readers see old or new, never none)."""
        docs = list(docs)
        if not docs:
            return
        rows, tags = [], []
        for data in docs:
            data = dict(data)
            tags.append(list(dict.fromkeys(t[:100] for t in data.get("tags") or [])))
            rows.append(SearchDocument(**data))
        with transaction.atomic():
            SearchDocument.objects.filter(page_id__in=[r.page_id for r in rows]).delete()
            SearchDocument.objects.bulk_create(rows, batch_size=200)
            SearchFacetRow.objects.bulk_create(
                [SearchFacetRow.for_document(r, ts) for r, ts in zip(rows, tags)], batch_size=500)
            SearchDocumentTag.objects.bulk_create(
                [SearchDocumentTag(document=r, name=t) for r, ts in zip(rows, tags) for t in ts], batch_size=500)

    def delete_pages(self, page_ids):
        SearchDocument.objects.filter(page_id__in=list(page_ids)).delete()

    def indexed_page_ids(self):
        return set(SearchDocument.objects.values_list("page_id", flat=True))

    def indexed_among(self, page_ids):
        return set(SearchDocument.objects.filter(page_id__in=list(page_ids)).values_list("page_id", flat=True))

    def clear(self):
        SearchDocument.objects.all().delete()

    # -- reading -----------------------------------------------------------
    def _filtered_queryset(self, q):
        return _apply_filters(SearchDocument.objects.filter(locale=q.locale), q.filters, lambda qs, text: qs.filter(**text))

    def _filtered_rows(self, q):
        """The same filters on the narrow facet rows (SQLite query path)."""
        return _apply_filters(
            SearchFacetRow.objects.filter(locale=q.locale), q.filters,
            lambda qs, text: qs.filter(pk__in=SearchDocument.objects.filter(**text).values("id")),
        )

    def _exact_ids(self, q):
        """Documents whose 文号 or 索引号 is the query, in the query's language and filters."""
        if not q.exact:
            return []
        from django.db.models import Q

        return list(self._filtered_queryset(q).filter(Q(doc_number=q.exact) | Q(index_number=q.exact))
                    .order_by("-date").values_list("id", flat=True)[:20])

    def query(self, q):
        if connection.vendor == "sqlite":
            return self._query_sqlite(q)
        where, where_params = _compile_where(self._filtered_queryset(q))
        has_text = any(c.alternatives or c.phrases for c in q.concepts)
        score_sql, score_params, tier_sql, tier_params = "0", [], "0", []
        if has_text:
            tier_sql, tier_params, expr = pg_rank_sql(q.concepts, TABLE, q.require_all)
            query = f'to_tsquery("{TABLE}"."ts_config"::regconfig, %s)'
            # Weights are {D, C, B, A}: title (A) counts five times the body (C).
            score_sql = f"ts_rank_cd('{{0.05, 0.2, 0.4, 1.0}}', \"{TABLE}\".\"search_vector\", {query}, 1)"
            score_params = [expr]
            where = f'({where}) AND "{TABLE}"."search_vector" @@ {query}'
            where_params = where_params + [expr]
        exact = self._exact_ids(q) if has_text else []
        exact_sql, exact_params = "0", []
        if exact:
            exact_sql = f'(CASE WHEN "{TABLE}"."id" IN ({", ".join(["%s"] * len(exact))}) THEN 1 ELSE 0 END)'
            exact_params = exact
        base_from = f'FROM "{TABLE}" WHERE {where}'
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {base_from}", where_params)
            total = cursor.fetchone()[0]
            if not has_text:
                order = "date DESC, id DESC"
            elif q.sort == "date":
                # Newest first among the documents with every word, then among the rest.
                order = "exact DESC, LEAST(tier, 3) DESC, date DESC, id DESC"
            else:
                order = "exact DESC, tier DESC, rank DESC, date DESC"
            # A subquery, so ORDER BY can compute on the tier (PostgreSQL allows bare output names only).
            cursor.execute(
                f'SELECT id, exact, tier, rank FROM (SELECT "{TABLE}"."id" AS id, "{TABLE}"."date" AS date, '
                f'{exact_sql} AS exact, {tier_sql} AS tier, {score_sql} AS rank {base_from}) AS ranked '
                f'ORDER BY {order} LIMIT %s OFFSET %s',
                exact_params + tier_params + score_params + where_params + [q.limit, q.offset],
            )
            fetched = cursor.fetchall()
            rows = [(i, e * 20000.0 + t * 1000.0 + (r or 0.0)) if tier_sql != "0" or e else (i, r)
                    for i, e, t, r in fetched]
            full = None
            if has_text and tier_sql == "0":
                full = bool(total)
            elif has_text and fetched and q.offset == 0 and q.sort != "date":
                full = bool(fetched[0][1]) or fetched[0][2] >= 3
            facets, labels = self._facets(cursor, base_from, where_params) if q.facets and total else ({}, {})
        return BackendResults(total=total, hits=self._hits(rows), facets=facets, facet_labels=labels,
                              full_matches=full)

    def _query_sqlite(self, q):
        where, params = _compile_where(self._filtered_rows(q))
        run = SqliteQuery(q, where, params, FACET_SIZE, self.conf.get("TIERED_MIN_MATCHES", TIERED_MIN_MATCHES),
                          exact_ids=self._exact_ids(q))
        with connection.cursor() as cursor:
            total, ranked, facets, labels = run.run(cursor)
        return BackendResults(total=total, hits=self._hits(ranked), facets=facets, facet_labels=labels,
                              full_matches=run.full_matches if total else False)

    def _hits(self, ranked):
        """(document id, score) pairs -> hits with their stored fields, in order."""
        docs = {d["id"]: d for d in SearchDocument.objects.filter(pk__in=[i for i, _s in ranked]).values(*STORED_FIELDS)}
        return [BackendHit(page_id=docs[i]["page_id"], score=s or 0.0, doc=docs[i]) for i, s in ranked if i in docs]

    def _facets(self, cursor, base_from, params):
        """All scalar facets from one pass over the matches (one full-text evaluation), tags from a second."""
        from collections import Counter

        scalar = [n for n in FACET_FIELDS if n != "tag"]
        label_cols = list(LABELLED_FACETS.values())
        cols = ", ".join(f'"{TABLE}"."{n}"' for n in scalar + label_cols)
        cursor.execute(f"SELECT {cols} {base_from}", params)
        counters = [Counter() for _ in scalar]
        labels = {name: {} for name in LABELLED_FACETS}
        label_pos = {name: (scalar.index(name), len(scalar) + i) for i, name in enumerate(LABELLED_FACETS)}
        for row in cursor.fetchall():
            for counter, value in zip(counters, row):
                counter[value] += 1
            for name, (vi, li) in label_pos.items():
                if row[li]:
                    labels[name][row[vi]] = row[li]
        facets = {}
        for name, counter in zip(scalar, counters):
            facets[name] = sorted(((v, n) for v, n in counter.items() if v not in (None, "")),
                                  key=lambda item: (-item[1], str(item[0])))[:FACET_SIZE]
        cursor.execute(
            f'SELECT t.name, COUNT(*) FROM "{TAG_TABLE}" t WHERE t.document_id IN '
            f'(SELECT "{TABLE}"."id" {base_from}) GROUP BY t.name ORDER BY COUNT(*) DESC, t.name LIMIT {FACET_SIZE}',
            params,
        )
        facets["tag"] = [(v, n) for v, n in cursor.fetchall() if v]
        facets = {name: facets[name] for name in FACET_FIELDS}
        return facets, labels

    def suggest(self, prefix, locale, limit=8):
        prefix = (prefix or "").strip()[:50]
        if not prefix:
            return []
        titles = (
            SearchDocument.objects.filter(locale=locale, title__startswith=prefix)
            .order_by("-date").values_list("title", flat=True)[:limit]
        )
        terms = SearchTerm.objects.filter(language=locale, term__startswith=prefix).order_by("-frequency").values_list("term", flat=True)[:limit]
        seen, out = set(), []
        for value in list(terms) + list(titles):
            if value not in seen:
                seen.add(value)
                out.append(value)
        return out[:limit]

    def facet_counts_orm(self, q, name):
        """Used in tests to cross-check the SQL facets with the ORM."""
        return dict(self._filtered_queryset(q).values_list(name).annotate(n=Count("id")))
