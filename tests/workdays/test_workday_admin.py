"""Administrators record overrides in the admin; editors may not."""
import pytest

from workdays.calendar import is_workday
from workdays.models import WorkdayOverride


@pytest.fixture
def admin_client(client, make_user, site_tree):
    client.force_login(make_user("calendar-admin", is_superuser=True, is_staff=True))
    return client


def test_superuser_adds_an_override(admin_client):
    import datetime as dt

    assert admin_client.get("/admin/workday_overrides/").status_code == 200
    response = admin_client.post("/admin/workday_overrides/new/", {"date": "2035-10-01", "note": "国庆节"})
    assert response.status_code == 302
    override = WorkdayOverride.objects.get(date=dt.date(2035, 10, 1))
    assert override.is_workday is False
    assert not is_workday(dt.date(2035, 10, 1))


def test_malformed_override_is_rejected_without_error(admin_client):
    response = admin_client.post("/admin/workday_overrides/new/", {"date": "not-a-date", "note": "x" * 5000})
    assert response.status_code == 200
    assert WorkdayOverride.objects.count() == 0


def test_editor_cannot_manage_overrides(client, make_user, site_tree):
    client.force_login(make_user("editor", groups=["宣传培训处"]))
    response = client.get("/admin/workday_overrides/")
    assert response.status_code in (302, 403)
    response = client.post("/admin/workday_overrides/new/", {"date": "2035-10-01"})
    assert response.status_code in (302, 403)
    assert WorkdayOverride.objects.count() == 0


def test_index_tells_how_far_official_data_goes(admin_client):
    from workdays.calendar import has_official_data, last_official_year

    year = last_official_year()
    assert has_official_data(year) and not has_official_data(year + 1)
    html = admin_client.get("/admin/workday_overrides/").content.decode()
    assert str(year) in html
