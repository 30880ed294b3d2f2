"""Benchmark the public 双公示 listing and the 7-working-day check.

Usage (after `python manage.py setup_demo`):

    python benchmarks/sgs_listing.py [--records 5000]

Adds N penalty records inside a transaction that is rolled back at the end,
then prints the query count and time of the listing page, a filtered search
and the deadline check. Nothing is left in the database.
"""
import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from plugins.builtin.shuanggongshi.deadlines import deadline_problems  # noqa: E402
from plugins.builtin.shuanggongshi.models import DisclosureListingPage, DisclosureRecord  # noqa: E402


class Rollback(Exception):
    pass


def measure(label, func):
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        result = func()
        elapsed = (time.perf_counter() - start) * 1000
    print(f"{label:<40} {len(ctx.captured_queries):>4} queries {elapsed:>9.1f} ms")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=5000)
    args = parser.parse_args()
    page = DisclosureListingPage.objects.live().filter(record_kind="penalty").first()
    if page is None:
        sys.exit("No live penalty disclosure column: run `python manage.py setup_demo` first.")
    client = Client(HTTP_HOST="127.0.0.1")
    url = page.url
    try:
        with transaction.atomic():
            base = dt.date(2025, 1, 2)
            DisclosureRecord.objects.bulk_create(
                DisclosureRecord(
                    kind="penalty", document_number=f"BENCH-{n}", party_name=f"张{n % 97}",
                    party_type="natural_person" if n % 3 == 0 else "legal_person", decision_date=base + dt.timedelta(days=n % 300),
                    published_on=base + dt.timedelta(days=n % 300 + (n % 15)), matter="事由", legal_basis="依据",
                    result="结果", authority="上海市应急管理局",
                )
                for n in range(args.records)
            )
            print(f"{DisclosureRecord.objects.count()} records")
            client.get(url)  # warm up
            measure("listing page 1", lambda: client.get(url))
            measure("listing page 50", lambda: client.get(url, {"rpage": 50}))
            measure("search + year filter", lambda: client.get(url, {"q": "BENCH-12", "year": "2025"}))
            problems = measure("deadline check (all departments)", deadline_problems)
            print(f"{len(problems)} late or overdue records")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
