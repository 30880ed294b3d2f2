"""Moderation models: workflow tasks, the confidentiality review form, removals and corrections."""
from .confidentiality import ConfidentialityReview
from .corrections import CorrectionNote
from .removal import RemovalRequest
from .tasks import ConfidentialityReviewTask, DepartmentHeadTask, DepartmentHeadTaskState, ReviewTask

__all__ = [
    "ConfidentialityReview",
    "ConfidentialityReviewTask",
    "CorrectionNote",
    "RemovalRequest",
    "DepartmentHeadTask",
    "DepartmentHeadTaskState",
    "ReviewTask",
]
