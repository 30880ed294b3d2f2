"""Restore a backup made by backup_site, replacing the current database and media (see core/backup.py).

    manage.py restore_site /var/backups/govsite/govsite-backup-20261202-030000.tar.gz --yes

Stop the application servers first (the PostgreSQL restore ends their sessions).
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from core import backup


class Command(BaseCommand):
    help = "Restore a site backup (database and media), then rebuild the search indexes."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--no-reindex", action="store_true",
                            help="skip rebuilding the search indexes (run rebuild_site_search yourself)")

    def handle(self, *args, archive, database, yes, no_reindex, **options):
        try:
            manifest = backup.read_manifest(archive)
            backup.check_compatible(manifest, connections[database])
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        summary = _("Backup of %(created)s (%(vendor)s, %(files)d media files).") % {
            "created": manifest["created_at"], "vendor": manifest["vendor"],
            "files": len(manifest["media"]["files"])}
        self.stdout.write(summary)
        if not yes:
            answer = input(_("This replaces the current database and media. Type yes to continue: "))
            if answer.strip().lower() != "yes":
                raise CommandError(_("Restore cancelled; nothing was changed."))
        try:
            result = backup.restore(archive, using=database, reindex=not no_reindex, stdout=self.stdout)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(_("Restored. Steps after the restore: %(steps)s")
                                             % {"steps": ", ".join(result.steps) or "-"}))
