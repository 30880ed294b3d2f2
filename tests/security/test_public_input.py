"""Issue 18, failure 5: public listings and paths answer hostile query values without a server error."""
import pytest
from django.urls import reverse

from core.query_params import int_param, year_param
from policy.models import NormativeDocumentsPage, PolicyLibraryPage
from tests.plugins.builtin.sgs_helpers import make_listing, make_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(column):
    library = PolicyLibraryPage(title="政策文件库", slug="sec-zcwjk")
    normative = NormativeDocumentsPage(title="现行有效行政规范性文件", slug="sec-gfxwj")
    for page in (library, normative):
        column("zwgk/zfxxgk/zcwj").add_child(instance=page)
        page.save_revision().publish()
    sgs = make_listing(column("aqzt/sgs"), slug="sec-records")
    make_record()
    return library, normative, sgs


@pytest.mark.parametrize("value", ["²", "①", "٣", "１２", "99999999999999999999", "-1", "0x10", " 1"])
def test_unicode_digits_in_topic_do_not_break_policy_listings(client, listings, value):
    library, normative, _sgs = listings
    for page in (library, normative):
        response = client.get(page.url, {"topic": value})
        assert response.status_code == 200, (page.url, value)


@pytest.mark.parametrize("value", ["0000", "0001", "9999", "²⁰²⁵", "２０２５"])
def test_impossible_years_do_not_break_the_sgs_listing(client, listings, value):
    response = client.get(listings[2].url, {"year": value})
    assert response.status_code == 200, value


@pytest.mark.parametrize("param", ["q", "authority", "year", "party_type", "rpage"])
def test_nul_byte_in_a_sgs_filter_is_a_client_error(client, listings, param):
    assert client.get(listings[2].url, {param: "沪应急\x00罚"}).status_code == 400


def test_nul_byte_in_paths_and_policy_filters_is_a_client_error(client, listings):
    library = listings[0]
    assert client.get("/xwzx/%00/").status_code == 400
    assert client.get("/no-such-page\x00/").status_code == 400
    assert client.get(library.url, {"validity": "in_force\x00"}).status_code == 400
    assert client.get(reverse("search") if _has_search() else "/search/", {"q": "应急\x00"}).status_code == 400


def _has_search():
    try:
        reverse("search")
        return True
    except Exception:
        return False


def test_int_param_accepts_only_ascii_digits_in_range():
    assert int_param({"n": "12"}, "n") == 12
    assert int_param({"n": "²"}, "n") is None
    assert int_param({"n": "①"}, "n", default=0) == 0
    assert int_param({"n": "5"}, "n", minimum=6) is None
    assert year_param({"year": "0000"}) is None
    assert year_param({"year": "2025"}) == 2025


def test_every_page_sends_a_permissions_policy(client, listings):
    for url in ("/", listings[0].url, "/search/?q=应急", "/no-such-page/"):
        policy = client.get(url).headers.get("Permissions-Policy", "")
        assert "camera=()" in policy and "geolocation=()" in policy, url
