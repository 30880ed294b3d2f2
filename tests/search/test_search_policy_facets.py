"""The search_facets contract with the policy app: filters, counts, 主动公开 only."""
import pytest

pytestmark = pytest.mark.django_db


def policy(validity="valid", label="现行有效", issuer="上海市应急管理局", doc_type="通知", number="", index="",
           tags=(), public=True, services=(), written=None):
    return {"validity": validity, "validity_label": label, "issuer": issuer, "doc_type": doc_type,
            "doc_number": number, "index_number": index, "tags": list(tags), "topics": ["安全生产"],
            "is_public": public, "service_items": list(services), "attachments": [], "written_date": written}


@pytest.fixture
def corpus(article, facets):
    from datetime import date

    rows = [
        ("关于加强危险化学品安全监管的通知", policy(number="沪应急〔2024〕1号", index="SH-2024-001", tags=["危化品"], written=date(2024, 3, 1))),
        ("关于印发危险化学品企业安全检查指南的通知", policy(validity="expired", label="已失效", number="沪应急〔2021〕9号", index="SH-2021-009", tags=["危化品", "检查"], written=date(2021, 5, 1))),
        ("危险化学品重大危险源监督管理办法", policy(doc_type="办法", issuer="上海市人民政府", number="沪府令〔2023〕5号", index="SH-2023-005", written=date(2023, 7, 1))),
        ("关于危险化学品依申请公开信息的说明", policy(public=False, number="沪应急〔2024〕7号")),
    ]
    for title, data in rows:
        facets[title] = data
        article(title, "危险化学品相关规定。", where="zwgk/zfxxgk/zcwj")
    article("危险化学品安全宣传周活动举行", "新闻内容。", where="xwzx/xw")


def test_not_actively_disclosed_policy_never_appears(corpus, run_search):
    titles = {h.title for h in run_search("危险化学品").hits}
    assert "关于危险化学品依申请公开信息的说明" not in titles
    assert len(titles) == 4


def test_facet_counts(corpus, run_search):
    facets = run_search("危险化学品").facets
    assert dict(facets["validity"]) == {"valid": 2, "expired": 1}
    assert dict(facets["issuer"]) == {"上海市应急管理局": 2, "上海市人民政府": 1}
    assert dict(facets["doc_type"]) == {"通知": 2, "办法": 1}
    assert dict(facets["tag"]) == {"危化品": 2, "检查": 1}
    assert dict(facets["year"])[2024] >= 1 and dict(facets["year"])[2021] == 1
    assert dict(facets["section"]) == {"政务公开": 3, "新闻中心": 1}
    assert sum(dict(facets["content_type"]).values()) == 4


def test_filters_narrow_results_and_counts(corpus, run_search):
    valid = run_search("危险化学品", filters={"validity": "valid"})
    assert valid.total == 2
    assert {h.validity for h in valid.hits} == {"valid"}
    assert dict(valid.facets["validity"]) == {"valid": 2}
    assert run_search("危险化学品", filters={"issuer": "上海市人民政府"}).total == 1
    assert run_search("危险化学品", filters={"doc_type": "办法"}).total == 1
    assert run_search("危险化学品", filters={"tag": "检查"}).total == 1
    assert run_search("危险化学品", filters={"year": 2021}).total == 1
    assert run_search("危险化学品", filters={"section": "新闻中心"}).total == 1
    assert run_search("危险化学品", filters={"validity": "no-such-value"}).total == 0


def test_document_and_index_numbers_are_searchable(corpus, run_search):
    assert [h.title for h in run_search("沪府令〔2023〕5号").hits] == ["危险化学品重大危险源监督管理办法"]
    assert run_search("SH-2021-009").hits[0].title == "关于印发危险化学品企业安全检查指南的通知"


def test_advanced_disclosure_search(client, corpus):
    data = client.get("/search/api/", {"doc_number": "〔2024〕1号"}).json()
    assert [r["title"] for r in data["results"]] == ["关于加强危险化学品安全监管的通知"]
    data = client.get("/search/api/", {"index_number": "SH-2023"}).json()
    assert data["total"] == 1
    data = client.get("/search/api/", {"title": "检查指南"}).json()
    assert data["total"] == 1
    data = client.get("/search/api/", {"q": "危险化学品", "date_from": "2023-01-01", "date_to": "2023-12-31"}).json()
    assert [r["title"] for r in data["results"]] == ["危险化学品重大危险源监督管理办法"]


def test_validity_flip_reindexes(corpus, facets, run_search, django_capture_on_commit_callbacks):
    from sections.models import ArticlePage

    page = ArticlePage.objects.get(title="关于加强危险化学品安全监管的通知")
    facets[page.title] = policy(validity="repealed", label="已废止", number="沪应急〔2024〕1号")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert run_search("危险化学品", filters={"validity": "repealed"}).total == 1


def test_html_facet_links_and_counts(client, corpus):
    html = client.get("/search/", {"q": "危险化学品"}).content.decode()
    assert "已失效" in html
    assert "validity=expired" in html
    assert "(2)" in html


def test_facets_count_every_match_not_only_the_page(corpus, run_search, client):
    results = run_search("危险化学品", per_page=1, page=2)
    assert results.total == 4 and len(results.hits) == 1
    assert dict(results.facets["section"]) == {"政务公开": 3, "新闻中心": 1}
    data = client.get("/search/api/", {"q": "危险化学品", "page": 3}).json()
    assert data["total"] == 4
    assert {f["value"]: f["count"] for f in data["facets"]["validity"]} == {"valid": 2, "expired": 1}
