"""The dashboards over HTTP as the demo roles: the whole site for reviewers, one department for its editors."""
import datetime

import pytest
from django.urls import reverse

from inspection.models import FindingAcknowledgement
from inspection.profile import run_profile
from sections.models import ArticlePage

DAY = datetime.date(2026, 11, 2)
HOME = reverse("wagtailadmin_home")


@pytest.fixture
def run(column, publish):
    page = ArticlePage(title="旧新闻", slug="old-news", summary="各单位要再接再励。",
                       display_date=datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.timezone.utc))
    publish(column("xwzx/xw"), page)
    return run_profile(today=DAY)


def test_reviewer_and_admin_see_the_site_overview(run, users, as_user, make_user):
    admin = make_user("admin", is_superuser=True)
    for user in (admin, users["chushen"]):
        html = as_user(user).get(reverse("inspection:overview")).content.decode()
        assert "单项否决" in html and "宣传培训处" in html and "<svg" in html
        assert "空白栏目" in html


def test_department_editor_is_sent_to_their_department_and_refused_others(run, users, as_user):
    client = as_user(users["xcpx_editor"])
    response = client.get(reverse("inspection:overview"))
    assert response.status_code == 302 and response.url == reverse("inspection:department", args=("xcpxc",))
    html = client.get(response.url).content.decode()
    assert "旧新闻" in html and "再接再励" in html and "新闻" in html
    response = client.get(reverse("inspection:department", args=("zcfgc",)))
    assert (response.status_code, response.url) == (302, HOME)
    assert client.get(reverse("inspection:department", args=("no-such<dept>",))).status_code == 404


def test_acknowledging_a_finding_with_a_comment(run, users, as_user):
    finding = run.findings.filter(rule="sensitive_words").first()
    url = reverse("inspection:acknowledge", args=(finding.pk,))
    response = as_user(users["zcfg_editor"]).post(url, {"comment": "不是我们的"})
    assert (response.status_code, response.url) == (302, HOME)
    assert not FindingAcknowledgement.objects.exists()
    as_user(users["xcpx_editor"]).post(url, {"comment": ""})
    assert not FindingAcknowledgement.objects.exists()
    response = as_user(users["xcpx_editor"]).post(url, {"comment": "已改正为“再接再厉”" * 300})
    assert response.status_code == 302
    ack = FindingAcknowledgement.objects.get(rule=finding.rule, key=finding.key)
    assert ack.user == users["xcpx_editor"] and len(ack.comment) == 2000
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(action="inspection.finding_acknowledged", page=finding.page).exists()
    assert as_user(users["xcpx_editor"]).get(url).status_code == 404
