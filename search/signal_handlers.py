"""Keep the search index current with the page tree."""
import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import bulk

logger = logging.getLogger("govsite")


def reindex_now(page_ids):
    from .service import index_pages

    index_pages(list(Page.objects.filter(pk__in=page_ids).specific()))


def missing_from_index(page_ids):
    """Pages among ``page_ids`` that should be searchable but have no document (drift check)."""
    from .backends import get_backend
    from .indexing import BatchContext, indexable_models, is_indexable, page_facets

    live = list(Page.objects.filter(pk__in=page_ids, live=True).type(*indexable_models()).values_list("pk", flat=True))
    absent = set(live) - get_backend().indexed_among(live)
    if not absent:
        return []
    pages = list(Page.objects.filter(pk__in=absent).specific())
    context = BatchContext(pages)
    return sorted(page.pk for page in pages if is_indexable(page, page_facets(page), context))


def _reindex_later(page_ids):
    if bulk.defer("sitesearch", page_ids):
        return

    def run():
        try:
            reindex_now(page_ids)
        except Exception:
            logger.exception("Search indexing failed for pages %s", page_ids)

    transaction.on_commit(run)


def on_page_published(sender, instance, **kwargs):
    _reindex_later([instance.pk])


def on_page_unpublished(sender, instance, **kwargs):
    from .service import remove_pages

    # Unpublishing a page hides its whole subtree from the public.
    ids = list(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    transaction.on_commit(lambda: remove_pages(ids))


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        from .service import remove_pages

        # The SearchDocument row cascades with the page; other backends need telling.
        remove_pages([instance.pk])


def on_subtree_changed(sender, instance, **kwargs):
    """Moves and view restrictions change what is public under a page: re-check the subtree."""
    page = getattr(instance, "page", instance)
    if not isinstance(page, Page) or page.pk is None:
        return
    ids = list(Page.objects.descendant_of(page, inclusive=True).live().values_list("pk", flat=True))
    if ids:
        _reindex_later(ids)
    from .service import remove_pages

    dead = list(Page.objects.descendant_of(page, inclusive=True).filter(live=False).values_list("pk", flat=True))
    if dead:
        transaction.on_commit(lambda: remove_pages(dead))


def on_validity_changed(sender, page=None, instance=None, **kwargs):
    target = page or instance
    if target is not None:
        _reindex_later([target.pk])


def on_synonyms_changed(sender, **kwargs):
    from .query_help import invalidate_synonyms

    invalidate_synonyms()


def connect():
    from django.utils.translation import gettext_lazy as _

    from .models import Synonym

    bulk.register_pass("sitesearch", _("Site search index"), reindex_now, missing=missing_from_index)

    page_published.connect(on_page_published, dispatch_uid="sitesearch_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="sitesearch_unpublished")
    post_delete.connect(on_page_deleted, dispatch_uid="sitesearch_deleted")
    post_page_move.connect(on_subtree_changed, dispatch_uid="sitesearch_moved")
    post_save.connect(on_subtree_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_restricted")
    post_delete.connect(on_subtree_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_unrestricted")
    post_save.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="sitesearch_synonyms_saved")
    post_delete.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="sitesearch_synonyms_deleted")
    try:  # the policy app emits this when a document's validity flips (may not be installed)
        from policy.signals import validity_changed
    except ImportError:
        validity_changed = None
    if validity_changed is not None:
        validity_changed.connect(on_validity_changed, dispatch_uid="sitesearch_validity")
