"""Email the next reviewer when a department head step starts (Wagtail covers its group steps)."""
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from .models import DepartmentHeadTask


class DepartmentHeadSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance.task.specific, DepartmentHeadTask)

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"

    def get_recipient_users(self, task_state, **kwargs):
        triggering_user = kwargs.get("user")
        recipients = task_state.task.specific.approvers(task_state)
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients
