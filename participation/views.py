"""Public forms of the participation pages, on their own URLs (a page with a CAPTCHA must not be cached)."""
import secrets

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log
from wagtail.models import Page

from core.public_forms import client_ip, guarded

from .forms import CommentForm, SurveyForm
from .models import ConsultationPage, InterviewPage, ParticipationComment, State, SurveyAnswer, SurveyPage, SurveyResponse

SURVEY_COOKIE = "participation_survey_{pk}"
SURVEY_COOKIE_SALT = "participation.survey"
SURVEY_COOKIE_AGE = 3 * 365 * 24 * 3600


def _live_page(page_id, types):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not isinstance(page, types):
        raise Http404
    return page


def _comment_closed_message(page):
    if isinstance(page, ConsultationPage):
        if not page.accepts_online:
            return _("This consultation does not take comments through the online form.")
        if page.state() == State.NOT_STARTED:
            return _("The consultation has not opened yet. Comments are taken from %(date)s.") % {"date": page.start_date}
        if not page.is_open():
            return _("The consultation closed on %(date)s. Comments are no longer taken.") % {"date": page.end_date}
        return None
    if not page.is_open():
        return _("Questions for this interview are not being collected.")
    return None


@never_cache
@guarded("participation-comments", rate="5/10m")
def comment(request, page_id):
    page = _live_page(page_id, (ConsultationPage, InterviewPage))
    closed = _comment_closed_message(page)
    is_consultation = isinstance(page, ConsultationPage)
    parts = page.parts if is_consultation else ()
    context = {"page": page, "is_consultation": is_consultation}
    if closed:
        return render(request, "participation/comment_form.html", {**context, "closed": closed},
                      status=403 if request.method == "POST" else 200)
    initial = {}
    if request.method != "POST":
        try:
            initial["part"] = int(request.GET.get("part", ""))
        except ValueError:
            pass
    label = None if is_consultation else _("Your question")
    form = CommentForm(request.POST or None, parts=parts, part_field_label=label, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        number = data.get("part") or None
        with transaction.atomic():
            item = ParticipationComment.objects.create(
                page=page, part_number=number, part_label=form.parts[number].label if number else "",
                body=data["body"].strip(), name=data["name"].strip(), phone=data.get("phone", ""),
                email=data.get("email", ""), client_address=client_ip(request) or None,
            )
            log(page, "participation.comment_received", data={"comment": item.pk, "part": item.part_label})
        return render(request, "participation/comment_thanks.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "participation/comment_form.html", {**context, "form": form}, status=status)


def _answered(request, survey):
    token = request.get_signed_cookie(SURVEY_COOKIE.format(pk=survey.pk), default=None, salt=SURVEY_COOKIE_SALT)
    return bool(token) and SurveyResponse.objects.filter(survey=survey, token=token).exists()


@never_cache
@guarded("participation-surveys", rate="10/h")
def survey(request, page_id):
    page = _live_page(page_id, SurveyPage)
    context = {"page": page}
    if not page.is_open():
        message = _("The survey has closed.") if page.is_closed else _("The survey has not opened yet.")
        return render(request, "participation/survey_form.html", {**context, "closed": message},
                      status=403 if request.method == "POST" else 200)
    if _answered(request, page):
        return render(request, "participation/survey_form.html",
                      {**context, "closed": _("You have already answered this survey. Thank you.")},
                      status=403 if request.method == "POST" else 200)
    form = SurveyForm(request.POST or None, survey=page)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_hex(16)
        try:
            with transaction.atomic():
                response = SurveyResponse.objects.create(
                    survey=page, token=token, phone=form.cleaned_data.get("phone", ""),
                    client_address=client_ip(request) or None,
                )
                SurveyAnswer.objects.bulk_create([
                    SurveyAnswer(response=response, question=q, choices=choices, text=text)
                    for q, choices, text in form.answers()
                ])
        except IntegrityError:
            form.add_error("phone", _("This mobile number has already answered the survey."))
        else:
            reply = render(request, "participation/survey_thanks.html", context)
            reply.set_signed_cookie(SURVEY_COOKIE.format(pk=page.pk), token, salt=SURVEY_COOKIE_SALT,
                                    max_age=SURVEY_COOKIE_AGE, httponly=True, samesite="Lax")
            return reply
    status = 400 if request.method == "POST" else 200
    return render(request, "participation/survey_form.html", {**context, "form": form}, status=status)
