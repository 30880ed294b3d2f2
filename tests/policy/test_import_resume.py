"""Issue 18, failure 3: an import interrupted after some rows committed (kill -9) loses no index work.

The interruption is simulated in-process (the row loop dies after a first batch of three new documents
committed, before the deferred passes run); each batch commits on its own, so this is the state a
SIGKILL leaves."""
import pytest

from core.models import PendingPass
from policy.importer import PolicyImporter
from policy.models import PolicyDocumentPage
from tests.policy.test_policy_import import _searchable, row, run, write_csv

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    pass


def test_rerun_indexes_rows_an_interrupted_import_left_unindexed(tmp_path, catalogue, monkeypatch, settings):
    rows = [row(70 + n, topics="", title=f"上海市应急管理局关于断点续传检查{n}号的通知") for n in range(5)]
    path = write_csv(tmp_path / "docs.csv", rows)
    # New documents are written in batches (one transaction each): a batch of three commits, then the
    # run dies before writing the second batch.
    settings.POLICY_IMPORT_BATCH_SIZE = 3
    real = PolicyImporter.flush
    done = {"n": 0}

    def dying(self, report, progress=None):
        if done["n"] == 1 and self._batch:
            raise Killed
        done["n"] += 1
        return real(self, report, progress)

    monkeypatch.setattr(PolicyImporter, "flush", dying)
    with pytest.raises(Killed):
        run(path)
    monkeypatch.setattr(PolicyImporter, "flush", real)
    assert PolicyDocumentPage.objects.filter(index_number__startswith="SHYJ-2022-0007", live=True).count() == 3
    assert _searchable("断点续传检查") == []  # live, complete, and in no index
    assert PendingPass.objects.count() > 0

    out, err = run(path)
    assert "2 created, 0 updated, 3 unchanged, 0 failed" in out, (out, err)
    titles = sorted(_searchable("断点续传检查"))
    assert titles == sorted(r["title"] for r in rows)
    pages = PolicyDocumentPage.objects.filter(index_number__startswith="SHYJ-2022-0007")
    assert pages.count() == 5  # every row exactly once
    ids = list(pages.values_list("pk", flat=True))
    assert PolicyDocumentPage.objects.filter(pk__in=ids).search("断点续传检查").count() == 5  # Wagtail admin search too
    assert not PendingPass.objects.filter(kind__in=["sitesearch", "admin_search", "reference_index"]).exists()


def test_unchanged_rows_missing_from_an_index_are_queued_again(tmp_path, catalogue, django_capture_on_commit_callbacks):
    """Drift from any cause (not only a kill): a re-run indexes unchanged documents the index lost."""
    from modelsearch.conf import get_app_config

    from search.models import SearchDocument

    rows = [row(90 + n, topics="", title=f"上海市应急管理局关于索引丢失复查{n}号的通知") for n in range(3)]
    path = write_csv(tmp_path / "docs.csv", rows)
    with django_capture_on_commit_callbacks(execute=True):
        run(path)
    assert len(_searchable("索引丢失复查")) == 3
    lost = PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00091")
    SearchDocument.objects.filter(page_id=lost.pk).delete()
    get_app_config().get_model("IndexEntry").objects.filter(object_id=str(lost.pk)).delete()

    out, err = run(path)
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out, (out, err)
    assert "站内搜索索引: 1 pages updated" in out and "后台搜索索引: 1 pages updated" in out, out
    assert sorted(_searchable("索引丢失复查")) == sorted(r["title"] for r in rows)
    assert PolicyDocumentPage.objects.filter(pk=lost.pk).search("索引丢失复查").count() == 1
