"""What operators see: manage.py plugins, the admin plugin page, a site that starts despite a broken plugin."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

import plugins.registry as registry_module
from plugins.registry import PluginRegistry

from tests.plugins.samples import GOOD_PLUGIN

REPO = Path(__file__).resolve().parents[2]


def run_manage(*args, extra_path, env=None):
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(extra_path), str(REPO)]), **(env or {}))
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args], capture_output=True, text=True, env=environment,
        cwd=REPO, timeout=120,
    )


def test_site_starts_with_a_broken_plugin_and_reports_it(make_dist):
    root = make_dist("govsite-broken", {"broken": "sample_startup_broken"},
                     {"sample_startup_broken": "import no_such_dependency_xyz\n"})
    check = run_manage("check", extra_path=root)
    assert check.returncode == 0, check.stderr
    assert "Plugin broken is broken and was not loaded" in check.stderr
    listing = run_manage("plugins", extra_path=root)
    assert listing.returncode == 0, listing.stderr
    assert "broken" in listing.stdout
    assert "ModuleNotFoundError: No module named 'no_such_dependency_xyz'" in listing.stdout
    assert "shuanggongshi" in listing.stdout


def test_site_refuses_to_start_with_a_misspelled_hook(make_dist):
    root = make_dist("govsite-typo", {"typo": "sample_startup_typo"},
                     {"sample_startup_typo": "from plugins import hookimpl\n\n@hookimpl\ndef instaled_apps():\n    return []\n"})
    check = run_manage("check", extra_path=root)
    assert check.returncode != 0
    assert "instaled_apps" in check.stderr
    assert "typo" in check.stderr


def test_allow_list_from_the_environment(make_dist):
    root = make_dist("govsite-sample", {"sample": "sample_env_mod"}, {"sample_env_mod": GOOD_PLUGIN})
    listing = run_manage("plugins", "--json", extra_path=root, env={"GOVSITE_PLUGINS": "sample,special_topic"})
    assert listing.returncode == 0, listing.stderr
    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    assert rows["sample"]["status"] == "enabled"
    assert rows["special_topic"]["status"] == "enabled"
    assert rows["shuanggongshi"]["status"] == "disabled"


def test_plugins_command_lists_version_status_and_hooks(capsys):
    call_command("plugins")
    out = capsys.readouterr().out
    assert "shuanggongshi" in out and "special_topic" in out
    assert "enabled" in out
    assert "page_placements" in out
    call_command("plugins", "--json")
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["shuanggongshi"]["version"] == "0.1.0"
    assert "load_demo_data" in rows["shuanggongshi"]["hooks"]


@pytest.fixture
def registry_with_broken_plugin(make_dist, monkeypatch):
    make_dist("govsite-broken", {"broken": "sample_admin_broken"},
              {"sample_admin_broken": "raise ImportError('needs libfoo')"})
    registry = PluginRegistry().load()
    monkeypatch.setattr(registry_module, "_registry", registry)
    return registry


def test_admin_plugin_page_lists_plugins_and_the_broken_one(client, make_user, site_tree, registry_with_broken_plugin):
    admin = make_user("root-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/plugins/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "shuanggongshi" in html and "special_topic" in html
    assert "ImportError: needs libfoo" in html
    # ... and the public site keeps working.
    assert client.get("/").status_code == 200


def test_admin_plugin_page_is_refused_to_editors(client, make_user, site_tree):
    editor = make_user("editor-1", groups=["宣传培训处"])
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/plugins/").status_code in (302, 403)
    client.logout()
    response = client.get("/admin/plugins/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
