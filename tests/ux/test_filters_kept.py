"""Defect 8: 政策文件库's 下一页 keeps the filters; search results come before the facets (phone: first on screen)."""
import datetime
import html as htmllib
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from policy.models import PolicyLibraryPage
from sections.models.listing import ITEMS_PER_PAGE
from tests.policy.conftest import make_doc  # noqa: F401
from tests.policy.policy_test_helpers import ZCWJ

from tests.browser import PHONE, new_page, shot


@pytest.fixture
def library(column):
    page = PolicyLibraryPage(title="政策文件库", slug="library")
    column(ZCWJ).add_child(instance=page)
    page.save_revision().publish()
    return page


def _pagination_links(html):
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    assert nav, "no pagination"
    return {rel or text: htmllib.unescape(href) for href, rel, text in
            re.findall(r'<a href="([^"]+)"(?: rel="(\w+)")?>([^<]*)</a>', nav.group(0))}


def test_library_next_page_keeps_the_filters(library, make_doc):  # noqa: F811
    for n in range(ITEMS_PER_PAGE + 1):
        make_doc(title=f"规范性文件{n}", effective_date=datetime.date(2020, 1, 1), is_normative=True)
    make_doc(title="其他文件", effective_date=datetime.date(2020, 1, 1))
    html = Client().get(library.url, {"validity": "in_force", "normative": "1"}).content.decode()
    links = _pagination_links(html)
    query = parse_qs(urlparse(links["next"]).query)
    assert query == {"validity": ["in_force"], "normative": ["1"], "page": ["2"]}, links
    page2 = Client().get(library.url + links["next"]).content.decode()
    assert "其他文件" not in page2 and "规范性文件" in page2
    prev = parse_qs(urlparse(_pagination_links(page2)["prev"]).query)
    assert prev == {"validity": ["in_force"], "normative": ["1"], "page": ["1"]}


def _searchable_docs(make_doc, count=6):  # noqa: F811
    return [make_doc(title=f"安全生产检查办法第{n}号", effective_date=datetime.date(2020, 1, 1)) for n in range(count)]


def test_search_results_come_before_the_facets_in_the_page(site_tree, make_doc,  # noqa: F811
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the search index is updated on commit
        _searchable_docs(make_doc)
    html = Client().get("/search/", {"q": "安全生产"}).content.decode()
    assert 'class="search-facets"' in html and 'class="result"' in html
    assert html.index('class="search-results"') < html.index('class="search-facets"')


@pytest.mark.browser
def test_phone_shows_results_before_facets(live_server, transactional_db, make_doc, chromium):  # noqa: F811
    _searchable_docs(make_doc)
    page = new_page(chromium, PHONE)
    page.goto(f"{live_server.url}/search/?q=安全生产")
    first_result = page.locator(".result").first.bounding_box()
    facets = page.locator(".search-facets").bounding_box()
    shot(page, "search-phone-results-first")
    assert first_result["y"] < facets["y"], (first_result, facets)
    assert first_result["y"] < PHONE["height"]  # the first result is on the first screen
