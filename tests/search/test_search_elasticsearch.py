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


def test_query_body_relevance_with_synonyms_filters_and_facets():
    q = BackendQuery(
        concepts=[Concept([["危化", "品"], ["危险", "化学品"]]), Concept([["检查"]])],
        locale="zh-hans", filters={"validity": "valid", "tag": "危化品", "year": 2024,
                                   "date_from": "2024-01-01"},
        offset=20, limit=10,
    )
    body = build_search(q).to_dict()
    assert body["query"] == {"bool": {
        "must": [
            {"bool": {"should": [
                {"multi_match": {"query": "危化品", "fields": FIELDS, "type": "phrase"}},
                {"multi_match": {"query": "危险化学品", "fields": FIELDS, "type": "phrase"}},
            ], "minimum_should_match": 1}},
            {"bool": {"should": [{"multi_match": {"query": "检查", "fields": FIELDS, "type": "phrase"}}],
                      "minimum_should_match": 1}},
        ],
        "filter": [
            {"term": {"locale": "zh-hans"}}, {"term": {"validity": "valid"}}, {"term": {"year": 2024}},
            {"term": {"tags": "危化品"}}, {"range": {"date": {"gte": "2024-01-01"}}},
        ],
    }}
    assert body["sort"] == ["_score", {"date": {"order": "desc", "missing": "_last"}}]
    assert body["from"] == 20 and body["size"] == 10 and body["track_total_hits"] is True
    assert body["aggs"]["tag"] == {"terms": {"field": "tags", "size": 30}}
    assert set(body["aggs"]) == {"section", "column", "tag", "validity", "issuer", "year", "doc_type", "content_type"}


def test_query_body_english_date_sort_and_advanced_fields():
    q = BackendQuery(concepts=[Concept([["flood", "prevention"]])], locale="en", sort="date", facets=False,
                     filters={"doc_number": "〔2024〕1号", "title": "防汛"})
    body = build_search(q).to_dict()
    assert body["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"] == {
        "query": "flood prevention", "type": "phrase",
        "fields": ["title.en^3", "meta.en^2", "body.en^1", "doc_number.text^2", "index_number.text^2"],
    }
    assert {"match_phrase": {"doc_number.text": "〔2024〕1号"}} in body["query"]["bool"]["filter"]
    assert {"match_phrase": {"title": "防汛"}} in body["query"]["bool"]["filter"]
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert "aggs" not in body


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
    finally:
        backend.clear()
