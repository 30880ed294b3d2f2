"""Benchmark the nightly inspection profile and the 错敏词 check.

Usage:

    DATABASE_URL=sqlite:////tmp/inspection-bench.sqlite3 python benchmarks/inspection_benchmark.py --pages 10000
    python benchmarks/inspection_benchmark.py --words-only

With ``--pages N`` it migrates the database named by DATABASE_URL (use a
scratch file: the pages stay), loads the site tree, adds N live articles
spread over the manual columns (no external links; some containing list
terms and personal data), then times ``run_profile`` twice (the second run
replaces the first: the idempotent case). Pages are inserted in bulk
(treebeard paths computed here) because the Wagtail page API would take
most of an hour for 100,000 pages; the profile itself reads them like any
other page.

The 错敏词 part checks a 20,000-character page against the full shipped
lists (plus the personal-data scan) and prints the mean of 20 runs.
"""
import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django  # noqa: E402

django.setup()

SENTENCES = [
    "市应急管理局召开安全生产工作会议，部署汛期安全防范工作。",
    "各区要加强危险化学品重大危险源监管，落实企业主体责任。",
    "会议强调，要坚持人民至上、生命至上，统筹发展和安全。",
    "各单位要再接再励，扎实做好隐患排查治理。",  # a typo from the list
    "执法人员依法对该企业作出行政处罚决定，罚款人民币五万元。",
    "全市共检查生产经营单位1245家，发现并整改隐患3876项。",
    "联系电话：021-62750010。",
]


def text_of(length, rng):
    parts, size = [], 0
    while size < length:
        s = rng.choice(SENTENCES)
        parts.append(s)
        size += len(s)
    return "".join(parts)[:length]


def words_benchmark():
    from inspection.words.engine import Matcher, shipped_allowed, shipped_entries
    from inspection.words.personal_data import find_personal_data

    rng = random.Random(1)
    text = text_of(20_000, rng) + "当事人身份证号11010519491231002X。"
    start = time.perf_counter()
    matcher = Matcher(shipped_entries(), shipped_allowed())
    build = time.perf_counter() - start
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        hits = matcher.find(text)
        personal = find_personal_data(text)
    each = (time.perf_counter() - start) / runs
    print(f"错敏词: {len(matcher.entries)} entries, automaton built in {build * 1000:.1f} ms; "
          f"20,000-character page: {each * 1000:.2f} ms per check ({len(hits)} hits, {len(personal)} personal data)")


def add_pages(count):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from sections.models import ArticlePage, ColumnPage

    home = Page.objects.get(depth=2, locale__language_code="zh-hans")
    columns = [c for c in ColumnPage.objects.live().descendant_of(home).specific() if not c.get_children().exists()]
    ct = ContentType.objects.get_for_model(ArticlePage)
    rng = random.Random(2)
    now = timezone.now()
    per_column = {c.pk: c.numchild for c in columns}
    started = time.perf_counter()
    batch = 2000
    with transaction.atomic():
        for offset in range(0, count, batch):
            pages, specifics = [], []
            for i in range(offset, min(count, offset + batch)):
                column = columns[i % len(columns)]
                per_column[column.pk] += 1
                path = column.path + _step(per_column[column.pk])
                published = now - dt.timedelta(days=rng.randint(0, 400), minutes=rng.randint(0, 1440))
                slug = f"bench-{i}"
                pages.append(Page(
                    title=f"基准测试信息{i}", draft_title=f"基准测试信息{i}", slug=slug, content_type=ct, path=path,
                    depth=column.depth + 1, numchild=0, live=True, url_path=f"{column.url_path}{slug}/",
                    first_published_at=published, last_published_at=published, locale_id=column.locale_id,
                    translation_key=__import__("uuid").uuid4(),
                ))
            Page.objects.bulk_create(pages)
            created = Page.objects.filter(slug__in=[p.slug for p in pages]).values_list("pk", "slug", "path", "first_published_at")
            for pk, slug, path, published in created:
                i = int(slug.split("-")[1])
                body = [("paragraph", f"<p>{text_of(600, rng)}</p>")]
                if i % 97 == 0:
                    body.append(("paragraph", "<p>当事人身份证号11010519491231002X。</p>"))
                specifics.append((pk, body))
            _insert_specific_rows(ArticlePage, specifics)
        for column in columns:
            Page.objects.filter(pk=column.pk).update(numchild=per_column[column.pk])
    print(f"added {count} pages in {time.perf_counter() - started:.1f} s")


def _insert_specific_rows(model, specifics):
    """Insert the ArticlePage rows of already-created Page rows in one executemany.

    Django cannot bulk_create multi-table-inheritance children and save_base
    per page took most of the set-up time (113 s for 10,000 pages); the
    values are prepared by the fields themselves, as save_base would.
    """
    from django.db import connection

    fields = [f for f in model._meta.local_concrete_fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = []
    for pk, body in specifics:
        obj = model(page_ptr_id=pk, summary="", body=body)
        rows.append([f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _step(n):
    from wagtail.models import Page

    return Page._int2str(n).rjust(Page.steplen, "0")


def profile_benchmark(pages, cprofile=False):
    from django.core.management import call_command

    from inspection.profile import run_profile

    call_command("migrate", verbosity=0)
    call_command("load_site_tree", verbosity=0)
    add_pages(pages)
    if cprofile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(run_profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
    for label in ("first run", "second run (same day, replaces the first)"):
        start = time.perf_counter()
        run = run_profile()
        print(f"profile {label}: {time.perf_counter() - start:.1f} s, {run.findings.count()} findings, "
              f"summary {run.summary}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--words-only", action="store_true")
    parser.add_argument("--cprofile", action="store_true", help="Print where one profile run spends its time")
    args = parser.parse_args()
    words_benchmark()
    if args.pages and not args.words_only:
        profile_benchmark(args.pages, cprofile=args.cprofile)


if __name__ == "__main__":
    main()
