"""Issue 18, Done when: an import killed with SIGKILL at a random row, then re-run, leaves every row
live exactly once, searchable in every language, and nothing half-written.

The import runs as a real subprocess (manage.py import_policy_documents) on its own database: a
SQLite file, or a fresh PostgreSQL database next to DATABASE_URL's when that is PostgreSQL. The
first run is killed at a random row of the row loop, the second at a random point of the deferred
passes (after a random number of 繁體 copies were written), the third runs to the end. The seed is
in every assertion message; FAULT_SEED=<n> replays a run.
"""
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.policy.test_policy_import import row, write_csv

ROOT = Path(__file__).resolve().parents[2]
TOOL = Path(__file__).with_name("import_fault_tool.py")
ROWS = int(os.environ.get("FAULT_ROWS") or 200)  # FAULT_ROWS=40 for a quick run on a loaded machine
BATCH = 10  # new documents per transaction in the subprocesses (fault_settings.POLICY_IMPORT_BATCH_SIZE)


def _database(tmp_path, blocker):
    """(DATABASE_URL for the subprocesses, a function counting rows by SQL, a cleanup function).

    The database is a copy of this worker's test database (migrated, with the site tree loaded):
    SQLite's VACUUM INTO, or a PostgreSQL database created from it as a template.
    """
    from django.db import connection, connections

    with blocker.unblock():
        if connection.vendor == "postgresql":
            import psycopg

            test_name = connection.settings_dict["NAME"]
            connections.close_all()  # a template database must have no other sessions
            url = os.environ["DATABASE_URL"]
            parts = urlsplit(url)
            name = f"{test_name}_fault_{uuid.uuid4().hex[:8]}"
            admin = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{test_name}"')
            db_url = urlunsplit(parts._replace(path=f"/{name}"))

            def count(sql):
                try:
                    with psycopg.connect(db_url, autocommit=True) as conn:
                        return conn.execute(sql).fetchone()[0]
                except psycopg.Error:
                    return 0

            def drop():
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

            return db_url, count, drop
        import sqlite3

        path = tmp_path / "fault.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])

    def count(sql):
        conn = sqlite3.connect(path, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()

    return f"sqlite:///{path}", count, lambda: None


def _count_sql(language):
    return ("SELECT COUNT(*) FROM policy_policydocumentpage d JOIN wagtailcore_page p ON p.id = d.page_ptr_id "
            "JOIN wagtailcore_locale l ON l.id = p.locale_id "
            f"WHERE l.language_code = '{language}' AND d.index_number LIKE 'FLT-%'")


def _env(db_url, media):
    env = {**os.environ, "DATABASE_URL": db_url, "DJANGO_SETTINGS_MODULE": "tests.policy.fault_settings",
           "FAULT_MEDIA_ROOT": str(media), "FAULT_IMPORT_BATCH": str(BATCH), "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"}
    return env


def _import(csv_path, env, log):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "import_policy_documents", str(csv_path),
         "--column", "zwgk/zfxxgk/zcwj", "--no-progress"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )


def _kill_when(proc, count, sql, at, what, seed, timeout=600):
    """SIGKILL ``proc`` as soon as ``sql`` counts at least ``at``; returns the count seen when it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"seed {seed}: the import ended (status {proc.returncode}) before {what} {at}")
        if count(sql) >= at:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return count(sql)
        time.sleep(0.02)
    proc.kill()
    pytest.fail(f"seed {seed}: {what} {at} not reached in {timeout} s")


@pytest.mark.long
@pytest.mark.django_db(transaction=True)  # no open transaction: the database can be copied
def test_sigkill_at_a_random_row_then_rerun_leaves_everything_live_once_and_searchable(tmp_path, django_db_blocker):
    seed = int(os.environ.get("FAULT_SEED") or random.SystemRandom().randrange(1_000_000))
    rng = random.Random(seed)
    # Rows committed before the kill: they commit a batch at a time, so at least one batch must be left.
    kill_row = rng.randrange(1, ROWS - BATCH)
    kill_copy = rng.randrange(1, ROWS)  # 繁體 copies written before the second kill
    msg = f"seed {seed} (kill after row {kill_row}, then after 繁體 copy {kill_copy}; FAULT_SEED={seed} replays it)"

    rows = [row(n, index_number=f"FLT-2022-{n:05d}", title=f"上海市应急管理局关于故障恢复检查第{n}号的通知",
                doc_number=f"沪应急规〔2022〕{n}号", is_normative="否",
                disclosure="依申请公开" if n % 25 == 0 else "主动公开")
            for n in range(1, ROWS + 1)]
    csv_path = write_csv(tmp_path / "docs.csv", rows)
    db_url, count, drop = _database(tmp_path, django_db_blocker)
    env = _env(db_url, tmp_path / "media")
    try:
        setup = subprocess.run([sys.executable, str(TOOL), "setup"], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=600)
        assert setup.returncode == 0, (msg, setup.stdout[-2000:], setup.stderr[-4000:])

        with open(tmp_path / "run1.log", "wb") as log:
            first = _import(csv_path, env, log)
            seen = _kill_when(first, count, _count_sql("zh-hans"), kill_row, "row", seed)
        assert 0 < seen < ROWS, (msg, seen)

        with open(tmp_path / "run2.log", "wb") as log:
            second = _import(csv_path, env, log)
            _kill_when(second, count, _count_sql("zh-hant"), kill_copy, "繁體 copy", seed)

        third = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "import_policy_documents", str(csv_path),
             "--column", "zwgk/zfxxgk/zcwj", "--no-progress"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )
        assert third.returncode == 0, (msg, third.stdout[-2000:], third.stderr[-4000:])
        assert "0 failed" in third.stdout, (msg, third.stdout)
        assert f"0 created, 0 updated, {ROWS} unchanged" in third.stdout, (msg, third.stdout)

        checked = subprocess.run([sys.executable, str(TOOL), "check", str(seed)], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=600)
        assert checked.returncode == 0, (msg, checked.stderr[-4000:])
        state = json.loads(checked.stdout.strip().splitlines()[-1])
    finally:
        drop()

    numbers = [r["index_number"] for r in rows]
    assert state["source_counts"] == dict.fromkeys(numbers, 1), msg  # every row exactly once
    assert state["source_not_live"] == [], msg
    source_keys = state["source_keys"]
    for code in ("zh-hant", "en"):
        # One copy per document in each language, none extra.
        assert state["locales"][code]["keys"] == source_keys, (msg, code, state["locales"][code]["count"])
    assert state["locales"]["zh-hant"]["live"] == ROWS, msg  # 繁體 goes live with the source
    assert state["locales"]["en"]["live"] == 0, msg  # English waits for a person and review
    assert state["without_revision"] == [], msg
    assert state["live_without_live_revision"] == [], msg
    assert state["orphan_copies"] == [] and state["orphan_translation_sources"] == [], msg
    assert state["translations_without_source"] == 0, msg
    assert state["live_public_not_in_site_search"] == [], msg
    assert state["not_in_admin_search"] == [], msg
    assert state["pending_passes"] == [], msg
    assert state["search_misses"] == [], msg
    assert state["sampled_on_request"] > 0 and state["search_leaks"] == [], msg
