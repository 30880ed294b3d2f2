"""A request filed from a phone, answered by 办公室 in the admin, the 答复书 downloaded by the applicant."""
import datetime
import io
from pathlib import Path

import pytest

from tests.browser import DESKTOP, PHONE, SCREENSHOTS, shot

PASSWORD = "pass-for-tests-1"


def _shot(page, name):
    shot(page, f"requests-{name}")


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.mark.browser
def test_phone_request_answered_and_downloaded(transactional_db, live_server, chromium, site_tree, make_user):
    from captcha.models import CaptchaStore
    from django.core.cache import cache
    from docx import Document

    from pypdf import PdfReader

    from disclosure_requests.fees import install_standard_tiers
    from disclosure_requests.models import DisclosureRequest

    cache.clear()
    install_standard_tiers()  # a transactional test before this one may have flushed the seeded 109号 tiers
    make_user("bgs_editor", groups=["办公室"], password=PASSWORD, email="bgs_editor@example.gov.cn")
    make_user("bgs_head", groups=["办公室负责人"], password=PASSWORD, email="bgs_head@example.gov.cn")
    base = live_server.url

    phone = chromium.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True, accept_downloads=True)
    page = phone.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base}/ysqgk/apply/")
    page.check("input[name=applicant_type][value=natural]")
    page.fill("#id_name", "陈晓燕")
    page.select_option("#id_id_type", "id_card")
    page.fill("#id_id_number", "11010519491231002X")
    page.fill("#id_phone", "13812345678")
    page.fill("#id_email", "chenxy@example.com")
    page.fill("#id_info_title", "2025年本市危险化学品事故统计")
    page.fill("#id_description", "请提供2025年本市危险化学品事故起数统计。")
    page.select_option("#id_delivery_form", "electronic")
    page.select_option("#id_delivery_channel", "online")
    # First a wrong CAPTCHA: a clear message, nothing saved.
    key = page.locator("input[name=captcha_0]").input_value()
    page.fill("input[name=captcha_1]", str(int(CaptchaStore.objects.get(hashkey=key).response) + 1))
    page.click(".dr-form button[type=submit]")
    assert "验证码错误" in page.content() and DisclosureRequest.objects.count() == 0
    assert page.locator("#id_name").input_value() == "陈晓燕"  # the applicant keeps what was typed
    key = page.locator("input[name=captcha_0]").input_value()
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=key).response)
    _shot(page, "01-phone-form")
    # The form fits the phone: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click(".dr-form button[type=submit]")
    page.wait_for_selector("#request-receipt")
    number = page.inner_text("#request-number").strip()
    code = page.inner_text("#query-code").strip()
    _shot(page, "02-phone-receipt")
    assert "陈晓燕" not in page.content() and "11010519491231002X" not in page.content()
    item = DisclosureRequest.objects.get(number=number)

    staff = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    admin = staff.new_page()
    admin.set_default_timeout(20000)
    _login(admin, base, "bgs_editor")
    admin.goto(f"{base}/admin/disclosure-requests/")
    admin.click(f"text={number}")
    admin.wait_for_selector("#action-answer")
    # The fee the 109号 tiers give is shown before staff answer: a first request in the month is free.
    assert "第 1 件申请，按收费标准为 0.00 元" in admin.inner_text("#fee-hint")
    admin.select_option("#id_answer-outcome", "disclosed")
    admin.fill("#id_answer-answer_text", "经查，现将2025年本市危险化学品事故起数统计提供给您。")
    admin.locator("#action-answer").scroll_into_view_if_needed()
    _shot(admin, "03a-admin-answer-form")
    admin.click("#action-answer button[type=submit]")
    admin.wait_for_selector("text=答复已拟定")
    _shot(admin, "03-admin-answer-drafted")
    _login(admin, base, "bgs_head")
    admin.goto(f"{base}/admin/disclosure-requests/{item.pk}/")
    _shot(admin, "04-admin-head")
    admin.click("#action-approve button[type=submit]")
    try:
        admin.wait_for_selector("#action-send")
    finally:
        _shot(admin, "04b-admin-approved")
    _login(admin, base, "bgs_editor")
    admin.goto(f"{base}/admin/disclosure-requests/{item.pk}/")
    admin.fill("#id_send-delivery_note", "网站下载，已电话告知")
    assert admin.locator("#id_send-day").input_value() == datetime.date.today().isoformat()
    with admin.expect_navigation():
        admin.click("#action-send button[type=submit]")
    _shot(admin, "05-admin-sent")
    assert "已答复办结" in admin.content()
    item.refresh_from_db()
    assert item.status == "closed"

    page.goto(f"{base}/ysqgk/status/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    page.click(".dr-form button[type=submit]")
    page.wait_for_selector("#download-reply")
    _shot(page, "06-phone-status")
    assert "陈晓燕" not in page.content()
    with page.expect_download() as info:
        page.click("#download-reply")
    path = info.value.path()
    text = "\n".join(p.text for p in Document(io.BytesIO(Path(path).read_bytes())).paragraphs)
    assert "政府信息公开申请答复书" in text and number in text and "事故起数统计提供给您" in text
    # The same 答复书 as PDF, read back.
    with page.expect_download() as info:
        page.click("#download-reply-pdf")
    assert info.value.suggested_filename.endswith(".pdf")
    pdf = Path(info.value.path()).read_bytes()
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "政府信息公开申请答复书" in text and number in text and "事故起数统计提供给您" in text
    assert "60日内" in text and "6个月内" in text and "本次不收取信息处理费" in text
    assert "陈晓燕" in text  # the addressee: the applicant's own copy, reached only with the 查询码
    (SCREENSHOTS / "requests-07-reply.pdf").write_bytes(pdf)

    # Staff get the same document from the admin.
    admin.goto(f"{base}/admin/disclosure-requests/{item.pk}/")
    with admin.expect_download() as info:
        admin.click("#reply-pdf")
    staff_pdf = Path(info.value.path()).read_bytes()
    assert number in "".join(p.extract_text() for p in PdfReader(io.BytesIO(staff_pdf)).pages)
    staff.close()
    phone.close()
