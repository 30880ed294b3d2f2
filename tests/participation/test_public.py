"""The public side: state, comment form (open/closed, moderation, personal data, bad input), 通知公告 cross-listing."""
import pytest
from django.utils import timezone

from tests.public_forms import solved_captcha, wrong_captcha

from .conftest import days

pytestmark = pytest.mark.django_db


def _comment_url(page):
    return f"/participation/comment/{page.pk}/"


def _post_comment(client, page, **fields):
    url = _comment_url(page)
    form = client.get(url)
    assert form.status_code == 200
    data = {"body": "第二条应明确个体工商户是否适用。", "name": "李四", "phone": "021-12345678", "email": "li@example.com",
            **solved_captcha(form.content), **fields}
    return client.post(url, data)


def test_state_follows_dates_and_published_feedback(make_consultation, publish):
    from participation.models import FeedbackPage, State

    assert make_consultation(start=2, end=40, slug="future").state() == State.NOT_STARTED
    assert make_consultation(start=-1, end=0, slug="open").state() == State.OPEN
    closed = make_consultation(start=-40, end=-1, slug="closed")
    assert closed.state() == State.CLOSED
    draft = FeedbackPage(title="反馈", slug="feedback", live=False)
    closed.add_child(instance=draft)
    draft.save_revision()
    assert type(closed).objects.get(pk=closed.pk).state() == State.CLOSED  # an unpublished report does not count
    draft.get_latest_revision().publish()
    fresh = type(closed).objects.get(pk=closed.pk)
    assert fresh.state() == State.FEEDBACK and fresh.state(day=days(-10)) == State.OPEN


def test_consultation_page_shows_kind_period_methods_parts_and_reason(client, make_consultation):
    page = make_consultation(kind="major_decision", start=0, end=9, short_period_reason="防汛期前须出台",
                             submission_email="zcfgc@example.gov.cn", postal_address="福州路318号")
    html = client.get(page.url).content.decode()
    for text in ("防汛期前须出台", "zcfgc@example.gov.cn", "福州路318号", "第二条 本市行政区域内", f"{_comment_url(page)}?part=2"):
        assert text in html
    assert str(page.state_label) in html


def test_comment_on_an_article_is_held_for_moderation_and_never_shows_personal_data(client, make_consultation):
    from participation.models import ParticipationComment

    page = make_consultation()
    response = _post_comment(client, page, part="2")
    assert response.status_code == 200
    comment = ParticipationComment.objects.get(page=page)
    assert (comment.part_number, comment.part_label, comment.status) == (2, "第二条", "pending")
    assert comment.name == "李四" and comment.client_address == "127.0.0.1"
    assert "第二条应明确个体工商户" not in client.get(page.url).content.decode()  # unreviewed: not public

    comment.status = "approved"
    comment.save()
    html = client.get(page.url).content.decode()
    assert "第二条应明确个体工商户" in html
    for value in comment.personal_values():
        assert value not in html


@pytest.mark.parametrize("start,end,message_word", [(3, 40, "opened"), (-40, -2, "closed")])
def test_comments_refused_before_opening_and_after_closing(client, make_consultation, start, end, message_word):
    from participation.models import ParticipationComment

    page = make_consultation(start=start, end=end)
    get = client.get(_comment_url(page))
    assert get.status_code == 200 and get.context["closed"] and "captcha" not in get.content.decode()
    response = client.post(_comment_url(page), {"body": "意见", "name": "王五"})
    assert response.status_code == 403
    assert not ParticipationComment.objects.exists()
    assert "comment/" not in client.get(page.url).content.decode()  # no comment link on the page


def test_no_online_form_when_the_consultation_takes_mail_only(client, make_consultation):
    page = make_consultation(accepts_online=False, submission_email="a@example.gov.cn")
    assert client.post(_comment_url(page), {"body": "x", "name": "y"}).status_code == 403


@pytest.mark.parametrize("fields", [
    {"body": ""},
    {"body": "长" * 2001},
    {"name": "名" * 51},
    {"body": "含有\x00控制字符"},
    {"part": "99"},
    {"part": "abc"},
    {"email": "not-an-email"},
    {"phone": "<script>"},
    {"homepage": "http://spam.example"},
])
def test_bad_comment_input_gives_a_message_and_writes_nothing(client, make_consultation, fields):
    from participation.models import ParticipationComment

    page = make_consultation()
    response = _post_comment(client, page, **fields)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not ParticipationComment.objects.exists()


def test_wrong_captcha_and_unknown_pages(client, make_consultation):
    from participation.models import ParticipationComment

    page = make_consultation()
    form = client.get(_comment_url(page))
    response = client.post(_comment_url(page), {"body": "意见", "name": "王五", **wrong_captcha(form.content)})
    assert response.status_code == 400 and "captcha" in response.context["form"].errors
    assert client.get("/participation/comment/999999999/").status_code == 404
    assert client.get("/participation/comment/99999999999999999999999/").status_code == 404
    assert client.get(f"/participation/comment/{page.get_parent().pk}/").status_code == 404  # a column, not a draft
    assert not ParticipationComment.objects.exists()


def test_comment_posts_are_rate_limited(client, make_consultation, settings):
    settings.PUBLIC_FORM_RATES = {"participation-comments": "2/h"}
    page = make_consultation()
    statuses = [client.post(_comment_url(page), {"body": "x"}).status_code for _ in range(3)]
    assert statuses[-1] == 429


def test_open_consultations_are_cross_listed_in_the_notices_column(client, make_consultation, column):
    open_page = make_consultation(title="正在征集的草案", slug="open-one")
    make_consultation(title="已经结束的草案", start=-40, end=-2, slug="closed-one")
    make_consultation(title="尚未开始的草案", start=5, end=40, slug="future-one")
    notices = client.get(column("xwzx/gg").url).content.decode()
    assert "正在征集的草案" in notices and open_page.url in notices
    assert "已经结束的草案" not in notices and "尚未开始的草案" not in notices
    # Its own column lists all three; another column lists none.
    own = client.get(column("zwhd/gzhd/caoan").url).content.decode()
    assert all(t in own for t in ("正在征集的草案", "已经结束的草案", "尚未开始的草案"))
    assert "正在征集的草案" not in client.get(column("xwzx/xw").url).content.decode()


def test_interview_questions_use_the_same_moderated_mechanism(client, column, publish):
    from participation.models import InterviewPage, ParticipationComment

    page = publish(column("zwhd/gzhd/zxft"), InterviewPage(
        title="在线访谈：汛期安全", slug="ft", guests="市应急管理局副局长", accepts_questions=True,
        interview_time=timezone.now() + timezone.timedelta(days=3)))
    form = client.get(_comment_url(page))
    response = client.post(_comment_url(page), {"body": "台风天地下车库怎么办？", "name": "赵六", **solved_captcha(form.content)})
    assert response.status_code == 200
    question = ParticipationComment.objects.get(page=page)
    assert question.part_number is None
    assert "台风天地下车库" not in client.get(page.url).content.decode()
    question.status = "approved"
    question.save()
    html = client.get(page.url).content.decode()
    assert "台风天地下车库" in html and "赵六" not in html
    page.questions_close_at = timezone.now() - timezone.timedelta(minutes=1)
    page.save_revision().publish()
    assert client.post(_comment_url(page), {"body": "晚到的问题", "name": "钱七"}).status_code == 403


def test_the_final_policy_document_links_back_to_its_consultation_and_feedback(client, make_consultation, column):
    import datetime as dt

    from departments.models import Department
    from participation.models import FeedbackPage
    from policy.models import PolicyDocumentPage
    from tests.policy.policy_test_helpers import ZCWJ

    doc = PolicyDocumentPage(title="上海市安全生产条例实施办法", slug="final-doc", doc_number="沪应急规〔2026〕7号",
                             written_date=dt.date(2026, 11, 1), live=False,
                             department=Department.objects.get(name="政策法规处"))
    column(ZCWJ).add_child(instance=doc)
    doc.save_revision().publish()
    doc.refresh_from_db()
    assert "公开征求意见" not in client.get(doc.url).content.decode()

    consultation = make_consultation(start=-40, end=-5, slug="origin", final_document=doc)
    html = client.get(doc.url).content.decode()
    assert "草案公开征求意见" in html and consultation.url in html
    assert "征集情况反馈" not in html  # no feedback published yet: no link to one

    feedback = FeedbackPage(title="意见征集情况反馈", slug="feedback", live=False)
    consultation.add_child(instance=feedback)
    feedback.save_revision().publish()
    feedback.refresh_from_db()
    html = client.get(doc.url).content.decode()
    assert feedback.url in html and "征集情况反馈" in html
