"""What happens when a review chain completes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Reviewers hold no publish permission of their own — only a completed workflow
publishes — so the approved revision is published on the workflow's authority,
recorded under the user who gave the last approval.
"""


def publish_approved_revision(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
