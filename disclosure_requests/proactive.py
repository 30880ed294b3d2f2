"""Pages this app puts on the site, always as drafts through the normal review:
依申请转主动公开 items and the published annual report."""
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from .services import RequestActionError

PROACTIVE_COLUMN = "ysqzzdgk"  # 政务公开 › … › 依申请转主动公开
REPORT_COLUMN = "xxgknb"  # 信息公开 › 信息公开年报


def column(slug):
    locale = Locale.get_default()
    page = Page.objects.filter(slug=slug, locale=locale).first()
    if page is None:
        raise RequestActionError(_("The column “%(slug)s” does not exist.") % {"slug": slug})
    return page.specific


def submit_draft(parent, title, slug, summary, body, user):
    """An ArticlePage draft below ``parent`` submitted to the column's workflow (or left as a draft)."""
    from sections.models import ArticlePage

    page = ArticlePage(title=title, slug=slug, summary=summary[:500], body=body, live=False,
                       first_published_at=None)
    if hasattr(page, "department_id") and hasattr(parent, "department_id"):
        page.department_id = parent.department_id
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page, revision


def convert_to_proactive(item, user):
    if item.proactive_page_id:
        raise RequestActionError(_("This request has already been turned into proactive disclosure."))
    if item.status != "closed" or item.outcome not in ("disclosed", "partly"):
        raise RequestActionError(_("Only information that was disclosed can be published proactively."))
    parent = column(PROACTIVE_COLUMN)
    title = _without_personal_data(item, item.info_title + (f"（{item.info_doc_number}）" if item.info_doc_number else ""))
    body = [("paragraph", f"<p>{_escape(_without_personal_data(item, item.answer_text))}</p>")]
    page, _revision = submit_draft(parent, title, f"ysq-{item.number.lower()}",
                                   _("Disclosed on request (%(number)s) and now published proactively.")
                                   % {"number": item.number}, body, user)
    item.proactive_page_id = page.pk
    item.save(update_fields=["proactive_page_id", "updated_at"])
    log(instance=item, action="disclosure_requests.converted", user=user,
        data={"page": page.pk, "title": title, "day": timezone.localdate().isoformat()})
    return page


def _without_personal_data(item, text):
    """The answer was written to the applicant: mask their name and drop their other details before it goes public."""
    from core.public_forms import masked_name

    for name in item.personal_fields:
        value = str(getattr(item, name, "") or "").strip()
        if len(value) >= 2 and value in text:
            text = text.replace(value, masked_name(value) if name in ("name", "contact_person") else "***")
    return text


def _escape(text):
    from django.utils.html import escape

    return escape(text).replace("\n", "<br>")
