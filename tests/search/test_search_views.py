"""The public /search/ page and its JSON variant over HTTP."""
import pytest

pytestmark = pytest.mark.django_db

HOSTILE = [
    "", " ", "x" * 1000, "政" * 1000, '"', '"政务', "*", "应急*", "NEAR", "NEAR(应急 管理)", "AND", "OR", "NOT",
    "应急 AND", "-", "-应急", ":", "title:应急", "'; DROP TABLE sitesearch_searchdocument; --",
    "1' OR '1'='1", "<script>alert(1)</script>", "\\", "^", "()", "{}", "应急 & | ! <->", "\x00", "%", "_",
    "😀", "ａｎｄ", "e'", "''''",
]


@pytest.fixture
def indexed(article, facets):
    facets["关于印发《上海市危险化学品安全管理办法》的通知"] = {
        "validity": "valid", "validity_label": "现行有效", "issuer": "上海市应急管理局", "doc_type": "通知",
        "doc_number": "沪应急规〔2024〕3号", "index_number": "SHYJ-2024-00031", "tags": ["危险化学品"],
        "topics": [], "is_public": True, "service_items": [("危险化学品经营许可", "https://zwdt.sh.gov.cn/x")],
        "attachments": [], "written_date": None,
    }
    article("关于印发《上海市危险化学品安全管理办法》的通知", "为加强危险化学品安全管理。", where="zwgk/zfxxgk/zcwj")
    article("市应急管理局召开安全生产形势分析会", "会议分析了安全生产形势。")


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_error(client, indexed, q):
    from core.middleware import has_invalid_characters

    # NUL and other control characters get the site-wide 400 (core/middleware.py); everything else a result page.
    expected = 400 if has_invalid_characters(q) else 200
    for url in ("/search/", "/search/api/"):
        response = client.get(url, {"q": q})
        assert response.status_code == expected, (url, q)
    assert "<script>alert" not in client.get("/search/", {"q": q}).content.decode()


@pytest.mark.parametrize("params", [
    {"q": "应急", "page": "abc"}, {"q": "应急", "page": "-1"}, {"q": "应急", "page": "0"},
    {"q": "应急", "page": "99999999999999999999"}, {"q": "应急", "page": "1.5"},
    {"q": "应急", "year": "abc"}, {"q": "应急", "year": "99999"}, {"q": "应急", "sort": "evil"},
    {"q": "应急", "date_from": "2024-13-45"}, {"q": "应急", "date_from": "2025-01-01", "date_to": "2024-01-01"},
    {"q": "应急", "validity": "x" * 500}, {"q": "应急", "tag": "'; --"}, {"q": "应急", "section": "不存在"},
    {"q": "应急", "format": "json", "page": "x"}, {"index_number": "%"}, {"doc_number": "_"},
])
def test_invalid_filters_and_pages_never_error(client, indexed, params):
    response = client.get("/search/", params)
    assert response.status_code == 200


def test_search_page_renders_results_badges_service_icon_and_highlight(client, indexed):
    html = client.get("/search/", {"q": "危险化学品"}).content.decode()
    assert "<mark>危险化学品</mark>" in html or "<mark>危险</mark>" in html
    assert "现行有效" in html
    assert 'class="ban-icon"' in html and "https://zwdt.sh.gov.cn/x" in html
    assert "沪应急规〔2024〕3号" in html


def test_user_text_is_escaped_in_snippets(client, article):
    article("关于<b>标签</b>测试的说明", "正文包含 <script>alert('x')</script> 应急 字样")
    html = client.get("/search/", {"q": "应急"}).content.decode()
    assert "<script>alert('x')" not in html
    assert "&lt;script&gt;" in html or "&lt;b&gt;" in html


def test_json_variant_matches_html_results(client, indexed):
    data = client.get("/search/api/", {"q": "危险化学品"}).json()
    assert data["total"] == 1
    hit = data["results"][0]
    assert hit["doc_number"] == "沪应急规〔2024〕3号"
    assert hit["validity_label"] == "现行有效"
    assert hit["service_items"] == [{"name": "危险化学品经营许可", "url": "https://zwdt.sh.gov.cn/x"}]
    assert client.get("/search/", {"q": "危险化学品", "format": "json"}).json()["total"] == 1


def test_localised_urls(client, indexed):
    assert client.get("/en/search/", {"q": "应急"}).status_code == 200
    assert client.get("/zh-hant/search/api/", {"q": "应急"}).json()["total"] == 0  # no zh-hant content yet


def test_pagination(client, article):
    for i in range(13):
        article(f"第{i + 1}期安全生产简报", "简报内容。")
    first = client.get("/search/api/", {"q": "简报"}).json()
    second = client.get("/search/api/", {"q": "简报", "page": 2}).json()
    assert first["total"] == 13 and first["num_pages"] == 2
    assert len(first["results"]) == 10 and len(second["results"]) == 3
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    html = client.get("/search/", {"q": "简报"}).content.decode()
    assert "page=2" in html


def test_sort_by_date(client, article):
    from datetime import datetime, timezone

    old = article("应急预案修订说明（旧）", "内容")
    new = article("应急预案修订说明（新）", "内容")
    for page, year in ((old, 2020), (new, 2025)):
        page.display_date = datetime(year, 1, 1, tzinfo=timezone.utc)
        page.save_revision().publish()
    from search.service import index_pages

    index_pages([type(old).objects.get(pk=old.pk), type(new).objects.get(pk=new.pk)])
    for extra in ({}, {"section": "新闻中心"}):  # FTS alone, and joined to the filter rows
        data = client.get("/search/api/", {"q": "应急预案", "sort": "date", **extra}).json()
        assert [r["title"] for r in data["results"]] == ["应急预案修订说明（新）", "应急预案修订说明（旧）"]


def test_empty_search_shows_prompt(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results"].total == 0
