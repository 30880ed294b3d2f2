"""The 政府信息公开申请答复书, generated from one template (``reply_paragraphs``) as DOCX and PDF.

PDF: reportlab with its built-in ``STSong-Light`` CID font (Adobe's Asian font
pack, referenced by name rather than embedded), so a fresh machine with only
pip renders Chinese without any font file; PDF readers substitute a Song face.
"""
import io

from django.conf import settings
from django.utils import timezone

AGENCY = "上海市应急管理局"
TITLE = "政府信息公开申请答复书"
PDF_FONT = "STSong-Light"


def agency_name():
    try:
        from home.models import SiteSettings
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        if site:
            return SiteSettings.for_site(site).agency_name or AGENCY
    except Exception:  # settings table missing in a bare database: fall back to the default
        pass
    return getattr(settings, "DISCLOSURE_AGENCY_NAME", AGENCY)


def reply_paragraphs(request):
    """The text of the 答复书, paragraph by paragraph (also used for the admin preview)."""
    agency = agency_name()
    addressee = request.name
    received = request.received_date
    paragraphs = [
        f"{request.number}",
        f"{addressee}：",
        f"本机关于{received.year}年{received.month}月{received.day}日收到您（单位）提出的政府信息公开申请，"
        f"申请获取“{request.info_title}”{('（' + request.info_doc_number + '）') if request.info_doc_number else ''}。"
        f"经审查，现答复如下：",
        request.answer_text,
    ]
    if request.legal_basis:
        paragraphs.append(f"依据：{request.legal_basis}。")
    if request.fee:
        counted = {"per_item": "按件", "per_page": "按量"}.get(request.fee_basis, "")
        paragraphs.append(f"收费情况：依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
                          f"{counted}收取信息处理费 {request.fee} 元。")
    else:
        paragraphs.append("收费情况：本次不收取信息处理费。")
    paragraphs.append(
        "如对本答复不服，可以在收到本答复之日起60日内向上海市人民政府申请行政复议，"
        "或者在收到本答复之日起6个月内向人民法院提起行政诉讼。")
    day = request.closed_date or (timezone.localdate(request.approved_at) if request.approved_at
                                  else timezone.localdate())
    paragraphs.append(agency)
    paragraphs.append(f"{day.year}年{day.month}月{day.day}日")
    return paragraphs


def reply_docx(request):
    """The 答复书 as DOCX bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.bold = True
    run.font.size = Pt(22)
    paragraphs = reply_paragraphs(request)
    number = document.add_paragraph(paragraphs[0])
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in paragraphs[1:-2]:
        document.add_paragraph(text)
    for text in paragraphs[-2:]:
        signature = document.add_paragraph(text)
        signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reply_pdf(request):
    """The 答复书 as PDF bytes (A4, the same paragraphs as the DOCX)."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from xml.sax.saxutils import escape

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    _chinese_line_start_rules()
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=14, leading=24, wordWrap="CJK", spaceAfter=6)
    indented = ParagraphStyle("indented", parent=body, firstLineIndent=28)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=12)

    def para(text, style):
        # Paragraph takes a small markup language: escape the text, keep its line breaks.
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    paragraphs = reply_paragraphs(request)
    story = [para(TITLE, title), para(paragraphs[0], right), para(paragraphs[1], body)]
    story += [para(text, indented) for text in paragraphs[2:-2]]
    story.append(Spacer(1, 12 * mm))
    story += [para(text, right) for text in paragraphs[-2:]]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                                 bottomMargin=35 * mm, title=f"{TITLE} {request.number}", author=agency_name())
    document.build(story)
    return buffer.getvalue()


# Chinese punctuation that must not start a line. reportlab's CJK wrapping knows the Japanese list
# (reportlab.lib.textsplit.CANNOT_START_LINE), which lacks the full-width comma, colon and the like.
CANNOT_START_LINE_ZH = "，、。：；！？）》」』】〉”’…—"


def _chinese_line_start_rules():
    """Add them where reportlab reads the list: one-style paragraphs (textsplit) and mixed ones (paragraph)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        missing = "".join(c for c in CANNOT_START_LINE_ZH if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def reply_filename(request, extension="docx"):
    return f"{request.number}-答复书.{extension}"


FORMATS = {
    "docx": (reply_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (reply_pdf, "application/pdf"),
}


def reply_response(request, extension):
    """The 答复书 as a download (``extension``: docx or pdf), for the admin and the applicant."""
    from urllib.parse import quote

    from django.http import HttpResponse

    build, content_type = FORMATS[extension]
    response = HttpResponse(build(request), content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(reply_filename(request, extension))}"
    return response
