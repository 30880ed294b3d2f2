"""Elasticsearch backend: mapping and query bodies without a server, plus an
integration test against a real cluster when ELASTICSEARCH_URL is set."""
import os
import uuid

import pytest

from search.backends import BackendQuery, Concept
from search.backends.elasticsearch import build_search
from search.documents import build_index, document_class

TEXT_CJK = {"type": "text", "analyzer": "cjk", "search_analyzer": "cjk",
            "fields": {"en": {"type": "text", "analyzer": "english"}}}
FIELDS = ["title^3", "meta^2", "body^1", "doc_number.text^2", "index_number.text^2"]


def test_mapping_with_default_cjk_analyzer():
    mapping = build_index("govsite-test").to_dict()
    assert mapping["settings"] == {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10000}
    props = mapping["mappings"]["properties"]
    assert props["title"] == TEXT_CJK and props["body"] == TEXT_CJK and props["meta"] == TEXT_CJK
    assert props["doc_number"] == {"type": "keyword", "fields": {"text": TEXT_CJK}}
    for keyword in ("locale", "section", "column", "tags", "validity", "issuer", "doc_type", "content_type"):
        assert props[keyword] == {"type": "keyword"}, keyword
    assert props["date"] == {"type": "date"} and props["year"] == {"type": "integer"}
    assert props["url"] == {"type": "keyword", "index": False}
    assert props["service_items"] == {"type": "object", "enabled": False}


@pytest.mark.parametrize("choice,index_an,search_an", [("smartcn", "smartcn", "smartcn"), ("ik", "ik_max_word", "ik_smart")])
def test_mapping_with_selectable_chinese_analyzers(choice, index_an, search_an):
    props = document_class(choice)._doc_type.mapping.to_dict()["properties"]
    assert props["title"]["analyzer"] == index_an
    assert props["title"]["search_analyzer"] == search_an


def test_unknown_analyzer_is_refused():
    with pytest.raises(ValueError):
        document_class("whitespace-magic")


def _phrase(text, **extra):
    return {"multi_match": {"query": text, "fields": FIELDS, "type": "phrase", **extra}}


def test_query_body_ranks_by_coverage_with_synonyms_below_typed_words_filters_and_facets():
    """Every word is a should clause (scored, and once more as a constant coverage score): a
    document lacking one word still matches, below those with every word."""
    danger = Concept([["危化", "品"], ["危险", "化学品"]], typed=1)
    check = Concept([["检查"]])
    q = BackendQuery(
        concepts=[danger, check], locale="zh-hans",
        filters={"validity": "valid", "tag": "危化品", "year": 2024, "date_from": "2024-01-01"},
        offset=20, limit=10,
    )
    body = build_search(q).to_dict()
    danger_q = {"bool": {"should": [_phrase("危化品"), _phrase("危险化学品", boost=0.5)], "minimum_should_match": 1}}
    check_q = {"bool": {"should": [_phrase("检查")], "minimum_should_match": 1}}
    assert body["query"] == {"bool": {
        "should": [
            {"constant_score": {"filter": danger_q, "boost": 100.0}},
            {"constant_score": {"filter": check_q, "boost": 100.0}},
            danger_q, check_q,
            {"multi_match": {"query": "危化品 检查", "fields": ["title"], "type": "phrase", "slop": 2,
                             "boost": 50.0}},
        ],
        "minimum_should_match": 1,
        "filter": [
            {"term": {"locale": "zh-hans"}}, {"term": {"validity": "valid"}}, {"term": {"year": 2024}},
            {"term": {"tags": "危化品"}}, {"range": {"date": {"gte": "2024-01-01"}}},
        ],
    }}
    assert "must" not in body["query"]["bool"]
    assert body["sort"] == ["_score", {"date": {"order": "desc", "missing": "_last"}}]
    assert body["from"] == 20 and body["size"] == 10 and body["track_total_hits"] is True
    assert body["aggs"]["tag"] == {"terms": {"field": "tags", "size": 30}}
    assert set(body["aggs"]) == {"section", "column", "tag", "validity", "issuer", "year", "doc_type", "content_type"}


def test_query_body_english_date_sort_and_advanced_fields():
    q = BackendQuery(concepts=[Concept([["flood", "prevention"]])], locale="en", sort="date", facets=False,
                     filters={"doc_number": "〔2024〕1号", "title": "防汛"})
    body = build_search(q).to_dict()
    # Date order: only documents with every word, newest first.
    assert body["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"] == {
        "query": "flood prevention", "type": "phrase",
        "fields": ["title.en^3", "meta.en^2", "body.en^1", "doc_number.text^2", "index_number.text^2"],
    }
    assert {"match_phrase": {"doc_number.text": "〔2024〕1号"}} in body["query"]["bool"]["filter"]
    assert {"match_phrase": {"title": "防汛"}} in body["query"]["bool"]["filter"]
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert "aggs" not in body


def test_query_body_parts_exact_number_and_bigram_fields():
    """A compound's parts are one all-words clause; a 文号 must match whole and its document comes first;
    smartcn/IK indexes also query the .cjk bigram sub-fields."""
    q = BackendQuery(concepts=[Concept([["考核办法"], ["考核", "办法"]])], locale="zh-hans")
    should = build_search(q).to_dict()["query"]["bool"]["should"]
    assert {"multi_match": {"query": "考核 办法", "fields": FIELDS, "operator": "and"}} in should[1]["bool"]["should"]
    number = BackendQuery(concepts=[Concept([["沪"]]), Concept([["应急"]]), Concept([["2023"]])], locale="zh-hans",
                          require_all=True, exact="沪应急规〔2023〕3号")
    query = build_search(number).to_dict()["query"]["bool"]
    assert len(query["must"]) == 3
    assert {"bool": {"should": [{"term": {"doc_number": "沪应急规〔2023〕3号"}},
                                {"term": {"index_number": "沪应急规〔2023〕3号"}}],
                     "minimum_should_match": 1, "boost": 10000.0}} in query["should"]
    fields = build_search(q, bigrams=True).to_dict()["query"]["bool"]["should"][1]["bool"]["should"][0][
        "multi_match"]["fields"]
    assert {"title.cjk^3", "meta.cjk^2", "body.cjk^1"} <= set(fields)


def test_smartcn_mapping_has_bigram_subfields():
    props = document_class("smartcn")._doc_type.mapping.to_dict()["properties"]
    assert props["title"]["fields"]["cjk"] == {"type": "text", "analyzer": "cjk"}
    assert "cjk" not in document_class("cjk")._doc_type.mapping.to_dict()["properties"]["title"]["fields"]


def test_browse_without_words_matches_all_filtered():
    body = build_search(BackendQuery(concepts=[], locale="zh-hans", filters={"issuer": "上海市应急管理局"})).to_dict()
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]


def test_against_real_cluster(db):
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        print("ELASTICSEARCH_URL is not set: skipping the Elasticsearch integration test")
        pytest.skip("ELASTICSEARCH_URL is not set; no Elasticsearch cluster to test against")
    from datetime import datetime, timezone

    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend({"ELASTICSEARCH_URL": url, "ELASTICSEARCH_INDEX": f"govsite-test-{uuid.uuid4().hex[:8]}"})
    base = {"locale": "zh-hans", "content_type": "sections.articlepage", "url": "/x/", "body": "", "summary": "",
            "section": "政务公开", "column": "政策文件", "tags": [], "validity": "valid", "validity_label": "现行有效",
            "issuer": "", "doc_type": "", "doc_number": "", "index_number": "", "service_items": [],
            "date": datetime(2024, 1, 1, tzinfo=timezone.utc), "year": 2024}
    try:
        list(backend.rebuild([[
            dict(base, page_id=1, title="上海市应急管理局关于印发政务公开工作要点的通知"),
            dict(base, page_id=2, title="工作简报", body="本期介绍政务公开情况。"),
        ]]))
        results = backend.query(BackendQuery(concepts=[Concept([["政务", "公开"]])], locale="zh-hans"))
        assert [h.page_id for h in results.hits] == [1, 2]
        assert dict(results.facets["validity"]) == {"valid": 2}
        backend.delete_pages([1])
        assert backend.query(BackendQuery(concepts=[Concept([["政务", "公开"]])], locale="zh-hans")).total == 1
        # Ranking, not filtering: the document lacking one of three words is found, below the full match.
        list(backend.rebuild([[
            dict(base, page_id=3, title="危险化学品仓储安全检查办法", body="检查仓储企业。"),
            dict(base, page_id=4, title="危险化学品运输管理", body="加强运输管理。"),
        ]]))
        words = [Concept([["危险", "化学品"]]), Concept([["仓储"]]), Concept([["检查"]])]
        ranked = backend.query(BackendQuery(concepts=words, locale="zh-hans"))
        assert [h.page_id for h in ranked.hits] == [3, 4]
    finally:
        backend.clear()
