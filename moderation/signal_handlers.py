from wagtail.signals import task_submitted

from .models import DepartmentHeadTaskState
from .notifications import DepartmentHeadSubmissionNotifier

department_head_notifier = DepartmentHeadSubmissionNotifier()


def register():
    task_submitted.connect(
        department_head_notifier, sender=DepartmentHeadTaskState, dispatch_uid="moderation_department_head_submitted",
    )
