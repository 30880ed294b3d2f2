"""Public side: the application form, the status page and the 答复书 download.

Nothing of the applicant's personal data is ever rendered here; the status
page shows the request only after the right 申请编号 + 查询码, and a wrong
pair gets the same answer as an unknown number.
"""
import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.notifications import notify
from core.public_forms import guarded

from . import roles, services
from .forms import OnlineRequestForm, StatusForm
from .models import DisclosureRequest, ReceivedChannel, Status
from .reply_document import reply_response

SESSION_KEY = "disclosure_requests_seen"
NUMBER = re.compile(r"YSQ\d{9,15}")


@never_cache
@guarded("disclosure_requests", rate="5/10m")
def apply(request):
    if request.method == "POST":
        form = OnlineRequestForm(request.POST)
        if form.is_valid():
            item = form.save(commit=False)
            item.received_channel = ReceivedChannel.ONLINE
            item.received_date = timezone.localdate()
            code = services.register(item)
            _allow(request, item)
            notify(roles.DEFAULT_ROLES["handle"], "disclosure_requests/email/new_request",
                   {"item": item, "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")})
            return render(request, "disclosure_requests/submitted.html", {"item": item, "code": code,
                                                                           "page_title": _("Request received")})
    else:
        form = OnlineRequestForm()
    return render(request, "disclosure_requests/apply.html", {"form": form, "page_title": _("Apply for information")})


@never_cache
@guarded("disclosure_requests_status", rate="20/10m")
def status(request):
    item = None
    failed = False
    if request.method == "POST":
        form = StatusForm(request.POST)
        if form.is_valid():
            number = form.cleaned_data["number"].strip().upper()
            candidate = DisclosureRequest.objects.filter(number=number).first()
            if candidate and candidate.check_query_code(form.cleaned_data["code"]):
                item = candidate
                _allow(request, item)
            else:
                failed = True
    else:
        form = StatusForm()
    return render(request, "disclosure_requests/status.html", {
        "form": form, "item": item, "failed": failed, "page_title": _("Request status"),
        "clock": item.clock() if item else None,
        "reply_ready": bool(item and item.status == Status.CLOSED and item.answer_text),
    })


@never_cache
def download_reply(request, number, extension="docx"):
    allowed = request.session.get(SESSION_KEY, [])
    if not NUMBER.fullmatch(number):  # also keeps NUL and other junk away from PostgreSQL
        raise Http404
    item = DisclosureRequest.objects.filter(number=number).first()
    if item is None or item.pk not in allowed or item.status != Status.CLOSED or not item.answer_text:
        raise Http404
    return reply_response(item, extension)


def _allow(request, item):
    seen = request.session.get(SESSION_KEY, [])
    if item.pk not in seen:
        request.session[SESSION_KEY] = (seen + [item.pk])[-20:]
