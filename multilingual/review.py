"""Submitting a finished human translation to the review workflow.

wagtail-localize's translation editor saves segments one by one and can only
publish (for users with publish permission). Translators of reviewed
languages have no publish permission, so this step writes the translated
draft revision and starts the page's workflow; the final reviewer approves it
in Wagtail's normal workflow UI, which publishes the approved revision.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

from . import conf


class ReviewRefused(Exception):
    pass


def translation_of(page):
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale, enabled=True)
        .select_related("source", "target_locale")
        .first()
    )


def review_status(page):
    """(translation, total segments, translated segments) for a page of a reviewed language."""
    translation = translation_of(page)
    if translation is None:
        return None, 0, 0
    total, done = translation.get_progress()
    return translation, total, done


def refusal_reason(page, user):
    if page.locale.language_code not in conf.reviewed_languages():
        return _("Only pages of a reviewed language are submitted here.")
    if not page.permissions_for_user(user).can_edit():
        return _("You may not edit this page.")
    translation, total, done = review_status(page)
    if translation is None:
        return _("This page is not a synchronised translation.")
    if done < total:
        return _("%(missing)d of %(total)d segments still need a translation.") % {
            "missing": total - done, "total": total,
        }
    parent = page.get_parent()
    if parent.depth > 1 and not parent.live:
        return _("Translate and publish the parent page “%(title)s” first.") % {"title": parent.title}
    if page.workflow_in_progress:
        return _("This page is already in review.")
    if page.get_workflow() is None:
        return _("No review workflow applies to this page.")
    return None


@transaction.atomic
def submit_for_review(page, user):
    """Save the translated draft and start the review workflow; raises ReviewRefused."""
    reason = refusal_reason(page, user)
    if reason:
        raise ReviewRefused(reason)
    translation = translation_of(page)
    try:
        translation.save_target(user=user, publish=False)
    except ValidationError as error:
        raise ReviewRefused(_("The translation is not valid: %(error)s") % {"error": "; ".join(error.messages)})
    page = type(page).objects.get(pk=page.pk)
    return page.get_workflow().start(page, user)
