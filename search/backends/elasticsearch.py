"""Elasticsearch backend: same interface and result type as the embedded one."""
import time

from elasticsearch_dsl import A, Q, Search

from ..documents import FIELD_BOOSTS, TEXT_FIELDS, build_index, to_source
from ..segmentation import HAN_RE
from . import FACET_FIELDS, BackendHit, BackendResults, SearchBackend

FACET_SOURCE = {"tag": "tags"}
KEYWORD_FILTERS = ("section", "column", "validity", "issuer", "doc_type", "content_type", "year")
FACET_SIZE = 30


def alternative_text(phrase):
    """Index tokens of one alternative back into text for ES's own analyzer."""
    return ("" if any(HAN_RE.search(t) for t in phrase) else " ").join(phrase)


# Scores added per covered query word and for the whole query as a phrase in the title:
# large against Lucene's BM25 so that coverage orders first, as on the embedded backends.
COVERAGE_BOOST = 100.0
TITLE_PHRASE_BOOST = 50.0
SYNONYM_BOOST = 0.5
EXACT_BOOST = 10_000.0


def text_fields(locale, bigrams=False):
    """Fields of a text query; ``bigrams`` adds the ``.cjk`` bigram sub-fields (smartcn/IK indexes)."""
    suffix = ".en" if (locale or "").startswith("en") else ""
    fields = [f"{name}{suffix}^{FIELD_BOOSTS[name]}" for name in TEXT_FIELDS] + [
        "doc_number.text^2", "index_number.text^2",
    ]
    if bigrams and not suffix:
        fields += [f"{name}.cjk^{FIELD_BOOSTS[name]}" for name in TEXT_FIELDS]
    return fields


def concept_query(concept, fields):
    """One query word: its typed form as a phrase, its parts (all required), its synonyms (weighted below)."""
    should = []
    for i, alt in enumerate(concept.alternatives):
        if not alt:
            continue
        if i == 0 or i >= concept.typed:
            boost = {} if i < concept.typed else {"boost": SYNONYM_BOOST}
            should.append(Q("multi_match", query=alternative_text(alt), fields=fields, type="phrase", **boost))
        else:  # the parts of a compound (考核 … 办法 for 考核办法), anywhere in one field
            should.append(Q("multi_match", query=" ".join(alt), fields=fields, operator="and"))
    return Q("bool", should=should, minimum_should_match=1) if should else None


def build_search(q, index_name="govsite-search", bigrams=False):
    """The elasticsearch-dsl Search for a BackendQuery (unit-tested via to_dict()).

    Every concept is a ``should`` clause (``must`` with ``require_all``),
    once scored and once as a constant COVERAGE_BOOST, so documents with more
    of the query rank first; the whole query as a phrase (slop 2) in the
    title, and an exact 文号/索引号, earn bonuses on top.
    """
    s = Search(index=index_name)
    fields = text_fields(q.locale, bigrams)
    clauses = [c for c in (concept_query(concept, fields) for concept in q.concepts) if c is not None]
    must, should = [], []
    if clauses:
        if q.require_all or q.sort == "date":
            # Date order has no room for coverage: newest first among the documents with every word.
            must = clauses
        else:
            should = [Q("constant_score", filter=c, boost=COVERAGE_BOOST) for c in clauses] + clauses
        typed = [alternative_text(c.primary) for c in q.concepts if c.primary]
        if len(typed) > 1:
            title_fields = ["title.en" if (q.locale or "").startswith("en") else "title"]
            should.append(Q("multi_match", query=" ".join(typed), fields=title_fields, type="phrase", slop=2,
                            boost=TITLE_PHRASE_BOOST))
        if q.exact:
            should.append(Q("bool", should=[Q("term", doc_number=q.exact), Q("term", index_number=q.exact)],
                            minimum_should_match=1, boost=EXACT_BOOST))
    filters = [Q("term", locale=q.locale)]
    f = q.filters
    for name in KEYWORD_FILTERS:
        if f.get(name) not in (None, ""):
            filters.append(Q("term", **{name: f[name]}))
    if f.get("tag"):
        filters.append(Q("term", tags=f["tag"]))
    if f.get("title"):
        filters.append(Q("match_phrase", title=f["title"]))
    if f.get("doc_number"):
        filters.append(Q("match_phrase", **{"doc_number.text": f["doc_number"]}))
    if f.get("index_number"):
        filters.append(Q("match_phrase", **{"index_number.text": f["index_number"]}))
    date_range = {}
    if f.get("date_from"):
        date_range["gte"] = str(f["date_from"])
    if f.get("date_to"):
        date_range["lte"] = str(f["date_to"])
    if date_range:
        filters.append(Q("range", date=date_range))
    if should and not must:
        s = s.query(Q("bool", should=should, minimum_should_match=1, filter=filters))
    elif should:
        s = s.query(Q("bool", must=must, should=should, filter=filters))
    else:
        s = s.query(Q("bool", must=must or [Q("match_all")], filter=filters))
    if q.sort == "date" or not clauses:
        s = s.sort({"date": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"})
    else:
        s = s.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
    if q.facets:
        for name in FACET_FIELDS:
            s.aggs.bucket(name, A("terms", field=FACET_SOURCE.get(name, name), size=FACET_SIZE))
    s = s.extra(track_total_hits=True)
    return s[q.offset:q.offset + q.limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, conf=None):
        conf = conf or {}
        self.url = conf.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"
        self.alias = conf.get("ELASTICSEARCH_INDEX") or "govsite-search"
        self.analyzer = conf.get("ELASTICSEARCH_ANALYZER") or "cjk"
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(self.url, request_timeout=30)
        return self._client

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = f"{self.alias}-{int(time.time() * 1000)}"
            build_index(name, self.analyzer).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def _actions(self, docs, index):
        for doc in docs:
            yield {"_op_type": "index", "_index": index, "_id": str(doc["page_id"]), "_source": to_source(doc)}

    def index_documents(self, docs, index=None):
        from elasticsearch.helpers import bulk

        self.ensure_index() if index is None else None
        bulk(self.client, self._actions(docs, index or self.alias), refresh="wait_for" if index is None else False)

    def delete_pages(self, page_ids):
        from elasticsearch.helpers import bulk

        actions = ({"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in page_ids)
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def indexed_page_ids(self):
        from elasticsearch.helpers import scan

        return {int(h["_id"]) for h in scan(self.client, index=self.alias, query={"_source": False})}

    def indexed_among(self, page_ids):
        ids = [str(pk) for pk in page_ids]
        if not ids:
            return set()
        found = self.client.mget(index=self.alias, ids=ids, source=False)
        return {int(doc["_id"]) for doc in found["docs"] if doc.get("found")}

    def clear(self):
        self.client.indices.delete(index=f"{self.alias}-*", ignore_unavailable=True)

    def rebuild(self, doc_batches):
        """Build a shadow index, then swap the alias: the live index serves until the swap."""
        name = f"{self.alias}-{int(time.time() * 1000)}"
        build_index(name, self.analyzer).create(using=self.client)
        for batch in doc_batches:
            self.index_documents(batch, index=name)
            yield len(batch)
        self.client.indices.refresh(index=name)
        old = list(self.client.indices.get_alias(name=self.alias, ignore_unavailable=True).keys()) if \
            self.client.indices.exists_alias(name=self.alias) else []
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old] + [
            {"add": {"index": name, "alias": self.alias}}]
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o, ignore_unavailable=True)

    def query(self, q):
        self.ensure_index()
        response = build_search(q, self.alias, bigrams=self.analyzer != "cjk").using(self.client).execute()
        hits = []
        for h in response.hits:
            src = h.to_dict()
            src["service_items"] = [(x["name"], x["url"]) for x in src.get("service_items") or []]
            if src.get("date"):
                from django.utils.dateparse import parse_datetime

                src["date"] = parse_datetime(src["date"])
            hits.append(BackendHit(page_id=src["page_id"], score=h.meta.score or 0.0, doc=src))
        facets, labels = {}, {}
        if q.facets and hasattr(response, "aggregations"):
            for name in FACET_FIELDS:
                facets[name] = [(b.key, b.doc_count) for b in response.aggregations[name].buckets if b.key != ""]
        return BackendResults(total=response.hits.total.value, hits=hits, facets=facets, facet_labels=labels,
                              full_matches=True if len(q.concepts) < 2 or q.require_all else None)

    def suggest(self, prefix, locale, limit=8):
        s = Search(index=self.alias).using(self.client).query(
            "bool", must=[Q("match_phrase_prefix", title=prefix)], filter=[Q("term", locale=locale)]
        ).source(["title"])[:limit]
        return [h.title for h in s.execute()]
