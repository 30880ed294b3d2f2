"""Nightly 错敏词 and personal-data scan of live pages, so new list entries catch old pages."""
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..page_text import page_text
from ..snapshot import local_date
from ..words.engine import BLOCK, matcher
from ..words.personal_data import find_personal_data
from .base import INDICATORS, FindingData
from ..models import Severity

RULE_WORDS, RULE_PERSONAL = "sensitive_words", "personal_data"
SOURCE_WORDS = f"{INDICATORS} 单项否决指标 四、严重错误（严重错别字、虚假或伪造内容）；扣分指标 内容准确性"
SOURCE_PERSONAL = "《中华人民共和国个人信息保护法》；《上海市政府信息公开规定》：不得公开个人隐私"
KIND_LABELS = {"id_number": "身份证号", "mobile": "手机号码", "bank_card": "银行卡号"}


def check(ctx):
    from core.models import BasePage

    m = matcher()
    home = ctx.snapshot.home
    if home is None:
        return
    pages = Page.objects.live().descendant_of(home).filter(locale_id=home.locale_id)
    for page in pages.specific().iterator(chunk_size=500):
        if not isinstance(page, BasePage):
            continue
        text = page_text(page)
        department_id = page.department_id
        for hit in m.find(text, on_date=local_date(page.first_published_at)):
            severity = Severity.VETO_RISK if hit.severity == BLOCK and hit.category == "political" else Severity.DEDUCT
            yield FindingData(RULE_WORDS, f"{page.pk}:{hit.key}", severity,
                              _("%(title)s contains “%(term)s” (suggested: %(suggestion)s; %(note)s).") % {
                                  "title": page.title, "term": hit.term, "suggestion": hit.suggestion or "—", "note": hit.note},
                              SOURCE_WORDS, single_veto=hit.category == "political", page_id=page.pk,
                              department_id=department_id, data={"term": hit.term, "category": hit.category,
                                                                 "severity": hit.severity, "context": hit.context})
        for item in find_personal_data(text):
            yield FindingData(RULE_PERSONAL, f"{page.pk}:{item.kind}:{item.masked}", Severity.DEDUCT,
                              _("%(title)s shows a %(kind)s (%(masked)s).") % {
                                  "title": page.title, "kind": KIND_LABELS[item.kind], "masked": item.masked},
                              SOURCE_PERSONAL, page_id=page.pk, department_id=department_id,
                              data={"kind": item.kind, "masked": item.masked})
