"""专题专栏: sub-columns, archiving after the closing date, validation, admin creation."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plugins.builtin.special_topic.models import SpecialTopicPage, TopicStatus
from sections.models import ArticlePage, ColumnPage


@pytest.fixture
def topic(column, publish):
    today = timezone.localdate()
    page = publish(column("aqzt"), SpecialTopicPage(
        title="安全生产月", slug="month", description="<p>人人讲安全、个个会应急</p>",
        opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=10),
    ))
    sub = publish(page, ColumnPage(title="活动部署", slug="hdbs"))
    publish(sub, ArticlePage(title="关于开展安全生产月活动的通知", slug="notice"))
    return page


def test_open_topic_shows_sub_columns_and_latest_items(client, topic):
    response = client.get(topic.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "活动部署" in html and "关于开展安全生产月活动的通知" in html
    assert "人人讲安全" in html
    assert "badge-archived" not in html
    assert topic.status == TopicStatus.OPEN


def test_closed_topic_is_archived_but_still_reachable(client, topic):
    topic.closes_on = timezone.localdate() - dt.timedelta(days=1)
    topic.save_revision().publish()
    assert topic.is_archived
    response = client.get(topic.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "已归档" in html
    assert client.get(topic.url + "hdbs/").status_code == 200
    assert client.get(topic.url + "hdbs/notice/").status_code == 200


@pytest.mark.django_db  # a new Page looks up its ContentType: cached only when an earlier test in the worker did
def test_upcoming_status():
    page = SpecialTopicPage(opens_on=timezone.localdate() + dt.timedelta(days=1))
    assert page.status == TopicStatus.UPCOMING


@pytest.mark.django_db  # a new Page looks up its ContentType: cached only when an earlier test in the worker did
def test_validation():
    page = SpecialTopicPage(title="x", slug="x", opens_on=dt.date(2026, 6, 30), closes_on=dt.date(2026, 6, 1),
                            theme_colour="red;background:url(x)")
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert {"closes_on", "theme_colour"} <= set(excinfo.value.message_dict)


def test_superuser_creates_a_topic_in_the_admin(client, make_user, column):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    aqzt = column("aqzt")
    response = client.post(f"/admin/pages/add/special_topic/specialtopicpage/{aqzt.pk}/", {
        "title": "进博会", "slug": "jbh", "theme_colour": "#1565c0",
        "description": '{"blocks":[{"key":"a1","type":"unstyled","text":"保障","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "opens_on": "2026-10-01", "closes_on": "2026-12-31", "action-publish": "publish",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SpecialTopicPage.objects.get(slug="jbh")
    assert page.get_parent().pk == aqzt.pk


def test_editor_cannot_create_a_topic_in_a_section_they_do_not_own(client, make_user, column):
    client.force_login(make_user("editor", groups=["宣传培训处"]))
    aqzt = column("aqzt")
    response = client.post(f"/admin/pages/add/special_topic/specialtopicpage/{aqzt.pk}/", {
        "title": "进博会", "slug": "jbh2", "theme_colour": "#1565c0", "opens_on": "2026-10-01",
    })
    assert response.status_code in (302, 403)
    assert not SpecialTopicPage.objects.filter(slug="jbh2").exists()


def test_search_hook(topic):
    from plugins.search import extra_search_content

    content = extra_search_content(topic)
    assert "人人讲安全" in content["text"] and "<p>" not in content["text"]
    assert content["facets"]["topic_status"] == "open"
