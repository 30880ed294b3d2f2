from wagtail.actions.publish_page_revision import PublishPageRevisionAction


class SyncPublishMixin:
    """Routes ``Revision.publish()`` through the 同步发布 rule (see ``policy.publishing``)."""

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None,
                skip_permission_checks=False):
        from ..publishing import Outcome, _releasing, request_publish

        if self.pk not in _releasing.get():
            PublishPageRevisionAction(revision, user=user).check(skip_permission_checks=skip_permission_checks)
            if request_publish(revision, user) is not Outcome.NOT_GATED:
                return None
        return super().publish(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )
