"""The embedded SQLite database serves reads while another connection writes."""
import sqlite3

from django.db.backends.sqlite3.base import DatabaseWrapper

from settings.base import database_from_env


def sqlite_connection(path, alias):
    config = database_from_env(path)
    config.update({"TIME_ZONE": None, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True,
                   "ATOMIC_REQUESTS": False, "TEST": {}})
    return DatabaseWrapper(config, alias=alias)


def test_sqlite_urls_get_the_same_options(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'site.sqlite3'}")
    config = database_from_env(tmp_path / "unused.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
    assert "init_command" not in database_from_env(tmp_path / "unused.sqlite3").get("OPTIONS", {})


def test_a_reader_does_not_block_a_writer(monkeypatch, tmp_path, django_db_blocker):
    """A page being served (an open read) does not stop an import from committing, and sees a consistent snapshot."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    django_db_blocker.unblock()  # a private connection to a file of its own, not the test database
    writer = sqlite_connection(tmp_path / "site.sqlite3", "writer")
    reader = sqlite3.connect(tmp_path / "site.sqlite3", isolation_level=None)
    try:
        with writer.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("CREATE TABLE item (name TEXT)")
            cursor.execute("INSERT INTO item VALUES ('old')")
        reader.execute("BEGIN")
        assert reader.execute("SELECT name FROM item").fetchall() == [("old",)]
        with writer.cursor() as cursor:
            # In SQLite's default rollback-journal mode this commit waits for the
            # reader and fails with "database is locked" after the timeout.
            cursor.execute("INSERT INTO item VALUES ('new')")
        assert reader.execute("SELECT name FROM item").fetchall() == [("old",)]
        reader.execute("COMMIT")
        assert reader.execute("SELECT name FROM item ORDER BY name").fetchall() == [("new",), ("old",)]
    finally:
        writer.close()
        reader.close()
        django_db_blocker.restore()
