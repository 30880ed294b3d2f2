"""Audit actions show their message built from the entry's data, not a Python repr."""
import pytest
from wagtail.log_actions import log, registry
from wagtail.models import PageLogEntry


@pytest.mark.django_db
def test_a_moderation_action_message_is_text_from_its_data(site_tree, make_user):
    user = make_user("auditor")
    log(site_tree, "moderation.removal_requested", user=user, data={"reason": "内容已过时"})
    entry = PageLogEntry.objects.filter(action="moderation.removal_requested").latest("timestamp")
    message = str(registry.get_formatter(entry).format_message(entry))
    assert message == "申请撤除：内容已过时" or ("内容已过时" in message and "bound method" not in message)
    assert "<" not in message


@pytest.mark.django_db
def test_every_registered_action_formats_partial_data_without_a_repr(site_tree, make_user):
    user = make_user("auditor2")
    registry.scan_for_actions()
    for action in list(registry.formatters):
        entry = PageLogEntry(page=site_tree, action=action, user=user, data={})
        message = str(registry.get_formatter(entry).format_message(entry))
        assert "bound method" not in message and "<function" not in message, (action, message)
