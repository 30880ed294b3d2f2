"""Import 双公示 records from a CSV file (UTF-8 or GB18030, Chinese headers)."""
import datetime

from django.core.management.base import BaseCommand, CommandError

from departments.models import Department
from plugins.builtin.shuanggongshi.importer import ImportError_, decode, import_rows
from plugins.builtin.shuanggongshi.models import RecordKind


class Command(BaseCommand):
    help = "Import licensing (--kind license) or penalty (--kind penalty) decisions from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("csv_file")
        parser.add_argument("--kind", required=True, choices=RecordKind.values)
        parser.add_argument("--department", help="Key of the responsible department for rows without one.")
        parser.add_argument("--published-on", help="Publication date (YYYY-MM-DD) for rows without 公示日期.")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; save nothing.")

    def handle(self, *args, csv_file, kind, department, published_on, dry_run, **options):
        dept = None
        if department:
            dept = Department.objects.filter(key=department).first()
            if dept is None:
                raise CommandError(f"Unknown department key: {department}")
        default_published_on = None
        if published_on:
            try:
                default_published_on = datetime.date.fromisoformat(published_on)
            except ValueError:
                raise CommandError(f"Not a date: {published_on}")
        try:
            with open(csv_file, "rb") as fh:
                text = decode(fh.read())
            result = import_rows(
                text, kind=kind, department=dept, default_published_on=default_published_on, dry_run=dry_run,
            )
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_file}: {exc}")
        except ImportError_ as exc:
            raise CommandError(str(exc))
        for row_number, message in result.errors:
            self.stderr.write(f"row {row_number}: {message}")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{result.created} record(s) {verb} created, {result.updated} updated, {len(result.errors)} row(s) rejected."
        )
        if result.errors:
            raise CommandError(f"{len(result.errors)} row(s) rejected; the other rows {verb} imported.")
