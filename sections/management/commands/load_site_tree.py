from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sections.site_tree import SiteTreeError, apply_site_tree, read_site_tree


class Command(BaseCommand):
    help = "Load (or update) the agency, departments, review roles and column tree from a data file."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="YAML data file (default: settings.SITE_TREE_FILE)")

    def handle(self, *args, path=None, **options):
        path = path or settings.SITE_TREE_FILE
        try:
            report = apply_site_tree(read_site_tree(path))
        except SiteTreeError as exc:
            raise CommandError(
                f"{path}: nothing was loaded; fix these problems first:\n  - " + "\n  - ".join(exc.errors)
            ) from exc
        for text in report.created:
            self.stdout.write(f"  + {text}")
        for text in report.updated:
            self.stdout.write(f"  ~ {text}")
        for text in report.not_in_file:
            self.stdout.write(self.style.WARNING(f"  ? kept, but not in the file: {text}"))
        if report.changed:
            self.stdout.write(self.style.SUCCESS(
                f"{path}: {len(report.created)} created, {len(report.updated)} updated."
            ))
        else:
            self.stdout.write(self.style.SUCCESS(f"{path}: already up to date, nothing changed."))
