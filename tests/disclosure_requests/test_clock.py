"""The statutory clock over National Day 2025 (1-8 October off, Sunday 28 September and
Saturday 11 October worked), with a 补正, a third-party consultation and an extension.
Expected dates are counted by hand in the comments."""
import datetime

import pytest

from disclosure_requests import services
from disclosure_requests.models import Status
from disclosure_requests.services import RequestActionError

from .factories import make_request

D = datetime.date


@pytest.mark.django_db
def test_correction_consultation_and_extension_over_national_day(office):
    editor, head = office["editor"], office["head"]
    item = make_request(received=D(2025, 9, 25), user=editor)
    # No pause: 20 working days after Thu 25 Sep: 26 Sep(1) 28 Sep Sun 调休(2) 29(3) 30(4), 1-8 Oct off,
    # 9(5) 10(6) 11 Sat 调休(7) 13-17(8-12) 20-24(13-17) 27(18) 28(19) 29 Oct(20).
    assert item.clock().due_date == D(2025, 10, 29)

    # 补正 asked on Fri 26 Sep: one working day used, the clock stops.
    services.request_correction(item, editor, D(2025, 9, 26), "请补充文件名称或文号", period=10)
    clock = item.clock()
    assert item.status == Status.AWAITING_CORRECTION and clock.paused and clock.used == 1
    # The applicant's period: 10 working days after 26 Sep: 28 Sep, 29, 30, 9 Oct, 10, 11, 13, 14, 15, 16.
    assert item.correction_due == D(2025, 10, 16)

    # The corrected request arrives on Thu 9 Oct: a new receipt, 20 working days again.
    services.receive_correction(item, editor, D(2025, 10, 9))
    # After 9 Oct: 10(1) 11 Sat(2) 13-17(3-7) 20-24(8-12) 27-31(13-17) 3 Nov(18) 4(19) 5 Nov(20).
    assert item.clock().due_date == D(2025, 11, 5)

    # Third party consulted on Wed 15 Oct: used 10, 11, 13, 14, 15 = 5.
    services.consult(item, editor, D(2025, 10, 15), "上海某某化工有限公司")
    assert item.clock().used == 5 and item.clock().due_date is None
    # Its 15 working days: 16, 17, 20-24, 27-31, 3, 4, 5 Nov.
    assert item.consultation_due == D(2025, 11, 5)
    services.consultation_done(item, editor, D(2025, 10, 24), "第三方不同意公开其商业秘密部分")
    # 15 left after Fri 24 Oct: 27-31(5) 3-7 Nov(10) 10-14 Nov(15).
    assert item.clock().due_date == D(2025, 11, 14)

    # Extension by 20, approved by the head: 17-21(5) 24-28(10) 1-5 Dec(15) 8-12 Dec(20).
    services.extend(item, editor, head, D(2025, 10, 27), 20, "需对大量档案进行区分处理")
    clock = item.clock()
    assert clock.due_date == D(2025, 12, 12) and clock.limit == 40
    # Days left on Fri 5 Dec: used 5 + (27 Oct .. 5 Dec = 30) = 35 of 40.
    assert clock.days_left(D(2025, 12, 5)) == 5
    assert not clock.is_overdue(D(2025, 12, 12)) and clock.is_overdue(D(2025, 12, 15))

    texts = [step.text for step in clock.steps]
    assert len(texts) == 6 and "2025-12-12" in texts[-1] and "延长" in texts[-1]
    assert "暂停" in texts[1] and "重新" in texts[2]


@pytest.mark.django_db
def test_correction_only_once_and_only_within_seven_working_days(office):
    editor = office["editor"]
    # After Thu 25 Sep: 26(1) 28 Sun 调休(2) 29(3) 30(4) 9 Oct(5) 10(6) 11 Sat 调休(7) 13 Oct(8).
    late = make_request(received=D(2025, 9, 25), user=editor)
    with pytest.raises(RequestActionError, match="7"):
        services.request_correction(late, editor, D(2025, 10, 13), "请补充")
    late.refresh_from_db()
    assert late.status == Status.HANDLING and late.clock_entries.count() == 1
    services.request_correction(late, editor, D(2025, 10, 11), "请补充")
    services.receive_correction(late, editor, D(2025, 10, 13))
    with pytest.raises(RequestActionError):
        services.request_correction(late, editor, D(2025, 10, 14), "再次补正")


@pytest.mark.django_db
def test_an_uncorrected_request_lapses_only_after_the_period(office):
    editor = office["editor"]
    item = make_request(received=D(2025, 3, 3), user=editor)
    services.request_correction(item, editor, D(2025, 3, 4), "请说明所需信息的文号", period=15)
    # 15 working days after Tue 4 Mar: 5-7(3) 10-14(8) 17-21(13) 24(14) 25 Mar(15).
    assert item.correction_due == D(2025, 3, 25)
    with pytest.raises(RequestActionError):
        services.lapse(item, editor, D(2025, 3, 25))
    with pytest.raises(RequestActionError):
        services.receive_correction(item, editor, D(2025, 3, 26))
    services.lapse(item, editor, D(2025, 3, 26))
    item.refresh_from_db()
    assert item.status == Status.CLOSED and item.outcome == "other_no_correction"
    assert item.closed_date == D(2025, 3, 26)


@pytest.mark.django_db
def test_extension_rules(office):
    editor, head = office["editor"], office["head"]
    item = make_request(received=D(2025, 3, 3), user=editor)
    for approver, days, reason in [(head, 21, "理由"), (head, 10, "  "), (editor, 10, "理由"), (None, 10, "理由")]:
        with pytest.raises(RequestActionError):
            services.extend(item, editor, approver, D(2025, 3, 20), days, reason)
    assert item.clock_entries.count() == 1
    services.extend(item, editor, head, D(2025, 3, 20), 10, "涉及多个处室")
    with pytest.raises(RequestActionError):
        services.extend(item, editor, head, D(2025, 3, 21), 10, "再延长")


@pytest.mark.django_db
def test_steps_cannot_go_back_in_time_and_the_answer_needs_the_heads_approval(office):
    editor, head = office["editor"], office["head"]
    item = make_request(received=D(2025, 3, 3), user=editor)
    with pytest.raises(RequestActionError):
        services.consult(item, editor, D(2025, 3, 1), "某单位")
    services.draft_answer(item, editor, "disclosed", "现提供相关信息。")
    with pytest.raises(RequestActionError):
        services.approve_answer(item, editor)
    with pytest.raises(RequestActionError):
        services.send_answer(item, editor, D(2025, 3, 20), "邮寄")
    services.approve_answer(item, head)
    services.send_answer(item, editor, D(2025, 3, 20), "邮寄")
    item.refresh_from_db()
    assert item.status == Status.CLOSED and item.approved_by == head and not services.answered_late(item)
    # Every step is a log entry with a registered, Chinese label.
    from wagtail.models import ModelLogEntry
    entries = ModelLogEntry.objects.filter(object_id=str(item.pk), content_type__app_label="disclosure_requests")
    actions = list(entries.order_by("timestamp").values_list("action", flat=True))
    assert actions == ["disclosure_requests.registered", "disclosure_requests.answer_drafted",
                       "disclosure_requests.answer_approved", "disclosure_requests.answer_sent"]
    from wagtail.log_actions import registry
    labels = [str(registry.get_action_label(a)) for a in actions]
    assert labels == ["申请已登记", "答复已拟定", "答复已审批", "答复已送达"]
