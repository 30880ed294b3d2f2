"""Issue 18, failure 2: brute force on /admin/login/ is locked out (django-axes), and production
password rules refuse Demo-2026-style passwords."""
import pytest
from axes.models import AccessFailureLog
from django.core.cache import cache

from tests.core.test_production_settings import ROOT, run_manage

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, make_user, settings):
    make_user("sec_target", password="Right-password-2026!", is_staff=True, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "sec_target", "wrong")
    response = attempt(client, "sec_target", "Right-password-2026!")
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is locked for this user name too (per-user lockout).
    assert attempt(client, "sec_target", "Right-password-2026!", ip="198.51.100.9").status_code == 429


def test_one_address_trying_many_names_is_locked(client, make_user, settings):
    make_user("sec_other", password="Right-password-2026!", is_staff=True, is_superuser=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong", ip="192.0.2.50")
    assert attempt(client, "sec_other", "Right-password-2026!", ip="192.0.2.50").status_code == 429
    # ... while the same user from another address still logs in.
    response = attempt(client, "sec_other", "Right-password-2026!", ip="192.0.2.51")
    assert response.status_code == 302


def test_failures_below_the_limit_do_not_lock(client, make_user, settings):
    make_user("sec_user", password="Right-password-2026!", is_staff=True, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "sec_user", "wrong")
    assert attempt(client, "sec_user", "Right-password-2026!").status_code == 302


def test_failures_are_visible_to_administrators_only(client, make_user):
    attempt(client, "nobody", "wrong")
    assert AccessFailureLog.objects.filter(username="nobody", ip_address="203.0.113.7").exists()
    admin = make_user("sec_admin", is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/login_failures/")
    assert response.status_code == 200 and "nobody" in response.content.decode()
    client.force_login(make_user("sec_editor", groups=["宣传培训处"]))
    assert client.get("/admin/login_failures/").status_code in (302, 403)


def _validate(password):
    code = (
        "from django.contrib.auth.password_validation import validate_password as v\n"
        "from django.core.exceptions import ValidationError\n"
        f"try:\n    v({password!r}); print('OK')\nexcept ValidationError as e:\n    print('REFUSED', e.messages)\n"
    )
    result = run_manage(
        "shell", "-c", code,
        DJANGO_SECRET_KEY="x9!kQ2#vL7@pR4$mN8^tW3&zB6*yC1(eF5)gH0_jK-uA=sD+fG[hJ]lZ;xV",
        DJANGO_ALLOWED_HOSTS="yjglj.example.gov.cn",
        DATABASE_URL="sqlite:///" + str(ROOT / "test-artifacts" / "deploy-check.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_production_password_rules():
    assert "REFUSED" in _validate("Demo-2026")
    assert "REFUSED" in _validate("password1234")  # common
    assert "OK" in _validate("应急-Grid-Lantern-47")
