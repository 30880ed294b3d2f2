"""Relevance on the embedded backend (SQLite FTS5 and PostgreSQL alike): ranking by how much of
the query a document covers, segmentation that cannot miss, the shipped vocabulary, honest query help."""
import pytest

from search import query_help, segmentation
from search.models import Synonym

pytestmark = pytest.mark.django_db


def titles(results):
    return [h.title for h in results.hits]


def policy(number="", index=""):
    return {"validity": "valid", "validity_label": "现行有效", "issuer": "上海市应急管理局", "doc_type": "通知",
            "doc_number": number, "index_number": index, "tags": [], "topics": [], "is_public": True,
            "service_items": [], "attachments": [], "written_date": None}


# -- 1. ranking, not all-words filtering ---------------------------------------------------------
def test_document_lacking_one_of_three_words_is_found_below_the_full_matches(article, run_search):
    article("危险化学品仓储企业安全检查通知", "对仓储企业开展检查。")
    article("关于开展检查的通知", "重点检查危险化学品仓储场所。")
    article("危险化学品安全检查工作方案", "各区开展危险化学品检查。")  # no 仓储
    article("防汛防台工作简报", "本周无异常。")  # none of the words
    results = run_search("危险化学品 仓储 检查")
    assert results.total == 3
    assert set(titles(results)[:2]) == {"危险化学品仓储企业安全检查通知", "关于开展检查的通知"}
    assert titles(results)[2] == "危险化学品安全检查工作方案"
    assert results.hits[1].score > results.hits[2].score
    assert not results.broadened  # some document has every word


def test_only_partial_matches_are_shown_and_said_so(article, run_search):
    article("危险化学品安全检查工作方案", "各区开展检查。")
    results = run_search("危险化学品 仓储 检查")
    assert titles(results) == ["危险化学品安全检查工作方案"]
    assert results.broadened


def test_common_words_still_count_and_the_whole_query_in_the_title_ranks_first(article, run_search):
    """工作 and 管理 are in most documents (no idf); the document with the whole query in its title
    must still come before documents that only repeat the rare word."""
    for n in range(6):
        article(f"工作简报第{n}期", "应急管理工作情况。")
    article("有限空间作业专项检查情况", "有限空间有限空间有限空间作业检查。")
    article("有限空间作业安全管理工作规定", "规范作业。")
    results = run_search("有限空间 安全管理 工作")
    assert titles(results)[0] == "有限空间作业安全管理工作规定"


def test_exact_doc_number_comes_first_and_stays_precise(article, facets, run_search):
    facets["关于印发应急预案的通知"] = policy(number="沪应急规〔2023〕3号", index="SHYJ-2023-00003")
    facets["关于2023年第3号文件的说明"] = policy(number="沪应急规〔2023〕13号")
    article("关于印发应急预案的通知", "正文。", where="zwgk/zfxxgk/zcwj")
    article("关于2023年第3号文件的说明", "沪应急规2023年3号文件的说明。", where="zwgk/zfxxgk/zcwj")
    article("应急工作简报", "应急。")
    for query in ("沪应急规〔2023〕3号", "沪应急规[2023]3号", "沪应急规﹝2023﹞3号", "SHYJ-2023-00003"):
        results = run_search(query)
        assert titles(results)[0] == "关于印发应急预案的通知", query
        assert "应急工作简报" not in titles(results), query  # a 文号 query is not a loose word query


def test_date_sort_lists_full_matches_before_partial_ones(article, run_search):
    article("危险化学品仓储检查通知", "正文。")
    article("危险化学品检查", "较新的文件，没有第三个词。")
    results = run_search("危险化学品 仓储 检查", sort="date")
    assert titles(results)[0] == "危险化学品仓储检查通知"
    assert results.total == 2


# -- 2. segmentation that cannot miss ------------------------------------------------------------
def test_query_word_held_only_as_two_parts_is_found(article, run_search):
    article("关于印发安全生产考核和奖惩办法的通知", "各区执行。")
    assert "考核办法" not in segmentation.index_tokens("关于印发安全生产考核和奖惩办法的通知")
    assert titles(run_search("考核办法")) == ["关于印发安全生产考核和奖惩办法的通知"]


def test_query_word_inside_a_longer_compound_is_found(article, run_search):
    article("全市防汛防台风工作部署会召开", "会议内容。")
    # jieba keeps 防汛防台 whole and leaves 风 alone: 台风 is not one of its words here.
    assert "台风" not in segmentation.index_tokens("全市防汛防台风工作部署会召开")
    results = run_search("台风")
    assert titles(results) == ["全市防汛防台风工作部署会召开"]
    assert "<mark>台风</mark>" in str(results.hits[0].title_html)


def test_exact_string_ranks_above_scattered_parts(article, run_search):
    article("安全考核与责任办法", "正文。")
    article("安全生产考核办法", "正文。")
    assert titles(run_search("考核办法"))[0] == "安全生产考核办法"


# -- 3. shipped vocabulary ------------------------------------------------------------------------
def test_shipped_vocabulary_is_loaded_on_a_fresh_database():
    from search import vocabulary

    entries = vocabulary.entries()
    assert sum(len(terms) - 1 for terms, _k, _s in entries) >= 300
    assert all(source for _t, _k, source in entries)
    assert Synonym.objects.exclude(shipped_key="").count() == len(entries)  # by the migration, no demo


def test_abbreviation_finds_documents_with_only_the_full_form(article, run_search):
    article("上海市人力资源和社会保障局关于工伤预防工作的通知", "正文。")
    article("关于做好建设项目安全设施同时设计同时施工同时投入生产和使用的通知", "正文。")
    article("上海市应急管理局2023年政府信息公开工作年度报告", "正文。")
    assert titles(run_search("人社局")) == ["上海市人力资源和社会保障局关于工伤预防工作的通知"]
    assert titles(run_search("三同时")) == ["关于做好建设项目安全设施同时设计同时施工同时投入生产和使用的通知"]
    results = run_search("安监局")  # the old name of 应急管理局
    assert titles(results) == ["上海市应急管理局2023年政府信息公开工作年度报告"]
    assert results.synonyms_used


def test_typed_form_ranks_above_the_expansion(article, run_search):
    article("危险化学品企业名单", "名单。")
    article("危化品企业名单", "名单。")
    assert titles(run_search("危化品 企业")) == ["危化品企业名单", "危险化学品企业名单"]


def test_vocabulary_edited_in_the_admin_survives_a_reload(run_search, article):
    from django.core.management import call_command

    row = Synonym.objects.get(shipped_key="上海市人力资源和社会保障局")
    row.enabled = False
    row.save()
    call_command("load_search_vocabulary", stdout=open("/dev/null", "w"))
    row.refresh_from_db()
    assert row.enabled is False
    article("上海市人力资源和社会保障局通知", "正文。")
    assert run_search("人社局").total == 0


def test_vocabulary_words_are_jieba_words():
    assert segmentation.query_words("人社局") == ["人社局"]
    assert segmentation.query_words("减灾委 通知") == ["减灾委", "通知"]


# -- 4. honest query help ---------------------------------------------------------------------
def test_a_vocabulary_word_is_never_corrected(article, run_search):
    query_help.record_vocabulary([{"locale": "zh-hans", "title": "人社部关于养老保险的通知"}] * 5)
    assert query_help.correct_word("人社局", "zh-hans") == "人社部"  # edit distance 1, more frequent
    assert query_help.correct_query("人社局", "zh-hans", query_help.synonym_groups()) is None
    results = run_search("人社局")
    assert results.suggestion == ""


def test_a_word_found_in_the_index_is_never_corrected(article, run_search):
    """防指办 is neither a vocabulary nor a jieba word, and 防指部 is one edit away and in the titles;
    the index holds 防指办, so it is not a typo."""
    article("应急管理简报", "本期介绍防指办的工作。")
    article("防指部会议纪要", "正文。")
    query_help.record_vocabulary([{"locale": "zh-hans", "title": "防指部会议纪要"}] * 5)
    assert query_help.correct_query("防指办 会议", "zh-hans") == "防指部 会议"  # without the index check
    results = run_search("防指办 会议")
    assert results.broadened and results.suggestion == ""


def test_spaces_in_the_query_are_kept(article, run_search, client):
    article("应急管理部门预案编制指南", "正文。")
    fixed = query_help.correct_query("应急管里 预按", "zh-hans")
    assert fixed == "应急管理 预案"
    results = run_search("应急管里 预按")
    assert results.query == "应急管里 预按"  # never silently rewritten
    assert results.suggestion == "应急管理 预案"
    html = client.get("/search/", {"q": "应急管里 预按"}).content.decode()
    assert 'href="?q=%E5%BA%94%E6%80%A5%E7%AE%A1%E7%90%86+%E9%A2%84%E6%A1%88"' in html


def test_no_suggestion_when_every_word_is_found(article, run_search):
    article("应急预案编制指南", "正文。")
    assert run_search("应急 预案").suggestion == ""
