"""Run the deferred publishing passes (indexes, translations) an interrupted bulk run left undone."""
from django.core.management.base import BaseCommand

from core import bulk


class Command(BaseCommand):
    help = "Finish the index and translation passes of an interrupted import (core.bulk journal)."

    def add_arguments(self, parser):
        parser.add_argument("--skip", action="append", default=[], help="a pass to leave out, e.g. translations")

    def handle(self, *args, skip, **options):
        for result in bulk.run_deferred(bulk.Pending(), skip=skip):
            self.stdout.write(f"{result.label}: {result.pages + result.follow_up} pages, "
                              f"{result.failed_batches} failed batches")
