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
    """Deferred pass of a bulk import: the pages' translations, oldest ancestor first."""
    for page in Page.objects.filter(pk__in=page_ids).order_by("path"):
        sync_page(page, refresh=True)


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

    bulk.register_pass("translations", _("Traditional Chinese and English versions"), sync_pages)
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="multilingual_page_deleted")
    page_published.connect(on_page_published, dispatch_uid="multilingual_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="multilingual_page_unpublished")
