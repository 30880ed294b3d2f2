"""Defect 2: every place a reviewer decides on a removal says 撤除, with the reason."""
import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from sections.models import ArticlePage
from tests.moderation.moderation_helpers import act, current_task_state

REASON = "信息已过时效，依规撤除"


@pytest.fixture
def removal_under_review(column, publish, users, as_user, settings):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    item = publish(column("xwzx/xw"), ArticlePage(title="过时的新闻", slug="to-remove-ux", summary="摘要"))
    mail.outbox.clear()
    response = as_user(users["xcpx_editor"]).post(reverse("moderation:request_removal", args=[item.pk]),
                                                   {"reason": REASON})
    assert response.status_code == 302
    return Page.objects.get(pk=item.pk)


def _says_removal(text):
    return "撤除" in text and REASON in text and "下线" in text


def test_dashboard_says_removal(removal_under_review, users, as_user):
    html = as_user(users["xcpx_head"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "过时的新闻" in html
    assert _says_removal(html)


def test_edit_view_says_removal(removal_under_review, users, as_user):
    html = as_user(users["xcpx_head"]).get(reverse("wagtailadmin_pages:edit", args=[removal_under_review.pk])).content.decode()
    assert _says_removal(html)


def test_comparison_says_removal(removal_under_review, users, as_user):
    page = removal_under_review
    revision = current_task_state(page).revision
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk])
    html = as_user(users["xcpx_head"]).get(url).content.decode()
    assert _says_removal(html)


def test_notification_email_says_removal(removal_under_review, users, as_user):
    to_head = [m for m in mail.outbox if "xcpx_head@example.gov.cn" in m.to]
    assert to_head, [m.to for m in mail.outbox]
    assert "撤除" in to_head[0].subject
    assert _says_removal(to_head[0].body)
    # The next step's reviewer hears it too.
    mail.outbox.clear()
    act(as_user(users["xcpx_head"]), removal_under_review, "approve", comment="同意")
    to_chushen = [m for m in mail.outbox if "chushen@example.gov.cn" in m.to]
    assert to_chushen and "撤除" in to_chushen[0].subject and _says_removal(to_chushen[0].body)


def test_ordinary_review_does_not_say_removal(users, as_user, column):
    from tests.moderation.moderation_helpers import create_and_submit

    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "普通新闻", "plain-news-ux")
    html = as_user(users["xcpx_head"]).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "审核通过后本页将下线" not in html
