"""The handling chain of a letter: 受理 → 分类承办 → 拟复 → 负责人审核 → 答复 → 公开.

Every function checks who may act (``access``), changes the letter in one
transaction, records the clock event when the deadline moves, and writes a
Wagtail log entry (actions registered in ``wagtail_hooks``). A refused or
invalid step raises and writes nothing.
"""
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from . import access, deadlines
from .models import OPEN_STATES, REOPENING_RATINGS, Letter, RejectReason, State

ACTIONS = {
    "interaction.letter.received": gettext_lazy("Letter received"),
    "interaction.letter.accepted": gettext_lazy("Letter accepted"),
    "interaction.letter.rejected": gettext_lazy("Letter not accepted"),
    "interaction.letter.merged": gettext_lazy("Letter merged as a duplicate"),
    "interaction.letter.assigned": gettext_lazy("Letter assigned to a department"),
    "interaction.letter.returned": gettext_lazy("Letter returned to the receiving role"),
    "interaction.letter.drafted": gettext_lazy("Reply drafted"),
    "interaction.letter.sent_back": gettext_lazy("Draft reply sent back"),
    "interaction.letter.approved": gettext_lazy("Reply approved and sent"),
    "interaction.letter.published": gettext_lazy("Letter and reply published"),
    "interaction.letter.unpublished": gettext_lazy("Letter withdrawn from publication"),
    "interaction.letter.extended": gettext_lazy("Deadline extended"),
    "interaction.letter.rated": gettext_lazy("Satisfaction rated"),
    "interaction.letter.reopened": gettext_lazy("Letter reopened after a dissatisfied rating"),
    "interaction.letter.reminded": gettext_lazy("Reminder sent"),
    "interaction.letter.escalated": gettext_lazy("Overdue letter escalated"),
    "interaction.letter.long_alarm": gettext_lazy("Alarm: letter unanswered for long"),
    "interaction.letter.exported": gettext_lazy("Letters exported with personal data"),
    "interaction.letter.qa_created": gettext_lazy("Turned into a Q&A entry"),
}

QA_COLUMN = "zwhd/gzhd/bmwd"  # 政务互动 › 公众互动 › 便民问答 (setting LETTER_QA_COLUMN: a slug path)
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


class InvalidStep(ValueError):
    """The step does not fit the letter's state (e.g. approving a letter without a draft)."""


def _log(letter, action, user=None, comment="", **data):
    data = {k: v for k, v in data.items() if v not in (None, "")}
    if comment:
        data["comment"] = comment
    log(letter, action, user=user if user is not None and user.is_authenticated else None, data=data,
        title=str(letter)[:255])


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def _require_state(letter, states):
    if letter.state not in states:
        raise InvalidStep(_("This step is not possible while the letter is “%(state)s”.")
                          % {"state": letter.get_state_display()})


def _locked(letter):
    """Re-read the letter under a row lock so two handlers cannot step on each other."""
    return Letter.objects.select_for_update(of=("self",)).select_related("letter_type", "department").get(pk=letter.pk)


def submit(letter_type, *, title, body, name="", phone="", email="", allow_publish=True, page=None, received=None):
    """Store a letter from the public, start its clock; return (letter, query code).

    ``received`` (a datetime) is for demo data and imports; a public post is received now.
    """
    code = Letter.new_query_code()
    department = letter_type.default_department
    if page is not None and getattr(page, "department_id", None):
        department = page.department
    with transaction.atomic():
        letter = Letter(letter_type=letter_type, title=title, body=body, name=name, phone=phone, email=email,
                        allow_publish=allow_publish, page=page, department=department,
                        submitted_at=received or timezone.now())
        letter.set_query_code(code)
        letter.save()
        received = timezone.localtime(letter.submitted_at)
        letter.number = f"{received:%Y%m%d}{letter.pk:06d}"
        letter.save(update_fields=["number"])
        deadlines.add_event(letter, "start", day=received.date(), days=letter_type.deadline_workdays,
                            note=_("letter received"))
        _log(letter, "interaction.letter.received", type=letter_type.code)
    return letter, code


def accept(user, letter, comment=""):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role accepts this letter."))
        _require_state(letter, (State.NEW,))
        letter.state = State.ACCEPTED
        letter.save(update_fields=["state"])
        _log(letter, "interaction.letter.accepted", user, comment)
    return letter


def reject(user, letter, reason, comment=""):
    if reason not in RejectReason.values:
        raise InvalidStep(_("Choose a reason."))
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role rejects this letter."))
        _require_state(letter, (State.NEW, State.ACCEPTED))
        letter.state, letter.reject_reason, letter.reject_comment = State.REJECTED, reason, comment
        letter.save(update_fields=["state", "reject_reason", "reject_comment"])
        _log(letter, "interaction.letter.rejected", user, comment, reason=reason)
    return letter


def merge(user, letter, into, comment=""):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role merges this letter."))
        _require_state(letter, (State.NEW, State.ACCEPTED))
        if into.pk == letter.pk or into.state == State.MERGED:
            raise InvalidStep(_("A letter is merged into another letter that is not itself merged."))
        letter.state, letter.duplicate_of, letter.reject_reason = State.MERGED, into, RejectReason.DUPLICATE
        letter.save(update_fields=["state", "duplicate_of", "reject_reason"])
        _log(letter, "interaction.letter.merged", user, comment, into=into.number)
    return letter


def assign(user, letter, department, comment=""):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role assigns this letter."))
        _require_state(letter, (State.NEW, State.ACCEPTED, State.ASSIGNED))
        if department is None or department.is_shared:
            raise InvalidStep(_("Choose one department."))
        letter.state, letter.department = State.ASSIGNED, department
        letter.save(update_fields=["state", "department"])
        _log(letter, "interaction.letter.assigned", user, comment, department=department.name)
    return letter


def return_to_reception(user, letter, comment):
    if not comment.strip():
        raise InvalidStep(_("Say why the letter goes back."))
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.in_department(user, letter.department), _("Only the handling department returns this letter."))
        _require_state(letter, (State.ASSIGNED, State.DRAFTED))
        department = letter.department.name
        letter.state, letter.department = State.ACCEPTED, None
        letter.save(update_fields=["state", "department"])
        _log(letter, "interaction.letter.returned", user, comment, department=department)
    return letter


def draft(user, letter, reply):
    if not reply.strip():
        raise InvalidStep(_("Write the reply."))
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.in_department(user, letter.department), _("Only the handling department drafts the reply."))
        _require_state(letter, (State.ASSIGNED, State.DRAFTED))
        letter.state, letter.reply, letter.drafted_by = State.DRAFTED, reply, user
        letter.save(update_fields=["state", "reply", "drafted_by"])
        _log(letter, "interaction.letter.drafted", user)
    return letter


def send_back(user, letter, comment):
    if not comment.strip():
        raise InvalidStep(_("Say what must change."))
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_department_head(user, letter.department),
                 _("Only the head of the handling department reviews the reply."))
        _require_state(letter, (State.DRAFTED,))
        letter.state = State.ASSIGNED
        letter.save(update_fields=["state"])
        _log(letter, "interaction.letter.sent_back", user, comment)
    return letter


def approve(user, letter, comment=""):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_department_head(user, letter.department),
                 _("Only the head of the handling department approves the reply."))
        _require_state(letter, (State.DRAFTED,))
        letter.state, letter.approved_by, letter.replied_at = State.REPLIED, user, timezone.now()
        letter.reply_department = letter.department
        letter.workdays_used = deadlines.working_days_taken(letter)
        letter.save(update_fields=["state", "approved_by", "replied_at", "reply_department", "workdays_used"])
        _log(letter, "interaction.letter.approved", user, comment, department=letter.department.name)
    return letter


def publish(user, letter):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role publishes letters."))
        if not letter.can_be_published:
            raise InvalidStep(_("This letter may not be published: it has no approved reply, its type does not "
                                "publish replies, or the writer did not agree."))
        letter.published, letter.published_at = True, timezone.now()
        letter.save(update_fields=["published", "published_at"])
        _log(letter, "interaction.letter.published", user)
    return letter


def unpublish(user, letter, comment=""):
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type), _("Only the receiving role publishes letters."))
        letter.published = False
        letter.save(update_fields=["published"])
        _log(letter, "interaction.letter.unpublished", user, comment)
    return letter


def extend(user, letter, days, reason):
    """延期: the head of the handling department (or 分管局领导) approves more working days."""
    if not reason.strip():
        raise InvalidStep(_("Give the reason for the extension."))
    if not 1 <= days <= 30:
        raise InvalidStep(_("An extension is between 1 and 30 working days."))
    with transaction.atomic():
        letter = _locked(letter)
        leader = access.is_leader(user)
        _require(access.is_department_head(user, letter.department) or leader,
                 _("Only the head of the handling department or the leader in charge approves an extension."))
        _require_state(letter, OPEN_STATES)
        role = "分管局领导" if leader else (letter.department.head_group.name if letter.department.head_group else "")
        state = deadlines.add_event(letter, "extend", days=days, note=reason, user=user, approving_role=role)
        _log(letter, "interaction.letter.extended", user, reason, days=days, approving_role=role,
             due=state.due_date.isoformat() if state.due_date else "")
    return letter


def rate(letter, rating):
    """满意度评价 through the 查询码; a dissatisfied rating reopens the letter for follow-up."""
    with transaction.atomic():
        letter = _locked(letter)
        if letter.state != State.REPLIED or letter.rating is not None:
            raise InvalidStep(_("This letter cannot be rated now."))
        letter.rating, letter.rated_at = rating, timezone.now()
        fields = ["rating", "rated_at"]
        _log(letter, "interaction.letter.rated", rating=int(rating))
        if rating in REOPENING_RATINGS:
            letter.state, letter.reopened, letter.published = State.ASSIGNED, True, False
            fields += ["state", "reopened", "published"]
            letter.save(update_fields=fields)
            deadlines.add_event(letter, "restart", days=letter.letter_type.deadline_workdays,
                                note=_("reopened after a dissatisfied rating"))
            _log(letter, "interaction.letter.reopened")
        else:
            letter.save(update_fields=fields)
    return letter


def can_make_qa(user, letter):
    """The receiving role or the department that answered may turn an answered letter into a Q&A entry."""
    return letter.state == State.REPLIED and letter.qa_page_id is None and (
        access.is_receiver(user, letter.letter_type) or access.in_department(user, letter.reply_department))


def qa_column():
    from wagtail.models import Locale, Page

    page = Page.objects.filter(depth=2, locale=Locale.get_default()).first()
    for slug in getattr(settings, "LETTER_QA_COLUMN", QA_COLUMN).strip("/").split("/"):
        page = page and page.get_children().filter(slug=slug).first()
    if page is None:
        raise InvalidStep(_("The Q&A column does not exist; check the setting LETTER_QA_COLUMN."))
    return page.specific


def personal_data_in(letter, *texts):
    """What of the writer's personal data (or any phone number or e-mail address) the texts still hold."""
    found = []
    joined = "\n".join(texts)
    if letter.name and len(letter.name.strip()) >= 2 and letter.name.strip() in joined:
        found.append(_("the writer's name"))
    digits = re.sub(r"\D", "", letter.phone or "")
    if (len(digits) >= 7 and digits in re.sub(r"[\s-]", "", joined)) or MOBILE_RE.search(joined):
        found.append(_("a phone number"))
    if (letter.email and letter.email.lower() in joined.lower()) or EMAIL_RE.search(joined):
        found.append(_("an e-mail address"))
    return found


def make_qa(user, letter, question, answer):
    """便民问答: a Q&A page drafted from an answered letter and submitted to the column's review.

    The editor rewrites the question and answer; text still holding the writer's name, a phone number or
    an e-mail address is refused, so no personal data can reach the public page or the search index.
    """
    question, answer = question.strip(), answer.strip()
    if not question or not answer:
        raise InvalidStep(_("Write the question and the answer."))
    with transaction.atomic():
        letter = _locked(letter)
        _require(access.is_receiver(user, letter.letter_type) or access.in_department(user, letter.reply_department),
                 _("Only the receiving role or the answering department turns this letter into a Q&A entry."))
        _require_state(letter, (State.REPLIED,))
        if letter.qa_page_id:
            raise InvalidStep(_("This letter is already a Q&A entry."))
        found = personal_data_in(letter, question, answer)
        if found:
            raise InvalidStep(_("Remove the personal data first: %(what)s.") % {"what": "、".join(map(str, found))})
        from .models import QuestionAnswerPage

        parent = qa_column()
        title = question.splitlines()[0][:80]
        page = QuestionAnswerPage(
            title=title, slug=f"qa-{letter.number}", question=question, answer=answer, live=False,
            answered_on=timezone.localtime(letter.replied_at).date() if letter.replied_at else None,
            department=letter.reply_department or letter.department, owner=user,
        )
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
        letter.qa_page = page
        letter.save(update_fields=["qa_page"])
        _log(letter, "interaction.letter.qa_created", user, page=page.pk, title=title)
    return page


__all__ = ["can_make_qa", "make_qa", "personal_data_in", "InvalidStep", "IntegrityError", "ACTIONS", "submit", "accept", "reject", "merge", "assign",
           "return_to_reception", "draft", "send_back", "approve", "publish", "unpublish", "extend", "rate"]
