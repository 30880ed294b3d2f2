"""Bulk publishing: run the per-page side effects of publishing once, in batches.

Publishing one page updates, synchronously and one page at a time, Wagtail's
admin search index, Wagtail's reference index ("usage"), the site search and
the machine-translated counterparts. For an editor publishing one page that
is right; an import of ten thousand documents spends most of its time there.

Inside ``deferred_publishing()`` those updates are not done per page.
Apps record the pages instead (``defer(kind, page_ids)`` returns True when
it recorded them, False when the caller must do the work now), and
``run_deferred()`` afterwards processes every kind in batches, in
registration order, with a progress callback per kind:

    with deferred_publishing() as pending:
        ...publish many pages...
    run_deferred(pending, progress_factory)

A page recorded in a transaction that was later rolled back no longer
exists or is unchanged; the passes just skip or redo it. Wagtail's own
search index has no per-thread switch, so its save handler is disconnected
for page models while the block runs: use this in management commands, not
in request handlers.
"""
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

logger = logging.getLogger("govsite")

_state = threading.local()
_passes = {}  # kind -> Pass, in registration order
BATCH_SIZE = 200


@dataclass
class Pass:
    kind: str
    label: str
    run: object  # callable(list[int] page ids) -> None, for one batch


@dataclass
class Pending:
    page_ids: dict = field(default_factory=dict)  # kind -> {page id: None} (ordered set)

    def add(self, kind, page_ids):
        self.page_ids.setdefault(kind, {}).update(dict.fromkeys(page_ids))

    def count(self, kind):
        return len(self.page_ids.get(kind, ()))


@dataclass
class PassResult:
    kind: str
    label: str
    pages: int = 0
    failed_batches: int = 0


def register_pass(kind, label, run):
    """Declare a deferred pass; ``run(page_ids)`` handles one batch of page ids."""
    _passes[kind] = Pass(kind, label, run)


def active():
    return getattr(_state, "pending", None) is not None


def defer(kind, page_ids):
    """Record pages for the ``kind`` pass if a bulk block is running; True if recorded."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.add(kind, page_ids)
    _journal(kind, page_ids)
    return True


def _journal(kind, page_ids):
    from core.models import PendingPass

    PendingPass.objects.bulk_create([PendingPass(kind=kind, page_id=pk) for pk in page_ids], ignore_conflicts=True)


def leftover_page_ids(kind):
    """Pages a killed or interrupted bulk run recorded for ``kind`` but never processed."""
    from core.models import PendingPass

    return list(PendingPass.objects.filter(kind=kind).order_by("page_id").values_list("page_id", flat=True))


@contextmanager
def deferred_publishing():
    from wagtail.signal_handlers import disable_reference_index_auto_update

    if active():
        yield _state.pending
        return
    pending = Pending()
    _state.pending = pending
    disconnected = _disconnect_admin_search_index()
    try:
        with disable_reference_index_auto_update():
            yield pending
    finally:
        _reconnect_admin_search_index(disconnected)
        _state.pending = None


def run_deferred(pending, progress_factory=None, skip=()):
    """Run every pass over its recorded pages, in batches; a failed batch is logged, not raised.

    Call it after the ``deferred_publishing()`` block. Inside an enclosing
    block it does nothing: the outermost block's caller runs the passes.
    ``skip`` names passes to leave out (their pages stay as they are).
    """
    if active():
        return []
    from core.models import PendingPass

    results = []
    for item in _passes.values():
        if item.kind in skip:
            continue
        # This run's pages, then any a killed earlier run left in the journal.
        ids = list(dict.fromkeys([*pending.page_ids.get(item.kind, ()), *leftover_page_ids(item.kind)]))
        result = PassResult(item.kind, item.label, pages=len(ids))
        progress = progress_factory(item.label, len(ids)) if (progress_factory and ids) else None
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start:start + BATCH_SIZE]
            try:
                with transaction.atomic():  # a failed batch leaves nothing half-written
                    item.run(batch)
                    PendingPass.objects.filter(kind=item.kind, page_id__in=batch).delete()
            except Exception:  # noqa: BLE001 - one bad batch must not stop the others
                logger.exception("Deferred %s failed for pages %s..%s", item.kind, batch[0], batch[-1])
                result.failed_batches += 1
            if progress is not None:
                progress.update(len(batch))
        if progress is not None:
            progress.close()
        results.append(result)
    return results


# -- Wagtail's own indexes ---------------------------------------------------------
def _page_models():
    from modelsearch.index import get_indexed_models
    from wagtail.models import Page

    return [m for m in get_indexed_models() if issubclass(m, Page) and getattr(m, "search_auto_update", True)]


def _disconnect_admin_search_index():
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    return [m for m in _page_models() if post_save.disconnect(post_save_signal_handler, sender=m)]


def _reconnect_admin_search_index(models):
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    for model in models:
        post_save.connect(post_save_signal_handler, sender=model)


def update_admin_search_index(page_ids):
    """Wagtail's admin search index for a batch of pages, one bulk write per model."""
    from modelsearch.backends import get_search_backends
    from wagtail.models import Page

    by_model = {}
    for page in Page.objects.filter(pk__in=page_ids).specific():
        by_model.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, pages in by_model.items():
            backend.add_bulk(model, pages)


def update_reference_index(page_ids):
    from wagtail.models import Page, ReferenceIndex

    for page in Page.objects.filter(pk__in=page_ids).specific():
        ReferenceIndex.create_or_update_for_object(page)


def record_saved_page(sender, instance, raw=False, **kwargs):
    """post_save: inside a bulk block, queue the saved page for Wagtail's two indexes."""
    if raw or not active():
        return
    from wagtail.models import Page, ReferenceIndex

    if isinstance(instance, Page):
        defer("admin_search", [instance.pk])
        defer("reference_index", [instance.pk])
    elif type(instance) in ReferenceIndex.tracked_models:
        # Documents and other objects an import creates: few, so index them now.
        ReferenceIndex.create_or_update_for_object(instance)


def connect():
    from django.db.models.signals import post_save
    from django.utils.translation import gettext_lazy as _

    register_pass("admin_search", _("Admin search index"), update_admin_search_index)
    register_pass("reference_index", _("Reference index"), update_reference_index)
    post_save.connect(record_saved_page, dispatch_uid="core_bulk_record_saved_page")
