"""文号 (document number) validation and normalisation.

A 文号 is an issuer abbreviation, the year in 六角括号 and a serial number:
沪应急办〔2023〕20号. Editors and imports often type the year in other
brackets — [2023], ［2023］, (2023), （2023）, 【2023】, 〔2023] — which are
normalised to 〔2023〕, and so is the small-form ﹝2023﹞ that word processors
produce. Numbered forms without a year in brackets are accepted as they
are: government orders (上海市人民政府令第32号, 应急管理部令第2号) and
announcements (上海市应急管理局公告第3号, 公告2023年第1号). Anything else is
refused: a 文号 is optional, so a document without one leaves it empty.
"""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_OPEN = "〔［\\[（(【{｛﹝"
_CLOSE = "〕］\\]）)】}｝﹞"
_NUMBER = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fffA-Za-z]{{1,20}})\s*[{_OPEN}]\s*(?P<year>(19|20)\d\d)\s*[{_CLOSE}]\s*"
    rf"(?P<serial>第?\s*\d{{1,5}})\s*号$"
)
_ORDER = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]{2,30}令)\s*第\s*(?P<serial>\d{1,5})\s*号$")
# 公告第3号, 上海市应急管理局公告第3号, 国家安全监管总局公告2015年第5号, 通告第1号
_NOTICE = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fff]{0,30}(?:公告|通告))\s*(?:(?P<year>(?:19|20)\d\d)\s*年)?\s*第\s*(?P<serial>\d{1,5})\s*号$")


def normalise_doc_number(value):
    """The canonical form of ``value``; raises ValidationError if it is not a 文号."""
    text = (value or "").strip().replace("\u3000", "")
    if len(text) > 60:
        raise ValidationError(_("A document number is at most 60 characters."), code="too_long")
    match = _NUMBER.match(text)
    if match:
        serial = match["serial"].replace(" ", "")
        return f"{match['prefix']}〔{match['year']}〕{serial}号"
    match = _ORDER.match(text)
    if match:
        return f"{match['prefix']}第{match['serial']}号"
    match = _NOTICE.match(text)
    if match:
        year = f"{match['year']}年" if match["year"] else ""
        return f"{match['prefix']}{year}第{match['serial']}号"
    raise ValidationError(
        _("Not a document number: enter one such as 沪应急规〔2023〕3号, 上海市人民政府令第32号 or "
          "公告第3号, or leave it empty if the document has none."), code="invalid_doc_number",
    )


def validate_doc_number(value):
    normalise_doc_number(value)
