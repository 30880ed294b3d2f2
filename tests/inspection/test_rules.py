"""Each rule at and around its threshold, with the inspection day fixed (the clock is frozen by passing it)."""
import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from inspection import snapshot
from inspection.column_classes import UpdateClass, class_for
from inspection.models import Finding, InspectionRun, Severity
from inspection.profile import run_profile
from inspection.rules import columns, home, interaction, timeliness
from inspection.rules.base import Context
from sections.models import ArticlePage
from workdays.calendar import add_workdays

BJ = ZoneInfo("Asia/Shanghai")
DAY = datetime.date(2026, 11, 2)


def at(day):
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=BJ)


@pytest.fixture
def item(column, publish):
    counter = {"n": 0}

    def make(path, day, title=None, body=""):
        counter["n"] += 1
        from wagtail.test.utils.form_data import rich_text  # noqa: F401

        page = ArticlePage(title=title or f"测试信息{counter['n']}", slug=f"item-{counter['n']}", display_date=at(day))
        if body:
            page.body = [("paragraph", body)]
        return publish(column(path), page)

    return make


def ctx(today):
    return Context(today=today, now=at(today), snapshot=snapshot.take())


def by_key(findings):
    return {(f.rule, f.key): f for f in findings}


@pytest.mark.parametrize("age, severity, days_left", [
    (9, Severity.OK, 5), (10, Severity.VETO_RISK, 4), (13, Severity.VETO_RISK, 1), (14, Severity.VETO, 0), (30, Severity.VETO, 0),
])
def test_home_page_freshness(item, age, severity, days_left):
    item("xwzx/xw", DAY)
    (finding,) = home.check(ctx(DAY + datetime.timedelta(days=age)))
    assert (finding.severity, finding.days_left, finding.single_veto) == (severity, days_left, True)


def test_column_classes_come_from_the_file_or_the_title():
    assert class_for("awh/jgzz", "机构职责") == UpdateClass("static", explicit=True)  # `update: static` in the YAML
    assert class_for("xwzx/xw", "新闻").name == "动态"
    assert class_for("nowhere", "通知公告").name == "通知公告"
    assert class_for("nowhere", "政策文件").name == "政策文件"
    assert class_for("nowhere", "办事指南", is_link=True).name == "exempt"
    assert UpdateClass("custom", days=30).stale_since(DAY) == DAY - datetime.timedelta(days=30)
    assert UpdateClass("通知公告").stale_since(datetime.date(2026, 8, 31)) == datetime.date(2026, 2, 28)


@pytest.mark.parametrize("age, severity, days_left", [
    (9, None, None), (10, Severity.WARN, 4), (13, Severity.WARN, 1), (14, Severity.DEDUCT, 0),
])
def test_dynamic_column_turns_stale_at_14_days_and_warns_before(item, column, age, severity, days_left):
    item("xwzx/xw", DAY)
    found = by_key(columns.check_freshness(ctx(DAY + datetime.timedelta(days=age))))
    finding = found.get(("column_stale", f"column:{column('xwzx/xw').pk}"))
    assert (finding.severity, finding.days_left) == (severity, days_left) if severity else finding is None
    if finding:
        assert finding.department_id == column("xwzx/xw").department_id and finding.single_veto


def test_notice_column_turns_stale_after_six_months(item, column):
    item("xwzx/gg", datetime.date(2026, 3, 2))
    key = ("column_stale", f"column:{column('xwzx/gg').pk}")
    assert by_key(columns.check_freshness(ctx(datetime.date(2026, 9, 1))))[key].severity == Severity.WARN
    assert by_key(columns.check_freshness(ctx(datetime.date(2026, 9, 2))))[key].severity == Severity.DEDUCT


def test_five_stale_columns_are_a_single_veto(item):
    paths = ["xwzx/xw", "xwzx/tpxw", "xwzx/gg", "awh/awhdt", "zwgk/zfxxgk/zcwj"]
    old = DAY - datetime.timedelta(days=200)
    for path in paths[:4]:
        item(path, old)
    summary = by_key(columns.check_freshness(ctx(DAY)))[("column_stale", "site")]
    assert (summary.severity, summary.data["count"]) == (Severity.VETO_RISK, 4)
    item(paths[4], old)
    summary = by_key(columns.check_freshness(ctx(DAY)))[("column_stale", "site")]
    assert (summary.severity, summary.data["count"]) == (Severity.VETO, 5)


def test_empty_columns_count_and_filling_one_removes_it(item, column):
    before = by_key(columns.check_empty(ctx(DAY)))
    key = ("column_empty", f"column:{column('xwzx/xw').pk}")
    assert key in before and before[("column_empty", "site")].severity == Severity.VETO
    item("xwzx/xw", DAY)
    after = by_key(columns.check_empty(ctx(DAY)))
    assert key not in after
    assert after[("column_empty", "site")].data["count"] == before[("column_empty", "site")].data["count"] - 1


def test_timeliness_counts_working_days_across_the_national_day_holiday(column):
    from policy.models import PolicyDocumentPage

    written = datetime.date(2024, 9, 27)  # Friday before 国庆: Oct 1–7 off, Sun Sep 29 and Sat Oct 12 worked
    deadline = add_workdays(written, 20)
    assert deadline == datetime.date(2024, 10, 30)  # 20 working days, the holiday week skipped
    parent = column("zwgk/zfxxgk/zcwj")
    for n, published in enumerate([deadline, add_workdays(deadline, 1)]):
        page = PolicyDocumentPage(title=f"时效测试{n}", slug=f"sx-{n}", doc_number=f"沪应急规〔2024〕{n + 1}号",
                                  written_date=written, display_date=at(published))
        parent.add_child(instance=page)
        page.save_revision().publish()
    late = list(timeliness.check(ctx(DAY)))
    assert [f.data["workdays"] for f in late if f.rule == "timeliness_disclosure"] == [21]
    assert late[0].department_id is not None


def test_interaction_is_pending_without_the_letters_app(db, monkeypatch):
    monkeypatch.setattr(interaction, "_api", lambda: None)
    (finding,) = interaction.check(ctx(DAY))
    assert finding.severity == Severity.PENDING and "待检" in finding.message
    assert finding.data["reason"] == "interaction not importable"


def test_interaction_with_an_api(db, monkeypatch):
    class Api:
        @staticmethod
        def consultation_channel_status():
            return {"ok": True}

        @staticmethod
        def unanswered_letters(days):
            assert days == 90
            return [{"id": 7, "department_id": None}]

    monkeypatch.setattr(interaction, "_api", lambda: Api)
    found = by_key(interaction.check(ctx(DAY)))
    assert found[("interaction", "letter:7")].severity == Severity.VETO


def test_nightly_command_is_idempotent_and_keeps_first_seen(item, make_user):
    make_user("xc_head_mail", groups=["宣传培训处负责人"], email="head@example.gov.cn")
    item("xwzx/xw", DAY - datetime.timedelta(days=12), body="各单位要再接再励。")
    call_command("run_inspection", "--date", DAY.isoformat(), stdout=open("/dev/null", "w"))
    first = sorted(Finding.objects.values_list("rule", "key", "severity", "message"))
    call_command("run_inspection", "--date", DAY.isoformat(), stdout=open("/dev/null", "w"))
    assert sorted(Finding.objects.values_list("rule", "key", "severity", "message")) == first
    assert InspectionRun.objects.count() == 1
    run_profile(today=DAY + datetime.timedelta(days=1), now=at(DAY + datetime.timedelta(days=1)))
    later = InspectionRun.objects.get(day=DAY + datetime.timedelta(days=1))
    words = later.findings.get(rule="sensitive_words")
    assert words.first_seen == DAY and "再接再励" in words.message
    # the digest of 宣传培训处 (sent twice: once per run of the command on that day)
    digests = [m for m in mail.outbox if m.to == ["head@example.gov.cn"]]
    assert digests and "宣传培训处" in digests[0].subject
    body = digests[0].body
    assert "再接再励" in body and "国办秘函〔2019〕19号" in body and "新闻" in body


def test_bad_date_is_refused_cleanly(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("run_inspection", "--date", "2026-13-45<script>", stdout=open("/dev/null", "w"))
