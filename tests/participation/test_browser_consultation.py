"""A member of the public comments on one article, a moderator approves and marks it, the feedback shows the mark."""
import datetime
import re

import pytest

from tests.moderation.test_browser_workflow import PASSWORD, _login, _shot

from .conftest import DRAFT


@pytest.mark.browser
def test_comment_on_an_article_to_published_feedback(transactional_db, live_server, browser_page, site_tree, make_user):
    from captcha.models import CaptchaStore
    from django.utils import timezone

    from departments.models import Department
    from participation.access import grant_handler_permissions
    from participation.models import ConsultationPage, FeedbackPage, ParticipationComment

    make_user("zcfg_editor", groups=["政策法规处"], password=PASSWORD, email="zcfg@example.gov.cn")
    grant_handler_permissions()
    column = site_tree.get_children().get(slug="zwhd").get_children().get(slug="gzhd").get_children().get(slug="caoan")
    today = timezone.localdate()
    consultation = ConsultationPage(
        title="关于《上海市安全生产条例（征求意见稿）》公开征求意见的公告", slug="browser-draft", kind="regulation",
        start_date=today - datetime.timedelta(days=2), end_date=today + datetime.timedelta(days=30),
        draft_text=DRAFT, department=Department.objects.get(name="政策法规处"), submission_email="zcfgc@example.gov.cn",
    )
    column.add_child(instance=consultation)
    consultation.save_revision().publish()
    base = live_server.url
    page = browser_page

    # A member of the public reads the draft and comments on 第二条.
    page.goto(f"{base}{consultation.url}")
    _shot(page, "participation-01-draft-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    _shot(page, "participation-01-draft-phone")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.click(f"a[href$='/participation/comment/{consultation.pk}/?part=2']")
    assert page.locator("#id_part").input_value() == "2"
    page.fill("#id_body", "第二条建议写明个体工商户也适用本条例。")
    page.fill("#id_name", "陈十一")
    page.fill("#id_phone", "13900000011")
    key = page.locator("input[name=captcha_0]").get_attribute("value")
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=key).response)
    page.set_viewport_size({"width": 390, "height": 844})
    _shot(page, "participation-02-comment-form-phone")
    page.click(".public-form form button[type=submit]")
    page.wait_for_load_state("networkidle")
    _shot(page, "participation-02b-after-submit")
    page.wait_for_selector(".message.success")
    comment = ParticipationComment.objects.get(page=consultation)
    assert comment.part_label == "第二条" and comment.status == "pending"
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{base}{consultation.url}")
    assert "个体工商户也适用" not in page.content()  # not public before moderation

    # The handling department's editor approves and marks it.
    _login(page, base, "zcfg_editor")
    page.goto(f"{base}/admin/participation/{consultation.pk}/comments/")
    row = page.locator(f"#comment-{comment.pk}")
    row.locator("button[value=approved]").click()
    page.wait_for_load_state("networkidle")
    row = page.locator(f"#comment-{comment.pk}")
    row.locator("select[name=adoption]").select_option("adopted")
    row.locator("textarea[name=reason]").fill("已在第二条增加个体工商户的规定。")
    row.locator(".mark-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    _shot(page, "participation-03-admin-comments")
    comment.refresh_from_db()
    assert (comment.status, comment.adoption) == ("approved", "adopted")
    page.goto(f"{base}{consultation.url}")
    assert "个体工商户也适用" in page.content() and "陈十一" not in page.content() and "13900000011" not in page.content()

    # Time passes: the consultation closes (a new reviewed revision would do the same).
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        start_date=today - datetime.timedelta(days=40), end_date=today - datetime.timedelta(days=3))
    page.goto(f"{base}/admin/participation/{consultation.pk}/comments/")
    page.click("form[action$='/feedback/'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    feedback = FeedbackPage.objects.child_of(consultation).get()
    assert not feedback.live
    # The report then goes through the review chain (tested in tests/moderation); here its approval publishes it.
    feedback.get_latest_revision().publish()
    feedback.refresh_from_db()
    page.goto(f"{base}{feedback.url}")
    html = page.content()
    assert "个体工商户也适用" in html and "已在第二条增加个体工商户的规定。" in html and "陈十一" not in html
    assert page.locator("tr.adoption-adopted").count() == 1
    _shot(page, "participation-04-feedback-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    _shot(page, "participation-04-feedback-phone")
    page.goto(f"{base}{consultation.url}")
    assert feedback.url in page.content()
