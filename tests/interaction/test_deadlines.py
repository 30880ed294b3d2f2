"""Deadlines on the working-day calendar, overdue flag, reminders and escalation (idempotent)."""
import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from interaction import workflow
from interaction.models import Letter, Rating

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


def _received(y, m, d):
    return datetime.datetime(y, m, d, 10, 0, tzinfo=BEIJING)


def test_due_date_across_national_day_and_working_saturday(letter_types):
    # Received Tue 2026-09-29: 9-30 (1), holiday 10-01..10-07, 10-08 (2), 10-09 (3), Sat 10-10 调休 workday (4).
    letter, _ = workflow.submit(letter_types["zxzx"], title="节前来信", body="国庆节前的咨询", phone="13800000000",
                                received=_received(2026, 9, 29))
    assert letter.due_date == datetime.date(2026, 10, 10)
    complaint, _ = workflow.submit(letter_types["jzxx-ts"], title="投诉", body="节前的投诉内容", phone="13800000000",
                                   received=_received(2026, 9, 29))
    # 15 working days: 9-30, 10-08..10-10, 10-12..10-16, 10-19..10-23, 10-26 -> 2026-10-26.
    assert complaint.due_date == datetime.date(2026, 10, 26)
    site_error, _ = workflow.submit(letter_types["wzzc"], title="找错", body="链接打不开了", phone="13800000000",
                                    received=_received(2026, 9, 29))
    assert site_error.due_date == datetime.date(2026, 10, 9)


def test_overdue_flag_reminder_and_escalation(letter_types, role_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    receiver = role_user("政策法规处", username="zcfg_editor")
    role_user("分管局领导", username="fenguan")
    letter, _ = workflow.submit(letter_types["zxzx"], title="待办咨询", body="一个咨询内容", phone="13800000000",
                                received=_received(2026, 9, 29))
    call_command("letter_reminders", today="2026-10-09", stdout=_Sink())
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["zcfg_editor@example.gov.cn"]
    assert "即将到期" in mail.outbox[0].subject
    call_command("letter_reminders", today="2026-10-09", stdout=_Sink())
    assert len(mail.outbox) == 1  # safe to run again

    call_command("letter_reminders", today="2026-10-12", stdout=_Sink())
    escalations = [m for m in mail.outbox if "超期" in m.subject]
    assert sorted(m.to[0] for m in escalations) == ["fenguan@example.gov.cn", "zcfg_editor@example.gov.cn"]
    call_command("letter_reminders", today="2026-10-12", stdout=_Sink())
    assert len([m for m in mail.outbox if "超期" in m.subject]) == 2
    letter.refresh_from_db()
    assert letter.is_overdue(datetime.date(2026, 10, 12))
    client = Client()
    client.force_login(receiver)
    import interaction.models as models

    original = models.timezone.localdate
    models.timezone.localdate = lambda *a: datetime.date(2026, 10, 12)
    try:
        detail = client.get(f"/admin/letters/{letter.pk}/").content.decode()
        listing = client.get("/admin/letters/?state=overdue").content.decode()
    finally:
        models.timezone.localdate = original
    assert 'id="overdue-flag"' in detail and letter.number in listing


def test_long_unanswered_alarm(letter_types, role_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    role_user("分管局领导", username="fenguan")
    workflow.submit(letter_types["zxzx"], title="久未答复", body="一直没有答复", phone="13800000000",
                    received=_received(2026, 8, 1))
    call_command("letter_reminders", today="2026-09-20", stdout=_Sink())
    alarms = [m for m in mail.outbox if "长期未答复" in m.subject]
    assert alarms and "3个月" in alarms[0].body
    call_command("letter_reminders", today="2026-09-21", stdout=_Sink())
    assert len([m for m in mail.outbox if "长期未答复" in m.subject]) == len(alarms)


def test_bad_today_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("letter_reminders", today="not-a-date", stdout=_Sink())


def test_dissatisfied_rating_reopens(client, letter_types, role_user, settings):
    settings.RATELIMIT_ENABLE = False
    receiver = role_user("政策法规处", username="zcfg_editor")
    head = role_user("政策法规处负责人", username="zcfg_head")
    letter, code = workflow.submit(letter_types["zxzx"], title="评价", body="请答复我的问题", phone="13800000000")
    from departments.models import Department

    workflow.assign(receiver, letter, Department.objects.get(key="zcfgc"))
    workflow.draft(receiver, letter, "答复一")
    workflow.approve(head, letter)
    page = client.post("/hudong/query/", {"number": letter.number, "code": code}).content.decode()
    assert "非常不满意" in page
    client.post("/hudong/query/", {"number": letter.number, "code": code, "rating": str(Rating.DISSATISFIED)})
    letter.refresh_from_db()
    assert letter.rating == Rating.DISSATISFIED and letter.reopened and letter.state == "assigned"
    assert letter.clock_events.filter(kind="restart").exists()
    # A wrong code cannot rate.
    other, other_code = workflow.submit(letter_types["zxzx"], title="另一封", body="另一封信的内容", phone="138000")
    response = client.post("/hudong/query/", {"number": other.number, "code": "WRONGCODE234", "rating": "1"})
    assert response.status_code == 404


class _Sink:
    def write(self, *a, **k):
        pass

    def flush(self):
        pass
