"""Uncached public pages stay within a budget of SQL queries, in every language.

The first request after a publish fills the fragment caches; the budget is for
every request (warm) and a looser one for the first (cold) request.
"""
import os

import pytest
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
    return len(queries), [q["sql"] for q in queries.captured_queries]


def test_every_page_type_and_language_within_budget(client, multilingual_content):
    report = {}
    for code in LANGUAGES:
        for kind in KINDS:
            url = multilingual_content[code][kind]
            cold, _ = count_queries(client, url)
            warm, sql = count_queries(client, url)
            report[(code, kind)] = (cold, warm, sql)
    print("\nqueries (cold, warm):")
    for (code, kind), (cold, warm, _sql) in report.items():
        print(f"  {code:8} {kind:8} {cold:3} {warm:3}")
    dump = os.environ.get("QUERY_BUDGET_DUMP")
    if dump:  # QUERY_BUDGET_DUMP=/tmp/queries.txt writes every warm query, for profiling
        with open(dump, "w") as out:
            for (code, kind), (_cold, warm, sql) in report.items():
                out.write(f"== {code} {kind}: {warm}\n" + "\n".join(q[:300] for q in sql) + "\n")
    over = {key: warm for key, (_cold, warm, _sql) in report.items() if warm > BUDGET}
    assert not over, f"above {BUDGET} queries: {over}"
