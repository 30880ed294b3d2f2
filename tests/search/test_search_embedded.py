"""The embedded backend on the site's own database (SQLite FTS5 / PostgreSQL)."""
import pytest

from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def titles(results):
    return [h.title for h in results.hits]


def test_two_character_word_inside_long_chinese_title_is_found(article, run_search):
    article("上海市应急管理局关于印发政务公开工作要点的通知", "各区应急管理局，各有关单位。")
    article("全市危险化学品安全专项整治工作推进会召开", "会议要求。")
    results = run_search("政务公开")
    assert titles(results) == ["上海市应急管理局关于印发政务公开工作要点的通知"]
    assert "<mark>政务</mark>" in str(results.hits[0].title_html) or "<mark>政务公开</mark>" in str(results.hits[0].title_html)
    assert titles(run_search("要点")) == ["上海市应急管理局关于印发政务公开工作要点的通知"]


def test_stock_wagtail_tokenisation_would_not_have_found_it(article):
    """Documents why segmentation matters: the raw title is one FTS token run."""
    from search import segmentation

    assert "政务" in segmentation.index_tokens("上海市应急管理局关于印发政务公开工作要点的通知")
    assert "政务" not in "上海市应急管理局关于印发政务公开工作要点的通知".split()


def test_title_matches_rank_above_body_only_matches(article, run_search):
    article("关于做好防汛防台工作的通知", "请各单位认真落实。")
    article("市应急管理局工作简报", "本周开展了防汛检查，防汛物资到位。" * 3)
    results = run_search("防汛")
    assert titles(results) == ["关于做好防汛防台工作的通知", "市应急管理局工作简报"]
    assert results.hits[0].score > results.hits[1].score


def test_body_and_attachment_free_text_found_and_snippet_highlighted(article, run_search):
    article("工作简报第三期", "本期重点：有限空间作业安全专项检查发现隐患十二处。")
    hit = run_search("有限空间").hits[0]
    assert "<mark>有限空间</mark>" in str(hit.snippet_html) or "<mark>有限</mark>" in str(hit.snippet_html)


def test_unpublished_pages_never_appear_and_index_follows_publish_cycle(
    article, run_search, django_capture_on_commit_callbacks
):
    draft = article("关于加强烟花爆竹安全管理的通知", "草稿", live=False)
    assert run_search("烟花爆竹").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert titles(run_search("烟花爆竹")) == ["关于加强烟花爆竹安全管理的通知"]
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish()
    assert run_search("烟花爆竹").total == 0
    assert not SearchDocument.objects.filter(page_id=draft.pk).exists()


def test_edit_and_republish_updates_the_index(article, run_search, django_capture_on_commit_callbacks):
    page = article("关于高温天气安全防范的提示", "注意防暑降温。")
    page.title = "关于寒潮天气安全防范的提示"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert run_search("高温").total == 0
    assert titles(run_search("寒潮")) == ["关于寒潮天气安全防范的提示"]


def test_deleted_page_leaves_the_index(article, run_search, django_capture_on_commit_callbacks):
    page = article("关于开展地震应急演练的通知", "演练安排。")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert run_search("地震").total == 0
    assert SearchDocument.objects.count() == 0


def test_expiry_removes_the_page(article, run_search, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    page = article("关于冬季消防安全检查的公告", "检查安排。")
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    assert run_search("消防").total == 0


def test_view_restricted_pages_are_not_indexed(article, run_search, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    page = article("内部通讯录更新说明", "仅限内部。")
    assert run_search("通讯录").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert run_search("通讯录").total == 0


def test_other_languages_are_not_returned(article, run_search):
    article("上海市安全生产条例解读", "条例内容。")
    assert run_search("安全生产", locale="zh-hans").total == 1
    assert run_search("安全生产", locale="en").total == 0


def test_english_is_stemmed(article, run_search, site_tree, publish, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from sections.models import ArticlePage
    from search.service import index_pages

    page = article("Notice on flood prevention", "Inspectors were inspecting the pumping stations.")
    # Re-tag the document as English to exercise the English analysis path.
    page.locale = Locale.objects.get_or_create(language_code="en")[0]
    ArticlePage.objects.filter(pk=page.pk).update(locale=page.locale)
    index_pages([ArticlePage.objects.get(pk=page.pk)])
    assert titles(run_search("inspected stations", locale="en")) == ["Notice on flood prevention"]


def test_translation_is_indexed_in_its_own_language_only(article, run_search, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    page = article("关于加强危险化学品安全管理的通知", "简体正文")
    hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    with django_capture_on_commit_callbacks(execute=True):
        translated = page.copy_for_translation(hant, copy_parents=True)
        translated.title = "關於加強危險化學品安全管理的通知"
        translated.save_revision().publish()
    assert [h.title for h in run_search("危險化學品", locale="zh-hant").hits] == ["關於加強危險化學品安全管理的通知"]
    assert run_search("危險化學品", locale="zh-hans").total == 0
    assert [h.title for h in run_search("危险化学品", locale="zh-hans").hits] == ["关于加强危险化学品安全管理的通知"]


def test_traditional_words_inside_a_traditional_title_are_found(article, run_search, django_capture_on_commit_callbacks):
    """jieba's dictionary is Simplified; 繁體 text is segmented on its t2s form (倉儲 was 倉 + 儲檢查)."""
    from wagtail.models import Locale

    from search import segmentation

    page = article("上海市应急管理局关于危险化学品仓储检查的通知", "正文")
    with django_capture_on_commit_callbacks(execute=True):
        translated = page.copy_for_translation(Locale.objects.get_or_create(language_code="zh-hant")[0], copy_parents=True)
        translated.title = "上海市應急管理局關於危險化學品倉儲檢查的通知"
        translated.save_revision().publish()
    assert {"倉儲", "檢查", "化學品"} <= set(segmentation.index_tokens(translated.title))
    for word in ("倉儲", "檢查"):
        results = run_search(word, locale="zh-hant")
        assert titles(results) == ["上海市應急管理局關於危險化學品倉儲檢查的通知"]
        assert f"<mark>{word}</mark>" in str(results.hits[0].title_html)


def test_attachment_text_of_docx_and_pdf_is_searchable(article, run_search, column, publish,
                                                      django_capture_on_commit_callbacks, tmp_path, settings):
    import io
    import json

    import docx
    from django.core.files.base import ContentFile
    from pypdf import PdfWriter
    from wagtail.documents import get_document_model

    from sections.models import ArticlePage

    settings.MEDIA_ROOT = str(tmp_path)
    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("附件：城镇燃气安全隐患排查清单")
    d.save(buf)
    Document = get_document_model()
    doc = Document(title="排查清单")
    doc.file.save("checklist.docx", ContentFile(buf.getvalue()), save=True)
    pdf_buf = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(pdf_buf)
    pdf = Document(title="空白")
    pdf.file.save("blank.pdf", ContentFile(pdf_buf.getvalue()), save=True)  # no text: must not break indexing
    page = ArticlePage(title="关于开展专项检查的通知", slug="att-1", body=json.dumps([
        {"type": "attachment", "value": {"document": doc.pk, "title": "清单"}},
        {"type": "attachment", "value": {"document": pdf.pk, "title": "空白"}},
    ]))
    with django_capture_on_commit_callbacks(execute=True):
        publish(column("xwzx/xw"), page)
    assert [h.title for h in run_search("燃气").hits] == ["关于开展专项检查的通知"]


def test_facet_counts_follow_index_changes(article, run_search, django_capture_on_commit_callbacks):
    """On SQLite the facet values are cached per process; every index change must reach the counts."""
    article("关于防汛工作的通知", "正文", where="xwzx/xw")
    assert dict(run_search("防汛").facets["section"]) == {"新闻中心": 1}
    page = article("防汛检查办法", "正文", where="zwgk/zfxxgk/zcwj")
    assert dict(run_search("防汛").facets["section"]) == {"新闻中心": 1, "政务公开": 1}
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert dict(run_search("防汛").facets["section"]) == {"新闻中心": 1}


def test_very_broad_words_rank_by_where_they_occur_then_date(article, run_search, settings):
    """A word in at least half of all documents has no bm25 weight; such broad queries rank by tier, newest first."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("tiered ranking belongs to the SQLite query path; PostgreSQL ranks every match with ts_rank_cd")
    settings.SITE_SEARCH = {**settings.SITE_SEARCH, "TIERED_MIN_MATCHES": 2}
    article("关于应急值守的通知", "正文。")
    article("工作简报", "本周开展应急演练。")
    article("应急预案管理办法", "规范预案编制。")
    article("会议纪要", "会议研究应急工作。")
    article("防汛简报", "防汛物资到位。")
    results = run_search("应急")
    assert results.total == 4 and dict(results.facets["section"]) == {"新闻中心": 4}
    assert titles(results) == ["应急预案管理办法", "关于应急值守的通知", "会议纪要", "工作简报"]
    assert [h.score for h in results.hits] == [3.0, 3.0, 1.0, 1.0]
    # A word in fewer than half of the documents keeps its bm25 ranking.
    results = run_search("简报")
    assert titles(results)[0] in {"工作简报", "防汛简报"}
    assert run_search("应急", per_page=2, page=2).hits[0].title == "会议纪要"
