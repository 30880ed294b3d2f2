"""错敏词 and personal data at publishing: the check moderation runs at submission and at each approval."""
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .page_text import page_text
from .snapshot import local_date
from .words.engine import BLOCK, check_text
from .words.personal_data import PersonalData

PERSONAL_LABELS = {"id_number": "身份证号", "mobile": "手机号码", "bank_card": "银行卡号"}
# ID and bank card numbers of the public are never published; a mobile number may be an official contact.
PERSONAL_SEVERITY = {"id_number": BLOCK, "bank_card": BLOCK, "mobile": "warn"}


def hit_message(hit):
    args = {"term": hit.term, "suggestion": hit.suggestion or "—", "note": hit.note or hit.category}
    if hit.severity == BLOCK:
        return _("The text contains the forbidden “%(term)s” (use: %(suggestion)s; %(note)s).") % args
    return _("The text contains “%(term)s” (suggested: %(suggestion)s; %(note)s).") % args


def personal_message(item: PersonalData):
    return _("The text contains a %(kind)s (%(masked)s): personal data of the public is never published.") % {
        "kind": PERSONAL_LABELS[item.kind], "masked": item.masked}


def findings_for(page):
    """[(severity, key, message, detail)] for the page's current content."""
    from core.models import BasePage

    if not isinstance(page, BasePage):
        return []
    result = check_text(page_text(page), on_date=local_date(page.first_published_at) or timezone.localdate())
    findings = [(h.severity, h.key, hit_message(h), {"term": h.term, "context": h.context, "category": h.category})
                for h in result.hits]
    findings += [(PERSONAL_SEVERITY[p.kind], f"personal:{p.kind}:{p.masked}", personal_message(p),
                  {"term": p.masked, "context": "", "category": p.kind}) for p in result.personal]
    return findings


def content_problems(page, *, user, stage, task_state=None):
    from moderation.content_checks import ContentProblem

    from .models import WarningAcknowledgement

    findings = findings_for(page)
    if not findings:
        return []
    acknowledged = set()
    review_url = ""
    if task_state is not None and task_state.pk:
        acknowledged = set(WarningAcknowledgement.objects.filter(task_state_id=task_state.pk).values_list("term", flat=True))
        review_url = reverse("inspection:review", args=(task_state.pk,))
    return [
        ContentProblem(severity, key, message, acknowledged=key in acknowledged, review_url=review_url)
        for severity, key, message, _detail in findings
    ]
