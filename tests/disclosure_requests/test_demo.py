import io

import pytest

from core.demo_accounts import ensure_demo_accounts
from disclosure_requests import demo
from disclosure_requests import report as reports
from disclosure_requests.models import AnnualReport, DisclosureRequest, Status


@pytest.mark.django_db
def test_demo_requests_cover_every_state_and_a_second_run_adds_nothing(site_tree):
    ensure_demo_accounts()
    demo.load(io.StringIO())
    count = DisclosureRequest.objects.count()
    assert count == len(demo.DEMO)
    demo.load(io.StringIO())
    assert DisclosureRequest.objects.count() == count and AnnualReport.objects.count() == 1
    statuses = set(DisclosureRequest.objects.values_list("status", flat=True))
    assert {Status.HANDLING, Status.AWAITING_CORRECTION, Status.CONSULTING, Status.CLOSED} <= statuses
    outcomes = set(DisclosureRequest.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert len(outcomes) >= 5
    from disclosure_requests.services import due_state
    assert any(due_state(item)[2] for item in DisclosureRequest.objects.all())  # one is overdue
    assert DisclosureRequest.objects.filter(clock_entries__reason="extension").exists()
    assert all(item.check_query_code(demo.DEMO_CODE) for item in DisclosureRequest.objects.all())
    report = AnnualReport.objects.get()
    assert reports.validate(reports.tables_for(report)) == []
