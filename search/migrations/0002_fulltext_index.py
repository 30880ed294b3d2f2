"""The database's own full-text index over SearchDocument, per vendor.

SQLite: an external-content FTS5 table (porter stemming over unicode61, so
English is stemmed and pre-segmented Chinese words stay whole) kept in sync
by triggers. PostgreSQL: a weighted tsvector column (title A, metadata B,
body C) maintained by a trigger, with a GIN index. Other databases get no
full-text index (the embedded backend supports these two).
"""
from django.db import migrations

from ._sql import run_sql

T = "sitesearch_searchdocument"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE sitesearch_fts USING fts5(
        title_tokens, meta_tokens, body_tokens,
        content='{T}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER sitesearch_fts_ai AFTER INSERT ON {T} BEGIN
        INSERT INTO sitesearch_fts(rowid, title_tokens, meta_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.meta_tokens, new.body_tokens);
    END""",
    f"""CREATE TRIGGER sitesearch_fts_ad AFTER DELETE ON {T} BEGIN
        INSERT INTO sitesearch_fts(sitesearch_fts, rowid, title_tokens, meta_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.meta_tokens, old.body_tokens);
    END""",
    f"""CREATE TRIGGER sitesearch_fts_au AFTER UPDATE ON {T} BEGIN
        INSERT INTO sitesearch_fts(sitesearch_fts, rowid, title_tokens, meta_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.meta_tokens, old.body_tokens);
        INSERT INTO sitesearch_fts(rowid, title_tokens, meta_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.meta_tokens, new.body_tokens);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS sitesearch_fts_au",
    "DROP TRIGGER IF EXISTS sitesearch_fts_ad",
    "DROP TRIGGER IF EXISTS sitesearch_fts_ai",
    "DROP TABLE IF EXISTS sitesearch_fts",
]

POSTGRES_FORWARD = [
    f"ALTER TABLE {T} ADD COLUMN search_vector tsvector",
    f"""CREATE FUNCTION sitesearch_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(NEW.ts_config::regconfig, coalesce(NEW.title_tokens, '')), 'A') ||
            setweight(to_tsvector(NEW.ts_config::regconfig, coalesce(NEW.meta_tokens, '')), 'B') ||
            setweight(to_tsvector(NEW.ts_config::regconfig, coalesce(NEW.body_tokens, '')), 'C');
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER sitesearch_vector_trigger BEFORE INSERT OR UPDATE ON {T}
        FOR EACH ROW EXECUTE FUNCTION sitesearch_vector_update()""",
    f"CREATE INDEX sitesearch_vector_gin ON {T} USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    f"DROP INDEX IF EXISTS sitesearch_vector_gin",
    f"DROP TRIGGER IF EXISTS sitesearch_vector_trigger ON {T}",
    "DROP FUNCTION IF EXISTS sitesearch_vector_update()",
    f"ALTER TABLE {T} DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]

    operations = [
        migrations.RunPython(
            run_sql({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_sql({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
