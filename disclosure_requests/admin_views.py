"""Admin views: the list with due dates, staff registration, one request with its
clock steps and the actions allowed now, and the annual reports.

Only 办公室 (``roles.can_handle``) gets in; its head (``roles.can_approve``)
approves extensions and 答复书. Everyone else gets 403.
"""
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from . import forms as dr_forms
from . import roles, services
from .models import ClockEntry, DisclosureRequest, FeeBasis, FeeTier, Status
from .reply_document import reply_paragraphs, reply_response
from .services import RequestActionError

def handler_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not roles.can_handle(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class Row:
    def __init__(self, item, today):
        self.item = item
        self.due, self.left, self.overdue = services.due_state(item, today)


@handler_required
def request_list(request):
    today = timezone.localdate()
    items = DisclosureRequest.objects.prefetch_related("clock_entries")
    status = request.GET.get("status", "")
    if status == "open":
        items = items.open()
    elif status in Status.values:
        items = items.filter(status=status)
    query = (request.GET.get("q") or "").strip()[:50]
    if query:
        items = items.filter(Q(number__icontains=query) | Q(info_title__icontains=query) | Q(name__icontains=query))
    rows = [Row(item, today) for item in items[:2000]]
    if request.GET.get("overdue") == "1":
        rows = [r for r in rows if r.overdue]
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    return render(request, "disclosure_requests/admin/list.html", {
        "page": page, "status": status, "query": query, "statuses": Status.choices,
        "overdue_only": request.GET.get("overdue") == "1", "today": today,
    })


@handler_required
def register(request):
    form = dr_forms.StaffRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        code = services.register(item, user=request.user)
        messages.success(request, _("Request %(number)s registered. Query code for the applicant: %(code)s")
                         % {"number": item.number, "code": code})
        return redirect("disclosure_requests_admin:detail", item.pk)
    return render(request, "disclosure_requests/admin/register.html", {"form": form})


def _approvers():
    User = get_user_model()
    names = roles._groups("approve")
    return User.objects.filter(Q(groups__name__in=names) | Q(is_superuser=True), is_active=True).distinct()


ACTION_FORMS = {
    "correction": dr_forms.CorrectionForm,
    "correction_received": dr_forms.DayForm,
    "lapse": dr_forms.DayForm,
    "consult": dr_forms.ConsultForm,
    "consultation_done": dr_forms.ConsultationDoneForm,
    "extend": dr_forms.ExtensionForm,
    "answer": dr_forms.AnswerForm,
    "approve": None,
    "return": dr_forms.ReturnForm,
    "send": dr_forms.SendForm,
}

ACTION_LABELS = {
    "correction": _("Request a correction"),
    "correction_received": _("Corrected request received"),
    "lapse": _("Close: not corrected in time"),
    "consult": _("Consult a third party"),
    "consultation_done": _("Third party's opinion received"),
    "extend": _("Extend the time limit"),
    "answer": _("Draft the answer"),
    "approve": _("Approve the answer"),
    "return": _("Return the answer for changes"),
    "send": _("Record that the answer was sent"),
}


def available_actions(item, user):
    s = item.status
    actions = []
    if s == Status.HANDLING:
        if item.correction_requested_on is None:
            actions.append("correction")
        actions += ["consult"]
    if s == Status.AWAITING_CORRECTION:
        actions += ["correction_received", "lapse"]
    if s == Status.CONSULTING:
        actions.append("consultation_done")
    if s in (Status.HANDLING, Status.CONSULTING) and not item.clock_entries.filter(
            reason=ClockEntry.Reason.EXTENSION).exists():
        actions.append("extend")
    if s in (Status.HANDLING, Status.AWAITING_APPROVAL):
        actions.append("answer")
    if s == Status.AWAITING_APPROVAL and roles.can_approve(user):
        actions += ["approve", "return"]
    if s == Status.APPROVED:
        actions.append("send")
    return actions


def _form(action, item, data=None):
    form_class = ACTION_FORMS[action]
    if form_class is None:
        return None
    kwargs = {"prefix": action}
    if action == "extend":
        kwargs["approvers"] = _approvers()
    if action == "answer" and item.outcome and data is None:
        kwargs["initial"] = {"outcome": item.outcome, "answer_text": item.answer_text,
                             "legal_basis": item.legal_basis, "fee": item.fee, "fee_reason": item.fee_reason,
                             "fee_basis": item.fee_basis or FeeBasis.PER_ITEM,
                             "pages": item.fee_quantity if item.fee_basis == FeeBasis.PER_PAGE else None}
    return form_class(data, **kwargs)


@handler_required
def detail(request, pk, bound=None):
    item = get_object_or_404(DisclosureRequest, pk=pk)
    today = timezone.localdate()
    clock = item.clock()
    entries = list(item.clock_entries.select_related("approver", "user"))
    steps = list(zip(clock.steps, entries))
    actions = []
    for action in available_actions(item, request.user):
        form = bound[1] if bound and bound[0] == action else _form(action, item)
        actions.append({"name": action, "label": ACTION_LABELS[action], "form": form})
    log_entries = ModelLogEntry.objects.filter(
        content_type__app_label="disclosure_requests", object_id=str(item.pk)).select_related("user").order_by("timestamp")
    due, left, overdue = services.due_state(item, today)
    return render(request, "disclosure_requests/admin/detail.html", {
        "item": item, "clock": clock, "steps": steps, "actions": actions, "log_entries": log_entries,
        "due": due, "left": left, "overdue": overdue, "late": services.answered_late(item),
        "used": clock.used_on(today) if item.is_open else None,
        "reply": reply_paragraphs(item) if item.outcome and item.answer_text else None,
        "fee_hint": _fee_hint(item) if "answer" in available_actions(item, request.user) else None,
        "can_convert": item.status == Status.CLOSED and item.outcome in ("disclosed", "partly")
        and not item.proactive_page_id,
    }, status=400 if bound else 200)


def _fee_hint(item):
    """What the 109号 tiers say for this request: its place in the applicant's month and the per-item fee."""
    from .fees import suggested_fee

    fee, position = suggested_fee(item, FeeBasis.PER_ITEM)
    return {"position": position, "fee": fee, "month": item.received_date, "tiers": list(FeeTier.objects.all())}


@handler_required
@require_POST
def act(request, pk, action):
    item = get_object_or_404(DisclosureRequest, pk=pk)
    if action not in ACTION_FORMS:
        raise PermissionDenied
    if action in ("approve", "return") and not roles.can_approve(request.user):
        raise PermissionDenied
    if action not in available_actions(item, request.user):
        messages.error(request, _("This step is not possible now."))
        return redirect("disclosure_requests_admin:detail", item.pk)
    form = _form(action, item, request.POST)
    if form is not None and not form.is_valid():
        return detail(request, pk, bound=(action, form))
    data = form.cleaned_data if form is not None else {}
    user = request.user
    try:
        if action == "correction":
            services.request_correction(item, user, data["day"], data["text"], data["period"])
        elif action == "correction_received":
            services.receive_correction(item, user, data["day"])
        elif action == "lapse":
            services.lapse(item, user, data["day"])
        elif action == "consult":
            services.consult(item, user, data["day"], data["party"])
        elif action == "consultation_done":
            services.consultation_done(item, user, data["day"], data["note"])
        elif action == "extend":
            services.extend(item, user, data["approver"], data["day"], data["days"], data["reason"])
        elif action == "answer":
            services.draft_answer(item, user, data["outcome"], data["answer_text"], data["legal_basis"], data["fee"],
                                  fee_basis=data["fee_basis"], pages=data["pages"], fee_reason=data["fee_reason"])
        elif action == "approve":
            services.approve_answer(item, user)
        elif action == "return":
            services.return_answer(item, user, data["note"])
        elif action == "send":
            services.send_answer(item, user, data["day"], data["delivery_note"])
    except RequestActionError as error:
        item.refresh_from_db()
        if form is not None:
            form.add_error(None, str(error))
            return detail(request, pk, bound=(action, form))
        messages.error(request, str(error))
        return redirect("disclosure_requests_admin:detail", item.pk)
    messages.success(request, _("Saved: %(step)s") % {"step": ACTION_LABELS[action]})
    return redirect("disclosure_requests_admin:detail", item.pk)


@handler_required
def reply(request, pk, extension="docx"):
    item = get_object_or_404(DisclosureRequest, pk=pk)
    if not (item.outcome and item.answer_text):
        raise PermissionDenied
    return reply_response(item, extension)


@handler_required
@require_POST
def convert(request, pk):
    """依申请转主动公开: a draft in the 依申请转主动公开 column, submitted to its review workflow."""
    from .proactive import convert_to_proactive

    item = get_object_or_404(DisclosureRequest, pk=pk)
    try:
        page = convert_to_proactive(item, request.user)
    except RequestActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Draft “%(title)s” created and submitted for review.") % {"title": page.title})
    return redirect("disclosure_requests_admin:detail", item.pk)
