"""Backup and restore of the whole site: database plus uploaded media (issue 18).

One archive file (``.tar.gz``) holds

- ``manifest.json``: format version, time, database vendor, applied migrations,
  SHA-256 of every other member;
- ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite, a consistent copy made with the online backup API
  while the site serves);
- ``media/…``: every file under ``MEDIA_ROOT`` (documents, images, renditions).

Restore checks everything before it changes anything (archive readable, manifest
version known, same database vendor, no migration newer than the code, checksums),
then restores so that a failure leaves the current site as it was:

- PostgreSQL: ``pg_restore`` into a new temporary database; only when that succeeded
  the databases are swapped by two renames (the old one is dropped afterwards);
- SQLite: the copy is checked (``PRAGMA integrity_check``) and then written into the
  live database with the online backup API, which replaces it in one transaction;
- media: extracted next to ``MEDIA_ROOT`` and swapped in by a rename after the database.

Afterwards: ``migrate`` (a backup from an older release), the caches are cleared, and
the search indexes are rebuilt (site search in every language, Wagtail's admin
search, the reference index); a restore never trusts an index it did not build.
"""
import datetime
import hashlib
import io
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "govsite-backup"
VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why (in the active language)."""


@dataclass
class RestoreResult:
    vendor: str
    created_at: str
    media_files: int
    migrated: bool
    steps: list = field(default_factory=list)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _vendor(connection):
    if connection.vendor not in DB_MEMBER:
        raise BackupError(_("Backups support PostgreSQL and SQLite, not %(vendor)s.") % {"vendor": connection.vendor})
    return connection.vendor


def _applied_migrations(connection):
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _pg_env(settings_dict):
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict):
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return args


def _run(cmd, env, what):
    tool = cmd[0]
    if shutil.which(tool) is None:
        raise BackupError(_("%(tool)s is not installed (PostgreSQL client tools are needed).") % {"tool": tool})
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise BackupError(_("%(what)s failed: %(error)s") % {"what": what, "error": tail})
    return done


def _media_files(media_root):
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# --------------------------------------------------------------------------- backup


def backup(destination, *, using=DEFAULT_DB_ALIAS, media_root=None, include_media=True):
    """Write a backup archive to ``destination`` (a file path or a directory); return its path."""
    connection = connections[using]
    connection.ensure_connection()
    vendor = _vendor(connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    destination = Path(destination)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    if destination.is_dir():
        destination = destination / f"govsite-backup-{stamp}.tar.gz"
    if not destination.parent.is_dir():
        raise BackupError(_("The folder %(path)s does not exist.") % {"path": destination.parent})
    if destination.exists():
        raise BackupError(_("%(path)s already exists; choose another name.") % {"path": destination})

    with tempfile.TemporaryDirectory(prefix="govsite-backup-", dir=destination.parent) as work:
        db_file = Path(work) / DB_MEMBER[vendor]
        if vendor == "postgresql":
            sd = connection.settings_dict
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *_pg_args(sd),
                  "--file", str(db_file), sd["NAME"]], _pg_env(sd), "pg_dump")
        else:
            target = sqlite3.connect(db_file)
            try:
                connection.connection.backup(target)  # consistent snapshot while others keep writing
            finally:
                target.close()
        files = _media_files(media_root) if include_media else []
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "vendor": vendor,
            "migrations": _applied_migrations(connection),
            "database": {"member": DB_MEMBER[vendor], "sha256": _sha256(db_file), "size": db_file.stat().st_size},
            "media": {"included": include_media, "files": {
                p.relative_to(media_root).as_posix(): _sha256(p) for p in files}},
        }
        partial = destination.with_name(destination.name + ".partial")
        try:
            with tarfile.open(partial, "w:gz") as tar:
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(datetime.datetime.now().timestamp())
                tar.addfile(info, io.BytesIO(data))
                tar.add(db_file, arcname=DB_MEMBER[vendor])
                for path in files:
                    tar.add(path, arcname=MEDIA_PREFIX + path.relative_to(media_root).as_posix(), recursive=False)
            os.replace(partial, destination)  # never a half-written archive under the final name
        finally:
            if partial.exists():
                partial.unlink()
    return destination


# --------------------------------------------------------------------------- restore


def read_manifest(archive):
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(_("Backup file %(path)s does not exist.") % {"path": archive})
    try:
        with tarfile.open(archive, "r:*") as tar:
            member = tar.next()  # the manifest is written first; no need to read the whole archive
            if member is None or member.name != MANIFEST or not member.isfile():
                raise BackupError(_("%(path)s is not a site backup (no manifest).") % {"path": archive})
            manifest = json.loads(tar.extractfile(member).read().decode("utf-8"))
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise BackupError(_("%(path)s is not a readable backup archive: %(error)s")
                          % {"path": archive, "error": exc}) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s is not a site backup (no manifest).") % {"path": archive})
    if manifest.get("version") != VERSION:
        raise BackupError(_("Backup format version %(found)s is not supported (this release reads version "
                            "%(expected)s).") % {"found": manifest.get("version"), "expected": VERSION})
    return manifest


def check_compatible(manifest, connection):
    vendor = _vendor(connection)
    if manifest.get("vendor") != vendor:
        raise BackupError(_("The backup is of a %(backup)s database, but this site uses %(site)s.")
                          % {"backup": manifest.get("vendor"), "site": vendor})
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    unknown = sorted(set(manifest.get("migrations") or []) - known)
    if unknown:
        raise BackupError(_("The backup was made by a newer release: it has migrations this code does not know "
                            "(%(names)s). Install that release first.") % {"names": ", ".join(unknown[:5])})
    return sorted(known - set(manifest.get("migrations") or []))


def _safe_member_name(name):
    parts = Path(name).parts
    return not (name.startswith("/") or ".." in parts or "\\" in name)


def _extract(archive, manifest, work):
    """Extract and verify every member into ``work``; returns (database file, media folder)."""
    db_name = manifest["database"]["member"]
    media_dir = Path(work) / "media"
    media_dir.mkdir()
    expected_media = manifest["media"]["files"]
    found = set()
    db_file = None
    try:
        with tarfile.open(archive, "r:*") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if not _safe_member_name(member.name) or not (member.isfile() or member.isdir()):
                    raise BackupError(_("The backup contains an unsafe entry: %(name)s") % {"name": member.name})
                if member.name == db_name:
                    tar.extract(member, work, filter="data")
                    db_file = Path(work) / db_name
                elif member.name.startswith(MEDIA_PREFIX) and member.isfile():
                    relative = member.name[len(MEDIA_PREFIX):]
                    tar.extract(member, work, filter="data")
                    if _sha256(Path(work) / member.name) != expected_media.get(relative):
                        raise BackupError(_("The backup is damaged: media file %(name)s does not match its "
                                            "checksum.") % {"name": relative})
                    found.add(relative)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(_("The backup archive is damaged: %(error)s") % {"error": exc}) from None
    if db_file is None:
        raise BackupError(_("The backup is damaged: the database (%(name)s) is missing.") % {"name": db_name})
    if _sha256(db_file) != manifest["database"]["sha256"]:
        raise BackupError(_("The backup is damaged: the database does not match its checksum."))
    missing = sorted(set(expected_media) - found)
    if missing:
        raise BackupError(_("The backup is damaged: %(count)d media files are missing, e.g. %(name)s.")
                          % {"count": len(missing), "name": missing[0]})
    return db_file, media_dir


def _maintenance_connection(settings_dict):
    import psycopg

    params = {"dbname": "postgres", "autocommit": True}
    for key, name in (("HOST", "host"), ("PORT", "port"), ("USER", "user"), ("PASSWORD", "password")):
        if settings_dict.get(key):
            params[name] = settings_dict[key]
    return psycopg.connect(**params)


def _restore_postgresql(connection, db_file):
    from psycopg import sql

    sd = connection.settings_dict
    name = sd["NAME"]
    token = secrets.token_hex(4)
    temp, old = f"{name[:40]}_restore_{token}", f"{name[:40]}_old_{token}"
    with _maintenance_connection(sd) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(sql.Identifier(temp)))
        try:
            _run(["pg_restore", "--exit-on-error", "--no-owner", "--no-privileges", *_pg_args(sd),
                  "--dbname", temp, str(db_file)], _pg_env(sd), "pg_restore")
        except BaseException:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(temp)))
            raise
        # Swap: nobody may be connected to the live database while it is renamed.
        connections.close_all()
        admin.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(sql.Identifier(name)))
        try:
            _rename_when_free(admin, name, old)
        except BaseException:
            admin.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(sql.Identifier(name)))
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(temp)))
            raise
        try:
            admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(temp), sql.Identifier(name)))
        except BaseException:
            admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(old), sql.Identifier(name)))
            admin.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(sql.Identifier(name)))
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(temp)))
            raise
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(old)))


def _rename_when_free(admin, name, new_name, attempts=20):
    """Rename a database after ending its sessions (a terminated session takes a moment to go)."""
    import time

    import psycopg
    from psycopg import sql

    for attempt in range(attempts):
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", [name])
        try:
            admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(name),
                                                                        sql.Identifier(new_name)))
            return
        except psycopg.errors.ObjectInUse:
            if attempt == attempts - 1:
                raise BackupError(_("The database %(name)s is still in use; stop the site and try again.")
                                  % {"name": name}) from None
            time.sleep(0.25)


def _restore_sqlite(connection, db_file):
    source = sqlite3.connect(db_file)
    try:
        result = source.execute("PRAGMA integrity_check").fetchone()
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        source.close()
        raise BackupError(_("The backed-up database cannot be read: %(error)s") % {"error": exc}) from None
    if not result or result[0] != "ok" or "django_migrations" not in tables:
        source.close()
        raise BackupError(_("The backed-up database failed its integrity check."))
    try:
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError(_("A restore cannot run inside a transaction."))
        # The backup API replaces the live database in one write transaction: readers
        # see the old content or the new one, never a mixture.
        source.backup(connection.connection)
    except sqlite3.DatabaseError as exc:
        raise BackupError(_("Restoring the database failed (nothing was changed): %(error)s") % {"error": exc}) from None
    finally:
        source.close()
    connection.close()  # forget cached schema/state of the replaced database


def _swap_media(extracted, media_root):
    media_root = Path(media_root)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staged = media_root.with_name(f".{media_root.name}.restore-{secrets.token_hex(4)}")
    shutil.move(str(extracted), staged)  # same file system as MEDIA_ROOT from here on
    old = media_root.with_name(f".{media_root.name}.old-{secrets.token_hex(4)}")
    if media_root.exists():
        os.rename(media_root, old)
    os.rename(staged, media_root)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def rebuild_after_restore(stdout=None):
    """Caches cleared and every search index rebuilt from the restored pages."""
    from django.core.cache import caches

    steps = []
    for alias in settings.CACHES:
        caches[alias].clear()  # page fragments and settings cached for the replaced content
    steps.append("cache")
    quiet = {"stdout": stdout or io.StringIO(), "stderr": io.StringIO()}
    call_command("rebuild_site_search", no_progress=True, **quiet)  # public search, every language
    steps.append("rebuild_site_search")
    call_command("update_index", verbosity=0, **quiet)  # Wagtail admin search
    steps.append("update_index")
    call_command("rebuild_references_index", verbosity=0, **quiet)
    steps.append("rebuild_references_index")
    try:
        from pagecache.purge import all_urls, send
    except ImportError:  # pragma: no cover - the page cache app is optional
        pass
    else:
        send(all_urls())  # nginx page cache, when configured
        steps.append("purge")
    return steps


def restore(archive, *, using=DEFAULT_DB_ALIAS, media_root=None, reindex=True, stdout=None):
    connection = connections[using]
    manifest = read_manifest(archive)
    pending = check_compatible(manifest, connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="govsite-restore-") as work:
        db_file, media_dir = _extract(archive, manifest, work)
        if manifest["vendor"] == "postgresql":
            _restore_postgresql(connection, db_file)
        else:
            _restore_sqlite(connection, db_file)
        if manifest["media"]["included"]:
            _swap_media(media_dir, media_root)
    result = RestoreResult(vendor=manifest["vendor"], created_at=manifest["created_at"],
                           media_files=len(manifest["media"]["files"]), migrated=bool(pending))
    if pending:
        call_command("migrate", interactive=False, verbosity=0, stdout=stdout or io.StringIO())
        result.steps.append("migrate")
    if reindex:
        result.steps += rebuild_after_restore(stdout)
    return result
