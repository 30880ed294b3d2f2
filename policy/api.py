"""What other feature apps may ask the policy library (see DESIGN.md: feature apps talk through api.py)."""
import datetime

from django.utils import timezone
from wagtail.models import Locale

ENDED = ("repealed", "expired")
IN_FORCE = ("in_force", "amended")
RULE_DOC_TYPES = ("令",)  # 规章 are promulgated by 令


def annual_counts(year):
    """For the annual report's table 二 (第二十条第（一）项): 规章 and 行政规范性文件,
    each {"issued", "repealed", "in_force"}.

    Only live, proactively disclosed documents of the default language count.
    issued: 成文日期 in ``year``; repealed: repealed or expired during ``year``
    (valid on the last day of the previous year, not on the last day of this
    one); in force: 现行有效 or 已修改 on the last day of ``year`` (today, for
    the current year).
    """
    from .models import PolicyDocumentPage

    end = min(datetime.date(year, 12, 31), timezone.localdate())
    before = datetime.date(year - 1, 12, 31)
    documents = (
        PolicyDocumentPage.objects.live().filter(locale=Locale.get_default(), disclosure="active")
        .prefetch_related("superseding_relations__source")
    )
    counts = {"rules": _zero(), "normative": _zero()}
    for document in documents:
        if document.doc_type in RULE_DOC_TYPES:
            key = "rules"
        elif document.is_normative:
            key = "normative"
        else:
            continue
        links = [(link.kind, link.source.effective_date) for link in document.superseding_relations.all()
                 if link.source.live]
        if document.written_date.year == year:
            counts[key]["issued"] += 1
        if document.written_date <= end:
            at_end = document.compute_validity(today=end, links=links)
            if at_end in IN_FORCE:
                counts[key]["in_force"] += 1
            if at_end in ENDED and (document.written_date > before
                                    or document.compute_validity(today=before, links=links) not in ENDED):
                counts[key]["repealed"] += 1
    return counts


def _zero():
    return {"issued": 0, "repealed": 0, "in_force": 0}
