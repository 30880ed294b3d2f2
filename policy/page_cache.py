"""Policy pages that show a page, for the page cache's purges (hook ``pagecache_related_pages``).

A document appears on its tag pages and their feeds (the tags it has now and
the tags of its previous revision), on every policy library and normative
documents listing, on the interpretations of it and on the documents it
amends or repeals (their validity notices). An interpretation appears on the
documents it interprets.
"""
from wagtail import hooks

from core import bulk


def _tag_slugs(document):
    slugs = {tag.slug for tag in document.tags.all()}
    previous = document.revisions.order_by("-created_at", "-pk")[1:2].first() if document.pk else None
    if previous is not None:
        try:
            slugs |= {tag.slug for tag in previous.as_object().tags.all()}
        except Exception:  # noqa: BLE001 - an old revision that no longer loads: its tags are unknown
            pass
    return slugs


@hooks.register("pagecache_related_pages")
def related_policy_pages(page):
    from pagecache.api import language_urls

    from .models import InterpretationPage, NormativeDocumentsPage, PolicyDocumentPage, PolicyLibraryPage

    pages, urls = [], set()
    if isinstance(page, PolicyDocumentPage):
        for slug in _tag_slugs(page):
            for name in ("policy:tag", "policy:tag_rss", "policy:tag_atom"):
                urls |= language_urls(name, slug)
        pages += list(page.interpretations.all())
        pages += [link.target for link in page.relations.select_related("target")]
        pages += [link.source for link in page.superseding_relations.select_related("source")]
    if isinstance(page, InterpretationPage):
        pages += list(page.source_documents.all())
    if isinstance(page, (PolicyDocumentPage, InterpretationPage)):
        # The same few listings for every document: looked up once per bulk import.
        pages += bulk.memo("policy.listing_pages",
                           lambda: list(PolicyLibraryPage.objects.all()) + list(NormativeDocumentsPage.objects.all()))
    return pages, urls


@hooks.register("pagecache_all_urls")
def all_tag_urls():
    from pagecache.api import language_urls

    from .models import PolicyTag

    urls = set()
    for slug in PolicyTag.objects.values_list("slug", flat=True):
        for name in ("policy:tag", "policy:tag_rss", "policy:tag_atom"):
            urls |= language_urls(name, slug)
    return urls


def _connect_validity_changes():
    """A validity change (no new revision, so no page_published) purges the document like a publish."""
    from pagecache.api import page_changed_receiver

    from .signals import validity_changed

    validity_changed.connect(page_changed_receiver, dispatch_uid="pagecache_validity")


_connect_validity_changes()
