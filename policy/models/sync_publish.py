"""The 同步发布 hook of the policy page models.

The rule itself lives in ``policy.publishing``, which sits above the models
(it queries them). So that the models never import it back, publishing
registers its functions here from ``PolicyConfig.ready()``.
"""
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

_gate = {}


def register_gate(*, is_releasing, request_publish, guard_going_live):
    """is_releasing(pk) -> bool; request_publish(revision, user, page=None) -> True when gated; guard_going_live(page)."""
    _gate.update(is_releasing=is_releasing, request_publish=request_publish, guard_going_live=guard_going_live)


def gate(name):
    try:
        return _gate[name]
    except KeyError:
        raise RuntimeError("policy.publishing has not registered the 同步发布 gate (PolicyConfig.ready)") from None


def guard_going_live(page):
    gate("guard_going_live")(page)


class SyncPublishMixin:
    """Routes ``Revision.publish()`` through the 同步发布 rule (see ``policy.publishing``)."""

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None,
                skip_permission_checks=False):
        if not gate("is_releasing")(self.pk):
            content = None
            if user is not None and not skip_permission_checks:
                # Only then does the check check anything; the action loads the revision's content,
                # which the 同步发布 rule then reuses instead of loading it again.
                action = PublishPageRevisionAction(revision, user=user)
                action.check(skip_permission_checks=skip_permission_checks)
                content = action.object
            if gate("request_publish")(revision, user, content):
                return None
        return super().publish(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )
