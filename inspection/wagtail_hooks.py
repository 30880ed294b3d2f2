from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import access, urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("inspection/", include(urls, namespace="inspection"))]


class InspectionMenuItem(MenuItem):
    def is_shown(self, request):
        return access.departments_for(request.user).exists()


@hooks.register("register_admin_viewset")
def register_word_lists():
    from .word_lists import WordListsGroup

    return WordListsGroup()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return InspectionMenuItem(_("Website inspection"), reverse("inspection:overview"), name="inspection",
                              icon_name="warning", order=850)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("inspection.warning_acknowledged", _("Sensitive word warning acknowledged"),
                            _("Sensitive word warning acknowledged"))
    actions.register_action("inspection.finding_acknowledged", _("Inspection finding acknowledged"),
                            _("Inspection finding acknowledged"))


@hooks.register("moderation_content_checks")
def sensitive_words_and_personal_data(page, *, user, stage, task_state=None):
    from .publish_checks import content_problems

    return content_problems(page, user=user, stage=stage, task_state=task_state)


@hooks.register("moderation_content_checks")
def no_empty_new_columns(page, *, user, stage, task_state=None):
    from .column_guard import problems

    return problems(page, user=user, stage=stage, task_state=task_state)


@hooks.register("check_page_form")
def no_empty_new_column_published(form, page, action, user):
    from .column_guard import form_check

    form_check(form, page, action, user)


@hooks.register("register_page_header_buttons")
def review_warnings_button(page, user, view_name, next_url=None):
    """On a page under review, the reviewer opens the 错敏词 check of the current step."""
    if view_name != "edit":
        return
    task_state = page.current_workflow_task_state
    if task_state is None or not task_state.task.specific.get_actions(page, user):
        return
    yield Button(_("Sensitive word check"), reverse("inspection:review", args=(task_state.pk,)), icon_name="warning",
                 priority=60)
