"""Groups, page permissions and the review workflow of the translated trees.

- English translators (英文版翻译) may edit the English tree but not publish it;
  they submit finished translations to the review workflow.
- Traditional Chinese proofreaders (繁体中文校对) may override converted
  segments and publish the Traditional tree directly: its content was already
  approved in Simplified Chinese.
- The English review workflow is a GroupApprovalTask for the final review
  role (宣传培训处终审复核 by default), assigned to each English home page, so it
  applies to the whole English tree whatever workflows the Chinese tree uses.
"""
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from . import conf

EN_TRANSLATORS_GROUP = "英文版翻译"
HANT_PROOFREADERS_GROUP = "繁体中文校对"


def home_pages(language_code):
    return Page.objects.filter(depth=2, locale__language_code=language_code, alias_of__isnull=True)


@transaction.atomic
def ensure_roles():
    """Idempotent: create the groups, permissions and workflow for the current trees."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    translators, _ = Group.objects.get_or_create(name=EN_TRANSLATORS_GROUP)
    proofreaders, _ = Group.objects.get_or_create(name=HANT_PROOFREADERS_GROUP)
    for group in (translators, proofreaders):
        group.permissions.add(admin_access)

    for code in conf.reviewed_languages():
        for home in home_pages(code):
            _grant(translators, home, ["add_page", "change_page"])
    for code in conf.machine_languages():
        for home in home_pages(code):
            _grant(proofreaders, home, ["change_page", "publish_page"])
    return ensure_review_workflow()


def ensure_review_workflow():
    reviewer_groups = list(Group.objects.filter(name__in=conf.get("REVIEW_GROUPS")))
    if not reviewer_groups:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=conf.get("REVIEW_WORKFLOW_NAME"), defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=conf.get("REVIEW_TASK_NAME")).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=conf.get("REVIEW_TASK_NAME"))
    task.groups.add(*reviewer_groups)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for code in conf.reviewed_languages():
        for home in home_pages(code):
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def _grant(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


ROLE_DESCRIPTIONS = {
    EN_TRANSLATORS_GROUP: _("Translate the English site; submit translations for final review."),
    HANT_PROOFREADERS_GROUP: _("Override converted Traditional Chinese text and publish it."),
}
