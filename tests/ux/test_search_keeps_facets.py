"""Defect 8: changing the sort on /search/ keeps the chosen facets (the form carries them)."""
import re

from search.views import FACET_FIELDS


def test_search_form_carries_active_facets(client, site_tree):
    name = FACET_FIELDS[0]
    html = client.get("/search/", {"q": "安全", name: "123", "sort": "relevance"}).content.decode()
    form = re.search(r'<form class="search-form".*?</form>', html, re.S).group(0)
    assert f'type="hidden" name="{name}" value="123"' in form


def test_search_form_without_facets_has_no_hidden_filters(client, site_tree):
    html = client.get("/search/", {"q": "安全"}).content.decode()
    form = re.search(r'<form class="search-form".*?</form>', html, re.S).group(0)
    assert 'type="hidden"' not in form
