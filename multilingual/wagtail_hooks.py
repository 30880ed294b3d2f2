from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.coreutils import get_supported_content_language_variant

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


@hooks.register("before_serve_page")
def keep_pages_in_their_language(page, request, serve_args, serve_kwargs):
    """/en/... must not show Chinese pages.

    Wagtail falls back to the source tree when a language's home page is not
    live; send the reader to the page's own URL instead of serving it under
    the wrong language prefix.
    """
    active = get_supported_content_language_variant(translation.get_language())
    if page.locale.language_code != active and not getattr(request, "is_preview", False):
        url = page.get_url(request=request)
        if url:
            return redirect(url)
    return None


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
