"""Create or refresh the review workflows (idempotent).

Chains (seed 000 §五, seed 002 第四章):
  新闻中心  本部门负责人 → 宣教信息中心初审 → 宣传培训处复核终审
  政务公开  本部门负责人 → 宣教信息中心初审 → 办公室政务公开审核与保密复核 (保密审查表)
  其他版块  本部门负责人 → 宣教信息中心初审 → 宣传培训处终审
each followed by 分管局领导 → 主要领导 for important items only, and, for
column pages instead of items, 宣传培训处会签 → 分管局领导 (栏目维护).
"""
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from departments.models import ReviewRole

from .models import ConfidentialityReviewTask, DepartmentHeadTask, ReviewTask
from .models.tasks import Scope

NEWS_WORKFLOW = "新闻中心审核流程"
DISCLOSURE_WORKFLOW = "政务公开审核流程"
OTHER_WORKFLOW = "其他版块审核流程"

NEWS_SLUG = "xwzx"
DISCLOSURE_SLUG = "zwgk"
COUNTERSIGN_DEPARTMENT_HEADS = "宣传培训处负责人"


def _role_group(key):
    return ReviewRole.objects.select_related("group").get(key=key).group


def _task(model, name, groups=(), scope=Scope.ITEMS, only_important=False):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model(name=name)
    task.scope, task.only_important, task.active = scope, only_important, True
    task.save()
    if groups:
        task.groups.set(groups)
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    if not workflow.active:
        workflow.active = True
        workflow.save()
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != [t.pk for t in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


@transaction.atomic
def ensure_workflows():
    """Create the tasks and workflows and assign them to the page tree. Returns the workflows by name."""
    chushen = _role_group("chushen")
    zhongshen = _role_group("zhongshen")
    gongkai = _role_group("gongkai-baomi")
    fenguan = _role_group("fenguan-lingdao")
    zhuyao = _role_group("zhuyao-lingdao")
    countersign_groups = [zhongshen] + list(Group.objects.filter(name=COUNTERSIGN_DEPARTMENT_HEADS))

    head = _task(DepartmentHeadTask, "本部门负责人审核")
    first = _task(ReviewTask, "宣教信息中心初审", [chushen])
    news_final = _task(ReviewTask, "宣传培训处复核终审", [zhongshen])
    other_final = _task(ReviewTask, "宣传培训处终审", [zhongshen])
    disclosure = _task(ConfidentialityReviewTask, "办公室政务公开审核与保密复核", [gongkai])
    leader = _task(ReviewTask, "分管局领导审批（重要信息）", [fenguan], only_important=True)
    principal = _task(ReviewTask, "主要领导审批（重要信息）", [zhuyao], only_important=True)
    countersign = _task(ReviewTask, "宣传培训处会签（栏目维护）", countersign_groups, scope=Scope.COLUMNS)
    column_leader = _task(ReviewTask, "分管局领导审批（栏目维护）", [fenguan], scope=Scope.COLUMNS)

    tail = [leader, principal, countersign, column_leader]
    workflows = {
        NEWS_WORKFLOW: _workflow(NEWS_WORKFLOW, [head, first, news_final] + tail),
        DISCLOSURE_WORKFLOW: _workflow(DISCLOSURE_WORKFLOW, [head, first, disclosure] + tail),
        OTHER_WORKFLOW: _workflow(OTHER_WORKFLOW, [head, first, other_final] + tail),
    }
    _assign(workflows)
    return workflows


def _assign(workflows):
    from home.models import HomePage

    for home in HomePage.objects.all():
        # The home page carries the "other sections" chain, which covers the
        # other sections and the home-level columns (党建之窗, 安委会) and any
        # new top-level section; 新闻中心 and 政务公开 override it.
        _assign_one(home, workflows[OTHER_WORKFLOW])
        for slug, name in ((NEWS_SLUG, NEWS_WORKFLOW), (DISCLOSURE_SLUG, DISCLOSURE_WORKFLOW)):
            section = Page.objects.child_of(home).filter(slug=slug).first()
            if section is not None:
                _assign_one(section, workflows[name])


def _assign_one(page, workflow):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
