"""Every hook is specified with a docstring and documented for plugin authors."""
import inspect
from pathlib import Path

from plugins import hookspecs
from plugins.registry import new_plugin_manager

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def hook_names():
    pm = new_plugin_manager()
    return sorted(name for name in dir(pm.hook) if not name.startswith("_"))


def test_there_are_hooks_for_every_contribution_kind():
    assert set(hook_names()) == {
        "installed_apps", "page_placements", "admin_menu_items", "admin_urls", "admin_viewsets",
        "dashboard_panels", "workflow_assignments", "search_document", "load_demo_data", "plugin_settings",
    }


def test_every_hookspec_has_a_docstring():
    for name in hook_names():
        doc = inspect.getdoc(getattr(hookspecs, name))
        assert doc and len(doc) > 40, f"hook {name} needs a docstring"


def test_every_hookspec_is_documented_for_plugin_authors():
    text = DOCS.read_text("utf-8")
    for name in hook_names():
        spec = getattr(hookspecs, name)
        signature = f"### `{name}{inspect.signature(spec)}`"
        assert signature in text, f"docs/plugins.md lacks a section {signature}"
