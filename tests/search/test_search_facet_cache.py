"""The per-process facet arrays of the SQLite path follow the index through its change log."""
import pytest
from django.db import connection, transaction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the facet cache belongs to the SQLite query path; PostgreSQL counts facets in SQL")


@pytest.fixture
def builds(monkeypatch):
    """How many times the arrays were rebuilt from every facet row."""
    from search.backends.facet_cache import Facets

    calls = []
    original = Facets.build.__func__

    def counting(cls, rows):
        calls.append(len(rows))
        return original(cls, rows)

    monkeypatch.setattr(Facets, "build", classmethod(counting))
    return calls


def sections(run_search, q="防汛"):
    return dict(run_search(q).facets["section"])


def fresh_counts():
    """Facet counts over every indexed document, from arrays built from scratch."""
    from search.backends.facet_cache import SELECT_ROWS, Facets, current

    with connection.cursor() as cursor:
        cursor.execute(SELECT_ROWS)
        rows = cursor.fetchall()
        ids = [row[0] for row in rows]
        return current(cursor).count(ids), Facets.build(rows).count(ids)


def test_changes_are_applied_without_reloading_everything(article, run_search, builds, django_capture_on_commit_callbacks):
    article("防汛工作通知", "正文")
    old = article("防汛检查办法", "正文", where="zwgk/zfxxgk/zcwj")
    assert sections(run_search) == {"新闻中心": 1, "政务公开": 1}
    loaded = len(builds)
    article("防汛物资储备", "正文", where="zwgk/zfxxgk/zcwj")
    with django_capture_on_commit_callbacks(execute=True):
        old.unpublish()
    assert sections(run_search) == {"新闻中心": 1, "政务公开": 1}
    article("防汛演练", "正文")
    assert sections(run_search) == {"新闻中心": 2, "政务公开": 1}
    assert len(builds) == loaded  # caught up from the log
    cached, rebuilt = fresh_counts()
    assert cached == rebuilt


def test_rolled_back_changes_are_not_kept(article, run_search):
    article("防汛工作通知", "正文")
    assert sections(run_search) == {"新闻中心": 1}
    with pytest.raises(RuntimeError), transaction.atomic():
        article("防汛检查办法", "正文", where="zwgk/zfxxgk/zcwj")
        assert sections(run_search) == {"新闻中心": 1, "政务公开": 1}  # this connection sees its own writes
        raise RuntimeError("roll back")
    # The next change reuses the rolled-back log sequence numbers.
    article("防汛简报", "正文", where="aqzt/dflz/gzdt")
    assert sections(run_search) == {"新闻中心": 1, "安全专题": 1}
    cached, rebuilt = fresh_counts()
    assert cached == rebuilt


def test_a_process_whose_entry_was_pruned_reloads(article, run_search, builds):
    from search.backends import facet_cache

    article("防汛工作通知", "正文")
    assert sections(run_search) == {"新闻中心": 1}
    loaded = len(builds)
    article("防汛检查办法", "正文", where="zwgk/zfxxgk/zcwj")
    with connection.cursor() as cursor:
        # 51,000 more entries: the prune trigger keeps the last 50,000 only.
        cursor.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 51000) "
            f"INSERT INTO {facet_cache.LOG} (document_id, token) SELECT 0, random() FROM n")
        cursor.execute(f"SELECT COUNT(*) FROM {facet_cache.LOG} WHERE seq <= %s", [facet_cache._state["version"][0]])
        assert cursor.fetchone()[0] == 0
    assert sections(run_search) == {"新闻中心": 1, "政务公开": 1}
    assert len(builds) == loaded + 1


def test_far_behind_reloads(article, run_search, builds, monkeypatch):
    from search.backends import facet_cache

    article("防汛工作通知", "正文")
    assert sections(run_search) == {"新闻中心": 1}
    loaded = len(builds)
    monkeypatch.setattr(facet_cache, "MAX_CATCH_UP", 1)
    article("防汛检查办法", "正文", where="zwgk/zfxxgk/zcwj")
    article("防汛物资储备", "正文", where="zwgk/zfxxgk/zcwj")  # two log entries: one more than allowed
    assert sections(run_search) == {"新闻中心": 1, "政务公开": 2}
    assert len(builds) == loaded + 1
