"""SQLite: a log of changed facet rows, replacing the one-row generation value.

Each process keeps every document's facet values in memory
(``search.backends.facet_cache``). With only a generation value, any change
made every process reload all of them (about a second at 100,000
documents), on every query during an import. With this log a process reads
only the documents changed since the entry it last applied.

Each entry has a random ``token``: a transaction that is rolled back frees
its sequence numbers for the next one, and a process that saw the rolled-back
entries (the writer's own connection) must not mistake the new ones for
them. Entries older than the last 50,000 are pruned; a process further
behind than that reloads everything.
"""
from importlib import import_module

from django.db import migrations

from ._sql import run_sql

ROWS = "sitesearch_searchfacetrow"
LOG = "sitesearch_facet_change"
KEEP = 50_000


def _log(value):
    return f"INSERT INTO {LOG} (document_id, token) VALUES ({value}, random());"


CREATE_LOG = [
    f"CREATE TABLE {LOG} (seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id INTEGER NOT NULL, "
    f"token INTEGER NOT NULL)",
    f"CREATE TRIGGER {LOG}_insert AFTER INSERT ON {ROWS} BEGIN {_log('new.document_id')} END",
    f"CREATE TRIGGER {LOG}_update AFTER UPDATE ON {ROWS} BEGIN {_log('old.document_id')} "
    f"{_log('new.document_id')} END",
    f"CREATE TRIGGER {LOG}_delete AFTER DELETE ON {ROWS} BEGIN {_log('old.document_id')} END",
    f"CREATE TRIGGER {LOG}_prune AFTER INSERT ON {LOG} WHEN new.seq % 1000 = 0 "
    f"BEGIN DELETE FROM {LOG} WHERE seq <= new.seq - {KEEP}; END",
]
DROP_LOG = [
    *(f"DROP TRIGGER IF EXISTS {LOG}_{e}" for e in ("insert", "update", "delete", "prune")),
    f"DROP TABLE IF EXISTS {LOG}",
]
# Migration 0005's generation value.
generation = import_module("search.migrations.0005_facet_generation")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0005_facet_generation")]

    operations = [
        migrations.RunPython(
            run_sql({"sqlite": generation.DROP + CREATE_LOG}),
            run_sql({"sqlite": DROP_LOG + generation.CREATE}),
        ),
    ]
