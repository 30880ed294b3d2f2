"""Defect 13 (the small ones): 双公示 late records show dates; the 更正说明 is in 繁體 on 繁體 pages;
a confirmation after 审核通过."""
import datetime as dt
import re

from django.test import Client
from wagtail.models import Locale

from departments.models import Department
from moderation.models import CorrectionNote
from sections.models import ArticlePage
from tests.plugins.builtin.sgs_helpers import make_record

RELATIVE = re.compile(r"之前|ago\b")


def test_late_records_show_dates_not_relative_times(client, make_user, site_tree):
    zf = Department.objects.get(key="aqsczfjcc")
    make_record(document_number="LATE-DATE-1", decision_date=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 16),
                department=zf)
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    for url in ("/admin/shuanggongshi/late/", "/admin/disclosure_records/"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*LATE-DATE-1.*?</tr>", html, re.S).group(0)
        assert "2025-09-26" in row and "2025-10-16" in row, row
        assert not RELATIVE.search(row), row


def test_correction_note_is_converted_on_the_hant_page(column, publish):
    page = publish(column("xwzx/xw"), ArticlePage(title="更正测试新闻", slug="correction-hant", summary="摘要"))
    CorrectionNote.objects.create(page=page, date=dt.date(2026, 3, 1), note="更正了发布机关的名称")
    hant_locale, _ = Locale.objects.get_or_create(language_code="zh-hant")
    hant = page.copy_for_translation(hant_locale, copy_parents=True)
    hant.save_revision().publish()
    hant.refresh_from_db()
    assert hant.correction_notes.exists()
    html = Client().get(hant.url).content.decode()
    assert "更正了發佈機關的名稱" in html or "更正了發布機關的名稱" in html
    assert "更正了发布机关的名称" not in html
    assert "更正了发布机关的名称" in Client().get(page.url).content.decode()


def _messages(response):
    from django.contrib.messages import get_messages

    return [str(m) for m in get_messages(response.wsgi_request)]


def test_confirmation_after_approval(users, as_user, column):
    from tests.moderation.moderation_helpers import act, create_and_submit

    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "确认提示新闻", "confirm-news")
    response = act(as_user(users["xcpx_head"]), page, "approve", comment="同意")
    assert response.status_code == 302
    assert any("审核通过" in m and "确认提示新闻" in m and "下一" in m for m in _messages(response)), _messages(response)
    act(as_user(users["chushen"]), page, "approve", comment="同意")
    response = act(as_user(users["zhongshen"]), page, "approve", comment="同意")
    assert any("审核通过" in m and "已发布" in m for m in _messages(response)), _messages(response)


def test_news_column_offers_only_sensible_page_types(column, publish, site_tree, make_user):
    news = column("xwzx/xw")
    publish(news, ArticlePage(title="已有新闻", slug="existing-news", summary="摘要"))
    client = Client()
    client.force_login(make_user("root-types", is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{news.pk}/add_subpage/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert f"/admin/pages/add/sections/articlepage/{news.pk}/" in html
    for label in ("special_topic/specialtopicpage", "shuanggongshi/disclosurelistingpage"):
        assert f"/admin/pages/add/{label}/{news.pk}/" not in html, label
    assert client.get(f"/admin/pages/add/special_topic/specialtopicpage/{news.pk}/").status_code in (302, 403)
    section = column("aqzt")
    html = client.get(f"/admin/pages/{section.pk}/add_subpage/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert f"/admin/pages/add/special_topic/specialtopicpage/{section.pk}/" in html  # still offered where it belongs


SPECIALISED_TYPES = (
    "policy/policydocumentpage", "policy/interpretationpage", "policy/policylibrarypage",
    "policy/normativedocumentspage", "participation/consultationpage", "participation/surveypage",
    "participation/interviewpage", "participation/decisioncataloguepage", "interaction/questionanswerpage",
)


def _offered(client, parent):
    html = client.get(f"/admin/pages/{parent.pk}/add_subpage/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    return {label for label in re.findall(rf"/admin/pages/add/(\w+/\w+)/{parent.pk}/", html)}


def test_news_column_offers_no_policy_or_participation_types(column, publish, make_user):
    from policy.models import PolicyDocumentPage
    from sections.models import ColumnPage

    client = Client()
    client.force_login(make_user("root-kinds", is_superuser=True, is_staff=True))
    news = column("xwzx/xw")
    publish(news, ArticlePage(title="已有新闻", slug="existing-news-kinds", summary="摘要"))
    offered = _offered(client, news)
    assert "sections/articlepage" in offered, offered
    assert not offered & set(SPECIALISED_TYPES), offered & set(SPECIALISED_TYPES)
    assert client.get(f"/admin/pages/add/policy/policydocumentpage/{news.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/participation/surveypage/{news.pk}/").status_code in (302, 403)

    # A column holding policy documents is offered the policy types, not surveys or consultations.
    documents = column("zwgk/zfxxgk/zcwj")
    publish(documents, PolicyDocumentPage(title="关于类型测试的通知", slug="kind-doc", doc_number="沪应急规〔2023〕91号",
                                          written_date=dt.date(2023, 3, 1)))
    offered = _offered(client, documents)
    assert {"sections/articlepage", "policy/policydocumentpage", "policy/interpretationpage",
            "policy/policylibrarypage"} <= offered, offered
    assert not offered & {"participation/surveypage", "participation/consultationpage"}, offered

    # A new, empty column is offered every item type: the editor chooses what it will hold.
    empty = news.add_child(instance=ColumnPage(title="新栏目", slug="new-empty-column"))
    assert set(SPECIALISED_TYPES) <= _offered(client, empty)
