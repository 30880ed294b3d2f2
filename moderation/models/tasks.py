"""Workflow tasks for the review chains (审核流程).

Wagtail's GroupApprovalTask is extended with two conditions — which page
types the step applies to (items or columns) and whether it applies only to
important items — so one workflow per section holds both the content chain
and the column-maintenance chain, and steps that do not apply are skipped
(and the skip is logged) instead of waiting for a reviewer.
"""
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState
from wagtail.signals import task_submitted

from ..pages import is_column_page, is_important, page_of, responsible_department


class Scope(models.TextChoices):
    ITEMS = "items", _("Content items")
    COLUMNS = "columns", _("Columns (column maintenance)")
    ALL = "all", _("All pages")


class ConditionalTaskMixin(models.Model):
    scope = models.CharField(
        _("applies to"), max_length=10, choices=Scope.choices, default=Scope.ITEMS,
        help_text=_("Pages of other kinds skip this step."),
    )
    only_important = models.BooleanField(
        _("only important items"), default=False,
        help_text=_("Only items marked as important government or public service information need this step."),
    )

    class Meta:
        abstract = True

    def skip_reason(self, page):
        """Why this step does not apply to the page, or None when it does."""
        if page is None:
            return None
        column = is_column_page(page)
        if self.scope == Scope.ITEMS and column:
            return "column"
        if self.scope == Scope.COLUMNS and not column:
            return "item"
        if self.only_important and not is_important(page):
            return "not_important"
        return None

    def start(self, workflow_state, user=None):
        page = page_of(workflow_state)
        reason = self.skip_reason(page)
        if reason is None:
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.revision = workflow_state.content_object.get_latest_revision()
        task_state.task = self
        task_state.finished_at = timezone.now()
        task_state.save()
        if reason == "not_important":
            # Only the importance skip is a decision worth recording; a step for
            # another kind of page is simply not part of this page's chain.
            log(
                instance=page.specific,
                action="moderation.step_skipped",
                user=user,
                revision=task_state.revision,
                data={"task": {"id": self.pk, "title": self.name}, "reason": reason},
            )
        return task_state


class ModerationTaskMixin:
    """Refuse actions on task states that are not the page's current, in-progress step."""

    @staticmethod
    def check_task_state(task_state):
        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.status != workflow_state.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            raise PermissionDenied(_("This review step is no longer awaiting a decision."))

    @staticmethod
    def check_content(task_state, user, action_name):
        """At each approval the registered content checks (错敏词, personal data …) run again."""
        if action_name == "approve":
            from ..content_checks import check_approval

            check_approval(task_state, user)

    # Four-eyes review (issue 18, item 4): nobody decides a step of their own
    # submission, superusers included. The step stays in the queue of the
    # role's other members (get_task_states_user_can_moderate leaves it out
    # for the submitter); a direct attempt is refused with this message.
    own_submission_message = _("You submitted this item: another member of the role must review it.")

    @staticmethod
    def submitter_id(obj):
        workflow_state = getattr(obj, "workflow_state", None) or getattr(obj, "current_workflow_state", None)
        return getattr(workflow_state, "requested_by_id", None)

    def check_not_own_submission(self, task_state, user):
        if user is not None and self.submitter_id(task_state) == user.pk:
            raise PermissionDenied(self.own_submission_message)

    def without_own_submissions(self, states, user):
        return states.exclude(workflow_state__requested_by=user)

    def actions_for(self, obj, user, actions):
        return [] if user is not None and self.submitter_id(obj) == user.pk else actions


class ReviewTask(ModerationTaskMixin, ConditionalTaskMixin, AbstractGroupApprovalTask):
    """A review step approved by members of the chosen groups (初审, 终审, 分管局领导 …)."""

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["scope", "only_important"]

    def get_actions(self, obj, user):
        return self.actions_for(obj, user, super().get_actions(obj, user))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return self.without_own_submissions(super().get_task_states_user_can_moderate(user, **kwargs), user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_task_state(task_state)
        self.check_not_own_submission(task_state, user)
        self.check_content(task_state, user, action_name)
        comment = str(kwargs.get("comment", "") or "")[:5000]
        if action_name == "approve":
            task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            task_state.reject(user=user, comment=comment)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups review this step; it can be limited to items or columns and to important items.")

    class Meta:
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")


class DepartmentHeadTaskState(TaskState):
    department = models.ForeignKey(
        "departments.Department", verbose_name=_("department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("department head review state")
        verbose_name_plural = _("department head review states")


class DepartmentHeadTask(ModerationTaskMixin, ConditionalTaskMixin, Task):
    """本部门负责人审核: approved only by heads of the page's own responsible department.

    The department is fixed when the step starts (and stored on the task
    state), so the queue of each head is one query.
    """

    task_state_class = DepartmentHeadTaskState
    admin_form_fields = Task.admin_form_fields + ["scope", "only_important"]

    def start(self, workflow_state, user=None):
        page = page_of(workflow_state)
        if self.skip_reason(page) is not None:
            return super().start(workflow_state, user=user)
        task_state = DepartmentHeadTaskState(
            workflow_state=workflow_state,
            status=TaskState.STATUS_IN_PROGRESS,
            revision=workflow_state.content_object.get_latest_revision(),
            task=self,
            department=responsible_department(page, workflow_state.requested_by) if page else None,
        )
        task_state.save()
        task_submitted.send(sender=DepartmentHeadTaskState, instance=task_state, user=user)
        return task_state

    def _department_for(self, obj):
        task_state = obj.current_workflow_task_state if hasattr(obj, "current_workflow_task_state") else None
        if task_state is not None and task_state.task_id == self.pk:
            return task_state.specific.department
        return None

    def is_head(self, user, department):
        if user.is_superuser:
            return True
        if department is None or department.head_group_id is None:
            return False
        return user.groups.filter(pk=department.head_group_id).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_head(user, self._department_for(obj))

    def locked_for_user(self, obj, user):
        return not self.is_head(user, self._department_for(obj))

    def user_can_lock(self, obj, user):
        return self.is_head(user, self._department_for(obj))

    def get_actions(self, obj, user):
        if self.is_head(user, self._department_for(obj)) and self.submitter_id(obj) != user.pk:
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_task_state(task_state)
        if not self.is_head(user, task_state.specific.department):
            raise PermissionDenied(_("Only a head of the responsible department may decide this step."))
        self.check_not_own_submission(task_state, user)
        self.check_content(task_state, user, action_name)
        comment = str(kwargs.get("comment", "") or "")[:5000]
        if action_name == "approve":
            task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            task_state.reject(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.without_own_submissions(
            DepartmentHeadTaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS), user
        )
        if user.is_superuser:
            return TaskState.objects.filter(pk__in=states.values("pk"))
        return TaskState.objects.filter(
            pk__in=states.filter(department__head_group__in=user.groups.all()).values("pk")
        )

    def approvers(self, task_state):
        department = task_state.specific.department
        if department is None or department.head_group_id is None:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(groups=department.head_group_id, is_active=True).exclude(
            pk=self.submitter_id(task_state)
        )

    @classmethod
    def get_description(cls):
        return _("Heads of the page's own responsible department review this step.")

    class Meta:
        verbose_name = _("department head review")
        verbose_name_plural = _("department head reviews")


class ConfidentialityReviewTask(ModerationTaskMixin, ConditionalTaskMixin, AbstractGroupApprovalTask):
    """政务公开审核与保密复核: approval requires the 信息发布保密审查表."""

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["scope", "only_important"]

    def get_actions(self, obj, user):
        if (user.is_superuser or self._user_in_groups(user)) and self.submitter_id(obj) != user.pk:
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve with confidentiality review form"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return self.without_own_submissions(super().get_task_states_user_can_moderate(user, **kwargs), user)

    def get_form_for_action(self, action):
        if action == "approve":
            from ..forms import ConfidentialityReviewForm

            return ConfidentialityReviewForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from ..forms import ConfidentialityReviewForm
        from .confidentiality import ConfidentialityReview

        self.check_task_state(task_state)
        self.check_not_own_submission(task_state, user)
        if action_name == "reject":
            task_state.reject(user=user, comment=str(kwargs.get("comment", "") or "")[:5000])
            return
        if action_name != "approve":
            return
        self.check_content(task_state, user, action_name)
        # The data may come from the modal (already validated) or straight from
        # the edit form's hidden field: validate it here either way.
        form = ConfidentialityReviewForm(data={k: _as_form_value(v) for k, v in kwargs.items()})
        if not form.is_valid():
            raise PermissionDenied(_("The confidentiality review form is incomplete or inconsistent."))
        answers = {k: v for k, v in form.cleaned_data.items() if k != "comment"}
        # The form is built without the request (Wagtail's workflow action view), so an empty 审查人 is
        # filled here with the reviewer's own name, as a person signing the paper form would.
        answers["reviewer_name"] = answers["reviewer_name"].strip() or (user.get_full_name() or user.get_username())[:100]
        review = ConfidentialityReview.objects.create(
            task_state=task_state, revision=task_state.revision, page=task_state.revision.as_object(),
            reviewed_by=user, **answers,
        )
        page = task_state.revision.as_object()
        log(
            instance=page,
            action="moderation.confidentiality_review",
            user=user,
            revision=task_state.revision,
            data={"review_id": review.pk, "conclusion": review.conclusion, "reviewer": review.reviewer_name},
        )
        task_state.approve(user=user, comment=form.cleaned_data.get("comment", ""))

    @classmethod
    def get_description(cls):
        return _("Approval requires the information release confidentiality review form.")

    class Meta:
        verbose_name = _("confidentiality review")
        verbose_name_plural = _("confidentiality reviews")


def _as_form_value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
