"""Moderation models: workflow tasks, the confidentiality review form, removals and corrections."""
from .confidentiality import ConfidentialityReview
from .tasks import ConfidentialityReviewTask, DepartmentHeadTask, DepartmentHeadTaskState, ReviewTask

__all__ = [
    "ConfidentialityReview",
    "ConfidentialityReviewTask",
    "DepartmentHeadTask",
    "DepartmentHeadTaskState",
    "ReviewTask",
]
