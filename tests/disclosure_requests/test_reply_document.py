"""The 答复书 from one template as DOCX and PDF, read back; staff download it in the admin, the applicant
from the status page after the right 查询码; the 复议 (60 days) and 诉讼 (6 months) notice in both."""
import datetime
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from docx import Document
from pypdf import PdfReader

from disclosure_requests import services
from disclosure_requests.fees import install_standard_tiers
from disclosure_requests.reply_document import reply_docx, reply_paragraphs, reply_pdf

from .factories import close, make_request

pytestmark = pytest.mark.django_db
ANSWER = "经查，现将《2024年危险化学品经营许可证核发情况》提供给您（共120页）。"


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


def docx_text(data):
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def squeeze(text):
    return "".join(text.split())  # PDF text comes back with the line breaks of the layout


@pytest.fixture
def answered(office, site_tree):
    install_standard_tiers()
    item = make_request(datetime.date(2025, 3, 3), office["editor"], info_doc_number="沪应急危化〔2024〕12号")
    services.draft_answer(item, office["editor"], "disclosed", ANSWER, legal_basis="《中华人民共和国政府信息公开条例》第三十六条",
                          fee_basis="per_page", pages=120)
    services.approve_answer(item, office["head"])
    services.send_answer(item, office["editor"], datetime.date(2025, 3, 20), "电子邮件发送")
    item.refresh_from_db()
    return item


def test_pdf_and_docx_carry_the_same_text(answered):
    assert answered.fee == Decimal(1100)
    expected = [squeeze(p) for p in reply_paragraphs(answered)]
    pdf = reply_pdf(answered)
    assert pdf.startswith(b"%PDF")
    text_pdf, text_docx = squeeze(pdf_text(pdf)), squeeze(docx_text(reply_docx(answered)))
    for paragraph in expected:
        assert paragraph in text_pdf, paragraph
        assert paragraph in text_docx, paragraph
    for text in (text_pdf, text_docx):
        assert "政府信息公开申请答复书" in text and answered.number in text and "沪应急危化〔2024〕12号" in text
        assert "60日内" in text and "行政复议" in text and "6个月内" in text and "行政诉讼" in text
        assert "按量收取信息处理费1100.00元" in text and "国办函〔2020〕109号" in text
        assert "2025年3月20日" in text and "2025年3月3日收到" in text


def test_a_long_answer_wraps_onto_more_pages_without_losing_text(office, site_tree):
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    long_answer = "".join(f"第{n}项：经查，该项信息属于公开范围，予以公开。" for n in range(1, 121))
    close(item, "disclosed", datetime.date(2025, 3, 20), office["editor"], office["head"], answer=long_answer)
    item.refresh_from_db()
    reader = PdfReader(io.BytesIO(reply_pdf(item)))
    assert len(reader.pages) >= 2
    raw = "\n".join(page.extract_text() for page in reader.pages)
    # Chinese line-start rules: no line begins with a comma, full stop, colon or closing bracket.
    starts = [line.strip()[:1] for line in raw.splitlines() if line.strip()]
    assert len(starts) > 40 and not [c for c in starts if c in "，、。：；！？）》」』】〉”’"]
    text = squeeze(raw)
    assert "第1项：" in text and "第120项：经查，该项信息属于公开范围，予以公开。" in text and "本次不收取信息处理费" in text


def test_staff_download_both_formats_and_others_are_refused(client, answered, office):
    base = f"/admin/disclosure-requests/{answered.pk}/"
    client.force_login(office["outsider"])
    for url in (f"{base}reply.pdf", f"{base}reply.docx"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/admin/"
    client.force_login(office["editor"])
    detail = client.get(base).content.decode()
    assert 'id="reply-pdf"' in detail and 'id="reply-docx"' in detail
    pdf = client.get(f"{base}reply.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"] and ".pdf" in pdf["Content-Disposition"]
    assert ANSWER[:20] in squeeze(pdf_text(pdf.content))
    docx = client.get(f"{base}reply.docx")
    assert docx.status_code == 200 and ANSWER in docx_text(docx.content)


def test_applicant_downloads_the_pdf_only_after_the_right_code(client, answered):
    cache.clear()
    url = f"/ysqgk/status/{answered.number}/reply.pdf"
    assert client.get(url).status_code == 404
    wrong = client.post("/ysqgk/status/", {"number": answered.number, "code": "WRONGCODE"})
    assert 'id="download-reply-pdf"' not in wrong.content.decode() and client.get(url).status_code == 404
    shown = client.post("/ysqgk/status/", {"number": answered.number, "code": answered.query_code})
    assert 'id="download-reply-pdf"' in shown.content.decode() and 'id="download-reply"' in shown.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = squeeze(pdf_text(response.content))
    assert answered.number in text and "60日内" in text and "6个月内" in text
    assert client.get(f"/ysqgk/status/{answered.number}/reply.exe").status_code == 404


def test_no_reply_download_before_the_answer_is_sent(client, office, site_tree):
    cache.clear()
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    services.draft_answer(item, office["editor"], "disclosed", ANSWER)
    services.approve_answer(item, office["head"])  # approved, not yet sent
    shown = client.post("/ysqgk/status/", {"number": item.number, "code": item.query_code}).content.decode()
    assert "download-reply" not in shown
    assert client.get(f"/ysqgk/status/{item.number}/reply.pdf").status_code == 404
