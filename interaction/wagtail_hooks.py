"""Letters in the admin (handling chain, letter types), audit labels, and what letters add to public pages."""
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from departments.models import Department
from workdays.calendar import add_workdays

from . import access
from .admin_views import LetterViewSet
from .models import Channel, Letter, LetterType
from .workflow import ACTIONS


class LetterTypeViewSet(ModelViewSet):
    model = LetterType
    icon = "tag"
    menu_label = _("Letter types")
    add_to_settings_menu = True
    list_display = ["name", "channel", "receiving_group", "default_department", "deadline_workdays",
                    "publish_replies", "active"]
    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("channel"), FieldPanel("receiving_group"),
              FieldPanel("default_department"), FieldPanel("deadline_workdays"), FieldPanel("publish_replies"),
              FieldPanel("external_url"), FieldPanel("active"), FieldPanel("sort_order")]


@hooks.register("register_admin_viewset")
def register_letter_viewsets():
    return [LetterViewSet(), LetterTypeViewSet("interaction_letter_types")]


@hooks.register("register_log_actions")
def register_letter_log_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action)(type("LetterLogFormatter", (_CommentFormatter,), {"label": label, "message": label}))


class _CommentFormatter(LogFormatter):
    """Label plus the handler's comment (and the department or reason) from the entry's data."""

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        parts = [str(data[k]) for k in ("department", "approving_role", "comment") if data.get(k)]
        return " · ".join(parts)


class LetterDashboardPanel(Component):
    """我的信件: open, due within a working day or so, overdue."""

    order = 90

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        today = timezone.localdate()
        mine = access.visible_letters(self.user, Letter.objects.open())
        heads = list(Department.objects.filter(head_group__user=self.user)) if not self.user.is_superuser else []
        draft_q = Q(department__in=heads, state="drafted")
        counts = {
            "open": mine.count(),
            "due_soon": mine.filter(due_date__gte=today, due_date__lte=add_workdays(today, 1)).count(),
            "overdue": mine.filter(due_date__lt=today).count(),
            "to_approve": mine.filter(draft_q).count() if heads else 0,
        }
        return render_to_string("interaction/admin/dashboard_panel.html", {
            "counts": counts, "index": reverse("interaction_letters:index")})


@hooks.register("construct_homepage_panels")
def add_letter_panel(request, panels):
    if access.is_letter_staff(request.user):
        panels.append(LetterDashboardPanel(request.user))


@hooks.register("site_footer_links")
def site_error_footer_link(request, page):
    if not LetterType.objects.filter(channel=Channel.SITE_ERROR, active=True).exists():
        return None
    return format_html('　<a class="report-error" href="{}">{}</a>', reverse("interaction:write", args=["site_error"]),
                       _("Report a website error"))


@hooks.register("column_page_extras")
def letter_column(request, page):
    """A column chosen as a letter column shows the write links and its published letters."""
    if not page:
        return None
    channels = letter_channels_for_column(page)
    if not channels:
        return None
    types = LetterType.objects.filter(channel__in=channels, active=True)
    seen, links = set(), []
    for t in types:
        if t.channel not in seen:
            seen.add(t.channel)
            links.append(t)
    letters = (Letter.objects.published().filter(letter_type__channel__in=channels)
               .select_related("letter_type", "reply_department").order_by("-replied_at")[:10])
    return render_to_string("interaction/includes/column_extras.html",
                            {"types": [_ChannelLink(t.channel) for t in links], "letters": letters}, request=request)


class _ChannelLink:
    def __init__(self, channel):
        self.channel = channel

    def __str__(self):
        return str(dict(Channel.choices)[self.channel])


def letter_channels_for_column(page):
    """Which channels a column offers, from settings ``LETTER_COLUMNS = {slug: [channel, ...]}``."""
    from django.conf import settings

    columns = getattr(settings, "LETTER_COLUMNS", {"zxzx": [Channel.CONSULTATION, Channel.MAILBOX]})
    return columns.get(getattr(page, "slug", ""), [])


@hooks.register("page_extras")
def policy_message_board(request, page):
    """The 政策留言板 under every policy document and interpretation: published Q&A and a link to the form."""
    from .views import policy_page_types

    if not page or getattr(page, "specific_class", None) is None:
        return None
    if page.specific_class._meta.label not in policy_page_types():
        return None
    letters = (Letter.objects.published().filter(page=page).select_related("reply_department")
               .order_by("-replied_at")[:5])
    return render_to_string("interaction/includes/policy_extras.html", {"page": page, "letters": letters},
                            request=request)


@hooks.register("register_audit_log_kinds")
def letters_in_audit_report():
    """Letters (and the logged exports of their personal data) in moderation's 审核记录."""
    from .models import LetterExport

    def url(entry):
        if entry.content_type.model_class() is Letter:
            return reverse("interaction_letters:detail", args=[entry.object_id])
        return None

    def departments(ids):
        ids = [int(i) for i in ids if str(i).isdigit()]
        return {str(pk): name or "" for pk, name in
                Letter.objects.filter(pk__in=ids).values_list("pk", "department__name")}

    return {
        "kind": "letter", "label": pgettext_lazy("audit kind", "Letter"), "models": [Letter, LetterExport], "url": url,
        "departments": departments,
        "objects_of_department": lambda department: Letter.objects.filter(
            Q(department=department) | Q(reply_department=department)),
    }


def _letter_shown_pages(letter):
    """Public pages that show a published letter: its policy page (政策留言板) and the letter columns."""
    from django.conf import settings
    from wagtail.models import Page

    pages = [letter.page] if letter.page_id else []
    columns = getattr(settings, "LETTER_COLUMNS", {"zxzx": [Channel.CONSULTATION, Channel.MAILBOX]})
    channel = letter.letter_type.channel if letter.letter_type_id else None
    slugs = [slug for slug, channels in columns.items() if channel in channels]
    if slugs:
        pages += list(Page.objects.filter(slug__in=slugs))
    return pages


def _letter_publication_touched(letter, update_fields):
    """Published letters, and saves that change whether one is published (unpublish, reopen).

    A citizen's new letter is never published, so submissions never purge the cache.
    """
    return letter.published or (update_fields is not None and "published" in update_fields)


def _register_page_cache_dependencies():
    from pagecache.api import register_dependency

    register_dependency(Letter, pages=_letter_shown_pages, when=_letter_publication_touched)
    register_dependency(LetterType, everything=True)  # the footer's 网站纠错 link depends on the types


_register_page_cache_dependencies()
