"""Back up the database and the uploaded media into one archive (see core/backup.py).

    manage.py backup_site /var/backups/govsite/            # a new govsite-backup-<time>.tar.gz in that folder
    manage.py backup_site /var/backups/govsite/today.tar.gz [--no-media]
"""
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or SQLite's online backup) and MEDIA_ROOT into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="an archive path (.tar.gz) or an existing folder")
        parser.add_argument("--database", default="default")
        parser.add_argument("--no-media", action="store_true", help="database only")

    def handle(self, *args, destination, database, no_media, **options):
        try:
            path = backup.backup(destination, using=database, include_media=not no_media)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(_("Backup written to %(path)s") % {"path": path}))
