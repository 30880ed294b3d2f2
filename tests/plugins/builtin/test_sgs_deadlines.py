"""The 7-working-day publication check, across 国庆 2025, and how departments see it."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from departments.models import Department
from plugins.builtin.shuanggongshi.deadlines import LATE, OVERDUE, check_record, deadline_problems
from plugins.builtin.shuanggongshi.models import DisclosureRecord

from tests.plugins.builtin.sgs_helpers import make_record

pytestmark = pytest.mark.django_db
D = dt.date


def test_national_day_holiday_is_not_counted():
    # Decided Monday 29 Sep 2025; 1-8 Oct are holidays and Sat 11 Oct is a 调休 workday:
    # the 7th working day is 15 Oct, 16 calendar days later.
    on_time = DisclosureRecord(decision_date=D(2025, 9, 29), published_on=D(2025, 10, 15))
    assert check_record(on_time) is None
    late = DisclosureRecord(decision_date=D(2025, 9, 29), published_on=D(2025, 10, 16))
    problem = check_record(late)
    assert problem.status == LATE
    assert problem.deadline == D(2025, 10, 15)
    assert problem.workdays_taken == 8


def test_unpublished_record_becomes_overdue_after_the_deadline():
    record = DisclosureRecord(decision_date=D(2025, 9, 29), published_on=None)
    assert check_record(record, today=D(2025, 10, 15)) is None
    problem = check_record(record, today=D(2025, 10, 16))
    assert problem.status == OVERDUE


def test_problems_are_grouped_by_responsible_department(capsys):
    zf = Department.objects.get(key="aqsczfjcc")
    office = Department.objects.get(key="bgs")
    make_record(document_number="late-zf", decision_date=D(2025, 9, 26), published_on=D(2025, 10, 16), department=zf)
    make_record(document_number="ok-zf", decision_date=D(2025, 9, 29), published_on=D(2025, 10, 15), department=zf)
    make_record(document_number="overdue-office", decision_date=D(2025, 9, 1), published_on=None, department=office)
    problems = deadline_problems()
    assert {p.record.document_number for p in problems} == {"late-zf", "overdue-office"}
    assert [p.record.document_number for p in deadline_problems([zf])] == ["late-zf"]
    call_command("check_sgs_deadlines")
    out = capsys.readouterr().out
    assert "安全生产执法监察处: 1 record(s)" in out and "late-zf" in out and "ok-zf" not in out
    assert "办公室: 1 record(s)" in out and "NOT PUBLISHED" in out
    with pytest.raises(CommandError):
        call_command("check_sgs_deadlines", "--fail")


def test_deadline_setting_is_used(settings):
    settings.GOVSITE_PLUGIN_SETTINGS = {"shuanggongshi": {"deadline_workdays": 10}}
    late_by_seven = DisclosureRecord(decision_date=D(2025, 9, 29), published_on=D(2025, 10, 16))
    assert check_record(late_by_seven) is None


def test_department_sees_its_own_late_records_in_the_admin(client, make_user, site_tree):
    zf = Department.objects.get(key="aqsczfjcc")
    office = Department.objects.get(key="bgs")
    make_record(document_number="LATE-ZF-1", decision_date=D(2025, 9, 26), published_on=D(2025, 10, 16), department=zf)
    make_record(document_number="LATE-BGS-1", decision_date=D(2025, 9, 26), published_on=D(2025, 10, 20), department=office)
    client.force_login(make_user("zf-editor", groups=[zf.group.name]))
    report = client.get("/admin/shuanggongshi/late/")
    assert report.status_code == 200
    html = report.content.decode()
    assert "LATE-ZF-1" in html and "LATE-BGS-1" not in html
    dashboard = client.get("/admin/").content.decode()
    assert "late-disclosures-title" in dashboard
    # The record viewset needs model permissions the department group does not have.
    assert client.get("/admin/disclosure_records/").status_code in (302, 403)


def test_superuser_sees_all_and_users_without_department_are_refused(client, make_user, site_tree):
    make_record(document_number="LATE-ANY", decision_date=D(2025, 9, 26), published_on=D(2025, 10, 16))
    reviewer = make_user("reviewer", groups=["宣教信息中心初审"]) if _group_exists("宣教信息中心初审") else make_user("reviewer")
    reviewer.user_permissions.add(_access_admin())
    client.force_login(reviewer)
    response = client.get("/admin/shuanggongshi/late/")
    assert response.status_code in (302, 403) and "LATE-ANY" not in response.content.decode()
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    assert "LATE-ANY" in client.get("/admin/shuanggongshi/late/").content.decode()
    records = client.get("/admin/disclosure_records/")
    assert records.status_code == 200 and "LATE-ANY" in records.content.decode()


def _group_exists(name):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=name).exists()


def _access_admin():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
