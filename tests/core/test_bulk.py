"""core.bulk: publishing inside a bulk block defers index updates to batched passes."""
import logging

import pytest
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex

from core import bulk
from search.models import SearchDocument
from sections.models import ArticlePage

TITLE = "上海市应急管理局关于批量发布测试的通知"


def _article(column, n=1, **fields):
    page = ArticlePage(title=f"{TITLE}{n}", slug=f"bulk-{n}", **fields)
    column("xwzx/xw").add_child(instance=page)
    return page


def _admin_search_finds(page):
    return ArticlePage.objects.filter(pk=page.pk).search("批量发布").count() == 1


def test_indexes_wait_for_the_deferred_passes(column, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with bulk.deferred_publishing() as pending:
            page = _article(column)
            page.save_revision().publish()
            assert bulk.active()
    assert not bulk.active()
    # Nothing indexed yet, neither by the publish nor by its on-commit hooks.
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    assert not _admin_search_finds(page)
    assert not ReferenceIndex.objects.filter(object_id=str(page.pk), base_content_type__model="page").exists()
    assert {kind: pending.count(kind) for kind in ("admin_search", "reference_index", "sitesearch")} == {
        "admin_search": 1, "reference_index": 1, "sitesearch": 1,
    }

    results = bulk.run_deferred(pending)

    assert {r.kind: r.pages for r in results}["sitesearch"] == 1
    assert all(r.failed_batches == 0 for r in results)
    assert SearchDocument.objects.filter(page_id=page.pk).exists()
    assert _admin_search_finds(page)
    assert ReferenceIndex.objects.filter(object_id=str(page.pk), base_content_type__model="page").exists()


def test_outside_a_block_publishing_indexes_at_once(column, django_capture_on_commit_callbacks):
    with bulk.deferred_publishing():
        pass
    page = _article(column, n=2)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert SearchDocument.objects.filter(page_id=page.pk).exists()
    assert _admin_search_finds(page)


def test_wagtail_search_handler_is_reconnected_after_an_error(db):
    assert _is_connected()
    with pytest.raises(RuntimeError):
        with bulk.deferred_publishing():
            assert not _is_connected()
            raise RuntimeError("import failed")
    assert _is_connected()
    assert not bulk.active()


def _is_connected():
    sync_receivers, _async_receivers = post_save._live_receivers(ArticlePage)
    return post_save_signal_handler in sync_receivers


def test_a_failing_batch_is_logged_and_the_other_passes_still_run(db, monkeypatch, caplog):
    seen = []

    def broken(page_ids):
        raise ValueError("backend down")

    monkeypatch.setattr(bulk, "_passes", {})
    bulk.register_pass("first", "first", broken)
    bulk.register_pass("second", "second", seen.extend)
    monkeypatch.setattr(bulk, "BATCH_SIZE", 2)
    pending = bulk.Pending()
    pending.add("first", [1, 2, 3])
    pending.add("second", [4, 5, 6])

    with caplog.at_level(logging.ERROR, logger="govsite"):
        results = bulk.run_deferred(pending)

    assert [(r.kind, r.pages, r.failed_batches) for r in results] == [("first", 3, 2), ("second", 3, 0)]
    assert seen == [4, 5, 6]
    assert "Deferred first failed for pages 1..2" in caplog.text


def test_skipped_passes_and_nested_blocks(db, monkeypatch):
    seen = []
    monkeypatch.setattr(bulk, "_passes", {})
    bulk.register_pass("index", "index", seen.extend)
    bulk.register_pass("translations", "translations", seen.extend)
    with bulk.deferred_publishing() as outer:
        with bulk.deferred_publishing() as inner:
            assert inner is outer
            assert bulk.defer("index", [7])
            # The outermost caller runs the passes, not the nested one.
            assert bulk.run_deferred(inner) == []
        assert bulk.active()
        bulk.defer("translations", [8])
    assert not bulk.defer("index", [9])  # outside a block: not recorded, the caller does the work
    results = bulk.run_deferred(outer, skip=("translations",))
    assert [r.kind for r in results] == ["index"]
    assert seen == [7]
