"""Refresh translations when source pages are published or withdrawn."""
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core import bulk

from . import conf
from .sync import is_source_page, sync_page, unpublish_counterparts


def on_page_published(sender, instance, revision=None, **kwargs):
    if not conf.get("AUTO_SYNC") or not is_source_page(instance):
        return
    if bulk.defer("translations", [instance.pk]):
        return
    user = getattr(revision, "user", None)
    sync_page(instance, user=user, refresh=True)


def sync_pages(page_ids):
    """Deferred pass of a bulk import: the pages' translations, oldest ancestor first, converted as one batch."""
    import logging

    from .sync import PageSync

    logger = logging.getLogger("govsite.multilingual")

    def failed(page):
        logger.exception("Could not synchronise translations of page %s", page.pk)

    pages = list(Page.objects.filter(pk__in=page_ids).order_by("path").specific())
    PageSync().sync_many(pages, refresh=True, on_error=failed)


def missing_translations(page_ids):
    """Source pages among ``page_ids`` whose 繁體/English version is missing, or not live (繁體) while they are."""
    if not conf.get("AUTO_SYNC"):
        return []
    from wagtail_localize.models import Translation

    from .sync import target_locales

    sources = {
        key: (pk, live)
        for pk, key, live in Page.objects.filter(
            pk__in=page_ids, depth__gt=1, alias_of__isnull=True, locale__language_code=conf.source_language(),
        ).values_list("pk", "translation_key", "live")
    }
    if not sources:
        return []
    machine = set(conf.machine_languages())
    missing = set()
    for locale in target_locales():
        have = dict(Page.objects.filter(translation_key__in=sources, locale=locale, alias_of__isnull=True)
                    .values_list("translation_key", "live"))
        stopped = {str(key) for key in Translation.objects.filter(
            source__object_id__in=sources, target_locale=locale, enabled=False).values_list("source__object_id", flat=True)}
        for key, (pk, live) in sources.items():
            if str(key) in stopped:
                continue  # an editor stopped synchronising this page
            if key not in have or (locale.language_code in machine and live and not have[key]):
                missing.add(pk)
    return sorted(missing)


def on_page_unpublished(sender, instance, **kwargs):
    if not conf.get("AUTO_SYNC") or not is_source_page(instance):
        return
    unpublish_counterparts(instance, user=kwargs.get("user"))


def on_page_deleted(sender, instance, **kwargs):
    """A deleted source page must not live on in the other languages."""
    if not conf.get("AUTO_SYNC") or not is_source_page(instance):
        return
    unpublish_counterparts(instance)


def register():
    from django.utils.translation import gettext_lazy as _

    bulk.register_pass("translations", _("Traditional Chinese and English versions"), sync_pages,
                       missing=missing_translations)
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="multilingual_page_deleted")
    page_published.connect(on_page_published, dispatch_uid="multilingual_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="multilingual_page_unpublished")
