"""The one place that sends e-mail to staff: reminders, escalations, digests.

A feature calls ``notify`` with the recipients (users, or names of Wagtail
groups, i.e. roles) and a template name; the subject and body come from
``<template>_subject.txt`` and ``<template>_body.txt`` rendered in Chinese
with the given context::

    notify(["政策法规处负责人"], "interaction/email/letter_overdue", {"letter": letter})

Inactive users and users without an address are skipped. A failing mail
server is logged and reported in the result, never raised into the caller:
a nightly command should finish its other reminders.
"""
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


@dataclass
class NotifyResult:
    sent: list = field(default_factory=list)  # addresses
    failed: list = field(default_factory=list)  # (address, error text)


def recipients(to):
    """Active users with an e-mail address from a mix of users and group names, each once."""
    User = get_user_model()
    users, groups = [], []
    for item in to:
        (groups if isinstance(item, str) else users).append(item)
    found = {u.pk: u for u in users if u.is_active and u.email}
    if groups:
        for user in User.objects.filter(groups__name__in=groups, is_active=True).exclude(email="").distinct():
            found.setdefault(user.pk, user)
    return sorted(found.values(), key=lambda u: u.pk)


def notify(to, template, context=None):
    """Send one mail per recipient from the template pair; return who got it and who did not."""
    result = NotifyResult()
    context = dict(context or {})
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients(to):
            context["recipient"] = user
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}_body.txt", context)
            try:
                EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
            except Exception as error:  # the mail server's failure must not stop the caller
                logger.warning("notification %s to %s failed: %s", template, user.email, error)
                result.failed.append((user.email, str(error)))
            else:
                result.sent.append(user.email)
    return result
