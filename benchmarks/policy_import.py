"""Benchmark the policy import: generate N documents and import them into a fresh database.

    .venv/bin/python benchmarks/policy_import.py            # 10,000 documents, SQLite in a temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/policy_import.py --count 2000

Prints documents per second and peak memory (peak RSS from getrusage; with
--tracemalloc also the Python heap peak, which slows the run down). Every
tenth document repeals an earlier one, every fifth has a 办 service item,
every twentieth an attachment. The time of the row loop and of each
deferred pass (admin search, reference index, site search; see core.bulk)
is reported separately, and documents/second counts all of it. A second run
over the same file measures the idempotent no-change path.

By default the 繁體/English pass is off, as in an import run with
--skip-translations followed by a nightly sync_zh_hant. --translations turns
it on (OpenCC conversion and wagtail-localize copies) and reports that pass
as 繁體/English pages per second (source pages, each getting a live 繁體 copy
and an English draft).

Reference in the same run: ``--reference REV`` extracts the project at git
revision REV (``git archive``) into a temporary directory and runs that
revision's own copy of this benchmark there, on its own fresh database, with
``--reference-count`` documents (the old code is too slow for 10,000 with
translations), then prints both results side by side.

    .venv/bin/python benchmarks/policy_import.py --translations --reference 1a21f6f --reference-count 300

``--per-row`` measures this revision's per-row path instead (Wagtail's own
add_child, save_revision and publish for each document, as updates and
failed batches still use; new documents are otherwise written in batches by
core.bulk_pages).

``--template-db FILE`` starts from a copy of an already migrated SQLite
database instead of migrating a new one (saves minutes on a loaded machine);
``--profile FILE`` writes a cProfile of the first import.
"""
import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def generate(path, files_dir, count):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with open(files_dir / "附件.pdf", "wb") as fh:
        writer.write(fh)
    fields = ["index_number", "title", "doc_number", "doc_type", "written_date", "publish_date", "effective_date",
              "expiry_date", "is_normative", "tags", "summary", "body", "attachments", "repeals", "services"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for n in range(1, count + 1):
            year = 2010 + n % 14
            writer.writerow({
                "index_number": f"BENCH-{year}-{n:06d}",
                "title": f"上海市应急管理局关于印发《安全生产管理办法（第{n}号）》的通知",
                "doc_number": f"沪应急规〔{year}〕{n}号",
                "doc_type": "通知",
                "written_date": f"{year}-03-{1 + n % 28:02d}",
                "publish_date": f"{year}-04-{1 + n % 28:02d}",
                "effective_date": f"{year}-05-01",
                "expiry_date": f"{year + 5}-04-30" if n % 3 == 0 else "",
                "is_normative": "是" if n % 2 else "否",
                "tags": "安全生产" if n % 4 else "安全生产;行政许可",
                "summary": "为加强本市安全生产管理，规范行政许可工作，制定本办法。",
                "body": "第一条 为了加强安全生产工作，防止和减少生产安全事故，制定本办法。\n\n第二条 本办法适用于本市行政区域内的生产经营单位。" * 3,
                "attachments": "附件.pdf" if n % 20 == 0 else "",
                "repeals": f"BENCH-{2010 + (n - 5) % 14}-{n - 5:06d}" if n % 10 == 0 and n > 5 else "",
                "services": f"安全生产许可|https://zwdt.sh.gov.cn/item/{n}" if n % 5 == 0 else "",
            })


class _PassTimer:
    """pass_progress for the importer: times each deferred pass."""

    timings = []

    def __init__(self, label, total):
        self.label, self.total, self.started = str(label), total, time.perf_counter()

    def update(self, n):
        pass

    def close(self):
        elapsed = time.perf_counter() - self.started
        self.timings.append((self.label, self.total, elapsed))
        print(f"  pass {self.label}: {self.total} pages in {elapsed:.1f} s", flush=True)


class _Checkpoints:
    """Progress bar plus a line every 500 documents, so an interrupted run still reports numbers."""

    def __init__(self, bar, started, label):
        self.bar, self.started, self.label, self.done = bar, started, label, 0

    def update(self, n):
        self.bar.update(n)
        self.done += n
        if self.done % 500 == 0:
            elapsed = time.perf_counter() - self.started
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {self.label}: {self.done} documents, {elapsed:.0f} s, {self.done / elapsed:.2f} documents/second, "
                  f"peak RSS {rss:.0f} MB", flush=True)


def run_reference(args):
    """This benchmark as it was at git revision ``args.reference``, in a subprocess; returns its output."""
    import shutil
    import subprocess

    checkout = Path(tempfile.mkdtemp(prefix="policy-bench-ref-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.reference], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive.stdout, check=True)
    command = [sys.executable, str(checkout / "benchmarks" / "policy_import.py"), "--count", str(args.reference_count)]
    if args.translations:
        command.append("--translations")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" or not v.startswith("sqlite")}
    if args.template_db:
        # The old script has no --template-db: give it the copy as its DATABASE_URL.
        copy = checkout / "bench.sqlite3"
        shutil.copy(args.template_db, copy)
        env["DATABASE_URL"] = f"sqlite:///{copy}"
    print(f"reference: revision {args.reference}, {args.reference_count} documents, in {checkout}", flush=True)
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    shutil.rmtree(checkout, ignore_errors=True)
    return done.stdout + (f"\n(exit status {done.returncode}) {done.stderr[-2000:]}" if done.returncode else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--translations", action="store_true", help="also create the 繁體/English versions")
    parser.add_argument("--reference", help="git revision to measure in the same run, e.g. main or 1a21f6f")
    parser.add_argument("--reference-count", type=int, default=1_000)
    parser.add_argument("--template-db", help="a migrated SQLite database to start from (copied)")
    parser.add_argument("--profile", help="write a cProfile of the first import to this file")
    parser.add_argument("--per-row", action="store_true", help="the per-row path for new documents (no batches)")
    args = parser.parse_args()

    reference = run_reference(args) if args.reference else None
    workdir = Path(tempfile.mkdtemp(prefix="policy-bench-"))
    if args.template_db:
        import shutil

        shutil.copy(args.template_db, workdir / "bench.sqlite3")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = workdir / "media"
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": args.translations}
    from django.core.management import call_command

    print(f"database: {settings.DATABASES['default']['ENGINE']}  workdir: {workdir}")
    call_command("migrate", verbosity=0)
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_site_tree", stdout=open(os.devnull, "w"))
    from policy.models import PolicyTag, TagCategory

    category, _ = TagCategory.objects.get_or_create(name="主题")
    for name in ("安全生产", "行政许可"):
        PolicyTag.objects.get_or_create(name=name, defaults={"slug": name, "category": category})
    files_dir = workdir / "files"
    files_dir.mkdir()
    csv_path = workdir / "documents.csv"
    generate(csv_path, files_dir, args.count)

    from tqdm import tqdm

    from policy.importer import PolicyImporter, read_rows
    from sections.models import ColumnPage

    column = ColumnPage.objects.get(slug="zcwj", locale__language_code="zh-hans")
    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start()
    summary = []
    for label in ("first import", "re-import (unchanged)"):
        rows = read_rows(csv_path)
        importer = PolicyImporter(column, files_dir=files_dir)
        importer.bulk_enabled = not args.per_row
        _PassTimer.timings = []
        profiler = None
        if args.profile and label == "first import":
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        with tqdm(total=len(rows), unit="doc", file=sys.stderr, mininterval=5) as bar:
            report = importer.run(rows, progress=_Checkpoints(bar, started, label), pass_progress=_PassTimer)
        elapsed = time.perf_counter() - started
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        from core import bulk

        tr_label = str(next((p.label for p in bulk.passes() if p.kind == "translations"), "-"))
        translation_time = sum(t for lbl, _n, t in _PassTimer.timings if lbl == tr_label)
        translated = max([n for lbl, n, _t in _PassTimer.timings if lbl == tr_label] or [0])
        summary.append((label, len(rows), elapsed, elapsed - translation_time, translated, translation_time))
        passes = sum(t for _l, _n, t in _PassTimer.timings)
        print(f"{label}: {len(rows)} rows in {elapsed:.1f} s = {len(rows) / elapsed:.1f} documents/second "
              f"(row loop {elapsed - passes:.1f} s, deferred passes {passes:.1f} s; "
              f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
              f"failed {len(report.errors)})")
        for number, message in report.errors[:5]:
            print(f"  row {number}: {message}")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_rss_mb:.0f} MB")
    for label, n, elapsed, without, translated, translation_time in summary:
        line = f"RESULT {label}: {n} documents, {n / without:.1f} documents/s without the 繁體/English pass"
        if translated and translation_time:
            line += f"; 繁體/English pass {translated} pages in {translation_time:.1f} s = " \
                    f"{translated / translation_time:.2f} pages/s"
        print(line)
    if reference is not None:
        print("---- reference (same run) ----")
        print(reference)
    if args.tracemalloc:
        import tracemalloc

        _current, peak = tracemalloc.get_traced_memory()
        print(f"peak Python heap (tracemalloc): {peak / 1024 / 1024:.0f} MB")


if __name__ == "__main__":
    main()
