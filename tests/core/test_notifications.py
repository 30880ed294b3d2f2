import pytest
from django.contrib.auth.models import Group
from django.core import mail

from core.notifications import notify, recipients


@pytest.fixture
def templates(tmp_path, settings):
    folder = tmp_path / "tpl" / "sample"
    folder.mkdir(parents=True)
    (folder / "reminder_subject.txt").write_text("【提醒】{{ item }}\n即将到期", encoding="utf-8")
    (folder / "reminder_body.txt").write_text("{{ recipient.username }}：{{ item }} 将于 {{ due }} 到期。", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path / "tpl")]}]
    return "sample/reminder"


@pytest.mark.django_db
def test_notify_sends_one_mail_per_active_member_of_the_roles(make_user, templates):
    group = Group.objects.create(name="信件承办")
    head = make_user("head", email="head@example.gov.cn")
    head.groups.add(group)
    both = make_user("both", email="both@example.gov.cn")
    both.groups.add(group)
    make_user("noaddress", email="").groups.add(group)
    gone = make_user("gone", email="gone@example.gov.cn", is_active=False)
    gone.groups.add(group)

    result = notify(["信件承办", both], templates, {"item": "信件 XJ-1", "due": "2026-10-12"})

    assert sorted(result.sent) == ["both@example.gov.cn", "head@example.gov.cn"]
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == ["head@example.gov.cn"])
    assert message.subject == "【提醒】信件 XJ-1 即将到期"
    assert message.body == "head：信件 XJ-1 将于 2026-10-12 到期。"


@pytest.mark.django_db
def test_a_failing_mail_server_is_reported_not_raised(make_user, templates, settings, monkeypatch):
    make_user("head", email="head@example.gov.cn")
    from django.core.mail import EmailMessage

    def boom(self, *args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(EmailMessage, "send", boom)
    from django.contrib.auth import get_user_model
    result = notify([get_user_model().objects.get(username="head")], templates, {"item": "x", "due": "y"})
    assert result.sent == [] and result.failed == [("head@example.gov.cn", "smtp down")]


@pytest.mark.django_db
def test_recipients_are_unique(make_user):
    group = Group.objects.create(name="审核")
    user = make_user("u", email="u@example.gov.cn")
    user.groups.add(group)
    assert recipients(["审核", "审核", user]) == [user]
