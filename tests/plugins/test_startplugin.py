"""manage.py startplugin creates a package that installs, is discovered and passes its own tests."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.long
def test_generated_plugin_installs_and_passes_its_own_tests(tmp_path):
    call_command("startplugin", "jinbohui", "--directory", str(tmp_path), "--title", "进博会专栏")
    package = tmp_path / "govsite-jinbohui"
    assert (package / "jinbohui" / "plugin.py").exists()
    assert 'jinbohui = "jinbohui.plugin"' in (package / "pyproject.toml").read_text("utf-8")
    # A real installation: pip builds the wheel and writes dist-info with the entry point.
    target = tmp_path / "site-packages"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(package)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr
    entry_points = next(target.glob("govsite_jinbohui-0.1.0.dist-info")) / "entry_points.txt"
    assert "jinbohui = jinbohui.plugin" in entry_points.read_text()
    # Its generated tests, with the platform's settings; the plugin comes only from the installed copy.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target), str(REPO), str(REPO / "site")]))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # Its own throw-away SQLite database: the outer run may hold test_<db> on PostgreSQL.
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore::UserWarning",
         str(package / "tests")],
        capture_output=True, text=True, cwd=package, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout


@pytest.mark.parametrize("name", ["Bad-Name", "1abc", "class", "x", "a" * 50, "../evil", "sections"])
def test_startplugin_rejects_bad_names(tmp_path, name):
    with pytest.raises(CommandError):
        call_command("startplugin", name, "--directory", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_startplugin_refuses_to_overwrite(tmp_path):
    call_command("startplugin", "demo_column", "--directory", str(tmp_path))
    with pytest.raises(CommandError, match="already exists"):
        call_command("startplugin", "demo_column", "--directory", str(tmp_path))


def test_startplugin_rejects_hostile_titles(tmp_path):
    with pytest.raises(CommandError):
        call_command("startplugin", "safe_name", "--directory", str(tmp_path), "--title", 'x"; import os #')
