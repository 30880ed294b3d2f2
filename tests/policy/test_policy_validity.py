import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageLogEntry

from policy.models import PolicyDocumentPage, PolicyRelation, Validity
from policy.models.validity import derive_validity
from policy.signals import validity_changed

TODAY = datetime.date(2024, 6, 1)
D = datetime.date


@pytest.mark.parametrize("facts, expected", [
    (dict(effective_date=D(2024, 7, 1), expiry_date=None), Validity.NOT_YET),
    (dict(effective_date=D(2024, 1, 1), expiry_date=None), Validity.IN_FORCE),
    (dict(effective_date=None, expiry_date=None), Validity.IN_FORCE),
    (dict(effective_date=D(2024, 1, 1), expiry_date=D(2024, 6, 1)), Validity.IN_FORCE),  # last valid day
    (dict(effective_date=D(2020, 1, 1), expiry_date=D(2024, 5, 31)), Validity.EXPIRED),
    (dict(effective_date=D(2020, 1, 1), expiry_date=None, amend_dates=[D(2024, 1, 1)]), Validity.AMENDED),
    (dict(effective_date=D(2020, 1, 1), expiry_date=None, amend_dates=[D(2024, 7, 1)]), Validity.IN_FORCE),
    (dict(effective_date=D(2020, 1, 1), expiry_date=None, repeal_dates=[None]), Validity.REPEALED),
    (dict(effective_date=D(2020, 1, 1), expiry_date=D(2021, 1, 1), repeal_dates=[D(2020, 6, 1)]), Validity.REPEALED),
    (dict(effective_date=D(2020, 1, 1), expiry_date=None, repeal_dates=[D(2024, 12, 1)], amend_dates=[None]), Validity.AMENDED),
    (dict(effective_date=D(2020, 1, 1), expiry_date=None, override=Validity.REPEALED), Validity.REPEALED),
])
def test_derivation(facts, expected):
    assert derive_validity(today=TODAY, **facts) == expected


def _link(source, target, kind):
    source.relations.add(PolicyRelation(target=target, kind=kind))
    source.save_revision().publish()
    target.refresh_from_db()


def test_repeal_chain_and_notice_on_the_repealed_page(make_doc):
    old = make_doc(title="上海市应急管理局行政许可实施办法（2019年版）", effective_date=D(2019, 3, 1))
    middle = make_doc(title="上海市应急管理局行政许可实施办法（2021年版）", effective_date=D(2021, 1, 1))
    assert old.validity == Validity.IN_FORCE
    _link(middle, old, PolicyRelation.Kind.REPEALS)
    assert old.validity == Validity.REPEALED
    newest = make_doc(title="上海市应急管理局行政许可实施办法（2023年版）", effective_date=D(2023, 5, 1))
    _link(newest, middle, PolicyRelation.Kind.REPEALS)
    middle.refresh_from_db()
    assert (old.validity, middle.validity, newest.validity) == (Validity.REPEALED, Validity.REPEALED, Validity.IN_FORCE)

    html = Client().get(old.url).content.decode()
    assert "validity-repealed" in html
    assert f'href="{middle.url}"' in html and "《上海市应急管理局行政许可实施办法（2021年版）》" in html
    # the repealing document links to what it repeals
    assert f'href="{old.url}"' in Client().get(middle.url).content.decode()


def test_amendment_and_unpublishing_the_amending_document(make_doc):
    base = make_doc(effective_date=D(2020, 1, 1))
    amending = make_doc(effective_date=D(2022, 1, 1))
    _link(amending, base, PolicyRelation.Kind.AMENDS)
    assert base.validity == Validity.AMENDED
    assert "validity-amended" in Client().get(base.url).content.decode()
    amending.unpublish()
    base.refresh_from_db()
    assert base.validity == Validity.IN_FORCE


def test_future_repeal_only_applies_when_it_takes_effect(make_doc):
    today = datetime.date.today()
    target = make_doc(effective_date=D(2020, 1, 1))
    repealing = make_doc(effective_date=today + datetime.timedelta(days=10))
    _link(repealing, target, PolicyRelation.Kind.REPEALS)
    assert target.validity == Validity.IN_FORCE
    assert repealing.validity == Validity.NOT_YET
    call_command("update_policy_validity", date=(today + datetime.timedelta(days=10)).isoformat(), stdout=_Sink())
    target.refresh_from_db()
    repealing.refresh_from_db()
    assert (target.validity, repealing.validity) == (Validity.REPEALED, Validity.IN_FORCE)


class _Sink:
    def __init__(self):
        self.text = ""

    def write(self, s, *a, **k):
        self.text += s

    def flush(self):
        pass


def test_expiry_command_flips_exactly_the_expired_and_is_idempotent(make_doc):
    today = datetime.date.today()
    expired = make_doc(effective_date=D(2020, 1, 1), expiry_date=today - datetime.timedelta(days=1))
    last_day = make_doc(effective_date=D(2020, 1, 1), expiry_date=today)
    open_ended = make_doc(effective_date=D(2020, 1, 1))
    starting = make_doc(effective_date=today + datetime.timedelta(days=1))
    # Stored values as of "yesterday" (dates passed since the last save)
    PolicyDocumentPage.objects.filter(pk=expired.pk).update(validity=Validity.IN_FORCE)
    received = []
    handler = lambda sender, instance, old, new, **kw: received.append((instance.pk, old, new))  # noqa: E731
    validity_changed.connect(handler)
    try:
        out = _Sink()
        call_command("update_policy_validity", stdout=out)
    finally:
        validity_changed.disconnect(handler)
    assert received == [(expired.pk, Validity.IN_FORCE, Validity.EXPIRED)]
    assert "1 document(s) changed" in out.text
    values = dict(PolicyDocumentPage.objects.values_list("pk", "validity"))
    assert values[expired.pk] == Validity.EXPIRED
    assert values[last_day.pk] == Validity.IN_FORCE
    assert values[open_ended.pk] == Validity.IN_FORCE
    assert values[starting.pk] == Validity.NOT_YET
    entries = PageLogEntry.objects.filter(action="policy.validity_changed")
    assert list(entries.values_list("page_id", flat=True)) == [expired.pk]
    assert entries.get().data == {"old": "in_force", "new": "expired"}

    out = _Sink()
    call_command("update_policy_validity", stdout=out)
    assert "0 document(s) changed" in out.text
    assert PageLogEntry.objects.filter(action="policy.validity_changed").count() == 1

    # The next day the document starting tomorrow comes into force.
    out = _Sink()
    call_command("update_policy_validity", date=(today + datetime.timedelta(days=1)).isoformat(), stdout=out)
    assert PolicyDocumentPage.objects.get(pk=starting.pk).validity == Validity.IN_FORCE
    assert PolicyDocumentPage.objects.get(pk=last_day.pk).validity == Validity.EXPIRED


def test_command_rejects_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("update_policy_validity", date="2024-13-45<script>", stdout=_Sink())


def test_validity_log_entry_reads_well_in_the_admin_history(make_doc, admin_client):
    doc = make_doc(effective_date=D(2020, 1, 1), expiry_date=D(2021, 1, 1))
    PolicyDocumentPage.objects.filter(pk=doc.pk).update(validity=Validity.IN_FORCE)
    call_command("update_policy_validity", stdout=_Sink())
    response = admin_client.get(f"/admin/pages/{doc.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "已失效" in html and "现行有效" in html  # "Validity changed from 现行有效 to 已失效"


def test_removing_a_repeal_link_restores_the_target(make_doc):
    target = make_doc(effective_date=D(2020, 1, 1))
    repealing = make_doc(effective_date=D(2021, 1, 1))
    _link(repealing, target, PolicyRelation.Kind.REPEALS)
    assert target.validity == Validity.REPEALED
    repealing = PolicyDocumentPage.objects.get(pk=repealing.pk)
    repealing.relations = []
    repealing.save_revision().publish()
    target.refresh_from_db()
    assert target.validity == Validity.IN_FORCE
