"""政策留言板 on policy pages, the footer 找错 link, columns, statistics, api, demo; personal data never public."""
import datetime

import pytest
from django.core.management import call_command
from django.test import Client

from departments.models import Department
from interaction import api, workflow
from interaction.models import Letter, State

from .helpers import submit_and_receipt

pytestmark = pytest.mark.django_db


def _handle(letter, department_key="zcfgc", publish=True):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "root", "root@example.gov.cn", "x-pass-1")
    department = Department.objects.get(key=department_key)
    workflow.assign(admin, letter, department)
    workflow.draft(admin, letter, "答复：请按规定办理。")
    workflow.approve(admin, letter)
    letter.refresh_from_db()
    if publish:
        workflow.publish(admin, letter)
    return letter


def _policy_document(column, publish):
    from policy.models import PolicyDocumentPage
    from tests.policy.policy_test_helpers import ZCWJ

    doc = PolicyDocumentPage(title="关于加强危险化学品安全管理的通知", slug="whp-notice",
                             doc_number="沪应急规〔2026〕1号", written_date=datetime.date(2026, 3, 1), live=False,
                             department=Department.objects.get(key="wxhxpc"))
    column(ZCWJ).add_child(instance=doc)
    doc.save_revision().publish()
    doc.refresh_from_db()
    return doc


def test_policy_message_goes_to_the_page_department_and_shows_on_the_page(client, letter_types, column, publish,
                                                                          settings):
    settings.RATELIMIT_ENABLE = False
    try:
        doc = _policy_document(column, publish)
    except Exception as error:  # the policy column tree differs: say so, do not pass silently
        pytest.fail(f"could not create a policy document: {error}")
    page_html = client.get(doc.url).content.decode()
    assert "政策留言板" in page_html and f"/hudong/write/policy/?page={doc.pk}" in page_html
    assert "captcha" not in page_html  # the cached policy page carries no CAPTCHA
    receipt = submit_and_receipt(client, channel="policy", query=f"?page={doc.pk}",
                                 type_pk=letter_types["zcly"].pk)
    letter = Letter.objects.get(number=receipt["number"])
    assert letter.page_id == doc.pk and letter.department.key == "wxhxpc"
    _handle(letter, "wxhxpc")
    page_html = client.get(doc.url).content.decode()
    assert letter.title in page_html and "答复：请按规定办理。" in page_html
    assert "张三丰" not in page_html and "13912345678" not in page_html
    board = client.get(f"/hudong/policy/{doc.pk}/").content.decode()
    assert letter.title in board


def test_footer_has_the_site_error_link(client, letter_types, site_tree):
    html = client.get(site_tree.url).content.decode()
    assert "/hudong/write/site_error/" in html and "我为政府网站找错" in html
    form = client.get("/hudong/write/site_error/")
    assert form.status_code == 200


def test_site_error_is_routed_to_the_information_centre(client, letter_types, settings):
    settings.RATELIMIT_ENABLE = False
    receipt = submit_and_receipt(client, channel="site_error")
    letter = Letter.objects.get(number=receipt["number"])
    assert letter.department.name == "宣教信息中心" and letter.letter_type.receiving_group.name == "宣教信息中心"


def test_consultation_column_lists_published_letters(client, letter_types, column, settings):
    settings.RATELIMIT_ENABLE = False
    letter, _ = workflow.submit(letter_types["zxzx"], title="公开的咨询", body="内容内容", name="钱七",
                                phone="13600000000")
    _handle(letter)
    private, _ = workflow.submit(letter_types["zxzx"], title="不愿公开的咨询", body="内容内容", name="孙八",
                                 phone="13600000001", allow_publish=False)
    _handle(private, publish=False)
    html = client.get(column("zwhd/zxzx").url).content.decode()
    assert "公开的咨询" in html and "钱*" in html and "/hudong/write/consultation/" in html
    assert "不愿公开的咨询" not in html and "钱七" not in html and "13600000000" not in html
    from django.contrib.auth import get_user_model

    with pytest.raises(workflow.InvalidStep):
        workflow.publish(get_user_model().objects.get(is_superuser=True), private)


def test_statistics_page(client, letter_types):
    letter, _ = workflow.submit(letter_types["zxzx"], title="统计用", body="内容内容", phone="13600000000")
    _handle(letter)
    workflow.submit(letter_types["jzxx-ts"], title="未答复", body="内容内容", phone="13600000000")
    html = client.get("/hudong/statistics/").content.decode()
    assert 'id="stat-received">2<' in html and 'id="stat-answered">1<' in html and "100.0%" in html
    assert "在线咨询" in html and "政策法规处" in html


def test_api_for_inspection(letter_types):
    old = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=100)
    stale, _ = workflow.submit(letter_types["zxzx"], title="久未答复", body="内容内容", name="周九",
                               phone="13500000000", received=old)
    replied, _ = workflow.submit(letter_types["zxzx"], title="已答复未公开", body="内容内容", phone="1350000",
                                 received=old)
    _handle(replied, publish=False)
    status = api.consultation_channel_status()
    assert status["working"] and status["received_last_90_days"] == 0
    assert [r["number"] for r in api.unanswered_letters(90)] == [stale.number]
    assert api.unanswered_letters(120) == []
    assert {r["number"] for r in api.letters_without_published_reply(60)} == {stale.number, replied.number}
    assert "周九" not in str(api.unanswered_letters(90)) and "13500000000" not in str(api.unanswered_letters(90))


def test_personal_data_absent_from_every_public_response(client, letter_types, site_tree, column, settings):
    settings.RATELIMIT_ENABLE = False
    receipt = submit_and_receipt(client)
    letter = Letter.objects.get(number=receipt["number"])
    _handle(letter)
    values = letter.personal_values()
    assert len(values) == 3
    urls = ["/hudong/", "/hudong/letters/", f"/hudong/letters/{letter.number}/", "/hudong/statistics/",
            site_tree.url, column("zwhd/zxzx").url, "/search/?q=" + letter.title]
    anonymous = Client()
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 200, url
        for value in values:
            assert value not in response.content.decode(), (url, value)
    query = anonymous.post("/hudong/query/", {"number": letter.number, "code": receipt["code"]}).content.decode()
    for value in values:
        assert value not in query


def test_demo_is_idempotent(letter_types):
    from core.demo_accounts import ensure_demo_accounts
    from interaction import demo

    ensure_demo_accounts()

    class Out:
        lines = []

        def write(self, text):
            self.lines.append(text)

    demo.load(Out())
    first = Letter.objects.count()
    states = set(Letter.objects.values_list("state", flat=True))
    assert {State.NEW, State.ACCEPTED, State.ASSIGNED, State.REPLIED} <= states
    assert Letter.objects.filter(rating__isnull=False).exists()
    assert Letter.objects.overdue(datetime.date.today()).exists()
    demo.load(Out())
    assert Letter.objects.count() == first
