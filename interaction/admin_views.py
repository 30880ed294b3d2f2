"""Admin views of letters: my letters, one letter with the steps the user may take, export.

Each step goes through ``workflow``, which checks the user's role; a refused
step answers 403 and changes nothing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.spreadsheets import csv_streaming_response
from departments.models import Department

from . import access, deadlines, workflow
from .models import OPEN_STATES, Letter, LetterExport, RejectReason, State


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(queryset=Department.objects.exclude(kind=Department.Kind.SHARED),
                                        label=gettext_lazy("Department"))
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, max_length=1000)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(choices=RejectReason.choices, label=gettext_lazy("Reason"))
    comment = forms.CharField(label=gettext_lazy("Explanation"), required=False, max_length=1000)


class MergeForm(forms.Form):
    into = forms.CharField(label=gettext_lazy("Number of the letter it duplicates"), max_length=20)
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, max_length=1000)


class CommentForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class RequiredCommentForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class DraftForm(forms.Form):
    reply = forms.CharField(label=pgettext_lazy("letter", "Reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=gettext_lazy("Extra working days"), min_value=1, max_value=30)
    comment = forms.CharField(label=gettext_lazy("Reason"), max_length=500)


class QAForm(forms.Form):
    question = forms.CharField(label=pgettext_lazy("qa", "Question"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=gettext_lazy("Rewrite it as a general question: no name, phone or e-mail."))
    answer = forms.CharField(label=pgettext_lazy("qa", "Answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    @staticmethod
    def initial_for(letter):
        return {"question": f"{letter.title}\n{letter.body}", "answer": letter.reply}


# action name -> (form class, permitted(user, letter), run(user, letter, cleaned data))
STEPS = {
    "accept": (CommentForm, lambda u, l: access.is_receiver(u, l.letter_type) and l.state == State.NEW,
               lambda u, l, d: workflow.accept(u, l, d["comment"])),
    "assign": (AssignForm, lambda u, l: access.is_receiver(u, l.letter_type)
               and l.state in (State.NEW, State.ACCEPTED, State.ASSIGNED),
               lambda u, l, d: workflow.assign(u, l, d["department"], d["comment"])),
    "reject": (RejectForm, lambda u, l: access.is_receiver(u, l.letter_type) and l.state in (State.NEW, State.ACCEPTED),
               lambda u, l, d: workflow.reject(u, l, d["reason"], d["comment"])),
    "merge": (MergeForm, lambda u, l: access.is_receiver(u, l.letter_type) and l.state in (State.NEW, State.ACCEPTED),
              lambda u, l, d: workflow.merge(u, l, _letter_by_number(d["into"]), d["comment"])),
    "draft": (DraftForm, lambda u, l: access.in_department(u, l.department) and l.state in (State.ASSIGNED, State.DRAFTED),
              lambda u, l, d: workflow.draft(u, l, d["reply"])),
    "return": (RequiredCommentForm, lambda u, l: access.in_department(u, l.department)
               and l.state in (State.ASSIGNED, State.DRAFTED),
               lambda u, l, d: workflow.return_to_reception(u, l, d["comment"])),
    "approve": (CommentForm, lambda u, l: access.is_department_head(u, l.department) and l.state == State.DRAFTED,
                lambda u, l, d: workflow.approve(u, l, d["comment"])),
    "send_back": (RequiredCommentForm, lambda u, l: access.is_department_head(u, l.department)
                  and l.state == State.DRAFTED,
                  lambda u, l, d: workflow.send_back(u, l, d["comment"])),
    "extend": (ExtendForm, lambda u, l: l.state in OPEN_STATES and (
        access.is_department_head(u, l.department) or access.is_leader(u)),
        lambda u, l, d: workflow.extend(u, l, d["days"], d["comment"])),
    "publish": (CommentForm, lambda u, l: access.is_receiver(u, l.letter_type) and l.can_be_published
                and not l.published, lambda u, l, d: workflow.publish(u, l)),
    "unpublish": (CommentForm, lambda u, l: access.is_receiver(u, l.letter_type) and l.published,
                  lambda u, l, d: workflow.unpublish(u, l, d["comment"])),
    "make_qa": (QAForm, workflow.can_make_qa, lambda u, l, d: workflow.make_qa(u, l, d["question"], d["answer"])),
}

STEP_LABELS = {
    "accept": gettext_lazy("Accept"), "assign": gettext_lazy("Assign to a department"),
    "reject": gettext_lazy("Do not accept"), "merge": gettext_lazy("Merge as duplicate"),
    "draft": gettext_lazy("Draft the reply"), "return": gettext_lazy("Return to the receiving role"),
    "approve": gettext_lazy("Approve and send the reply"), "send_back": gettext_lazy("Send the draft back"),
    "extend": gettext_lazy("Extend the deadline"), "publish": gettext_lazy("Publish"),
    "unpublish": gettext_lazy("Withdraw from publication"),
    "make_qa": gettext_lazy("Turn into a Q&A entry"),
}


def _letter_by_number(number):
    letter = Letter.objects.filter(number=number.strip()).first()
    if letter is None:
        raise workflow.InvalidStep(_("No letter has this number."))
    return letter


def _require_staff(user):
    if not access.is_letter_staff(user):
        raise PermissionDenied


def refusing(view):
    """A step outside the user's remit answers 403 with the reason, instead of Wagtail's redirect."""
    from functools import wraps

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return render(request, "interaction/admin/refused.html",
                          {"reason": str(refusal) or _("This is outside your remit.")}, status=403)

    return wrapper


@refusing
def index(request):
    _require_staff(request.user)
    letters = access.visible_letters(request.user).select_related("letter_type", "department")
    state = request.GET.get("state", "")
    today = timezone.localdate()
    if state == "open":
        letters = letters.open()
    elif state == "overdue":
        letters = letters.overdue(today)
    elif state in State.values:
        letters = letters.filter(state=state)
    else:
        state = ""
    page = Paginator(letters, 50).get_page(request.GET.get("p") if str(request.GET.get("p", "")).isdigit() else 1)
    return render(request, "interaction/admin/index.html", {
        "page_obj": page, "letters": page.object_list, "state": state, "states": State.choices, "today": today,
        "can_export": access.can_export_personal_data(request.user),
    })


@refusing
def detail(request, pk):
    _require_staff(request.user)
    letter = get_object_or_404(access.visible_letters(request.user).select_related("letter_type", "department"), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in STEPS:
            return HttpResponse(status=400)
        form_class, permitted, run = STEPS[action]
        if not permitted(request.user, letter):
            raise PermissionDenied
        form = form_class(request.POST, prefix=action)
        if form.is_valid():
            try:
                run(request.user, letter, form.cleaned_data)
            except workflow.InvalidStep as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("%(step)s: done.") % {"step": STEP_LABELS[action]})
                return redirect("interaction_letters:detail", letter.pk)
        else:
            messages.error(request, _("Please correct the form: %(errors)s")
                           % {"errors": "; ".join(" ".join(e) for e in form.errors.values())})
    steps = [(name, STEP_LABELS[name], form_class(prefix=name))
             for name, (form_class, permitted, _run) in STEPS.items() if permitted(request.user, letter)]
    initial = {"assign": {"department": letter.department_id}, "make_qa": QAForm.initial_for(letter)}
    steps = [(n, label, f.__class__(prefix=n, initial=initial[n]) if n in initial else f) for n, label, f in steps]
    state = deadlines.clock_state(letter)
    return render(request, "interaction/admin/detail.html", {
        "letter": letter, "steps": steps, "clock_steps": [s.text for s in state.steps],
        "days_left": state.days_left(timezone.localdate()) if letter.is_open and state.running else None,
        "show_personal": access.can_see_personal_data(request.user, letter),
        "history": ModelLogEntry.objects.for_instance(letter).select_related("user").order_by("timestamp"),
        "overdue": letter.is_overdue(),
        "qa_page": letter.qa_page.specific if letter.qa_page_id and letter.qa_page else None,
    })


@refusing
def export(request):
    """CSV of the user's letters with personal data: receiving roles only, and every export is logged."""
    if not access.can_export_personal_data(request.user):
        raise PermissionDenied
    letters = access.visible_letters(request.user).select_related("letter_type", "department")
    record = LetterExport.objects.create(user=request.user, count=letters.count())
    log(record, "interaction.letter.exported", user=request.user, data={"count": record.count},
        title=_("Letter export"))
    header = [_("Letter number"), _("Type"), _("Title"), _("Name"), _("Phone"), _("E-mail"), _("Received"),
              _("State"), _("Handling department"), _("Due date"), _("Replied")]

    def rows():
        yield header
        for letter in letters.iterator(chunk_size=2000):
            yield [letter.number, str(letter.letter_type), letter.title, letter.name, letter.phone, letter.email,
                   timezone.localtime(letter.submitted_at).strftime("%Y-%m-%d %H:%M"),
                   letter.get_state_display(), letter.department.name if letter.department else "",
                   letter.due_date or "", timezone.localtime(letter.replied_at).strftime("%Y-%m-%d %H:%M")
                   if letter.replied_at else ""]

    return csv_streaming_response(rows(), "letters.csv")


class LetterViewSet(ViewSet):
    name = "interaction_letters"
    url_prefix = "letters"
    icon = "mail"
    menu_label = gettext_lazy("Letters")
    add_to_admin_menu = True
    menu_order = 260

    def get_urlpatterns(self):
        return [
            path("", index, name="index"),
            path("<int:pk>/", detail, name="detail"),
            path("export/", export, name="export"),
        ]

    def get_menu_item(self, order=None):
        from wagtail.admin.menu import MenuItem

        class LetterMenuItem(MenuItem):
            def is_shown(self, request):
                return access.is_letter_staff(request.user)

        return LetterMenuItem(self.menu_label, reverse("interaction_letters:index"), icon_name=self.icon,
                              order=order or self.menu_order)
