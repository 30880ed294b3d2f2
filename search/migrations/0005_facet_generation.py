"""SQLite: a one-row table whose value changes whenever facet rows change.

The embedded backend keeps every document's facet values in memory per
process (``search.backends.facet_cache``) and reloads them when this value
differs from the one it loaded with. Triggers set it to ``random()`` rather
than incrementing it: a transaction that is rolled back would otherwise let a
later, different change produce the same value again.
"""
from django.db import migrations

from ._sql import run_sql

ROWS = "sitesearch_searchfacetrow"
CREATE = [
    "CREATE TABLE sitesearch_facet_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)",
    "INSERT INTO sitesearch_facet_generation (id, value) VALUES (1, random())",
    *(
        f"CREATE TRIGGER sitesearch_facet_generation_{event.lower()} AFTER {event} ON {ROWS} "
        f"BEGIN UPDATE sitesearch_facet_generation SET value = random() WHERE id = 1; END"
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
]
DROP = [
    *(f"DROP TRIGGER IF EXISTS sitesearch_facet_generation_{e}" for e in ("insert", "update", "delete")),
    "DROP TABLE IF EXISTS sitesearch_facet_generation",
]


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0004_facet_rows")]

    operations = [migrations.RunPython(run_sql({"sqlite": CREATE}), run_sql({"sqlite": DROP}))]
