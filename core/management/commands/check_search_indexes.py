"""Check the search indexes and translations against the live pages; repair only what is missing.

    manage.py check_search_indexes            # report and repair
    manage.py check_search_indexes --dry-run  # report only; exit status 1 when something is missing
    manage.py check_search_indexes --under zwgk/zfxxgk/zcwj   # one subtree and its translations

Every deferred publishing pass that can tell what it has not done (core.bulk
``register_pass(..., missing=...)``: the site search, Wagtail's admin search,
the 繁體/English versions) is asked about every live page, in every language.
The pages it names, and whatever an interrupted bulk run left in the journal,
are then processed by that pass alone, in batches. ``rebuild_site_search``
and ``update_index`` rebuild everything; this touches only the drift, so it
is cheap enough to run nightly or after a crash.
"""
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from core import bulk


class Command(BaseCommand):
    help = "Find live pages missing from the search indexes or translations, and repair only those."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report only; exit with status 1 on drift")
        parser.add_argument("--skip", action="append", default=[], help="A pass to leave out, e.g. translations")
        parser.add_argument("--under", help="Only this subtree (slug path below the home page, e.g. zwgk/zfxxgk/zcwj) "
                                            "and its translations")

    def handle(self, *args, dry_run=False, skip=(), under=None, **options):
        live = self._live_pages(under)
        missing = bulk.find_missing(live, skip=skip)
        journalled = {item.kind: len(bulk.leftover_page_ids(item.kind)) for item in bulk.passes()
                      if item.kind not in skip}
        labels = {item.kind: item.label for item in bulk.passes()}
        for item in bulk.passes():
            if item.kind in skip:
                continue
            if item.missing is None and not journalled[item.kind]:
                continue
            self.stdout.write(f"{item.label}: {len(missing.get(item.kind, ()))} of {len(live)} live pages missing, "
                              f"{journalled[item.kind]} left over in the journal")
        drift = sum(len(ids) for ids in missing.values()) + sum(journalled.values())
        if dry_run:
            if drift:
                raise CommandError(f"{drift} page(s) to repair", returncode=1)
            self.stdout.write("No drift.")
            return
        if not drift:
            self.stdout.write("No drift.")
            return
        pending = bulk.Pending()
        for kind, ids in missing.items():
            pending.add(kind, ids)
        # run_deferred adds the journal's leftovers; passes with nothing to do do nothing.
        results = bulk.run_deferred(pending, skip=skip)
        failed = 0
        for result in results:
            if not result.pages and not result.follow_up:
                continue
            self.stdout.write(f"{result.label}: {result.pages + result.follow_up} pages repaired, "
                              f"{result.failed_batches} failed batches")
            failed += result.failed_batches
        left = bulk.find_missing(self._live_pages(under), skip=skip)
        if left or failed:
            raise CommandError(
                "Still missing after the repair: "
                + ", ".join(f"{labels[k]} {len(v)}" for k, v in left.items()) + f"; {failed} failed batches",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(f"Repaired {drift} page(s)."))

    def _live_pages(self, under):
        pages = Page.objects.filter(depth__gt=1, live=True)
        if under:
            from wagtail.models import Site

            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError("No default site.")
            top = site.root_page
            for slug in under.strip("/").split("/"):
                top = top.get_children().filter(slug=slug[:255]).first()
                if top is None:
                    raise CommandError(f"No page at {under!r}")
            keys = Page.objects.descendant_of(top, inclusive=True).values_list("translation_key")
            pages = pages.filter(translation_key__in=keys)
        return list(pages.order_by("pk").values_list("pk", flat=True))
