"""便民问答: an answered letter becomes a Q&A entry (admin step, audit entry), goes through the column's
review, is listed in 便民问答 and found by the site search, without the writer's personal data."""
import pytest
from django.test import Client
from wagtail.models import ModelLogEntry, Page

from interaction import workflow
from interaction.models import Letter, QuestionAnswerPage, State

from tests.moderation.moderation_helpers import act

pytestmark = pytest.mark.django_db

NAME, PHONE, EMAIL = "李四光", "13812345678", "lisi@example.com"
QUESTION = "危险化学品经营许可证到期后如何办理延续？"
ANSWER = "请在有效期届满三个月前，通过一网通办提交延续申请及安全评价报告。"


@pytest.fixture
def answered(letter_types, role_user):
    from departments.models import Department

    from moderation.setup import ensure_workflows

    ensure_workflows()
    zf = Department.objects.get(name="安全生产执法监察处")
    receiver, editor, head = (role_user("政策法规处", username="qa-recv"),
                              role_user("安全生产执法监察处", username="qa-zf"),
                              role_user("安全生产执法监察处负责人", username="qa-zfhead"))
    letter, _code = workflow.submit(letter_types["zxzx"], title="许可证延续",
                                    body=f"我是{NAME}，电话{PHONE}，想问{QUESTION}", name=NAME, phone=PHONE,
                                    email=EMAIL)
    workflow.accept(receiver, letter)
    workflow.assign(receiver, letter, zf)
    workflow.draft(editor, letter, f"{NAME}您好：{ANSWER}")
    letter = workflow.approve(head, letter)
    return {"letter": letter, "receiver": receiver, "editor": editor, "head": head}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _post_qa(client, letter, question=QUESTION, answer=ANSWER):
    return client.post(f"/admin/letters/{letter.pk}/",
                       {"action": "make_qa", "make_qa-question": question, "make_qa-answer": answer})


def test_answering_department_turns_a_letter_into_a_reviewed_and_searchable_entry(
        client, answered, role_user, django_capture_on_commit_callbacks):
    letter, editor = answered["letter"], _client(answered["editor"])
    form = editor.get(f"/admin/letters/{letter.pk}/").content.decode()
    assert 'id="step-make_qa"' in form and "转为便民问答" in form

    response = _post_qa(editor, letter)
    assert response.status_code == 302, response.content.decode()[:2000]
    letter.refresh_from_db()
    page = QuestionAnswerPage.objects.get(pk=letter.qa_page_id)
    assert not page.live and page.question == QUESTION and page.answer == ANSWER
    assert page.department.name == "安全生产执法监察处" and page.answered_on is not None
    assert page.get_parent().slug == "bmwd" and page.get_parent().get_parent().slug == "gzhd"
    entry = ModelLogEntry.objects.for_instance(letter).get(action="interaction.letter.qa_created")
    assert entry.user == answered["editor"] and entry.data["page"] == page.pk
    assert "转为便民问答" in editor.get(f"/admin/letters/{letter.pk}/").content.decode()  # registered Chinese label
    # A second entry from the same letter is refused.
    assert _post_qa(editor, letter).status_code == 403
    assert QuestionAnswerPage.objects.count() == 1

    # Not public before review.
    assert client.get(page.get_parent().url).content.decode().count(page.title) == 0

    # The column's review (其他版块: 本部门负责人 → 初审 → 终审), as the demo roles do it.
    zf_head = _client(role_user("安全生产执法监察处负责人", username="qa-zfhead2"))
    chushen = _client(role_user("宣教信息中心初审", username="qa-chushen"))
    zhongshen = _client(role_user("宣传培训处终审复核", username="qa-zhongshen"))
    assert act(zf_head, page, "approve", comment="同意").status_code in (200, 302)
    assert act(chushen, page, "approve", comment="初审通过").status_code in (200, 302)
    with django_capture_on_commit_callbacks(execute=True):
        assert act(zhongshen, page, "approve", comment="终审通过").status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    column = client.get(page.get_parent().url).content.decode()
    assert page.title in column
    entry_html = client.get(page.url).content.decode()
    assert QUESTION in entry_html and ANSWER in entry_html and "安全生产执法监察处" in entry_html
    results = client.get("/search/", {"q": "危险化学品经营许可证延续"}).content.decode()
    assert page.url in results
    api = client.get("/search/api/", {"q": "安全评价报告"}).content.decode()
    assert page.title in api
    for text in (column, entry_html, results, api):
        for value in (NAME, PHONE, EMAIL):
            assert value not in text


def test_others_are_refused_and_nothing_is_written(answered, role_user):
    letter = answered["letter"]
    outsider = _client(role_user("宣传培训处", username="qa-xcpx"))  # neither receiver nor answering department
    assert _post_qa(outsider, letter).status_code in (403, 404)
    anonymous = Client()
    assert _post_qa(anonymous, letter).status_code == 302  # to the admin login
    # A letter not yet answered cannot become an entry, even for its receiver.
    other, _code = workflow.submit(letter.letter_type, title="未答复", body="尚未答复的咨询", phone="13600000000")
    assert _post_qa(_client(answered["receiver"]), other).status_code == 403
    assert not QuestionAnswerPage.objects.exists()
    assert not ModelLogEntry.objects.filter(action="interaction.letter.qa_created").exists()
    assert Letter.objects.get(pk=letter.pk).qa_page_id is None


@pytest.mark.parametrize("question, answer", [
    (f"{NAME}问：{QUESTION}", ANSWER),
    (QUESTION, f"请致电{PHONE}"),
    (QUESTION, f"回复已发送至{EMAIL}"),
    (QUESTION, "可拨打 139 0000 1111 咨询".replace(" ", "")),
    ("", ANSWER),
])
def test_personal_data_or_empty_text_is_refused(answered, question, answer):
    letter = answered["letter"]
    response = _post_qa(_client(answered["receiver"]), letter, question, answer)
    assert response.status_code == 200
    body = response.content.decode()
    assert "个人信息" in body or "请填写" in body or "必填" in body or "这个字段是必填项" in body
    assert not QuestionAnswerPage.objects.exists()
    assert Letter.objects.get(pk=letter.pk).state == State.REPLIED
    assert not Page.objects.filter(slug__startswith="qa-").exists()
