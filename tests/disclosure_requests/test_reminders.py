import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from workdays.calendar import add_workdays

from .factories import make_request


@pytest.mark.django_db
def test_reminders_list_overdue_and_due_soon_requests_only(office):
    today = datetime.date.today()
    overdue = make_request(add_workdays(today, -25), office["editor"])
    soon = make_request(add_workdays(today, -18), office["editor"])  # 2 working days left
    later = make_request(add_workdays(today, -5), office["editor"])
    out = io.StringIO()
    call_command("send_request_reminders", stdout=out)
    assert "2 requests" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == ["bgs_editor_t@example.gov.cn", "bgs_head_t@example.gov.cn"]
    body = mail.outbox[0].body
    assert overdue.number in body and "已超期" in body and soon.number in body and "剩余 2 个工作日" in body
    assert later.number not in body
    assert "即将到期或已超期" in mail.outbox[0].subject
    assert overdue.name not in body  # no personal data in mail either
