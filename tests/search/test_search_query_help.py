"""Synonyms, pinyin, typo correction, search promotions."""
import pytest

from search.models import Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(article):
    article("关于加强危险化学品安全管理的通知", "危险化学品企业要落实主体责任。")
    article("市应急管理局召开安全生产形势分析会", "会议要求各区加强应急值守。")
    article("应急预案管理办法", "规范应急预案编制。")


def test_synonyms_expand_queries_both_ways(docs, run_search):
    Synonym.objects.all().delete()  # the shipped vocabulary has this pair: test the admin table alone
    assert run_search("危化品").total == 0
    Synonym.objects.create(terms="危化品, 危险化学品")
    results = run_search("危化品")
    assert [h.title for h in results.hits] == ["关于加强危险化学品安全管理的通知"]
    assert "危险化学品" in results.synonyms_used
    assert "<mark>危险化学品</mark>" in str(results.hits[0].title_html)


def test_disabled_synonyms_are_ignored(docs, run_search):
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="危化品，危险化学品", enabled=False)
    assert run_search("危化品").total == 0


def test_pinyin_query_finds_chinese(docs, run_search):
    results = run_search("yingji")
    assert results.pinyin_query == "应急"
    assert sorted(h.title for h in results.hits) == ["市应急管理局召开安全生产形势分析会", "应急预案管理办法"]


def test_pinyin_of_several_words(docs, run_search):
    results = run_search("yingji yuan")
    assert results.pinyin_query.startswith("应急")
    results = run_search("weixianhuaxuepin")
    assert results.pinyin_query == "危险化学品"
    assert [h.title for h in results.hits] == ["关于加强危险化学品安全管理的通知"]


def test_pinyin_with_a_space_inside_one_word(article, run_search):
    article("上海市消防安全专项检查办法", "检查内容。")  # jieba keeps 消防安全 as one word
    results = run_search("xiaofang anquan")
    # Title vocabulary holds the compound's parts too, so the user's own word boundary is kept.
    assert results.pinyin_query in ("消防安全", "消防 安全")
    assert [h.title for h in results.hits] == ["上海市消防安全专项检查办法"]


def test_pinyin_is_not_applied_to_english_search(docs, run_search):
    assert run_search("yingji", locale="en").pinyin_query == ""


def test_typo_suggestion(docs, run_search, client):
    results = run_search("应急管里")
    assert results.broadened  # nothing had both words: results with some of them are offered
    assert results.suggestion in ("应急管理", "应急管理局")
    html = client.get("/search/", {"q": "应急管里"}).content.decode()
    assert "您是不是要找" in html or "Did you mean" in html
    assert results.suggestion in html


def test_no_suggestion_when_results_exist(docs, run_search):
    assert run_search("应急").suggestion == ""


def test_search_promotions_show_first(docs, client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from sections.models import ArticlePage

    target = ArticlePage.objects.get(title="应急预案管理办法")
    SearchPromotion.objects.create(query=Query.get("防汛"), page=target, description="热点：汛期应急预案")
    html = client.get("/search/", {"q": "防汛"}).content.decode()
    assert "search-promotions" in html and "应急预案管理办法" in html and "热点：汛期应急预案" in html
    data = client.get("/search/api/", {"q": "防汛"}).json()
    assert data["promotions"][0]["title"] == "应急预案管理办法"


def test_autocomplete_suggest(docs):
    from search.backends import get_backend

    assert "应急预案管理办法" in get_backend().suggest("应急预案", "zh-hans")


def test_pinyin_and_corrections_come_from_the_searched_language():
    """应急 (zh-hans) and 應急 (zh-hant) share a pinyin; each language gets its own script,
    even when the other language's word is more frequent."""
    from search import query_help

    query_help.record_vocabulary([{"locale": "zh-hans", "title": "应急预案管理办法"}])
    query_help.record_vocabulary([{"locale": "zh-hant", "title": f"應急預案管理辦法{n}"} for n in range(5)])
    assert query_help.pinyin_to_hanzi("yingji", "zh-hans") == "应急"
    assert query_help.pinyin_to_hanzi("yingji", "zh-hant") == "應急"
    assert query_help.correct_word("预按", "zh-hans") == "预案"
    assert query_help.correct_word("預按", "zh-hant") == "預案"
    assert query_help.correct_word("预按", "zh-hant") is None  # no Simplified words offered to 繁體 readers
