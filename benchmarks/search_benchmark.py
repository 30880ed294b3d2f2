"""Search benchmark: the embedded site search vs Wagtail's stock database backend.

    .venv/bin/python benchmarks/search_benchmark.py            # 10,000 documents
    .venv/bin/python benchmarks/search_benchmark.py --large    # 100,000 documents
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/search_benchmark.py

Builds a fresh database (SQLite file in /tmp unless DATABASE_URL is set; the
database is flushed!), generates N synthetic Chinese policy documents as real
ArticlePage rows (bulk inserted), indexes them with both backends and
reports index throughput, query latency p50/p95 over a mixed query set, and
nDCG@10 / recall@10 on benchmarks/data/judged_queries.json. This is a
script that prints numbers, not a test.
"""
import argparse
import json
import math
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "benchmarks")]


def setup(db_url):
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)


def build_tree(docs, home_slug="bench-home"):
    """Sections/columns as plain pages, items as ArticlePage rows inserted in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from sections.models import ArticlePage

    locale = Locale.objects.get_or_create(language_code="zh-hans")[0]
    root = Page.get_first_root_node() or Page.add_root(title="Root", locale=locale)
    home = root.add_child(instance=Page(title="首页", slug=home_slug, locale=locale, live=True))
    columns = {}
    sections = {}
    for d in docs:
        if d.section not in sections:
            sections[d.section] = home.add_child(instance=Page(title=d.section, slug=f"{home_slug}-s{len(sections)}", locale=locale))
        key = (d.section, d.column)
        if key not in columns:
            columns[key] = sections[d.section].add_child(instance=Page(title=d.column, slug=f"{home_slug}-c{len(columns)}", locale=locale))
    ct = ContentType.objects.get_for_model(ArticlePage)
    alphabet = Page.alphabet
    counters = {k: 0 for k in columns}
    local_fields = [f for f in ArticlePage._meta.local_concrete_fields]
    now = timezone.now()
    with transaction.atomic():
        for start in range(0, len(docs), 2000):
            chunk = docs[start:start + 2000]
            pages = []
            for d in chunk:
                parent = columns[(d.section, d.column)]
                counters[(d.section, d.column)] += 1
                i, step = counters[(d.section, d.column)], ""
                for _ in range(Page.steplen):
                    i, r = divmod(i, len(alphabet))
                    step = alphabet[r] + step
                year = int(d.facets["index_number"].split("-")[1])
                when = now.replace(year=year, month=1 + d.n % 12, day=1 + d.n % 28)
                pages.append(Page(
                    title=d.title, draft_title=d.title, slug=f"{home_slug}-d{d.n}", path=parent.path + step, depth=parent.depth + 1,
                    numchild=0, content_type=ct, live=True, locale=locale, translation_key=uuid.uuid4(),
                    url_path=f"{parent.url_path}d{d.n}/", first_published_at=when, last_published_at=when,
                ))
            Page.objects.bulk_create(pages)
            rows = []
            for page, d in zip(pages, chunk):
                obj = ArticlePage(page_ptr_id=page.pk, summary="", body=json.dumps(
                    [{"type": "paragraph", "value": f"<p>{d.body}</p>"}], ensure_ascii=False))
                d.page_id = page.pk
                rows.append([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in local_fields])
            cols = ", ".join(connection.ops.quote_name(f.column) for f in local_fields)
            marks = ", ".join(["%s"] * len(local_fields))
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {ArticlePage._meta.db_table} ({cols}) VALUES ({marks})", rows)
        for key, parent in columns.items():
            Page.objects.filter(pk=parent.pk).update(numchild=counters[key])


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = math.floor(k), math.ceil(k)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ndcg_at_10(ranked, grades):
    dcg = sum((2 ** grades.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_10(ranked, grades):
    relevant = {pid for pid, g in grades.items() if g == 2}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:10])) / min(len(relevant), 10)


def bm25_bigram_ranking(docs, query, k1=1.2, b=0.75):
    """The baseline: plain BM25 over character bigrams of title + body (Elasticsearch's cjk analyzer).

    Han runs become overlapping bigrams (a one-character run stays a unigram),
    other word characters become lower-cased words; one field, no boosts."""
    import re
    from collections import Counter

    def terms(text):
        out = []
        for run in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", text or ""):
            if re.match(r"[\u3400-\u9fff]", run):
                out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
            else:
                out.append(run.lower())
        return out

    cache = bm25_bigram_ranking.__dict__.setdefault("index", {})
    key = id(docs)
    if key not in cache:
        tfs = [Counter(terms(d.title + " " + d.body)) for d in docs]
        df = Counter(t for tf in tfs for t in tf)
        avg = sum(sum(tf.values()) for tf in tfs) / max(1, len(tfs))
        cache[key] = (tfs, df, avg)
    tfs, df, avg = cache[key]
    n = len(docs)
    q = list(dict.fromkeys(terms(query)))
    scores = []
    for d, tf in zip(docs, tfs):
        length = sum(tf.values())
        score = 0.0
        for t in q:
            if tf.get(t):
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                score += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * length / avg))
        if score > 0:
            scores.append((score, d.id))
    return [i for _s, i in sorted(scores, key=lambda x: -x[0])]


def mrr(ranked, grades):
    for i, pid in enumerate(ranked[:10]):
        if grades.get(pid, 0) >= 1:
            return 1.0 / (i + 1)
    return 0.0


def real_documents_phase(per_query=False):
    """Index the real seed documents (split mechanically) and score the judged queries written for them,
    the embedded search next to a plain BM25 over character bigrams."""
    import re
    from types import SimpleNamespace

    from real_documents import split_seeds
    from sections.models import ArticlePage
    from search import service
    from search.models import SearchDocument

    real = split_seeds()
    number_re = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[（(]20\d\d[〕\]）)]\d{1,4}号|上海市人民政府令第\d{1,4}号")
    items = []
    for n, d in enumerate(real, start=1):
        found = number_re.search(d.title + d.body[:400])
        facets = {"index_number": f"REAL-2023-{n:05d}", "doc_number": service.exact_number(found.group(0)) if found else "",
                  "issuer": "", "doc_type": "", "tags": [], "topics": [], "validity": "valid",
                  "validity_label": "现行有效", "is_public": True, "service_items": [], "attachments": []}
        items.append(SimpleNamespace(n=n, title=d.title, body=d.body.replace("\n", "</p><p>"), section="政务公开",
                                     column="政策文件", facets=facets, real_id=d.id))
    build_tree(items, home_slug="real-home")
    by_pk = {i.page_id: i for i in items}
    previous = getattr(ArticlePage, "search_facets", None)
    ArticlePage.search_facets = lambda self: by_pk[self.pk].facets if self.pk in by_pk else {}
    service.index_pages(list(ArticlePage.objects.filter(pk__in=list(by_pk)).select_related("locale")))
    judged = json.loads((ROOT / "benchmarks" / "data" / "real_judged_queries.json").read_text())["queries"]
    rows = {}
    for item in judged:
        grades = item["grades"]
        ours = [by_pk[h.page_id].real_id for h in
                service.search(service.SearchRequest(q=item["q"], locale="zh-hans", per_page=10)).hits]
        base = bm25_bigram_ranking(real, item["q"])
        if per_query:
            n_ours, n_base = ndcg_at_10(ours, grades), ndcg_at_10(base, grades)
            flag = "LOSS" if n_ours < n_base - 1e-9 else ("win " if n_ours > n_base + 1e-9 else "    ")
            print(f"{flag} {item['kind']:12} ours {n_ours:.3f} bm25 {n_base:.3f}  {item['q']}  grades={grades}\n"
                  f"        ours: {' '.join(ours)}\n        bm25: {' '.join(base[:10])}")
        for name, ranked in (("ours", ours), ("bm25", base)):
            rows.setdefault((item["kind"], name), []).append(
                (ndcg_at_10(ranked, grades), recall_at_10(ranked, grades), mrr(ranked, grades)))
    SearchDocument.objects.filter(page_id__in=list(by_pk)).delete()
    if previous is not None:
        ArticlePage.search_facets = previous
    return len(real), len(judged), rows


def print_real(count, queries, rows):
    print(f"\nReal documents: {count} sections of the 5 seed documents and the written documents in "
          f"benchmarks/data/real_documents/, {queries} judged queries (benchmarks/data/real_judged_queries.json)")
    print(f"{'kind':14}{'n':>4}{'nDCG@10 ours':>14}{'BM25-bigram':>13}{'recall@10 ours':>16}{'BM25-bigram':>13}"
          f"{'MRR ours':>10}{'BM25-bigram':>13}")
    kinds = list(dict.fromkeys(k for k, _n in rows))
    for kind in kinds + ["all"]:
        pick = lambda name: [v for (k, n), vals in rows.items() if n == name and kind in (k, "all") for v in vals]
        ours, base = pick("ours"), pick("bm25")
        mean = lambda vals, i: statistics.mean(v[i] for v in vals)
        print(f"{kind:14}{len(ours):>4}{mean(ours, 0):>14.3f}{mean(base, 0):>13.3f}{mean(ours, 1):>16.3f}"
              f"{mean(base, 1):>13.3f}{mean(ours, 2):>10.3f}{mean(base, 2):>13.3f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--large", action="store_true", help="100,000 documents")
    parser.add_argument("--queries", type=int, default=300, help="size of the mixed latency query set")
    parser.add_argument("--stock-queries", type=int, default=None,
                        help="time the stock backend on only the first N latency queries (it takes seconds "
                             "per query at 100,000 documents); default: all, or 60 with --large")
    parser.add_argument("--no-stock", action="store_true", help="skip Wagtail's stock backend (saves minutes at 100,000)")
    parser.add_argument("--relevance-only", action="store_true",
                        help="run only the real-document relevance phase (seconds, no synthetic corpus)")
    parser.add_argument("--per-query", action="store_true",
                        help="with the relevance phase, print every judged query's nDCG@10 and top 10 for both rankings")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", "sqlite:////tmp/govsite-search-bench.sqlite3"))
    args = parser.parse_args()
    count = 100_000 if args.large else args.docs
    if args.stock_queries is None:
        args.stock_queries = 60 if args.large else args.queries
    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url[len("sqlite:///"):]).unlink(missing_ok=True)
    t0 = time.perf_counter()
    setup(args.database_url)
    from django.db import connection

    from corpus import generate
    from sections.models import ArticlePage
    from search import service
    from search.models import Synonym
    from wagtail.search.backends import get_search_backend

    from search import vocabulary

    vocabulary.load(Synonym)  # flushed with the database: a fresh install has it from migration 0008
    real_results = real_documents_phase(per_query=args.per_query)
    print_real(*real_results)
    if args.relevance_only:
        return
    judged = json.loads((ROOT / "benchmarks" / "data" / "judged_queries.json").read_text())
    docs = list(generate(count))
    print(f"Database: {connection.vendor}; corpus: {count:,} documents; setup {time.perf_counter() - t0:.1f}s")
    t = time.perf_counter()
    build_tree(docs)
    print(f"Inserted pages in {time.perf_counter() - t:.1f}s")
    facets_by_pk = {d.page_id: d.facets for d in docs}
    ArticlePage.search_facets = lambda self: facets_by_pk.get(self.pk, {})  # the policy-app contract
    for group in judged["synonyms"]:
        Synonym.objects.create(terms=", ".join(group))

    ids = [d.page_id for d in docs]

    def batches(size=500):
        for start in range(0, len(ids), size):
            yield list(ArticlePage.objects.filter(pk__in=ids[start:start + size]).select_related("locale"))

    t = time.perf_counter()
    for pages in batches():
        service.index_pages(pages)
    ours_index = time.perf_counter() - t
    print(f"Embedded backend indexed {count:,} documents in {ours_index:.1f}s", flush=True)
    stock = get_search_backend("wagtail.search.backends.database")
    t = time.perf_counter()
    for pages in ([] if args.no_stock else batches()):
        stock.add_bulk(ArticlePage, pages)
    stock_index = time.perf_counter() - t if not args.no_stock else float("nan")
    print(f"Stock backend indexed {count:,} documents in {stock_index:.1f}s", flush=True)

    # Judged queries: substitute real 文号/索引号 and compute grades from topic labels.
    by_number = {}
    for d in docs:
        by_number.setdefault(d.facets["doc_number"], []).append(d.page_id)
    sample_docs = [docs[(i * 7919) % len(docs)] for i in range(10)]
    judged_runs = []
    for item in judged["queries"]:
        if item["type"] == "number":
            doc = sample_docs[item.get("doc_number", item.get("index_number"))]
            if "doc_number" in item:
                q = doc.facets["doc_number"]
                grades = {pid: 2 for pid in by_number[q]}
            else:
                q = doc.facets["index_number"]
                grades = {doc.page_id: 2}
        else:
            q = item["q"]
            topics = set(item["topics"])
            grades = {d.page_id: 2 for d in docs if d.topic in topics}
            grades.update({d.page_id: 1 for d in docs if d.topic not in topics and topics & set(d.mentions)})
        judged_runs.append((item["type"], q, grades))

    def ours(q):
        return service.search(service.SearchRequest(q=q, locale="zh-hans", per_page=10))

    def theirs(q):
        if args.no_stock:
            return [], 0
        results = stock.search(q, ArticlePage.objects.live())
        return list(results[:10]), results.count()

    # Mixed latency set: judged queries plus words and word pairs from titles.
    rng = random.Random(7)
    from search import segmentation

    words = sorted({w for d in docs[:2000] for w in segmentation.title_words(d.title)})
    mixed = [q for _t, q, _g in judged_runs]
    while len(mixed) < args.queries:
        mixed.append(" ".join(rng.sample(words, rng.choice([1, 1, 2]))))
    for fn, n in ((ours, 20), (theirs, 5)):  # warm caches (vocabulary, synonyms, SQLite page cache)
        for q in mixed[:n]:
            fn(q)

    def latencies(fn, queries):
        out = []
        for q in queries:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
        return out

    lat_ours = latencies(ours, mixed)
    print(f"Embedded latency over {len(mixed)} queries: p50 {percentile(lat_ours, .5):.1f} ms, "
          f"p95 {percentile(lat_ours, .95):.1f} ms", flush=True)
    lat_stock = latencies(theirs, mixed[:args.stock_queries]) if not args.no_stock else [float("nan")]

    per_type = {}
    totals = {"ours": [[], []], "stock": [[], []]}
    for qtype, q, grades in judged_runs:
        r_ours = [h.page_id for h in ours(q).hits]
        r_stock = [p.pk for p in theirs(q)[0]]
        for name, ranked in (("ours", r_ours), ("stock", r_stock)):
            n, r = ndcg_at_10(ranked, grades), recall_at_10(ranked, grades)
            totals[name][0].append(n)
            totals[name][1].append(r)
            per_type.setdefault((qtype, name), []).append(n)

    print()
    print(f"{'':34}{'embedded (this project)':>26}{'Wagtail stock database':>26}")
    print(f"{'index throughput (docs/s)':34}{count / ours_index:>26,.0f}{count / stock_index:>26,.0f}")
    print(f"{'query latency p50 (ms)':34}{percentile(lat_ours, .5):>26.1f}{percentile(lat_stock, .5):>26.1f}")
    print(f"{'query latency p95 (ms)':34}{percentile(lat_ours, .95):>26.1f}{percentile(lat_stock, .95):>26.1f}")
    print(f"{'nDCG@10 (judged, mean)':34}{statistics.mean(totals['ours'][0]):>26.3f}{statistics.mean(totals['stock'][0]):>26.3f}")
    print(f"{'recall@10 (judged, mean)':34}{statistics.mean(totals['ours'][1]):>26.3f}{statistics.mean(totals['stock'][1]):>26.3f}")
    for qtype in dict.fromkeys(t for t, _q, _g in judged_runs):
        print(f"{'  nDCG@10 ' + qtype + ' queries':34}{statistics.mean(per_type[(qtype, 'ours')]):>26.3f}"
              f"{statistics.mean(per_type[(qtype, 'stock')]):>26.3f}")
    print()
    print(f"{len(mixed)} latency queries for the embedded backend (full service call incl. facets, synonyms, "
          f"pinyin, typo help), the first {len(lat_stock)} of them for the stock backend (top 10 + count); "
          f"{len(judged_runs)} judged queries. "
          f"recall@10 = relevant (grade 2) in top 10 / min(|relevant|, 10). Total run {time.perf_counter() - t0:.0f}s.")


if __name__ == "__main__":
    main()
