"""Every change of public content bumps the fragment generation and purges the affected URLs."""
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core import bulk

from . import purge

_moves = {}  # page pk -> URLs before the move


def on_published(sender, instance, revision=None, **kwargs):
    if bulk.defer("pagecache", [instance.pk]):
        return
    extra = _previous_revision_pages(instance, revision)
    purge.changed(purge.page_urls(instance, extra_pages=extra))


def _previous_revision_pages(page, revision):
    """Pages the previous live version linked to (tags it no longer has are still on their tag pages)."""
    return []


def on_unpublished(sender, instance, **kwargs):
    purge.changed(purge.page_urls(instance))


def on_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth and instance.depth > 1:
        purge.changed(purge.page_urls(instance))


def on_pre_move(sender, instance, **kwargs):
    _moves[instance.pk] = purge.subtree_urls(instance)


def on_post_move(sender, instance, **kwargs):
    before = _moves.pop(instance.pk, set())
    purge.changed(before | purge.subtree_urls(Page.objects.get(pk=instance.pk)))


def on_site_wide_change(sender, instance=None, **kwargs):
    purge.changed(purge.all_urls())


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    purge.changed(purge.subtree_urls(page) if page else purge.all_urls())


def on_validity_changed(sender, instance, **kwargs):
    """Receiver for apps' own change signals (policy connects ``validity_changed`` to it)."""
    if bulk.defer("pagecache", [instance.pk]):
        return
    purge.changed(purge.page_urls(instance))


def purge_deferred(page_ids):
    """Bulk import pass: one generation bump and one purge for a batch of published pages."""
    urls = set()
    for page in Page.objects.filter(pk__in=page_ids):
        urls |= purge.page_urls(page)
    purge.changed(urls)


def register():
    from django.utils.translation import gettext_lazy as _

    bulk.register_pass("pagecache", _("Page cache"), purge_deferred)
    page_published.connect(on_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="pagecache_unpublished")
    pre_delete.connect(on_pre_delete, dispatch_uid="pagecache_pre_delete")
    pre_page_move.connect(on_pre_move, dispatch_uid="pagecache_pre_move")
    post_page_move.connect(on_post_move, dispatch_uid="pagecache_post_move")
    for model in (Site, PageViewRestriction):
        handler = on_site_wide_change if model is Site else on_restriction_change
        post_save.connect(handler, sender=model, dispatch_uid=f"pagecache_save_{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"pagecache_delete_{model.__name__}")
    _connect_settings()


def _connect_settings():
    from wagtail.contrib.settings.registry import registry

    for model in registry:
        post_save.connect(on_site_wide_change, sender=model, dispatch_uid=f"pagecache_settings_{model._meta.label}")

