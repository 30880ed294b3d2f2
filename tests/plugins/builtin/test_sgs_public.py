"""The public 双公示 listing: masking, search, filters, pagination, hostile input, query count."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.plugins.builtin.sgs_helpers import make_listing, make_record


@pytest.fixture
def listing(column):
    return make_listing(column("aqzt/sgs"))


def test_natural_person_name_and_id_never_appear_in_public_html(client, listing):
    person = make_record(
        document_number="沪应急罚〔2025〕103号", party_name="王建国", party_type="natural_person",
        id_number="310104197508123456", matter="王建国作为主要负责人未履行职责（310104197508123456）。",
        result="对王建国处罚款。",
    )
    make_record(document_number="沪应急罚〔2025〕104号", party_name="上海锦程化工有限公司")
    html = client.get(listing.url).content.decode()
    assert "王**" in html and "上海锦程化工有限公司" in html
    detail = client.get(f"{listing.url}record/{person.pk}/")
    assert detail.status_code == 200
    detail_html = detail.content.decode()
    assert "王**" in detail_html and "310104********3456" in detail_html
    for page_html in (html, detail_html):
        assert "王建国" not in page_html
        assert "310104197508123456" not in page_html
    # Searching the full name must not reveal that this person was penalised.
    found = client.get(listing.url, {"q": "王建国"}).content.decode()
    assert "沪应急罚〔2025〕103号" not in found


def test_unpublished_and_future_records_are_not_public(client, listing):
    hidden = make_record(document_number="未公示", published_on=None)
    future = make_record(document_number="将来公示", published_on=dt.date.today() + dt.timedelta(days=3))
    other_kind = make_record(document_number="许可记录", kind="license")
    html = client.get(listing.url).content.decode()
    for record in (hidden, future, other_kind):
        assert record.document_number not in html
        assert client.get(f"{listing.url}record/{record.pk}/").status_code == 404


def test_search_and_filters(client, listing):
    make_record(document_number="沪应急罚〔2024〕1号", decision_date=dt.date(2024, 5, 6), published_on=dt.date(2024, 5, 8),
                party_name="甲化工有限公司", authority="浦东新区应急管理局")
    make_record(document_number="沪应急罚〔2025〕2号", party_name="乙物流有限公司")
    make_record(document_number="沪应急罚〔2025〕3号", party_name="丙五金加工厂", party_type="individual_business")

    def numbers(**params):
        html = client.get(listing.url, params).content.decode()
        return {n for n in ("〔2024〕1号", "〔2025〕2号", "〔2025〕3号") if n in html}

    assert numbers() == {"〔2024〕1号", "〔2025〕2号", "〔2025〕3号"}
    assert numbers(q="乙物流") == {"〔2025〕2号"}
    assert numbers(year="2024") == {"〔2024〕1号"}
    assert numbers(party_type="individual_business") == {"〔2025〕3号"}
    assert numbers(authority="浦东新区应急管理局") == {"〔2024〕1号"}
    # Malformed and hostile values are ignored, never a server error, and escaped when echoed.
    for params in ({"year": "20x4"}, {"party_type": "'; drop table"}, {"rpage": "-1"}, {"rpage": "abc"},
                   {"q": "x" * 20000}, {"q": "<script>alert(1)</script>"}):
        response = client.get(listing.url, params)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_pagination_keeps_filters(client, listing):
    for n in range(25):
        make_record(document_number=f"沪应急罚〔2025〕{100 + n}号")
    html = client.get(listing.url, {"q": "沪应急罚"}).content.decode()
    assert "rpage=2" in html and "q=%E6%B2%AA" in html
    page2 = client.get(listing.url, {"q": "沪应急罚", "rpage": 2}).content.decode()
    assert page2.count("沪应急罚〔2025〕1") == 5  # 25 records, 20 per page


def test_no_query_per_listed_record(client, listing):
    def count_queries():
        client.get(listing.url)  # warm caches (site, locale)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(listing.url).status_code == 200
        return len(ctx.captured_queries)

    make_record(document_number="N-0")
    few = count_queries()
    for n in range(1, 20):
        make_record(document_number=f"N-{n}", party_name=f"企业{n}", party_type="natural_person" if n % 2 else "legal_person")
    assert count_queries() == few


def test_search_hook_contributes_masked_text(listing):
    from plugins.search import extra_search_content

    make_record(document_number="沪应急罚〔2025〕7号", party_name="李秀英", party_type="natural_person")
    content = extra_search_content(listing)
    assert "沪应急罚〔2025〕7号" in content["text"]
    assert "李**" in content["text"] and "李秀英" not in content["text"]
    assert content["facets"] == {"disclosure_kind": "penalty"}
