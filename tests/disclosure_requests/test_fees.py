"""信息处理费 under 国办函〔2020〕109号: tiers as data, the fee at and around every threshold,
the fee computed when staff answer and overridden only with a reason, the tiers edited in the admin."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from disclosure_requests import services
from disclosure_requests.fees import fee_for_units, install_standard_tiers, monthly_position, suggested_fee
from disclosure_requests.models import FeeTier
from disclosure_requests.services import RequestActionError

from .factories import PERSON, make_request

pytestmark = pytest.mark.django_db
BASE = "/admin/disclosure-requests/"
TIERS = "/admin/disclosure_fee_tiers/"


@pytest.fixture
def standard():
    """The 109号 tiers (seeded by migration 0003; re-made here in case a transactional test flushed them)."""
    install_standard_tiers()
    assert FeeTier.objects.count() == 5


# 按件: the n-th request of one applicant in a calendar month costs this much (worked out by hand from 109号:
# 1–10 free, 11–30 100 yuan, then +100 yuan per item for every further 10).
PER_ITEM = [(1, 0), (10, 0), (11, 100), (12, 100), (29, 100), (30, 100), (31, 200), (40, 200), (41, 300),
            (50, 300), (51, 400), (60, 400), (61, 500)]
# 按量: pages 1–30 free, 31–100 10 yuan, 101–200 20 yuan, beyond 200 40 yuan, each band at its own rate.
PER_PAGE = [(0, 0), (1, 0), (30, 0), (31, 10), (32, 20), (99, 690), (100, 700), (101, 720), (199, 2680),
            (200, 2700), (201, 2740), (250, 4700)]


@pytest.mark.parametrize("position, yuan", PER_ITEM)
def test_per_item_fee_at_and_around_each_threshold(standard, position, yuan):
    assert fee_for_units("per_item", position, position) == Decimal(yuan)


@pytest.mark.parametrize("pages, yuan", PER_PAGE)
def test_per_page_fee_at_and_around_each_threshold(standard, pages, yuan):
    assert fee_for_units("per_page", 1, pages) == Decimal(yuan)


def test_no_tiers_means_free():
    FeeTier.objects.all().delete()
    assert fee_for_units("per_item", 45, 45) == 0 and fee_for_units("per_page", 1, 5000) == 0


def test_the_tiers_are_data(standard):
    FeeTier.objects.filter(basis="per_page", above=30).update(amount=Decimal("5"))
    assert fee_for_units("per_page", 1, 100) == Decimal(350)
    FeeTier.objects.filter(basis="per_item", above=10).update(above=20)
    assert fee_for_units("per_item", 11, 11) == 0 and fee_for_units("per_item", 21, 21) == Decimal(100)


def test_monthly_position_counts_the_same_applicant_in_the_same_month(standard):
    march = datetime.date(2025, 3, 3)
    make_request(datetime.date(2025, 2, 28))  # February: another month
    make_request(march, id_number="110105194912310021", name="别人")  # another applicant (valid check digit)
    items = [make_request(march + datetime.timedelta(days=n % 20)) for n in range(11)]
    last = max(items, key=lambda i: (i.received_date, i.pk))
    assert monthly_position(last) == 11
    assert sorted(monthly_position(i) for i in items) == list(range(1, 12))
    assert suggested_fee(last, "per_item") == (Decimal(100), 11)
    first = min(items, key=lambda i: (i.received_date, i.pk))
    assert suggested_fee(first, "per_item") == (Decimal(0), 1)


def test_draft_answer_uses_the_tiers_and_an_other_fee_needs_a_reason(standard, office):
    item = make_request(datetime.date(2025, 3, 3))
    services.draft_answer(item, office["editor"], "disclosed", "现提供。", fee_basis="per_page", pages=120)
    item.refresh_from_db()
    assert (item.fee, item.fee_suggested, item.fee_basis, item.fee_quantity) == (Decimal(1100), Decimal(1100),
                                                                                 "per_page", 120)
    with pytest.raises(RequestActionError, match="1100.00"):
        services.draft_answer(item, office["editor"], "disclosed", "现提供。", fee=0, fee_basis="per_page",
                              pages=120)
    item.refresh_from_db()
    assert item.fee == Decimal(1100)
    services.draft_answer(item, office["editor"], "disclosed", "现提供。", fee=0, fee_basis="per_page", pages=120,
                          fee_reason="申请人为低保户，予以减免")
    item.refresh_from_db()
    assert item.fee == 0 and item.fee_suggested == Decimal(1100) and item.fee_reason == "申请人为低保户，予以减免"
    log = ModelLogEntry.objects.filter(action="disclosure_requests.answer_drafted").latest("timestamp")
    assert log.data["fee"] == "0.00" and log.data["fee_suggested"] == "1100.00"
    assert log.data["reason"] == "申请人为低保户，予以减免"
    with pytest.raises(RequestActionError):
        services.draft_answer(item, office["editor"], "disclosed", "现提供。", fee_basis="per_page")  # no pages


def test_the_answer_form_shows_and_charges_the_computed_fee(client, standard, office, site_tree):
    march = datetime.date.today().replace(day=1)
    items = [make_request(march, office["editor"]) for _ in range(11)]
    eleventh = items[-1]
    client.force_login(office["editor"])
    hint = client.get(f"{BASE}{eleventh.pk}/").content.decode()
    assert 'id="fee-hint"' in hint and "第 11 件" in hint and "100.00 元" in hint
    answer = {"answer-outcome": "disclosed", "answer-answer_text": "现提供。", "answer-legal_basis": "",
              "answer-fee_basis": "per_item", "answer-pages": "", "answer-fee": "", "answer-fee_reason": ""}
    refused = client.post(f"{BASE}{eleventh.pk}/answer/", dict(answer, **{"answer-fee": "0"}))
    assert refused.status_code == 400 and "标准收费为 100.00 元" in refused.content.decode()
    eleventh.refresh_from_db()
    assert eleventh.status == "handling" and not eleventh.outcome
    assert client.post(f"{BASE}{eleventh.pk}/answer/", answer).status_code == 302
    eleventh.refresh_from_db()
    assert eleventh.fee == Decimal(100) and eleventh.fee_basis == "per_item" and eleventh.fee_quantity == 11
    page = client.get(f"{BASE}{eleventh.pk}/").content.decode()
    assert "100.00" in page and "按件" in page
    first = items[0]
    by_page = dict(answer, **{"answer-fee_basis": "per_page"})
    missing = client.post(f"{BASE}{first.pk}/answer/", by_page)
    assert missing.status_code == 400 and "页数" in missing.content.decode()
    assert client.post(f"{BASE}{first.pk}/answer/", dict(by_page, **{"answer-pages": "31"})).status_code == 302
    first.refresh_from_db()
    assert first.fee == Decimal(10) and first.fee_quantity == 31


def test_fee_tiers_in_the_admin(client, standard, office, site_tree):
    client.force_login(office["outsider"])
    assert client.get(TIERS).status_code == 302  # refused: Wagtail redirects to the dashboard
    client.force_login(office["editor"])
    listing = client.get(TIERS)
    assert listing.status_code == 200 and "按件" in listing.content.decode()
    data = {"basis": "per_page", "above": "500", "up_to": "", "amount": "50", "step": "", "step_increase": ""}
    assert client.post(f"{TIERS}new/", data).status_code == 302 and FeeTier.objects.count() == 5  # view only
    client.force_login(office["head"])
    overlap = client.post(f"{TIERS}new/", data)
    assert overlap.status_code == 200 and "重叠" in overlap.content.decode() and FeeTier.objects.count() == 5
    top = FeeTier.objects.get(basis="per_page", above=200)
    edit = {"basis": "per_page", "above": "200", "up_to": "500", "amount": "40", "step": "", "step_increase": ""}
    assert client.post(reverse("disclosure_fee_tiers:edit", args=[top.pk]), edit).status_code == 302
    assert client.post(f"{TIERS}new/", data).status_code == 302 and FeeTier.objects.count() == 6
    assert fee_for_units("per_page", 1, 501) == Decimal(2700 + 300 * 40 + 50)
    bad = [dict(data, above="600", up_to="550"), dict(data, above="600", step="10"),
           dict(data, above="600", up_to="700", step="10", step_increase="5"), dict(data, amount="-1"),
           dict(data, above="abc"), dict(data, basis="nonsense")]
    for case in bad:
        response = client.post(f"{TIERS}new/", case)
        assert response.status_code == 200, case
    assert FeeTier.objects.count() == 6


def test_fees_charged_are_counted_into_section_six_of_the_annual_report(client, standard, office, site_tree):
    import io

    from docx import Document
    from openpyxl import load_workbook

    from disclosure_requests import report as reports
    from disclosure_requests.models import AnnualReport

    e, h = office["editor"], office["head"]

    def answered(received, closed, **fee):
        item = make_request(received, e)
        services.draft_answer(item, e, "disclosed", "现提供。", **fee)
        services.approve_answer(item, h)
        services.send_answer(item, e, closed, "邮寄")
        return item

    answered(datetime.date(2025, 3, 3), datetime.date(2025, 3, 20), fee_basis="per_page", pages=31)  # 10 yuan
    answered(datetime.date(2025, 4, 1), datetime.date(2025, 4, 20), fee=Decimal(50), fee_reason="按件与按量核算后协商")
    answered(datetime.date(2025, 5, 6), datetime.date(2025, 5, 20))  # free
    answered(datetime.date(2025, 12, 1), datetime.date(2026, 1, 5), fee_basis="per_page", pages=40)  # 2026
    assert reports.fees_charged(2025) == {"count": 2, "total": "60.00"}
    report = AnnualReport.objects.create(year=2025, overview="总体情况。", other_matters="无其他事项。")
    tables = reports.tables_for(report)
    sentence = "收取信息处理费2件，共60.00元"
    assert sentence in dict(reports.section_texts(report, tables))["六、其他需要报告的事项"]
    document = Document(io.BytesIO(reports.export_docx(report, tables)))
    assert sentence in "\n".join(p.text for p in document.paragraphs)
    book = load_workbook(io.BytesIO(reports.export_xlsx(report, tables)))
    assert any(sentence in (row[1] or "") for row in book["一五六、文字"].iter_rows(values_only=True))
    client.force_login(e)
    assert sentence in client.get("/admin/disclosure-requests/reports/2025/").content.decode()
    assert reports.fees_sentence(reports.fees_charged(2024)) == "本年度未收取信息处理费。"
