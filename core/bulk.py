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
CHECK_BATCH_SIZE = 500  # ids per IN (...) query of a drift check
MAX_ROUNDS = 5  # a pass may publish pages (translations) whose own passes then run in the next round


@dataclass
class Pass:
    kind: str
    label: str
    run: object  # callable(list[int] page ids) -> None, for one batch
    missing: object = None  # callable(list[int] page ids) -> the ids this pass has not done (drift check)


@dataclass
class Pending:
    page_ids: dict = field(default_factory=dict)  # kind -> {page id: None} (ordered set)
    memo: dict = field(default_factory=dict)  # see memo()

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
    follow_up: int = 0  # pages that other passes published (the 繁體/English copies), done in a later round


def register_pass(kind, label, run, missing=None):
    """Declare a deferred pass; ``run(page_ids)`` handles one batch of page ids.

    ``missing(page_ids)``, if given, returns those of the ids whose result
    (an index entry, a translation) is absent, so that drift can be found
    and repaired page by page (``find_missing``, ``check_search_indexes``).
    """
    _passes[kind] = Pass(kind, label, run, missing)


def passes():
    return list(_passes.values())


def find_missing(page_ids, skip=()):
    """{kind: [page ids]} of the given pages whose pass result is missing, for passes that can tell."""
    page_ids = list(dict.fromkeys(page_ids))
    found = {}
    for item in _passes.values():
        if item.missing is None or item.kind in skip:
            continue
        ids = []
        for start in range(0, len(page_ids), CHECK_BATCH_SIZE):
            ids.extend(item.missing(page_ids[start:start + CHECK_BATCH_SIZE]))
        if ids:
            found[item.kind] = ids
    return found


def active():
    return getattr(_state, "pending", None) is not None


def memo(key, factory):
    """``factory()``, computed once per bulk block (outside a block: every time).

    For lookups that many pages of one import repeat and that the import
    itself does not change (e.g. the policy library pages every document is
    listed on).
    """
    pending = getattr(_state, "pending", None)
    if pending is None:
        return factory()
    if key not in pending.memo:
        pending.memo[key] = factory()
    return pending.memo[key]


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

    The passes themselves run in deferred mode too: pages a pass publishes
    (the 繁體 copies) are journalled in the same transaction as the batch,
    and their own passes run in a following round. So a kill at any moment
    leaves either the batch undone and journalled, or done with its
    follow-up work journalled; never done with the follow-up lost.
    """
    if active():
        return []
    results = {}
    for round_number in range(MAX_ROUNDS):
        with deferred_publishing() as follow_up:
            _run_round(pending, progress_factory, skip, results, leftovers=round_number == 0)
        if not any(follow_up.page_ids.get(item.kind) for item in _passes.values() if item.kind not in skip):
            break
        pending = follow_up
    return list(results.values())


def _run_round(pending, progress_factory, skip, results, leftovers):
    from core.models import PendingPass

    # Taken before any pass runs: what this round's passes journal is the next round's work.
    journal = {item.kind: leftover_page_ids(item.kind) for item in _passes.values()} if leftovers else {}
    for item in _passes.values():
        if item.kind in skip:
            continue
        ids = list(pending.page_ids.get(item.kind, ()))
        if leftovers:  # then any pages a killed earlier run left in the journal
            ids = list(dict.fromkeys([*ids, *journal[item.kind]]))
        if not ids and item.kind in results:
            continue
        result = results.setdefault(item.kind, PassResult(item.kind, item.label))
        if leftovers:
            result.pages += len(ids)
        else:
            result.follow_up += len(ids)
        progress = progress_factory(item.label, len(ids)) if (progress_factory and ids) else None
        size = _batch_size()
        for start in range(0, len(ids), size):
            batch = ids[start:start + size]
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


def _batch_size():
    from django.conf import settings

    return int(getattr(settings, "BULK_BATCH_SIZE", BATCH_SIZE))


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


def missing_from_admin_search(page_ids):
    """Pages among ``page_ids`` with no entry in Wagtail's admin search index (database backend only)."""
    from django.conf import settings
    from wagtail.models import Page

    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    if "elasticsearch" in backend or "opensearch" in backend:
        return []  # those keep no IndexEntry rows; rebuild them with update_index
    from modelsearch.conf import get_app_config

    IndexEntry = get_app_config().get_model("IndexEntry")  # wagtail.search's model under Wagtail
    models = _page_models()
    from django.contrib.contenttypes.models import ContentType

    types = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
    pages = dict(Page.objects.filter(pk__in=page_ids, content_type_id__in=types).values_list("pk", "content_type_id"))
    have = set(IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pages], content_type_id__in=types)
               .values_list("content_type_id", "object_id"))
    return sorted(pk for pk, ct in pages.items() if (ct, str(pk)) not in have)


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

    register_pass("admin_search", _("Admin search index"), update_admin_search_index, missing=missing_from_admin_search)
    register_pass("reference_index", _("Reference index"), update_reference_index)
    post_save.connect(record_saved_page, dispatch_uid="core_bulk_record_saved_page")
