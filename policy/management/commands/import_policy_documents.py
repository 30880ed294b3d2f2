"""Import policy documents from CSV or JSON into a column; see policy/importer.py for the format.

    manage.py import_policy_documents documents.csv --column zwgk/zfxxgk/zcwj --files-dir ./files
"""
import csv
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from core.spreadsheets import csv_text
from policy.importer import PolicyImporter, read_rows


class Command(BaseCommand):
    help = "Import policy documents (CSV or JSON) into a column, idempotently by 索引号."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .csv or .json file")
        parser.add_argument("--column", required=True, help="Slug path of the target column below the home page, e.g. zwgk/zfxxgk/zcwj")
        parser.add_argument("--files-dir", help="Directory the attachment paths are relative to")
        parser.add_argument("--report", help="Write the per-row error report to this CSV file")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar")
        parser.add_argument("--fail-on-error", action="store_true", help="Exit with status 1 if any row failed")
        parser.add_argument("--default-issuer", default="",
                            help="发文机关 for rows without one (default: leave it empty)")
        parser.add_argument("--default-date", default=None,
                            help="成文日期 (YYYY-MM-DD) for rows without one (default: report those rows)")
        parser.add_argument(
            "--skip-translations", action="store_true",
            help="Do not create the 繁體/English versions now; run manage.py sync_zh_hant later (e.g. at night)",
        )

    def handle(self, *args, path, column, files_dir=None, report=None, no_progress=False, fail_on_error=False,
               skip_translations=False, default_issuer="", default_date=None, **options):
        import datetime

        target = self._column(column)
        if default_date:
            try:
                default_date = datetime.date.fromisoformat(default_date)
            except ValueError:
                raise CommandError(f"--default-date: not a date (YYYY-MM-DD): {default_date[:40]!r}") from None
        try:
            rows = read_rows(path)
        except (OSError, ValueError, UnicodeDecodeError, csv.Error) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        importer = PolicyImporter(target, files_dir=files_dir, default_issuer=default_issuer[:100],
                                  default_date=default_date)

        def pass_bar(label, total):
            return tqdm(total=total, unit="page", desc=str(label), disable=no_progress, file=sys.stderr)

        with tqdm(total=len(rows), unit="doc", disable=no_progress, file=sys.stderr) as bar:
            result = importer.run(
                rows, progress=bar, pass_progress=pass_bar,
                skip_passes=("translations",) if skip_translations else (),
            )
        for number, message in result.errors:
            self.stderr.write(f"row {number}: {message}")
        if report:
            with open(report, "w", newline="", encoding="utf-8") as fh:
                fh.write(csv_text([["row", "error"], *result.errors]))
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.errors)} failed."
        )
        for item in result.deferred:
            line = f"{item.label}: {item.pages} pages updated"
            if item.follow_up:
                line += f", then {item.follow_up} pages the other passes published (translations)"
            if item.failed_batches:
                line += f", {item.failed_batches} batch(es) failed (see the log)"
            self.stdout.write(line)
        if skip_translations:
            self.stdout.write("Translations skipped: run manage.py sync_zh_hant to create the 繁體/English versions.")
        if fail_on_error and result.errors:
            raise CommandError(f"{len(result.errors)} row(s) failed", returncode=1)

    def _column(self, slug_path):
        from wagtail.models import Site

        from sections.models import ColumnPage

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default site; run load_site_tree first.")
        page = site.root_page
        for slug in slug_path.strip("/").split("/"):
            page = page.get_children().filter(slug=slug[:255]).first()
            if page is None:
                raise CommandError(f"No column at {slug_path!r}")
        page = page.specific
        if not isinstance(page, ColumnPage):
            raise CommandError(f"{slug_path!r} is not a column edited in the admin")
        return page
