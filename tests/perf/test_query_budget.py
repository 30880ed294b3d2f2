"""Uncached public pages stay within a budget of SQL queries, in every language.

Measured with Django's test client (no nginx), so every request runs the page:
"cold" is the first request with an empty fragment cache (as after a publish,
which starts a new content generation), "warm" a repeat request whose route,
site settings and template fragments come from the per-generation cache.
The column listing holds a full first page of items (tests/perf/conftest.py).
"""
import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

BUDGET = 10
KINDS = ("home", "section", "column", "article", "policy")
LANGUAGES = ("zh-hans", "zh-hant", "en")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), [q["sql"] for q in queries.captured_queries], response.content.decode()


def measure(client, urls, kinds=KINDS):
    """{(language, kind): (cold, warm, cold SQL, warm SQL)}; the cache is emptied before each cold request."""
    report = {}
    for code in LANGUAGES:
        for kind in kinds:
            cache.clear()
            cold, cold_sql, _body = count_queries(client, urls[code][kind])
            warm, warm_sql, _body = count_queries(client, urls[code][kind])
            report[(code, kind)] = (cold, warm, cold_sql, warm_sql)
    print("\nqueries (cold, warm):")
    for (code, kind), (cold, warm, *_sql) in report.items():
        print(f"  {code:8} {kind:8} {cold:3} {warm:3}")
    dump = os.environ.get("QUERY_BUDGET_DUMP")
    if dump:  # QUERY_BUDGET_DUMP=/tmp/queries.txt writes every cold and warm query, for profiling
        with open(dump, "w") as out:
            for (code, kind), (cold, warm, cold_sql, warm_sql) in report.items():
                out.write(f"== {code} {kind} cold: {cold}\n" + "\n".join(q[:300] for q in cold_sql) + "\n")
                out.write(f"== {code} {kind} warm: {warm}\n" + "\n".join(q[:300] for q in warm_sql) + "\n")
    return report


def test_warm_pages_within_budget_and_no_query_per_listed_item(client, multilingual_content):
    urls = multilingual_content
    report = measure(client, urls)
    over = {key: warm for key, (_cold, warm, *_sql) in report.items() if warm > BUDGET}
    assert not over, f"warm requests above {BUDGET} queries: {over}"

    # The listing shows a full page of items in every language ...
    for code in LANGUAGES:
        body = client.get(urls[code]["column"]).content.decode()
        assert body.count("perf-item-") >= 19, (code, body.count("perf-item-"))
    # ... and costs the same number of queries with 2 items as with 20 (cold and warm).
    news = urls["_news"]
    listed = {}
    for shown in (20, 2):
        if shown == 2:
            for item in news.get_children().live().filter(slug__startswith="perf-item-")[: 20 - 2 - 1]:
                item.specific.unpublish()
        cache.clear()
        cold, _sql, body = count_queries(client, urls["zh-hans"]["column"])
        warm, _sql, _body = count_queries(client, urls["zh-hans"]["column"])
        listed[shown] = (cold, warm, body.count("perf-item-"))
    assert listed[2][2] < listed[20][2], listed  # fewer items really were listed
    assert listed[2][:2] == listed[20][:2], f"queries (cold, warm) per listed items differ: {listed}"


# The page types whose first request already meets the budget in every language: this must not regress.
COLD_MET = ("section", "article")


def test_cold_pages_within_budget_where_met(client, multilingual_content):
    report = measure(client, multilingual_content, kinds=COLD_MET)
    over = {key: cold for key, (cold, _warm, *_sql) in report.items() if cold > BUDGET}
    assert not over, f"cold requests above {BUDGET} queries: {over}"


@pytest.mark.xfail(strict=True, reason=(
    "Not met yet for every page type: the first request after a publish (empty cache) takes 9-17 queries "
    "(home 12, section 10, column 11, article 9, policy document 17, the same in each language). "
    "Routing, site, settings, navigation, breadcrumbs, language versions and view restrictions cost 5 "
    "together (core.routing); the rest is the pages' own content: the policy document's attachments, "
    "relations, service items, topics, tags, correction notes, letters, interpretations and consultation "
    "are a query each; see the README's Deploy: page cache section"))
def test_cold_pages_within_budget(client, multilingual_content):
    report = measure(client, multilingual_content)
    over = {key: cold for key, (cold, _warm, *_sql) in report.items() if cold > BUDGET}
    assert not over, f"cold requests above {BUDGET} queries: {over}"
