"""The production settings pass Django's deployment checks."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # A deployment's environment: nothing a test of this process set for itself (e.g. a browser
    # test's DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {**inherited, "DJANGO_SETTINGS_MODULE": "settings.production", **env}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=full_env,
        capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SECRET_KEY="x9!kQ2#vL7@pR4$mN8^tW3&zB6*yC1(eF5)gH0_jK-uA=sD+fG[hJ]lZ;xV",
        DJANGO_ALLOWED_HOSTS="yjglj.example.gov.cn",
        DATABASE_URL="sqlite:///" + str(ROOT / "test-artifacts" / "deploy-check.sqlite3"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="", DJANGO_ALLOWED_HOSTS="example.gov.cn")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DJANGO_SECRET_KEY="k" * 60, DJANGO_ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr
