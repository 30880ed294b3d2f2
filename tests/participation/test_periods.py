"""Minimum comment periods per kind of draft, on the working-day calendar, in the model and the admin form."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from participation.periods import period_errors, period_length

D = datetime.date


@pytest.mark.django_db
def test_thirty_days_for_major_decisions_and_regulations():
    for kind in ("major_decision", "regulation"):
        assert period_errors(kind, D(2026, 3, 2), D(2026, 3, 31)) == {}  # 30 days, both ends counted
        errors = period_errors(kind, D(2026, 3, 2), D(2026, 3, 30))
        assert list(errors) == ["short_period_reason"] and "30" in errors["short_period_reason"]
        assert period_errors(kind, D(2026, 3, 2), D(2026, 3, 30), reason="因汛期防台紧急需要") == {}


@pytest.mark.django_db
def test_normative_documents_count_working_days_across_national_day():
    # 2025-09-29 .. 2025-10-09 spans the National Day holiday: 11 calendar days but only 3 working days.
    assert period_length(D(2025, 9, 29), D(2025, 10, 9), working_days=True) == 3
    assert "short_period_reason" in period_errors("normative", D(2025, 9, 29), D(2025, 10, 9))
    # Until 10-14 there are 7 (10-11 is a 调休 Saturday working day).
    assert period_length(D(2025, 9, 29), D(2025, 10, 14), working_days=True) == 7
    assert period_errors("normative", D(2025, 9, 29), D(2025, 10, 14)) == {}
    assert "short_period_reason" in period_errors("normative", D(2025, 9, 29), D(2025, 10, 13))


@pytest.mark.django_db
def test_normative_documents_closely_concerning_business_need_thirty_days():
    assert "short_period_reason" in period_errors("normative", D(2025, 9, 29), D(2025, 10, 14), concerns_business=True)
    assert period_errors("normative", D(2025, 9, 29), D(2025, 10, 28), concerns_business=True) == {}


def test_other_drafts_have_no_minimum_but_may_not_end_before_they_start():
    assert period_errors("other", D(2026, 3, 2), D(2026, 3, 2)) == {}
    assert list(period_errors("other", D(2026, 3, 2), D(2026, 3, 1))) == ["end_date"]
    assert list(period_errors("major_decision", D(2026, 3, 2), D(2026, 3, 1), reason="x")) == ["end_date"]


def test_the_model_refuses_a_short_period_without_reason(make_consultation):
    with pytest.raises(ValidationError) as info:
        make_consultation(kind="major_decision", start=0, end=9)
    assert "short_period_reason" in info.value.message_dict
    page = make_consultation(kind="major_decision", start=0, end=9, short_period_reason="台风季节前须完成修订")
    assert page.is_shorter_than_minimum


def test_the_model_requires_a_way_to_comment(make_consultation):
    with pytest.raises(ValidationError) as info:
        make_consultation(accepts_online=False)
    assert "accepts_online" in info.value.message_dict


@pytest.mark.django_db
def test_admin_add_view_shows_the_period_error_and_saves_with_a_reason(client_for, column):
    from tests.admin_forms import page_form_data

    from participation.models import ConsultationPage

    parent = column("zwhd/gzhd/caoan")
    c = client_for("zcfg_editor")
    url = f"/admin/pages/add/participation/consultationpage/{parent.pk}/"
    data = page_form_data(c, url, title="关于某规章草案公开征求意见", slug="gz-draft", kind="regulation",
                          start_date="2026-03-02", end_date="2026-03-16", draft_text="第一条 测试。",
                          accepts_online="on")
    response = c.post(url, data)
    assert response.status_code == 200
    assert "short_period_reason" in response.context["form"].errors
    assert not ConsultationPage.objects.filter(slug="gz-draft").exists()
    data["short_period_reason"] = "上位法修改后须尽快衔接"
    response = c.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ConsultationPage.objects.get(slug="gz-draft").short_period_reason == "上位法修改后须尽快衔接"
