"""The public side: apply, status by 申请编号 + 查询码, download; personal data never shown; bad input writes nothing."""
import datetime
import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from disclosure_requests.models import ClockEntry, DisclosureRequest
from tests.public_forms import solved_captcha, wrong_captcha

from .factories import ID_CARD, USCC, close, make_request

APPLY = "/ysqgk/apply/"
STATUS = "/ysqgk/status/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form_data(html, **overrides):
    data = {
        "applicant_type": "natural", "name": "陈晓燕", "id_type": "id_card", "id_number": ID_CARD,
        "contact_person": "", "phone": "13812345678", "email": "chenxy@example.com", "address": "", "postcode": "",
        "info_title": "2025年本市危险化学品事故统计", "info_doc_number": "", "description": "请提供2025年本市危险化学品事故起数统计。",
        "delivery_form": "electronic", "delivery_channel": "email", "homepage": "",
    }
    data.update(solved_captcha(html))
    data.update(overrides)
    return data


def personal_data_absent(response, item):
    body = response.content.decode()
    for value in item.personal_values():
        assert value not in body, value


@pytest.mark.django_db
def test_apply_online_returns_number_and_code_and_notifies_the_office(client, site_tree, office):
    page = client.get(APPLY)
    assert page.status_code == 200 and "政府信息公开申请" in page.content.decode()
    response = client.post(APPLY, form_data(page.content.decode()))
    assert response.status_code == 200
    item = DisclosureRequest.objects.get()
    body = response.content.decode()
    assert item.number in body and item.number.startswith(f"YSQ{datetime.date.today().year}")
    code = body.split('id="query-code">')[1].split("<")[0]
    assert len(code) == 8 and item.check_query_code(code) and code not in item.query_code_hash
    assert item.received_channel == "online" and item.status == "handling"
    assert list(item.clock_entries.values_list("kind", "days")) == [("start", 20)]
    personal_data_absent(response, item)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["bgs_editor_t@example.gov.cn", "bgs_head_t@example.gov.cn"]
    assert item.number in mail.outbox[0].subject


@pytest.mark.django_db
@pytest.mark.parametrize("overrides, field_message", [
    ({"id_number": "110105194912310021"}, "居民身份证号码不正确"),
    ({"applicant_type": "business", "id_type": "uscc", "id_number": "91350100M000100Y44", "contact_person": "王"},
     "统一社会信用代码不正确"),
    ({"applicant_type": "business", "id_type": "id_card", "contact_person": "王"}, "统一社会信用代码"),
    ({"applicant_type": "business", "id_type": "uscc", "id_number": USCC}, "须填写联系人"),
    ({"description": ""}, "此项为必填项"),
    ({"description": "长" * 5000}, "不超过 2000 字符"),
    ({"info_title": "安全\x00生产"}, "控制字符"),
    ({"phone": "<script>alert(1)</script>"}, "联系电话"),
    ({"applicant_type": "martian"}, "选择一个有效的选项"),
    ({"delivery_channel": "post", "address": ""}, "通信地址"),
    ({"email": "not-an-email"}, "有效的 Email 地址"),
])
def test_bad_input_gives_a_clear_message_and_writes_nothing(client, site_tree, overrides, field_message):
    page = client.get(APPLY)
    response = client.post(APPLY, form_data(page.content.decode(), **overrides))
    assert response.status_code == 200
    body = response.content.decode()
    assert field_message in body and "申请尚未保存" in body
    assert DisclosureRequest.objects.count() == 0 and ClockEntry.objects.count() == 0


@pytest.mark.django_db
def test_wrong_captcha_and_honeypot_write_nothing(client, site_tree):
    html = client.get(APPLY).content.decode()
    data = form_data(html)
    data.update(wrong_captcha(html))
    assert "验证码错误" in client.post(APPLY, data).content.decode()
    html = client.get(APPLY).content.decode()
    client.post(APPLY, form_data(html, homepage="http://spam.example"))
    assert DisclosureRequest.objects.count() == 0


@pytest.mark.django_db
def test_hostile_posts_never_500(client, site_tree):
    for data in [{}, {"applicant_type": ["natural", "business"]}, {"captcha_0": "x" * 5000, "captcha_1": "\x00"},
                 {"name": "名" * 100000}]:
        assert client.post(APPLY, data).status_code == 200
        assert client.post(STATUS, data).status_code == 200
    assert client.get("/ysqgk/status/%00/reply.docx").status_code == 404
    assert client.get("/ysqgk/status/" + "A" * 500 + "/reply.docx").status_code == 404
    assert DisclosureRequest.objects.count() == 0


@pytest.mark.django_db
def test_status_page_and_wrong_code_refusal(client, site_tree, office):
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    other = make_request(datetime.date(2025, 3, 4), office["editor"])
    refused = client.post(STATUS, {"number": item.number, "code": other.query_code})
    body = refused.content.decode()
    assert "申请编号与查询码不匹配" in body and "request-status" not in body and "办理中" not in body
    unknown = client.post(STATUS, {"number": "YSQ209900001", "code": item.query_code})
    assert "申请编号与查询码不匹配" in unknown.content.decode()
    # The same refusal for a wrong code and an unknown number: nothing tells them apart.
    strip = lambda html: html.replace(item.number, "").replace("YSQ209900001", "").replace(other.query_code, "")
    assert strip(body).split("<main")[1].split("</main>")[0].count("不匹配") == 1
    # No download without having shown the right code in this session.
    close(item, "disclosed", datetime.date(2025, 3, 20), office["editor"], office["head"])
    assert client.get(f"/ysqgk/status/{item.number}/reply.docx").status_code == 404

    shown = client.post(STATUS, {"number": item.number.lower(), "code": item.query_code.lower()})
    body = shown.content.decode()
    assert "已答复办结" in body and "予以公开" in body and 'id="download-reply"' in body
    personal_data_absent(shown, item)
    download = client.get(f"/ysqgk/status/{item.number}/reply.docx")
    assert download.status_code == 200
    from docx import Document
    text = "\n".join(p.text for p in Document(io.BytesIO(download.content)).paragraphs)
    assert "政府信息公开申请答复书" in text and "60日内" in text and "6个月内" in text and item.number in text
    # The other request is still not downloadable from this session.
    assert client.get(f"/ysqgk/status/{other.number}/reply.docx").status_code == 404


@pytest.mark.django_db
def test_status_checks_are_rate_limited(client, site_tree, office, settings):
    settings.PUBLIC_FORM_RATES = {"disclosure_requests_status": "3/m"}
    item = make_request(datetime.date(2025, 3, 3), office["editor"])
    codes = [client.post(STATUS, {"number": item.number, "code": "WRONG%03d" % n}).status_code for n in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
