"""Probe key pages and record response times (run every few minutes from cron or a systemd timer)."""
import time

import requests
from django.core.management.base import BaseCommand
from django.utils import timezone

from inspection.models import AvailabilityProbe

SLOW_SECONDS = 15


class Command(BaseCommand):
    help = "Fetch the given URLs once each and record status and time for the 7-day availability indicator."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", help="e.g. https://yjglj.example.gov.cn/")
        parser.add_argument("--timeout", type=float, default=SLOW_SECONDS)

    def handle(self, *args, **options):
        for url in options["urls"][:50]:
            url = url[:500]
            started = time.monotonic()
            try:
                response = requests.get(url, timeout=options["timeout"])
                code, ok = response.status_code, response.status_code < 400
            except requests.RequestException:
                code, ok = None, False
            seconds = time.monotonic() - started
            AvailabilityProbe.objects.create(url=url, at=timezone.now(), status_code=code, seconds=seconds, ok=ok)
            self.stdout.write(f"{url}: {code or 'failed'} in {seconds:.2f}s")
