"""The whole chain over HTTP as the demo roles: submit → accept → assign → draft → approve → publish."""
import re

import pytest
from captcha.models import CaptchaStore
from wagtail.models import ModelLogEntry

from interaction.models import Letter, State

from .helpers import letter_data, submit_and_receipt, submit_letter

pytestmark = pytest.mark.django_db

PERSONAL = ("张三丰", "13912345678", "zhangsan@example.com")


def _post_step(client, letter, action, **fields):
    data = {"action": action}
    data.update({f"{action}-{k}": v for k, v in fields.items()})
    return client.post(f"/admin/letters/{letter.pk}/", data)


def _login(client, user):
    client.force_login(user)
    return client


def test_full_chain_public_query_and_published_list(client, letter_types, role_user, settings_no_ratelimit):
    receipt = submit_and_receipt(client)
    letter = Letter.objects.get(number=receipt["number"])
    assert letter.state == State.NEW and letter.due_date is not None
    assert letter.query_code_hash != receipt["code"] and receipt["code"] not in letter.query_code_hash
    assert len(receipt["code"]) >= 10

    from django.test import Client

    receiver = _login(Client(), role_user("政策法规处"))
    editor = _login(Client(), role_user("安全生产执法监察处", username="zf"))
    head = _login(Client(), role_user("安全生产执法监察处负责人", username="zfhead"))

    assert _post_step(receiver, letter, "accept").status_code == 302
    from departments.models import Department

    zf = Department.objects.get(name="安全生产执法监察处")
    assert _post_step(receiver, letter, "assign", department=zf.pk, comment="属执法监察处职责").status_code == 302
    assert _post_step(editor, letter, "draft", reply="您好，延续申请需提交以下材料……").status_code == 302
    # The editor cannot approve their own draft; the head can.
    assert _post_step(editor, letter, "approve").status_code == 403
    assert _post_step(head, letter, "approve", comment="同意").status_code == 302
    letter.refresh_from_db()
    assert letter.state == State.REPLIED and letter.replied_at and letter.workdays_used is not None
    assert _post_step(receiver, letter, "publish").status_code == 302
    letter.refresh_from_db()
    assert letter.published

    actions = list(ModelLogEntry.objects.for_instance(letter).order_by("timestamp", "pk").values_list("action", flat=True))
    assert actions == ["interaction.letter.received", "interaction.letter.accepted", "interaction.letter.assigned",
                       "interaction.letter.drafted", "interaction.letter.approved", "interaction.letter.published"]
    detail = receiver.get(f"/admin/letters/{letter.pk}/").content.decode()
    assert "信件已分派至处室" in detail or "分派" in detail  # registered Chinese label shown in the history

    # 信件查询 with the right code shows the reply; the public list shows 留言时间 and 答复时间, never personal data.
    public = client.post("/hudong/query/", {"number": receipt["number"], "code": receipt["code"]})
    assert public.status_code == 200 and "延续申请需提交以下材料" in public.content.decode()
    listing = client.get("/hudong/letters/").content.decode()
    assert letter.title in listing and "留言时间" in listing and "答复时间" in listing and "安全生产执法监察处" in listing
    assert "张**" in listing
    item = client.get(f"/hudong/letters/{letter.number}/").content.decode()
    for text in (listing, item, public.content.decode()):
        for value in PERSONAL:
            assert value not in text


def test_wrong_code_reveals_nothing(client, letter_types, settings_no_ratelimit):
    receipt = submit_and_receipt(client)
    wrong = client.post("/hudong/query/", {"number": receipt["number"], "code": "ABCDEFGHJKMN"})
    unknown = client.post("/hudong/query/", {"number": "20990101999999", "code": "ABCDEFGHJKMN"})
    assert wrong.status_code == unknown.status_code == 404
    title = "关于危化品经营许可证延续的咨询"
    assert title not in wrong.content.decode()

    def body(response):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()).replace(
            receipt["number"], "").replace("20990101999999", "")

    assert body(wrong) == body(unknown)


def test_query_is_rate_limited(client, letter_types, settings):
    settings.PUBLIC_FORM_RATES = {"letters-query": "3/10m"}
    codes = [client.post("/hudong/query/", {"number": "1", "code": f"X{i}"}).status_code for i in range(5)]
    assert codes[:3] == [404, 404, 404] and codes[3:] == [429, 429]


def test_submission_rate_limit_and_captcha_refuse(client, letter_types, settings):
    settings.PUBLIC_FORM_RATES = {"letters": "2/10m"}
    page = client.get("/hudong/write/consultation/").content.decode()
    from tests.public_forms import wrong_captcha

    data = letter_data(page)
    data.update(wrong_captcha(page))
    data["letter_type"] = str(letter_types["zxzx"].pk)
    refused = client.post("/hudong/write/consultation/", data)
    assert refused.status_code == 400 and "验证码" in refused.content.decode()
    assert Letter.objects.count() == 0
    assert submit_letter(client, type_pk=letter_types["zxzx"].pk).status_code == 302
    assert submit_letter(client, type_pk=letter_types["zxzx"].pk).status_code == 429
    assert Letter.objects.count() == 1


def test_honeypot_refuses_and_writes_nothing(client, letter_types, settings_no_ratelimit):
    response = submit_letter(client, type_pk=letter_types["zxzx"].pk, homepage="http://spam.example")
    assert response.status_code == 400 and Letter.objects.count() == 0


def test_captcha_answer_used_once(client, letter_types, settings_no_ratelimit):
    page = client.get("/hudong/write/consultation/").content.decode()
    data = letter_data(page, letter_type=str(letter_types["zxzx"].pk))
    assert client.post("/hudong/write/consultation/", data).status_code == 302
    assert client.post("/hudong/write/consultation/", data).status_code == 400
    assert Letter.objects.count() == 1 and not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()


def test_mailbox_form_offers_the_three_types(client, letter_types, settings_no_ratelimit):
    page = client.get("/hudong/write/mailbox/").content.decode()
    for name in ("咨询", "建议", "投诉"):
        assert name in page
    receipt = submit_and_receipt(client, channel="mailbox", type_pk=letter_types["jzxx-ts"].pk)
    letter = Letter.objects.get(number=receipt["number"])
    assert letter.letter_type.code == "jzxx-ts" and letter.department.name == "政策法规处"
    # 投诉: 15 working days, and complaints do not publish replies.
    from workdays.calendar import add_workdays
    from django.utils import timezone

    assert letter.due_date == add_workdays(timezone.localtime(letter.submitted_at).date(), 15)


def test_external_platform_link_jump(client, letter_types):
    t = letter_types["zxzx"]
    t.external_url = "https://zwdt.sh.gov.cn/consult"
    t.save()
    response = client.get("/hudong/write/consultation/")
    assert response.status_code == 302 and response["Location"] == "https://zwdt.sh.gov.cn/consult"


def test_operator_edits_deadline_without_code(client, letter_types, settings_no_ratelimit):
    t = letter_types["zxzx"]
    t.deadline_workdays = 7
    t.save()
    receipt = submit_and_receipt(client)
    letter = Letter.objects.get(number=receipt["number"])
    from workdays.calendar import add_workdays
    from django.utils import timezone

    assert letter.due_date == add_workdays(timezone.localtime(letter.submitted_at).date(), 7)


def test_unknown_channel_404(client, letter_types):
    assert client.get("/hudong/write/nothing/").status_code == 404
    assert client.get("/hudong/write/policy/").status_code == 404  # a policy message needs its page
    assert client.get("/hudong/write/policy/?page=abc").status_code == 404
    assert client.get("/hudong/letters/none/").status_code == 404
