"""Admin over HTTP as each role: 办公室 handles, its head approves, everyone else is refused."""
import datetime

import pytest
from wagtail.models import ModelLogEntry

from disclosure_requests.models import AnnualReport, ClockEntry, DisclosureRequest

from .factories import ID_CARD, close, make_request

BASE = "/admin/disclosure-requests/"
PASSWORD = "pass-for-tests-1"


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and an error message."""
    return response.status_code == 302 and response.url == "/admin/"


def login(client, user):
    client.force_login(user)
    return client


def registration(**overrides):
    data = {
        "received_channel": "letter", "received_date": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
        "applicant_type": "natural", "name": "张卫东", "id_type": "id_card", "id_number": ID_CARD,
        "contact_person": "", "phone": "13600001111", "email": "", "address": "上海市静安区北京西路1号",
        "postcode": "200040", "info_title": "某企业安全评价报告", "info_doc_number": "",
        "description": "请提供某企业2024年安全评价报告。", "delivery_form": "paper", "delivery_channel": "post",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_outsiders_are_refused_everywhere(client, office, site_tree):
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    urls = [BASE, f"{BASE}register/", f"{BASE}{item.pk}/", f"{BASE}{item.pk}/reply.docx", f"{BASE}reports/",
            f"{BASE}reports/2025/", f"{BASE}reports/2025/report.xlsx", f"{BASE}reports/2025/report.docx"]
    for role in ("outsider", "outsider_head"):
        login(client, office[role])
        for url in urls:
            assert refused(client.get(url)), (role, url)
        assert refused(client.post(f"{BASE}register/", registration()))
        assert refused(client.post(f"{BASE}{item.pk}/consult/", {"consult-day": "2025-03-05",
                                                                 "consult-party": "某单位"}))
        assert refused(client.post(f"{BASE}reports/2025/publish/"))
        dashboard = client.get("/admin/").content.decode()
        assert "disclosure-requests" not in dashboard
    client.logout()
    assert client.get(BASE).status_code == 302  # to the login page
    assert DisclosureRequest.objects.count() == 1 and ClockEntry.objects.count() == 1


@pytest.mark.django_db
def test_office_editor_registers_and_handles_but_cannot_approve(client, office, site_tree):
    login(client, office["editor"])
    assert "disclosure-requests" in client.get("/admin/").content.decode()
    response = client.post(f"{BASE}register/", registration())
    item = DisclosureRequest.objects.get()
    assert response.status_code == 302 and response.url == f"{BASE}{item.pk}/"
    assert item.received_channel == "letter" and item.registered_by == office["editor"]
    detail = client.get(f"{BASE}{item.pk}/").content.decode()
    assert "张卫东" in detail and ID_CARD in detail  # handlers see the personal data
    assert "开始计时，期限 20 个工作日" in detail  # the clock step that explains the due date
    listing = client.get(BASE).content.decode()
    assert item.number in listing

    today = datetime.date.today().isoformat()
    response = client.post(f"{BASE}{item.pk}/answer/", {"answer-outcome": "disclosed",
                                                        "answer-answer_text": "现将该报告提供给您。",
                                                        "answer-legal_basis": "", "answer-fee": "0"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "awaiting_approval"
    assert refused(client.post(f"{BASE}{item.pk}/approve/"))
    item.refresh_from_db()
    assert item.status == "awaiting_approval"

    login(client, office["head"])
    assert client.post(f"{BASE}{item.pk}/approve/").status_code == 302
    login(client, office["editor"])
    assert client.post(f"{BASE}{item.pk}/send/", {"send-day": today, "send-delivery_note": "挂号信寄出"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "closed" and item.approved_by == office["head"]
    reply = client.get(f"{BASE}{item.pk}/reply.docx")
    assert reply.status_code == 200 and reply["Content-Type"].startswith("application/vnd.openxmlformats")
    history = client.get(f"{BASE}{item.pk}/").content.decode()
    for label in ("已登记为", "答复已拟定", "答复已审批", "答复已送达"):
        assert label in history


@pytest.mark.django_db
def test_the_extension_form_needs_the_head_as_approver(client, office, site_tree):
    item = make_request(datetime.date.today() - datetime.timedelta(days=10), office["editor"])
    login(client, office["editor"])
    data = {"extend-day": datetime.date.today().isoformat(), "extend-days": "20", "extend-reason": "需要调阅档案",
            "extend-approver": str(office["editor"].pk)}
    response = client.post(f"{BASE}{item.pk}/extend/", data)
    assert response.status_code == 400 and "选择一个有效的选项" in response.content.decode()
    data["extend-approver"] = str(office["head"].pk)
    assert client.post(f"{BASE}{item.pk}/extend/", data).status_code == 302
    entry = item.clock_entries.get(reason="extension")
    assert entry.approver == office["head"] and entry.days == 20
    detail = client.get(f"{BASE}{item.pk}/").content.decode()
    assert "延长 20 个工作日" in detail and "bgs_head_t" in detail
    log = ModelLogEntry.objects.get(action="disclosure_requests.extended", object_id=str(item.pk))
    assert log.data["reason"] == "需要调阅档案"


@pytest.mark.django_db
def test_bad_admin_input_writes_nothing(client, office, site_tree):
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    login(client, office["editor"])
    before = (ClockEntry.objects.count(), ModelLogEntry.objects.count())
    bad_posts = [
        ("correction", {"correction-day": "not-a-date", "correction-text": "x", "correction-period": "5"}),
        ("correction", {"correction-day": "2025-03-04", "correction-text": "x\x00", "correction-period": "5"}),
        ("correction", {"correction-day": "2025-05-30", "correction-text": "太晚了", "correction-period": "5"}),
        ("consult", {"consult-day": "2025-03-01", "consult-party": "早于收到日期"}),
        ("consult", {"consult-day": "2999-01-01", "consult-party": "未来"}),
        ("answer", {"answer-outcome": "nonsense", "answer-answer_text": "x", "answer-fee": "0"}),
        ("answer", {"answer-outcome": "disclosed", "answer-answer_text": "x" * 6000, "answer-fee": "-1"}),
    ]
    for action, data in bad_posts:
        response = client.post(f"{BASE}{item.pk}/{action}/", data)
        assert response.status_code == 400, (action, data)
    assert "7 个工作日内" in client.post(f"{BASE}{item.pk}/correction/", bad_posts[2][1]).content.decode()
    assert refused(client.post(f"{BASE}{item.pk}/nonsense/", {}))
    assert client.post(f"{BASE}{item.pk}/send/", {}).status_code == 302  # not possible now: a message, no change
    assert client.get(f"{BASE}999999/").status_code == 404
    assert client.post(f"{BASE}register/", registration(received_date="2999-01-01")).status_code == 200
    assert client.post(f"{BASE}register/", registration(id_number="123")).status_code == 200
    assert client.get(f"{BASE}?status=%00&q=" + "x" * 500 + "&p=abc").status_code == 400  # core.middleware
    assert client.get(f"{BASE}?status=nonsense&q=" + "x" * 500 + "&p=abc").status_code == 200
    item.refresh_from_db()
    assert item.status == "handling" and DisclosureRequest.objects.count() == 1
    assert (ClockEntry.objects.count(), ModelLogEntry.objects.count()) == before


@pytest.mark.django_db
def test_overdue_flag_in_the_list(client, office, site_tree):
    old = make_request(datetime.date.today() - datetime.timedelta(days=60), office["editor"])
    fresh = make_request(datetime.date.today(), office["editor"])
    login(client, office["editor"])
    body = client.get(f"{BASE}?overdue=1").content.decode()
    assert old.number in body and fresh.number not in body and "dr-overdue-flag" in body


@pytest.mark.django_db
def test_report_pages_for_the_office(client, office, site_tree):
    close(make_request(datetime.date(2025, 3, 3), office["editor"]), "disclosed", datetime.date(2025, 3, 20),
          office["editor"], office["head"])
    login(client, office["editor"])
    page = client.get(f"{BASE}reports/2025/")
    assert page.status_code == 200 and "校验通过" in page.content.decode()
    data = {"overview": "总体情况", "coercion": "2", "fees": "0", "problems": "", "other_matters": ""}
    for block in ("review", "direct", "after_review"):
        for column in ("upheld", "corrected", "other", "pending", "total"):
            data[f"t4_{block}_{column}"] = "0"
    data["t4_review_upheld"] = "1"  # total left at 0: does not add up
    assert client.post(f"{BASE}reports/2025/", data).status_code == 302
    page = client.get(f"{BASE}reports/2025/").content.decode()
    assert "报告数据不平衡" in page and "各结果之和为 1，总计为 0" in page
    client.post(f"{BASE}reports/2025/publish/")
    assert AnnualReport.objects.get(year=2025).page_id is None
    bad = dict(data, coercion="-3", overview="\x00")
    assert client.post(f"{BASE}reports/2025/", bad).status_code == 400
    assert client.get(f"{BASE}reports/1990/").status_code == 404
    assert client.get(f"{BASE}reports/2025/report.xlsx").status_code == 200
