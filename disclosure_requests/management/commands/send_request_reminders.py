"""Daily (cron): mail 办公室 the open requests due within ``--days`` working days or overdue."""
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.notifications import notify
from disclosure_requests import roles
from disclosure_requests.models import DisclosureRequest
from disclosure_requests.services import due_state


def reminder_rows(today, days):
    rows = []
    for item in DisclosureRequest.objects.open().prefetch_related("clock_entries"):
        due, left, overdue = due_state(item, today)
        if due is not None and left is not None and left <= days:
            rows.append({"item": item, "due": due, "left": left, "overdue": overdue})
    return sorted(rows, key=lambda r: r["left"])


class Command(BaseCommand):
    help = "Remind the office of requests for government information due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="remind this many working days before the due date")

    def handle(self, *args, days=3, **options):
        rows = reminder_rows(timezone.localdate(), max(0, min(days, 20)))
        if not rows:
            self.stdout.write("No request due soon.")
            return
        result = notify(roles.DEFAULT_ROLES["handle"], "disclosure_requests/email/reminder",
                        {"items": rows, "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")})
        self.stdout.write(f"{len(rows)} requests; mail sent to {len(result.sent)}, failed {len(result.failed)}.")
