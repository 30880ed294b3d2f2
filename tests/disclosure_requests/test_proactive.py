"""依申请转主动公开 and the published annual report: drafts through the normal review, and once live no
response of the public site (the page, its column, site search) holds the applicant's personal data."""
import datetime

import pytest
from wagtail.models import Page

from disclosure_requests.models import AnnualReport
from disclosure_requests.report_views import publish_report

from .factories import close, make_request

pytestmark = pytest.mark.django_db
BASE = "/admin/disclosure-requests/"


def public_bodies(client, page, query):
    parent = page.get_parent().specific
    responses = [client.get(page.url), client.get(parent.url), client.get("/search/", {"q": query})]
    assert [r.status_code for r in responses] == [200, 200, 200]
    return [r.content.decode() for r in responses]


def test_request_turned_into_proactive_disclosure_without_personal_data(client, office, site_tree):
    from moderation.setup import ensure_workflows

    ensure_workflows()
    item = make_request(datetime.date(2025, 3, 3), office["editor"], info_title="2024年危险化学品经营单位名单")
    # The answer was written to the applicant, with their name and phone in it.
    close(item, "disclosed", datetime.date(2025, 3, 20), office["editor"], office["head"],
          answer="李明华：经查，现将2024年危险化学品经营单位名单提供给您。如有疑问请致电，我们将回电13912345678。")
    client.force_login(office["outsider"])
    assert client.post(f"{BASE}{item.pk}/convert/").status_code == 302
    item.refresh_from_db()
    assert item.proactive_page_id is None  # refused outside 办公室
    client.force_login(office["editor"])
    assert client.post(f"{BASE}{item.pk}/convert/").status_code == 302
    item.refresh_from_db()
    page = Page.objects.get(pk=item.proactive_page_id).specific
    assert page.get_parent().slug == "ysqzzdgk" and not page.live
    assert page.current_workflow_state is not None  # in the normal review, not published
    latest = page.get_latest_revision().as_object()
    draft = " ".join([latest.title, latest.summary, str(latest.body)])
    assert "李*" in draft and "危险化学品经营单位名单提供给您" in draft
    for value in item.personal_values():
        assert value not in draft, value
    client.post(f"{BASE}{item.pk}/convert/")  # a second time: refused, still one page
    assert Page.objects.filter(slug=f"ysq-{item.number.lower()}").count() == 1

    page.get_latest_revision().publish()  # what the reviewer's approval does
    page.refresh_from_db()
    client.logout()
    bodies = public_bodies(client, page, "危险化学品经营单位名单")
    assert "危险化学品经营单位名单提供给您" in bodies[0]
    for body in bodies:
        for value in item.personal_values():
            assert value not in body, value


def test_published_annual_report_holds_no_personal_data(client, office, site_tree):
    from moderation.setup import ensure_workflows

    ensure_workflows()
    year = datetime.date.today().year
    items = [make_request(datetime.date(year, 1, 6), office["editor"]),
             make_request(datetime.date(year, 1, 7), office["editor"], applicant_type="business", id_type="uscc",
                          id_number="91350100M000100Y43", name="上海某某化工有限公司", contact_person="王建国")]
    close(items[0], "disclosed", datetime.date(year, 1, 20), office["editor"], office["head"])
    report = AnnualReport.objects.create(year=year, overview="总体情况。")
    page = publish_report(report, office["editor"])
    page = Page.objects.get(pk=page.pk).specific
    page.get_latest_revision().publish()
    page.refresh_from_db()
    bodies = public_bodies(client, page, "政府信息公开工作年度报告")
    assert "政府信息公开工作年度报告" in bodies[0]
    for body in bodies:
        for item in items:
            for value in item.personal_values():
                assert value not in body, value
