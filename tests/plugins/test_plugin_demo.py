"""The demo puts both built-in plugins into 安全专题 with content, idempotently."""
import io

from plugins import demo
from plugins.builtin.shuanggongshi.models import DisclosureListingPage, DisclosureRecord
from plugins.builtin.special_topic.models import SpecialTopicPage
from sections.models import ColumnPage
from wagtail.models import GroupPagePermission


def test_demo_is_idempotent_and_shows_both_plugins(client, column):
    before_perms = GroupPagePermission.objects.filter(page=column("aqzt/sgs/xzcfxxgs")).count()
    out = io.StringIO()
    demo.load(out)
    assert "双公示 demo: 2 column(s) converted" in out.getvalue()
    penalties = column("aqzt/sgs/xzcfxxgs")
    licences = column("aqzt/sgs/xzxkxxgs")
    assert isinstance(penalties, DisclosureListingPage) and penalties.record_kind == "penalty"
    assert isinstance(licences, DisclosureListingPage) and licences.record_kind == "license"
    assert GroupPagePermission.objects.filter(page=penalties).count() == before_perms
    assert penalties.department.name == "安全生产执法监察处"
    counts = (DisclosureRecord.objects.count(), SpecialTopicPage.objects.count(), ColumnPage.objects.count())
    assert counts[0] == 13 and counts[1] == 2

    again = io.StringIO()
    demo.load(again)
    assert "already present" in again.getvalue()
    assert (DisclosureRecord.objects.count(), SpecialTopicPage.objects.count(), ColumnPage.objects.count()) == counts

    html = client.get(penalties.url).content.decode()
    assert "沪应急罚〔2025〕101号" in html and "王**" in html and "王建国" not in html
    month = column("aqzt/aqscy2026")
    html = client.get(month.url).content.decode()
    assert "已归档" in html and "活动部署" in html
    expo = column("aqzt/jbh2026")
    assert "已归档" not in client.get(expo.url).content.decode()
    # The section page lists the topics among its columns.
    assert "第九届进博会安全保障" in client.get(column("aqzt").url).content.decode()
