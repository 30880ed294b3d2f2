from django.core.management.base import BaseCommand

from participation.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind departments and the office of consultation feedback due within a week or overdue (run daily)."

    def handle(self, *args, **options):
        sent = send_reminders(stdout=self.stdout)
        self.stdout.write(f"{sent} reminder(s) sent.")
