"""Recompute the validity (有效性) of policy documents; run daily (cron / systemd timer).

Documents whose 有效期至 has passed become 已失效, those whose 施行日期 has
arrived become 现行有效, repeals and amendments that have taken effect are
applied. Each change is logged (PageLogEntry ``policy.validity_changed``);
running it again changes nothing.
"""
import datetime

from django.core.management.base import BaseCommand, CommandError

from policy.validity_updates import refresh_validity


class Command(BaseCommand):
    help = "Flip the stored validity of policy documents whose dates or amend/repeal links now require it."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Evaluate as of this date (YYYY-MM-DD); default today.")
        parser.add_argument("--dry-run", action="store_true", help="Only report what would change.")

    def handle(self, *args, date=None, dry_run=False, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as exc:
                raise CommandError(f"--date must be YYYY-MM-DD, not {date[:40]!r}") from exc
        if dry_run:
            from django.db import transaction

            with transaction.atomic():
                changes = refresh_validity(today=today)
                transaction.set_rollback(True)
        else:
            changes = refresh_validity(today=today)
        for page, old, new in changes:
            self.stdout.write(f"{page.pk}\t{page.title}\t{old} -> {new}")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.style.SUCCESS(f"{len(changes)} document(s) {verb}."))
