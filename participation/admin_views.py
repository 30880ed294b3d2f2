"""Staff views: comments grouped by article, moderation, adoption marks, exports, feedback, survey results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from core.spreadsheets import csv_response, xlsx_response

from .access import can_handle, can_see_personal
from .feedback import generate_feedback_draft
from .forms import MarkForm, ModerateForm
from .models import (
    Adoption, CommentStatus, ConsultationPage, InterviewPage, ParticipationComment, SurveyPage, SurveyResponse,
)
from .reminders import overdue_and_due_soon


def _page(page_id, user, types=(ConsultationPage, InterviewPage)):
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not isinstance(page, types):
        raise Http404
    if not can_handle(user, page):
        raise PermissionDenied
    return page


def index(request):
    pages = [p for p in Page.objects.type(ConsultationPage, InterviewPage, SurveyPage).specific().order_by("-pk")
             if can_handle(request.user, p)]
    if not pages and not request.user.is_superuser:
        raise PermissionDenied
    pending = {}
    for row in ParticipationComment.objects.filter(status=CommentStatus.PENDING, page__in=[p.pk for p in pages]).values("page_id"):
        pending[row["page_id"]] = pending.get(row["page_id"], 0) + 1
    rows = [(p, pending.get(p.pk, 0)) for p in pages]
    return render(request, "participation/admin/index.html", {
        "rows": rows, "flags": overdue_and_due_soon(request.user), "page_title": _("Public participation"),
    })


def comments(request, page_id):
    page = _page(page_id, request.user)
    status = request.GET.get("status", "")
    qs = ParticipationComment.objects.filter(page=page).order_by("part_number", "created_at", "pk")
    if status in CommentStatus.values:
        qs = qs.filter(status=status)
    groups = {}
    for c in qs:
        groups.setdefault(c.part_number or 0, (c.part_label or _("Whole draft"), []))[1].append(c)
    return render(request, "participation/admin/comments.html", {
        "page": page, "groups": [groups[k] for k in sorted(groups)], "status": status,
        "statuses": CommentStatus.choices, "show_personal": can_see_personal(request.user, page, ParticipationComment),
        "moderate_form": ModerateForm(), "mark_form": MarkForm(), "is_consultation": isinstance(page, ConsultationPage),
        "page_title": _("Comments"),
    })


def _comment_for_post(request, comment_id):
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    comment = get_object_or_404(ParticipationComment, pk=comment_id)
    page = _page(comment.page_id, request.user)
    return (comment, page), None


def moderate(request, comment_id):
    found, refusal = _comment_for_post(request, comment_id)
    if refusal:
        return refusal
    comment, page = found
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The moderation decision was not understood; nothing was changed."))
        return redirect("participation_admin:comments", page.pk)
    with transaction.atomic():
        old = comment.status
        comment.status = form.cleaned_data["status"]
        comment.moderation_note = form.cleaned_data["note"]
        comment.moderated_by, comment.moderated_at = request.user, timezone.now()
        comment.save(update_fields=["status", "moderation_note", "moderated_by", "moderated_at"])
        action = {CommentStatus.APPROVED: "participation.comment_approved",
                  CommentStatus.REJECTED: "participation.comment_rejected"}.get(comment.status, "participation.comment_reopened")
        log(page, action, user=request.user, data={"comment": comment.pk, "part": comment.part_label, "old": old,
                                                   "note": comment.moderation_note})
    messages.success(request, _("Comment %(id)s: %(status)s.") % {"id": comment.pk, "status": comment.get_status_display()})
    return redirect(reverse("participation_admin:comments", args=[page.pk]) + f"#comment-{comment.pk}")


def mark(request, comment_id):
    found, refusal = _comment_for_post(request, comment_id)
    if refusal:
        return refusal
    comment, page = found
    if not isinstance(page, ConsultationPage):
        raise Http404
    form = MarkForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) or [_("Choose 采纳, 部分采纳 or 不予采纳.")]:
            messages.error(request, error)
        return redirect(reverse("participation_admin:comments", args=[page.pk]) + f"#comment-{comment.pk}")
    with transaction.atomic():
        old = comment.adoption
        comment.adoption = form.cleaned_data["adoption"]
        comment.adoption_reason = form.cleaned_data["reason"].strip()
        comment.marked_by, comment.marked_at = request.user, timezone.now()
        comment.save(update_fields=["adoption", "adoption_reason", "marked_by", "marked_at"])
        log(page, "participation.comment_marked", user=request.user, data={
            "comment": comment.pk, "part": comment.part_label, "old": old, "new": comment.adoption,
            "reason": comment.adoption_reason,
        })
    messages.success(request, _("Comment %(id)s marked: %(mark)s.") % {"id": comment.pk, "mark": comment.get_adoption_display()})
    return redirect(reverse("participation_admin:comments", args=[page.pk]) + f"#comment-{comment.pk}")


def _comment_rows(page, personal):
    header = [_("No."), _("Article or paragraph"), _("Comment"), _("Received at"), _("Moderation"), _("Adoption"), _("Reason")]
    if personal:
        header += [_("Name"), _("Phone"), _("E-mail")]
    rows = [header]
    for c in ParticipationComment.objects.filter(page=page).order_by("part_number", "created_at", "pk"):
        row = [c.pk, str(c.target_label), c.body, timezone.localtime(c.created_at).strftime("%Y-%m-%d %H:%M"),
               c.get_status_display(), c.get_adoption_display() if c.adoption else "", c.adoption_reason]
        if personal:
            row += [c.name, c.phone, c.email]
        rows.append(row)
    return rows


def export(request, page_id, fmt):
    page = _page(page_id, request.user)
    rows = _comment_rows(page, can_see_personal(request.user, page, ParticipationComment))
    log(page, "participation.comments_exported", user=request.user, data={"format": fmt, "rows": len(rows) - 1})
    return _spreadsheet(rows, fmt, f"comments-{page.pk}")


def _spreadsheet(rows, fmt, name):
    if fmt == "csv":
        return csv_response(rows, f"{name}.csv")
    if fmt == "xlsx":
        return xlsx_response(rows, f"{name}.xlsx")
    raise Http404


def feedback(request, page_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = _page(page_id, request.user, types=(ConsultationPage,))
    if page.is_open() or page.state() == "not_started":
        messages.error(request, _("Feedback can be written only after the consultation has closed."))
        return redirect("participation_admin:comments", page.pk)
    if not ParticipationComment.objects.filter(page=page).exclude(adoption=Adoption.NONE).exists() and \
            ParticipationComment.objects.filter(page=page).exists():
        messages.warning(request, _("No comment is marked yet; the report lists only the counts."))
    feedback_page, _revision = generate_feedback_draft(page, request.user)
    messages.success(request, _("The feedback report draft has been written from the marks. Check it and submit it for review."))
    return redirect("wagtailadmin_pages:edit", feedback_page.pk)


def survey_results(request, page_id):
    page = _page(page_id, request.user, types=(SurveyPage,))
    return render(request, "participation/admin/survey_results.html", {
        "page": page, "results": page.results(), "count": page.responses.count(), "page_title": _("Survey results"),
    })


def survey_export(request, page_id, fmt):
    page = _page(page_id, request.user, types=(SurveyPage,))
    personal = can_see_personal(request.user, page, SurveyResponse)
    questions = list(page.questions.all())
    header = [_("No."), _("Answered at")] + ([_("Mobile number")] if personal else []) + [q.text for q in questions]
    rows = [header]
    for response in page.responses.prefetch_related("answers").order_by("pk"):
        answers = {a.question_id: a for a in response.answers.all()}
        row = [response.pk, timezone.localtime(response.created_at).strftime("%Y-%m-%d %H:%M")]
        if personal:
            row.append(response.phone)
        for q in questions:
            a = answers.get(q.pk)
            if a is None:
                row.append("")
            elif a.text:
                row.append(a.text)
            else:
                choices = q.choice_list
                row.append("；".join(choices[i] for i in a.choices if 0 <= i < len(choices)))
        rows.append(row)
    log(page, "participation.survey_exported", user=request.user, data={"format": fmt, "rows": len(rows) - 1})
    return _spreadsheet(rows, fmt, f"survey-{page.pk}")
