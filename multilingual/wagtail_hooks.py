from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import conf, views
from .sync import is_source_page, sync_page


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "multilingual/review/<int:page_id>/",
            views.submit_translation_for_review,
            name="multilingual_submit_for_review",
        ),
    ]


@hooks.register("after_create_page")
def create_pending_translations(request, page):
    # Published pages were already synchronised by the page_published signal.
    if conf.get("AUTO_SYNC") and is_source_page(page):
        sync_page(page, user=request.user, refresh=False)


@hooks.register("after_copy_page")
def create_pending_translations_for_copy(request, page, new_page):
    if conf.get("AUTO_SYNC") and is_source_page(new_page):
        sync_page(new_page, user=request.user, refresh=False)


@hooks.register("register_page_listing_more_buttons")
def submit_for_review_button(page, user, next_url=None):
    if page.locale.language_code in conf.reviewed_languages() and page.depth > 1 and not page.alias_of_id:
        if page.permissions_for_user(user).can_edit():
            yield Button(
                _("Submit translation for review"),
                reverse("multilingual_submit_for_review", args=[page.id]),
                icon_name="resubmit",
                priority=25,
            )
