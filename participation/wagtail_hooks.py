"""Admin integration: the participation views, menu, audit actions, dashboard flags, 通知公告 cross-listing."""
from django.conf import settings
from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from core.audit import register_log_action
from core.pages import public

from . import admin_urls
from .models import Adoption, ConsultationPage, InterviewPage, SurveyPage
from .models.consultation import today
from .reminders import overdue_and_due_soon

NOTICE_COLUMN = "xwzx/gg"  # 新闻中心 › 公告 (通知公告)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("participation/", include(admin_urls, namespace="participation_admin"))]


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        from departments.models import Department

        user = request.user
        return user.is_superuser or Department.objects.for_user(user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ParticipationMenuItem(_("Public participation"), reverse("participation_admin:admin_index"),
                                 name="participation", icon_name="group", order=260)


@hooks.register("register_page_header_buttons")
def comments_button(page, user, view_name, next_url=None):
    from .access import can_handle

    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if isinstance(specific, (ConsultationPage, InterviewPage)) and can_handle(user, specific):
        yield Button(_("Comments"), reverse("participation_admin:comments", args=[page.pk]), icon_name="comment", priority=60)
    elif isinstance(specific, SurveyPage) and can_handle(user, specific):
        yield Button(_("Survey results"), reverse("participation_admin:survey_results", args=[page.pk]), icon_name="table", priority=60)


def _labelled(choices, value):
    return dict(choices).get(value, value or "")


def _register(actions, action, label, message):
    register_log_action(actions, action, label, message)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    _register(actions, 
        "participation.comment_received", _("Public comment received"),
        lambda data: _("Public comment %(id)s received (%(part)s), waiting for moderation")
        % {"id": data.get("comment"), "part": data.get("part") or _("Whole draft")},
    )
    _register(
        actions, "participation.comment_approved", _("Public comment approved"),
        lambda data: _("Public comment %(id)s approved for publication") % {"id": data.get("comment")},
    )
    _register(
        actions, "participation.comment_rejected", _("Public comment not published"),
        lambda data: _("Public comment %(id)s not published: %(note)s") % {"id": data.get("comment"), "note": data.get("note", "")},
    )
    _register(
        actions, "participation.comment_reopened", _("Public comment back to moderation"),
        lambda data: _("Public comment %(id)s put back to moderation") % {"id": data.get("comment")},
    )
    _register(
        actions, "participation.comment_marked", _("Adoption marked"),
        lambda data: _("Public comment %(id)s marked %(mark)s: %(reason)s") % {
            "id": data.get("comment"), "mark": _labelled(Adoption.choices, data.get("new")), "reason": data.get("reason", ""),
        },
    )
    _register(
        actions, "participation.comments_exported", _("Comments exported"),
        lambda data: _("Comments exported as %(format)s (%(rows)s rows)") % {"format": data.get("format"), "rows": data.get("rows")},
    )
    _register(
        actions, "participation.survey_exported", _("Survey answers exported"),
        lambda data: _("Survey answers exported as %(format)s (%(rows)s rows)") % {"format": data.get("format"), "rows": data.get("rows")},
    )
    _register(
        actions, "participation.feedback_generated", _("Feedback report drafted"),
        lambda data: _("Feedback report drafted from the adoption marks (%(total)s comments)") % {"total": data.get("total")},
    )
    _register(
        actions, "participation.feedback_reminder", _("Feedback reminder sent"),
        lambda data: _("Feedback reminder (%(kind)s, due %(due)s) sent to %(sent)s people") % {
            "kind": _("overdue") if data.get("kind") == "overdue" else _("due soon"), "due": data.get("due"), "sent": data.get("sent"),
        },
    )


class FeedbackDuePanel(Component):
    name = "participation_feedback_due"
    order = 90
    template_name = "participation/admin/dashboard_panel.html"

    def __init__(self, flags):
        self.flags = flags

    def get_context_data(self, parent_context):
        return {"flags": self.flags}


@hooks.register("construct_homepage_panels")
def add_feedback_due_panel(request, panels):
    flags = overdue_and_due_soon(request.user)
    if flags:
        panels.append(FeedbackDuePanel(flags))


def _notice_column_path():
    return getattr(settings, "PARTICIPATION_NOTICE_COLUMN", NOTICE_COLUMN)


@hooks.register("column_cross_listings")
def open_consultations_in_notices(column):
    """While a consultation is open it is also listed in 通知公告 (seed 002 第十七条)."""
    if column.url_path.strip("/").split("/")[1:] != _notice_column_path().strip("/").split("/"):
        return None
    day = today()
    ids = (public(ConsultationPage.objects.live()).filter(locale_id=column.locale_id)
           .filter(start_date__lte=day, end_date__gte=day).values("pk"))
    return Q(pk__in=ids)




@hooks.register("page_extras")
def consultation_behind_the_document(request, page):
    """On the final document (e.g. a policy document): the consultation it came from and its feedback."""
    from django.template.loader import render_to_string

    if not page or not getattr(page, "pk", None):
        return None
    consultations = list(public(ConsultationPage.objects.live()).filter(final_document=page).order_by("-end_date"))
    if not consultations:
        return None
    return render_to_string("participation/includes/final_document_extras.html",
                            {"consultations": consultations}, request=request)


@hooks.register("pagecache_related_pages")
def final_document_shows_the_consultation(page):
    """Publishing a consultation or its feedback changes the final document's page (its link back): purge it too."""
    from .models import FeedbackPage

    consultation = page
    if isinstance(page, FeedbackPage):
        consultation = page.get_parent().specific
    if isinstance(consultation, ConsultationPage) and consultation.final_document_id:
        return [consultation.final_document], []
    return [], []
