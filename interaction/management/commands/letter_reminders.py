"""Send the letter reminders, escalations and long-unanswered alarms (safe to run repeatedly, e.g. hourly)."""
import datetime

from django.core.management.base import BaseCommand, CommandError

from interaction.reminders import run


class Command(BaseCommand):
    help = "Remind handlers one working day before a letter is due; escalate overdue letters to 分管局领导."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (for testing; default: today in Beijing time)")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today must be YYYY-MM-DD, not {today!r}")
        counts = run(today=today)
        self.stdout.write("Reminders: {reminded}, escalations: {escalated}, long-unanswered alarms: {alarmed}"
                          .format(**counts))
