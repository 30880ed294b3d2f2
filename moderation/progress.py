"""The review progress shows only the steps of the page's own chain.

Each section has one workflow holding the item chain, the important-item
steps and the column-maintenance (栏目维护) steps; steps that do not apply to a
page are skipped when reached (``ConditionalTaskMixin``). Wagtail draws the
progress from ``WorkflowState.all_tasks_with_status()`` (dashboard 待审核 dots,
workflow history, the workflow report, the lock message) and
``all_tasks_with_state()`` (the editor's 审核进度 timeline), which list every task
of the workflow, so an ordinary news item showed seven steps including 会签 and
分管局领导审批（栏目维护）.

Wagtail has no hook for this list and creates the ``WorkflowState`` objects
itself, so ``install()`` wraps those two methods once at start-up: a step is left
out when it was skipped, or when it has not started and its conditions (scope,
only important items) say it will be skipped for this page. The audit log keeps
recording the importance skips; this only changes what the progress draws.
"""
from wagtail.models import Task, TaskState, WorkflowState

from .models.tasks import ConditionalTaskMixin
from .pages import page_of


def applicable_steps(workflow_state, tasks, status_of):
    page = page_of(workflow_state)
    if page is None or not tasks:
        return tasks
    specific = {task.pk: task for task in Task.objects.filter(pk__in=[t.pk for t in tasks]).specific()}
    steps = []
    for task in tasks:
        status = status_of(task)
        if status == TaskState.STATUS_SKIPPED:
            continue
        condition = specific.get(task.pk)
        if status is None and isinstance(condition, ConditionalTaskMixin) and condition.skip_reason(page) is not None:
            continue
        steps.append(task)
    return steps


def install():
    if getattr(WorkflowState.all_tasks_with_status, "applicable_steps_only", False):
        return
    all_tasks_with_status = WorkflowState.all_tasks_with_status
    all_tasks_with_state = WorkflowState.all_tasks_with_state

    def with_status(self):
        return applicable_steps(self, all_tasks_with_status(self), lambda task: task.status)

    def with_state(self):
        return applicable_steps(
            self, all_tasks_with_state(self), lambda task: task.task_state.status if task.task_state else None,
        )

    for method, original in ((with_status, all_tasks_with_status), (with_state, all_tasks_with_state)):
        method.__doc__ = f"{original.__doc__ or ''}\n(Only the steps that apply to the page: moderation.progress.)"
        method.applicable_steps_only = True
    WorkflowState.all_tasks_with_status = with_status
    WorkflowState.all_tasks_with_state = with_state
