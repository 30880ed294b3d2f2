"""Fixtures for the site search tests.

Policy pages come from a parallel app; these tests give ArticlePage a
``search_facets`` method (monkeypatched, keyed by title) so the contract
the policy app implements is exercised without depending on it.
"""
import json

import pytest
from django.core.cache import cache

from sections.models import ArticlePage


def body(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs])


@pytest.fixture(autouse=True)
def _clear_search_caches():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def facets(monkeypatch):
    """facets[title] = {...} gives that page policy metadata (search_facets contract)."""
    table = {}

    def search_facets(self):
        return table.get(self.title)

    def getattr_hook(self):  # only pages listed in the table look like policy pages
        return table.get(self.title) or {}

    monkeypatch.setattr(ArticlePage, "search_facets", getattr_hook, raising=False)
    return table


@pytest.fixture
def article(column, publish, django_capture_on_commit_callbacks):
    """article("标题", "正文", where="zwgk/zfxxgk/zcwj", live=True) -> a published, indexed page."""

    counter = {"n": 0}

    def make(title, *paragraphs, where="xwzx/xw", live=True, summary=""):
        counter["n"] += 1
        page = ArticlePage(title=title, slug=f"item-{counter['n']}", summary=summary,
                           body=body(*paragraphs) if paragraphs else "[]")
        with django_capture_on_commit_callbacks(execute=True):
            if live:
                publish(column(where), page)
            else:
                column(where).add_child(instance=page)
                page.save_revision()
        return page

    return make


@pytest.fixture
def run_search():
    from search.service import SearchRequest, search

    def run(q="", locale="zh-hans", **kwargs):
        return search(SearchRequest(q=q, locale=locale, **kwargs))

    return run
