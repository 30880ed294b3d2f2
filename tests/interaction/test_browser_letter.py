"""A member of the public writes on a phone; the bureau handles the letter in the admin; the reply shows up."""
import pytest

from tests.browser import DESKTOP, PHONE, new_page, shot as _shot
PASSWORD = "pass-for-tests-1"
TITLE = "咨询危险化学品经营许可证延续材料"
REPLY = "您好！延续申请需在有效期届满3个月前提交申请书和安全评价报告。"


def _solve_captcha(page):
    from captcha.models import CaptchaStore

    key = page.locator("input[name=captcha_0]").get_attribute("value")
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=key).response)


def _admin(chromium, base, username):
    page = new_page(chromium, DESKTOP)
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


@pytest.mark.browser
def test_letter_from_phone_to_published_reply(transactional_db, live_server, chromium, site_tree, make_user, settings):
    from departments.models import Department
    from interaction.models import Letter
    from interaction.setup import ensure_letter_types

    settings.RATELIMIT_ENABLE = False
    ensure_letter_types()
    for username, groups in {"zcfg_editor": ["政策法规处"], "zf_editor": ["安全生产执法监察处"],
                             "zf_head": ["安全生产执法监察处负责人"]}.items():
        make_user(username, groups=groups, password=PASSWORD, email=f"{username}@example.gov.cn")
    base = live_server.url

    phone = new_page(chromium, PHONE)
    phone.goto(f"{base}/hudong/write/consultation/")
    _shot(phone, "letters-01-phone-form")
    phone.fill("#id_title", TITLE)
    phone.fill("#id_body", "请问危险化学品经营许可证到期延续需要提交哪些材料？")
    phone.fill("#id_name", "张三丰")
    phone.fill("#id_phone", "13912345678")
    _solve_captcha(phone)
    phone.click("form.letter-form button[type=submit]")
    phone.wait_for_url(f"{base}/hudong/received/")
    number = phone.inner_text("#letter-number").strip()
    code = phone.inner_text("#query-code").strip()
    _shot(phone, "letters-02-phone-receipt")
    letter = Letter.objects.get(number=number)
    assert letter.title == TITLE and len(code) >= 10

    receiver = _admin(chromium, base, "zcfg_editor")
    receiver.goto(f"{base}/admin/letters/{letter.pk}/")
    assert "张三丰" in receiver.content()
    receiver.select_option("#id_assign-department", str(Department.objects.get(name="安全生产执法监察处").pk))
    receiver.locator("#step-assign button[type=submit]").click()
    receiver.wait_for_selector("text=办理中")
    _shot(receiver, "letters-03-admin-assigned")

    editor = _admin(chromium, base, "zf_editor")
    editor.goto(f"{base}/admin/letters/{letter.pk}/")
    editor.fill("#id_draft-reply", REPLY)
    editor.locator("#step-draft button[type=submit]").click()
    editor.wait_for_selector("text=答复待审核")

    head = _admin(chromium, base, "zf_head")
    head.goto(f"{base}/admin/letters/{letter.pk}/")
    head.locator("#step-approve button[type=submit]").click()
    head.wait_for_selector("#letter-state >> text=已答复")
    _shot(head, "letters-04-admin-approved")

    receiver.goto(f"{base}/admin/letters/{letter.pk}/")
    receiver.locator("#step-publish button[type=submit]").click()
    receiver.wait_for_selector("text=已公开")

    phone.goto(f"{base}/hudong/query/")
    phone.fill("#id_number", number)
    phone.fill("#id_code", code)
    phone.click("form.letter-form button[type=submit]")
    assert REPLY in phone.inner_text("#letter-reply")
    _shot(phone, "letters-05-phone-reply")

    phone.goto(f"{base}/hudong/letters/")
    assert TITLE in phone.content() and "张三丰" not in phone.content() and "13912345678" not in phone.content()
    _shot(phone, "letters-06-phone-public-list")
    desktop = new_page(chromium, DESKTOP)
    desktop.goto(f"{base}/hudong/letters/")
    _shot(desktop, "letters-07-desktop-public-list")
