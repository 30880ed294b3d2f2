"""The action run when a workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Approval in the English review workflow is what authorises publication:
reviewers hold no publish permission on the English tree, so no one but a
superuser can put an English page live without passing review. Other pages
are published exactly as Wagtail does by default.

Imported while wagtail.models is still loading, hence the local imports.
"""


def publish_approved(workflow_state, user=None):
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state

    from . import conf

    obj = workflow_state.content_object
    if isinstance(obj, Page) and obj.locale.language_code in conf.reviewed_languages():
        obj.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
