"""Staff views over HTTP as each role: grouping, moderation, marks, exports, feedback, the one-month flag, reminders."""
import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import PageLogEntry

from .conftest import add_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(make_consultation):
    return make_consultation()


def test_comments_are_grouped_by_article_for_the_handling_department(client_for, consultation):
    add_comment(consultation, body="关于第二条的意见", part=2, label="第二条")
    add_comment(consultation, body="关于全文的意见")
    add_comment(consultation, body="另一条第二条意见", part=2, label="第二条", name="孙八")
    response = client_for("zcfg_editor").get(f"/admin/participation/{consultation.pk}/comments/")
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [(str(label), [c.body for c in items]) for label, items in groups] == [
        ("全文", ["关于全文的意见"]),
        ("第二条", ["关于第二条的意见", "另一条第二条意见"]),
    ]
    assert "孙八" in response.content.decode()  # the handler sees the submitter


@pytest.mark.parametrize("username", ["xcpx_editor", "chushen"])
def test_wrong_roles_are_refused(client_for, consultation, username):
    comment = add_comment(consultation)
    c = client_for(username)
    base = f"/admin/participation/{consultation.pk}"
    assert c.get(f"{base}/comments/").status_code == 403
    assert c.get(f"{base}/comments/export.csv").status_code == 403
    assert c.post(f"/admin/participation/comment/{comment.pk}/moderate/", {"status": "approved"}).status_code == 403
    assert c.post(f"/admin/participation/comment/{comment.pk}/mark/", {"adoption": "adopted"}).status_code == 403
    assert c.post(f"{base}/feedback/").status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending" and comment.adoption == ""


def test_anonymous_is_sent_to_login(client, consultation):
    response = client.get(f"/admin/participation/{consultation.pk}/comments/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_office_can_handle_every_consultation(client_for, consultation):
    assert client_for("bgs_editor").get(f"/admin/participation/{consultation.pk}/comments/").status_code == 200


def test_moderation_and_marks_are_logged_with_chinese_labels(client_for, consultation, client):
    comment = add_comment(consultation, body="建议把第三条的“综合监督管理”写具体", part=3, label="第三条")
    c = client_for("zcfg_head")
    assert c.post(f"/admin/participation/comment/{comment.pk}/moderate/", {"status": "approved"}).status_code == 302
    assert "综合监督管理”写具体" in client.get(consultation.url).content.decode()
    # 部分采纳 without a reason is refused and changes nothing.
    c.post(f"/admin/participation/comment/{comment.pk}/mark/", {"adoption": "partial", "reason": ""})
    comment.refresh_from_db()
    assert comment.adoption == ""
    c.post(f"/admin/participation/comment/{comment.pk}/mark/", {"adoption": "partial", "reason": "已在第三条增加职责清单"})
    comment.refresh_from_db()
    assert (comment.adoption, comment.adoption_reason) == ("partial", "已在第三条增加职责清单")
    assert c.post(f"/admin/participation/comment/{comment.pk}/mark/", {"adoption": "bogus"}).status_code == 302
    assert c.get(f"/admin/participation/comment/{comment.pk}/mark/").status_code == 405
    entries = PageLogEntry.objects.filter(page=consultation, action__startswith="participation.").order_by("pk")
    assert [e.action for e in entries][-2:] == ["participation.comment_approved", "participation.comment_marked"]
    from django.utils import translation

    with translation.override("zh-hans"):
        labels = [str(e.label) for e in entries]
        messages = [str(e.message) for e in entries]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in label) for label in labels), labels
    assert "部分采纳" in messages[-1] and "已在第三条增加职责清单" in messages[-1]
    history = c.get(f"/admin/pages/{consultation.pk}/history/").content.decode()
    assert "已在第三条增加职责清单" in history


def test_rejected_comments_stay_hidden(client_for, consultation, client):
    comment = add_comment(consultation, body="含有广告内容的留言")
    client_for("zcfg_editor").post(f"/admin/participation/comment/{comment.pk}/moderate/",
                                   {"status": "rejected", "note": "广告"})
    comment.refresh_from_db()
    assert comment.status == "rejected"
    assert "广告内容" not in client.get(consultation.url).content.decode()


def test_exports_csv_and_xlsx_with_personal_data_only_for_permitted_handlers(client_for, consultation, staff):
    from django.contrib.auth.models import Permission
    from openpyxl import load_workbook

    add_comment(consultation, body="=HYPERLINK(\"http://evil\")", part=1, label="第一条", name="周九")
    c = client_for("zcfg_editor")
    csv_response = c.get(f"/admin/participation/{consultation.pk}/comments/export.csv")
    text = csv_response.content.decode("utf-8-sig")
    assert csv_response["Content-Type"].startswith("text/csv") and "第一条" in text and "周九" in text
    assert "'=HYPERLINK" in text  # not run as a formula
    xlsx = c.get(f"/admin/participation/{consultation.pk}/comments/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[1][1] == "第一条" and "周九" in rows[1]
    assert c.get(f"/admin/participation/{consultation.pk}/comments/export.pdf").status_code == 404
    # Without the personal-data permission the same handler gets no name column.
    for group in staff["zcfg_editor"].groups.all():
        # One codename per app (core.public_forms checks "participation.view_personal_data"): remove both.
        group.permissions.remove(*Permission.objects.filter(codename="view_personal_data",
                                                            content_type__app_label="participation"))
    staff["zcfg_editor"]._perm_cache = None
    fresh = client_for("zcfg_editor")
    assert "周九" not in fresh.get(f"/admin/participation/{consultation.pk}/comments/export.csv").content.decode("utf-8-sig")
    assert "周九" not in fresh.get(f"/admin/participation/{consultation.pk}/comments/").content.decode()


def test_marks_feed_the_feedback_report_which_is_reviewed_then_linked(client_for, make_consultation, client):
    from participation.models import FeedbackPage, State

    page = make_consultation(start=-40, end=-3)
    adopted = add_comment(page, body="第一条应写明上位法依据", part=1, label="第一条", status="approved")
    refused = add_comment(page, body="建议取消第二条", part=2, label="第二条", status="approved")
    add_comment(page, body="辱骂内容", status="rejected")
    c = client_for("zcfg_editor")
    for comment, mark, reason in ((adopted, "adopted", ""), (refused, "not_adopted", "与上位法规定不一致")):
        c.post(f"/admin/participation/comment/{comment.pk}/mark/", {"adoption": mark, "reason": reason})
    response = c.post(f"/admin/participation/{page.pk}/feedback/")
    feedback = FeedbackPage.objects.child_of(page).get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{feedback.pk}/edit/"
    assert not feedback.live  # goes through review like any page
    report = feedback.get_latest_revision_as_object().report
    assert report["total"] == 3 and report["counts"]["adopted"] == 1 and report["counts"]["not_adopted"] == 1
    assert [g["label"] for g in report["parts"]] == ["第一条", "第二条"]
    assert "辱骂内容" not in str(report) and "张三丰" not in str(report)
    assert page.state() == State.CLOSED
    feedback.get_latest_revision().publish()
    html = client.get(FeedbackPage.objects.get(pk=feedback.pk).url).content.decode()
    assert "第一条应写明上位法依据" in html and "与上位法规定不一致" in html and "张三丰" not in html
    fresh = type(page).objects.get(pk=page.pk)
    assert fresh.state() == State.FEEDBACK
    assert FeedbackPage.objects.get(pk=feedback.pk).url in client.get(fresh.url).content.decode()


def test_feedback_refused_while_open(client_for, consultation):
    from participation.models import FeedbackPage

    response = client_for("zcfg_editor").post(f"/admin/participation/{consultation.pk}/feedback/")
    assert response.status_code == 302 and not FeedbackPage.objects.exists()


def test_one_month_flag_on_dashboards_and_daily_reminder(client_for, make_consultation):
    overdue = make_consultation(title="逾期未反馈的征集", start=-70, end=-35, slug="overdue")
    soon = make_consultation(title="即将到期的征集", start=-60, end=-26, slug="soon")
    make_consultation(title="刚结束的征集", start=-30, end=-2, slug="recent")
    other = make_consultation(title="宣传处的征集", start=-70, end=-35, slug="other-dept",
                              department=__import__("departments.models").models.Department.objects.get(name="宣传培训处"))
    dashboard = client_for("zcfg_head").get("/admin/").content.decode()
    assert "逾期未反馈的征集" in dashboard and "即将到期的征集" in dashboard
    assert "刚结束的征集" not in dashboard and "宣传处的征集" not in dashboard
    assert "宣传处的征集" in client_for("bgs_editor").get("/admin/").content.decode()  # 办公室 sees all
    assert "逾期未反馈的征集" not in client_for("chushen").get("/admin/").content.decode()

    out = io.StringIO()
    call_command("participation_reminders", stdout=out)
    recipients = {tuple(m.to)[0] for m in mail.outbox}
    assert {"zcfg_editor@example.gov.cn", "zcfg_head@example.gov.cn", "bgs_editor@example.gov.cn"} <= recipients
    assert "xcpx_editor@example.gov.cn" in recipients  # for the 宣传培训处 consultation
    subjects = [m.subject for m in mail.outbox]
    assert any("逾期未反馈的征集" in s for s in subjects) and any("即将到期的征集" in s for s in subjects)
    assert not any("刚结束的征集" in s for s in subjects)
    assert PageLogEntry.objects.filter(page=overdue, action="participation.feedback_reminder").count() == 1
    # Run twice on one day: no second mail.
    count = len(mail.outbox)
    call_command("participation_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == count
