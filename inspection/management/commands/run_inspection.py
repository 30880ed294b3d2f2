"""The nightly inspection profile (cron / systemd timer): safe to run more than once a day."""
import datetime

from django.core.management.base import BaseCommand, CommandError

from inspection.profile import run_profile


class Command(BaseCommand):
    help = "Run the website inspection profile (国办秘函〔2019〕19号 indicators) and store today's findings."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Inspection day YYYY-MM-DD (default: today in Beijing time)")
        parser.add_argument("--check-links", action="store_true", help="Check the links in page bodies first")
        parser.add_argument("--no-digest", action="store_true", help="Do not e-mail the department digests")

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = datetime.date.fromisoformat(options["date"][:10])
            except ValueError as exc:
                raise CommandError(f"--date: not a date: {options['date'][:40]!r}") from exc
        if options["check_links"]:
            from inspection.links import check_site_links

            stats = check_site_links()
            self.stdout.write(f"links: {stats}")
        run = run_profile(today=day)
        summary = run.summary
        self.stdout.write(
            f"inspection {run.day}: {run.findings.count()} findings, vetoes {summary['veto_rules'] or '-'}, "
            f"risks {summary['veto_risk_rules'] or '-'}, pending {summary['pending_rules'] or '-'}, "
            f"projected score {summary['projected_score']}"
        )
        if not options["no_digest"]:
            from inspection.digest import send_digests

            sent = send_digests(run)
            self.stdout.write(f"digests: {sent} sent")
