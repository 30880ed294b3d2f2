"""Public pages: metadata table, disclosure, 办 icon, listings, tag pages and feeds."""
import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from policy.models import NormativeDocumentsPage, PolicyLibraryPage, PolicyTopic, ServiceItem, Validity
from tests.policy.policy_test_helpers import ZCFG, ZCWJ
from sections.models import ArticlePage

D = datetime.date
SERVICE = ("危险化学品经营许可证核发", "https://zwdt.sh.gov.cn/govPortals/bsfw/item/abc")


def soup(response):
    return WagtailTestUtils.get_soup(response.content.decode())


def test_metadata_table_on_the_document_page(make_doc):
    topic = PolicyTopic.objects.create(name="安全生产")
    doc = make_doc(issuer="上海市应急管理局", doc_type="办法", effective_date=D(2023, 5, 1), expiry_date=D(2099, 4, 30),
                   audience="本市危险化学品经营企业", is_normative=True, publish=False)
    doc.topics = [topic]
    doc.save_revision().publish()
    page = soup(Client().get(doc.url))
    table = page.select_one("table.policy-meta")
    text = table.get_text(" ", strip=True)
    for value in (doc.index_number, "上海市应急管理局", doc.doc_number, "2023-03-01", "2023-05-01", "2099-04-30",
                  "安全生产", "本市危险化学品经营企业"):
        assert value in text, value
    assert page.select_one("h1 .validity-badge.validity-in_force")


@pytest.mark.parametrize("disclosure", ["on_request", "not_public"])
def test_undisclosed_documents_are_404_and_never_listed(make_doc, column, disclosure, admin_client):
    hidden = make_doc(title="依申请公开的文件", disclosure=disclosure)
    make_doc(title="主动公开的文件")
    anonymous = Client()
    assert anonymous.get(hidden.url).status_code == 404
    assert admin_client.get(hidden.url).status_code == 200  # staff may still check it
    for listing in (column(ZCWJ).url, column("zwgk").url, "/"):
        html = anonymous.get(listing).content.decode()
        assert "依申请公开的文件" not in html, listing
    assert "主动公开的文件" in anonymous.get(column(ZCWJ).url).content.decode()


def test_service_icon_exactly_where_service_items_exist(make_doc, column, publish):
    with_service = make_doc(title="有办事事项的文件", services=[SERVICE])
    without = make_doc(title="没有办事事项的文件")
    article = ArticlePage(title="有办事事项的通知", slug="article-with-service")
    article.service_items.add(ServiceItem(name="安全生产许可证延期", url="https://zwdt.sh.gov.cn/item/xyz"))
    publish(column(ZCWJ), article)
    plain = publish(column(ZCWJ), ArticlePage(title="普通通知", slug="article-plain"))

    page = soup(Client().get(with_service.url))
    icon = page.select_one("h1 a.service-jump")
    assert icon["href"] == SERVICE[1]
    assert SERVICE[0] in icon.get_text()  # text alternative for screen readers
    assert icon.name == "a"  # a real link: keyboard focusable
    assert not soup(Client().get(without.url)).select("h1 a.service-jump")
    assert soup(Client().get(article.url)).select_one("h1 a.service-jump")["href"] == "https://zwdt.sh.gov.cn/item/xyz"
    assert not soup(Client().get(plain.url)).select("h1 a.service-jump")

    listing = soup(Client().get(column(ZCWJ).url))
    rows = {li.find("a").get_text(strip=True): li for li in listing.select("ul.item-list li") if li.find("a")}
    assert rows["有办事事项的文件"].select_one("a.service-jump")["href"] == SERVICE[1]
    assert rows["有办事事项的通知"].select_one("a.service-jump")["href"] == "https://zwdt.sh.gov.cn/item/xyz"
    assert not rows["没有办事事项的文件"].select("a.service-jump")
    assert not rows["普通通知"].select("a.service-jump")
    assert not rows["普通通知"].select(".validity-badge")
    assert rows["没有办事事项的文件"].select_one(".validity-badge.validity-in_force")


def test_service_url_must_be_http(make_doc):
    from django.core.exceptions import ValidationError

    item = ServiceItem(name="x", url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        item.full_clean(exclude=["page"])


def test_listing_costs_no_query_per_item(make_doc, column):
    parent = column(ZCFG)
    for n in range(3):
        make_doc(parent=parent, services=[SERVICE])
    client = Client()
    client.get(parent.url)
    # Each publish starts a new fragment generation: compare first requests after a publish.
    make_doc(parent=parent, services=[SERVICE])
    with CaptureQueriesContext(connection) as few:
        client.get(parent.url)
    for n in range(12):
        make_doc(parent=parent, services=[SERVICE] if n % 2 else [])
    with CaptureQueriesContext(connection) as many:
        response = client.get(parent.url)
    assert response.content.decode().count("validity-badge") >= 16
    assert len(many) == len(few)


def test_library_filters_by_validity_and_survives_bad_input(make_doc, column):
    today = datetime.date.today()
    make_doc(title="现行文件甲", effective_date=D(2020, 1, 1))
    make_doc(title="失效文件乙", effective_date=D(2020, 1, 1), expiry_date=today - datetime.timedelta(days=3))
    make_doc(title="规范性文件丙", effective_date=D(2020, 1, 1), is_normative=True)
    make_doc(title="未施行规范性文件丁", effective_date=today + datetime.timedelta(days=30), is_normative=True)
    zcwj = column(ZCWJ)
    library = PolicyLibraryPage(title="政策文件库", slug="library")
    zcwj.add_child(instance=library)
    library.save_revision().publish()
    normative = NormativeDocumentsPage(title="现行有效行政规范性文件", slug="xxyxgfxwj")
    zcwj.add_child(instance=normative)
    normative.save_revision().publish()

    client = Client()
    html = client.get(library.url, {"validity": Validity.EXPIRED}).content.decode()
    assert "失效文件乙" in html and "现行文件甲" not in html
    html = client.get(library.url, {"validity": "in_force", "normative": "1"}).content.decode()
    assert "规范性文件丙" in html and "现行文件甲" not in html
    for bad in ({"validity": "<x>"}, {"topic": "9" * 40}, {"page": "-1"}, {"normative": "'; drop"}):
        assert client.get(library.url, bad).status_code == 200

    html = client.get(normative.url).content.decode()
    assert "规范性文件丙" in html
    assert "未施行规范性文件丁" not in html and "现行文件甲" not in html


def test_tag_page_and_feeds_newest_first(make_doc, catalogue):
    tag = catalogue["安全生产"]
    older = make_doc(title="较早的文件", tags=[tag.name], display_date=datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC))
    newer = make_doc(title="较新的文件", tags=[tag.name], display_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    make_doc(title="依申请公开带标签", tags=[tag.name], disclosure="on_request")
    make_doc(title="无标签文件")
    client = Client()
    html = client.get(f"/policy/tags/{tag.slug}/").content.decode()
    assert html.index("较新的文件") < html.index("较早的文件")
    assert "无标签文件" not in html and "依申请公开带标签" not in html
    rss = client.get(f"/policy/tags/{tag.slug}/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert body.index("较新的文件") < body.index("较早的文件") and "依申请公开带标签" not in body
    atom = client.get(f"/policy/tags/{tag.slug}/atom/")
    assert atom.status_code == 200 and "较新的文件" in atom.content.decode()
    assert client.get("/policy/tags/no-such-tag/").status_code == 404
    assert client.get("/policy/tags/" + "x" * 5000 + "/rss/").status_code == 404
    del older, newer


def test_search_facets_contract(make_doc, make_interpretation, catalogue):
    topic = PolicyTopic.objects.create(name="危险化学品")
    doc = make_doc(tags=["安全生产"], services=[SERVICE], publish=False, issuer="上海市应急管理局", doc_type="办法")
    doc.topics = [topic]
    doc.save_revision().publish()
    doc.refresh_from_db()
    facets = doc.search_facets()
    assert facets == {
        "validity": "in_force", "validity_label": str(Validity.IN_FORCE.label), "issuer": "上海市应急管理局",
        "doc_type": "办法", "doc_number": doc.doc_number, "index_number": doc.index_number, "tags": ["安全生产"],
        "topics": ["危险化学品"], "is_public": True, "service_items": [SERVICE], "attachments": [],
        "written_date": D(2023, 3, 1),
    }
    interp = make_interpretation([doc])
    facets = interp.search_facets()
    assert facets["validity"] is None and facets["doc_number"] == doc.doc_number and facets["tags"] == ["安全生产"]
