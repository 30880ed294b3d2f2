"""Benchmark letters: form submissions per second, and the statistics page at 100,000 letters.

Usage (on a migrated database with the column tree, e.g. after `python manage.py setup_demo`):

    python benchmarks/letters_benchmark.py [--submissions 200] [--letters 100000]

Everything happens inside a transaction that is rolled back: nothing is left.

Submissions are posted the way a person does (GET the form, solve its CAPTCHA,
POST, follow to the receipt) through Django's test client, rate limit off.
Two references are measured in the same run so the numbers can be compared
across machines: the GET of the form alone, and ``workflow.submit`` alone
(storage, clock and audit entry without HTTP or the guard).
"""
import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django  # noqa: E402

django.setup()

from captcha.models import CaptchaStore  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from departments.models import Department  # noqa: E402
from interaction import workflow  # noqa: E402
from interaction.models import Letter, LetterType, State  # noqa: E402
from interaction.setup import ensure_letter_types  # noqa: E402
from tests.public_forms import captcha_key  # noqa: E402


class Rollback(Exception):
    pass


def rate(label, count, func):
    for i in range(3):  # warm up: templates, URL resolvers, first queries
        func(-1 - i)
    start = time.perf_counter()
    for i in range(count):
        func(i)
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {count / elapsed:>8.1f} /s  ({elapsed * 1000 / count:.1f} ms each)", flush=True)
    return count / elapsed


def submit_over_http(client, type_pk):
    def run(i):
        page = client.get("/hudong/write/consultation/")
        key = captcha_key(page.content.decode())
        response = client.post("/hudong/write/consultation/", {
            "letter_type": str(type_pk), "title": f"基准测试咨询{i}", "body": "请问危险化学品经营许可证延续需要哪些材料？",
            "name": "张三", "phone": "13800000000", "allow_publish": "on",
            "captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response,
        })
        assert response.status_code == 302, response.status_code
        client.get(response["Location"])

    return run


def bulk_letters(count, types, departments):
    rng = random.Random(2026)
    now = timezone.now()
    batch = []
    for i in range(count):
        received = now - dt.timedelta(days=rng.randint(0, 364), minutes=rng.randint(0, 1440))
        replied = rng.random() < 0.8
        letter_type = rng.choice(types)
        due = (received + dt.timedelta(days=6 if letter_type.deadline_workdays < 10 else 21)).date()
        replied_at = received + dt.timedelta(days=rng.randint(1, 10)) if replied else None
        batch.append(Letter(
            letter_type=letter_type, number=f"B{i:09d}", query_code_hash="x", title=f"统计基准信件{i}",
            body="内容", name="张三", phone="13800000000", submitted_at=received,
            state=State.REPLIED if replied else rng.choice([State.NEW, State.ASSIGNED, State.REJECTED]),
            department=rng.choice(departments), reply_department=None, replied_at=replied_at,
            due_date=due, workdays_used=rng.randint(1, 8) if replied else None, published=replied,
        ))
        if len(batch) == 5000:
            Letter.objects.bulk_create(batch)
            batch = []
    Letter.objects.bulk_create(batch)


def timed_get(client, url, repeat=5):
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    return statistics.median(times), max(times), queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--letters", type=int, default=100_000)
    args = parser.parse_args()
    print(f"database: {connection.vendor}", flush=True)
    try:
        with transaction.atomic(), override_settings(RATELIMIT_ENABLE=False, ALLOWED_HOSTS=["*"]):
            ensure_letter_types()
            consultation = LetterType.objects.get(code="zxzx")
            client = Client()
            form_rate = rate("reference: GET the form (render + CAPTCHA)", args.submissions,
                             lambda i: client.get("/hudong/write/consultation/"))
            store_rate = rate("reference: workflow.submit alone", args.submissions,
                              lambda i: workflow.submit(consultation, title=f"直接{i}", body="内容内容", phone="138"))
            http_rate = rate("submissions over HTTP (GET, solve, POST, receipt)", args.submissions,
                             submit_over_http(client, consultation.pk))
            print(f"  submissions/s vs form GET: {http_rate / form_rate:.2f}x, vs submit alone: "
                  f"{http_rate / store_rate:.2f}x", flush=True)

            types = list(LetterType.objects.all())
            departments = list(Department.objects.exclude(kind=Department.Kind.SHARED))
            start = time.perf_counter()
            bulk_letters(args.letters, types, departments)
            print(f"inserted {args.letters} letters in {time.perf_counter() - start:.1f} s "
                  f"(total now {Letter.objects.count()})", flush=True)
            month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
            for label, url in [("statistics page (last month)", f"/hudong/statistics/?month={month:%Y-%m}"),
                               ("statistics page (this month)", "/hudong/statistics/"),
                               ("published letters list (page 1)", "/hudong/letters/"),
                               ("published letters list (page 200)", "/hudong/letters/?p=200")]:
                median, worst, queries = timed_get(client, url)
                print(f"{label:<48} median {median:>7.1f} ms  max {worst:>7.1f} ms  {queries} queries", flush=True)
            raise Rollback
    except Rollback:
        print("rolled back; nothing left in the database")


if __name__ == "__main__":
    settings.DEBUG = False
    main()
