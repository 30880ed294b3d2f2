"""The 政府信息公开申请答复书, generated as DOCX from the request's approved answer."""
import io

from django.conf import settings
from django.utils import timezone

AGENCY = "上海市应急管理局"


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
    paragraphs.append(f"收费情况：{'本次不收取信息处理费。' if not request.fee else f'信息处理费 {request.fee} 元。'}")
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
    run = title.add_run("政府信息公开申请答复书")
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


def reply_filename(request):
    return f"{request.number}-答复书.docx"
