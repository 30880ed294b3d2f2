"""Public side of letters: write, confirmation, 信件查询, 公开信件, statistics, 政策留言板.

Forms live on their own URLs (never inside a cached Wagtail page), because a
CAPTCHA creates a row per rendering. Personal data is never put in a public
template context: listings get ``public_name`` (masked) and nothing else.
"""
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from core.public_forms import guarded

from . import statistics, workflow
from .forms import LetterForm, QueryForm, RatingForm
from .models import Channel, Letter, LetterType, State

SESSION_KEY = "interaction_letter_receipt"
POLICY_PAGE_TYPES = ("policy.PolicyDocumentPage", "policy.InterpretationPage")


def policy_page_types():
    return tuple(getattr(settings, "LETTER_POLICY_PAGE_TYPES", POLICY_PAGE_TYPES))


def policy_page(page_id):
    """The live policy document or interpretation a policy message is about, or None."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id < 2**31:
        return None
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or page.specific_class is None:
        return None
    if page.specific_class._meta.label not in policy_page_types():
        return None
    return page.specific


def _channel_or_404(channel):
    if channel not in Channel.values:
        raise Http404
    return channel


def index(request):
    types = LetterType.objects.filter(active=True).exclude(channel=Channel.POLICY)
    channels = []
    for value, label in Channel.choices:
        if value == Channel.POLICY:
            continue
        of_channel = [t for t in types if t.channel == value]
        if of_channel:
            channels.append({"value": value, "label": label, "types": of_channel})
    return render(request, "interaction/index.html", {"page_title": _("Public interaction"), "channels": channels})


@never_cache
@guarded("letters", rate="5/10m")
def write(request, channel):
    channel = _channel_or_404(channel)
    types = list(LetterType.objects.filter(channel=channel, active=True).select_related("default_department"))
    if not types:
        raise Http404
    external = [t.external_url for t in types if t.external_url]
    if len(external) == len(types):
        return redirect(external[0])  # the column stays a 链接跳转 to the unified platform
    types = [t for t in types if not t.external_url]
    page = None
    if channel == Channel.POLICY:
        page = policy_page(request.GET.get("page") or request.POST.get("page"))
        if page is None:
            raise Http404
    form = LetterForm(request.POST or None, letter_types=types)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        letter, code = workflow.submit(
            data["letter_type"], title=data["title"], body=data["body"], name=data["name"],
            phone=data["phone"], email=data["email"], allow_publish=data["allow_publish"], page=page,
        )
        request.session[SESSION_KEY] = {"number": letter.number, "code": code, "pk": letter.pk}
        return redirect("interaction:done")
    return render(request, "interaction/write.html", {
        "page_title": dict(Channel.choices)[channel], "form": form, "channel": channel, "policy_page": page,
        "letter_types": types,
    }, status=400 if request.method == "POST" else 200)


@never_cache
def done(request):
    receipt = request.session.pop(SESSION_KEY, None)
    if not receipt:
        return redirect("interaction:query")
    letter = Letter.objects.select_related("letter_type").filter(pk=receipt["pk"]).first()
    if letter is None:
        return redirect("interaction:query")
    return render(request, "interaction/done.html", {
        "page_title": _("Letter received"), "number": receipt["number"], "code": receipt["code"], "letter": letter,
    })


def _find(number, code):
    """The letter for a number and its code, or None: a wrong code and an unknown number look the same."""
    letter = Letter.objects.select_related("letter_type", "reply_department", "department").filter(
        number=number).first()
    if letter is None:
        Letter.hash_query_code(code)  # same work as a real check
        return None
    return letter if letter.check_query_code(code) else None


@never_cache
@guarded("letters-query", rate="10/10m")
def query(request):
    """信件查询: POST number + 查询码 (never in the address, so never in logs or history)."""
    letter, not_found, rated = None, False, False
    if request.method == "POST" and request.POST.get("rating"):
        form = RatingForm(request.POST)
        if form.is_valid():
            letter = _find(form.cleaned_data["number"], form.cleaned_data["code"])
            if letter is not None:
                try:
                    letter = workflow.rate(letter, form.cleaned_data["rating"])
                    rated = True
                except workflow.InvalidStep:
                    pass
            else:
                not_found = True
        form = QueryForm(initial={"number": request.POST.get("number", "")[:20]})
    else:
        form = QueryForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            letter = _find(form.cleaned_data["number"], form.cleaned_data["code"])
            not_found = letter is None
    context = {"page_title": _("Letter enquiry"), "form": form, "letter": letter, "not_found": not_found,
               "rated": rated}
    if letter is not None:
        from .deadlines import clock_state

        context["steps"] = [s.text for s in clock_state(letter).steps]
        context["code"] = request.POST.get("code", "")[:20]
        context["rating_form"] = RatingForm(initial={"number": letter.number}) if (
            letter.state == State.REPLIED and letter.rating is None) else None
    return render(request, "interaction/query.html", context, status=404 if not_found else 200)


def public_list(request):
    letters = Letter.objects.published().select_related("letter_type", "reply_department").order_by("-replied_at")
    channel = request.GET.get("channel", "")
    if channel in Channel.values:
        letters = letters.filter(letter_type__channel=channel)
    else:
        channel = ""
    paginator = Paginator(letters, 20)
    page_obj = paginator.get_page(request.GET.get("p") if str(request.GET.get("p", "")).isdigit() else 1)
    return render(request, "interaction/public_list.html", {
        "page_title": _("Published letters"), "page_obj": page_obj, "letters": page_obj.object_list,
        "channels": Channel.choices, "channel": channel,
    })


def public_detail(request, number):
    letter = get_object_or_404(Letter.objects.published().select_related("letter_type", "reply_department"),
                               number=number[:20])
    return render(request, "interaction/public_detail.html", {"page_title": letter.title, "letter": letter})


def stats(request):
    today = timezone.localdate()
    month = statistics.parse_month(request.GET.get("month", ""), today)
    report = statistics.monthly(month)
    return render(request, "interaction/stats.html", {
        "page_title": _("Letter statistics"), "report": report, "month": month,
        "months": statistics.recent_months(today, 12),
    })


def policy_board(request, page_id):
    """政策留言板 of one policy page: its published messages and the link to write one."""
    page = policy_page(page_id)
    if page is None:
        raise Http404
    letters = Letter.objects.published().filter(page=page).select_related("reply_department").order_by("-replied_at")
    return render(request, "interaction/policy_board.html", {
        "page_title": _("Policy message board"), "policy_page": page, "letters": letters[:50],
    })
