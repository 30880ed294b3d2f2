"""Discovery through entry points, allow-list, broken/incompatible plugins, misspelled hooks."""
import pytest

from plugins.registry import BROKEN, DISABLED, ENABLED, INCOMPATIBLE, MISSING, PluginError, PluginRegistry

from tests.plugins.samples import GOOD_PLUGIN


def test_discovers_a_plugin_through_real_entry_point_metadata(make_dist):
    make_dist("govsite-sample", {"sample": "sample_good_mod"}, {"sample_good_mod": GOOD_PLUGIN})
    registry = PluginRegistry().load()
    record = registry.records["sample"]
    assert record.status == ENABLED
    assert record.version == "1.2.0"
    assert record.hooks == ["plugin_settings", "search_document"]
    assert "govsite-sample" in record.source
    assert registry.pm.hook.search_document(page=None) == [{"text": "sample text"}]
    # The built-in plugins are discovered the same way, from the project's own entry points.
    assert registry.records["shuanggongshi"].status == ENABLED
    assert registry.records["special_topic"].status == ENABLED


def test_allow_list_enables_only_the_named_plugins(make_dist):
    make_dist("govsite-sample", {"sample": "sample_allow_mod"}, {"sample_allow_mod": GOOD_PLUGIN})
    registry = PluginRegistry(["sample", "not_installed"]).load()
    assert registry.records["sample"].status == ENABLED
    assert registry.records["shuanggongshi"].status == DISABLED
    assert registry.records["not_installed"].status == MISSING
    assert not registry.pm.has_plugin("shuanggongshi")
    assert registry.installed_apps() == []


def test_empty_allow_list_disables_everything():
    registry = PluginRegistry([]).load()
    assert {r.status for r in registry.records.values()} == {DISABLED}
    assert registry.installed_apps() == []


def test_default_enables_builtin_apps():
    apps = PluginRegistry().load().installed_apps()
    assert "plugins.builtin.shuanggongshi" in apps
    assert "plugins.builtin.special_topic" in apps


def test_plugin_failing_to_import_is_reported_and_skipped(make_dist):
    make_dist("govsite-broken", {"broken": "sample_broken_mod"}, {"sample_broken_mod": "raise RuntimeError('no database driver')"})
    registry = PluginRegistry().load()
    record = registry.records["broken"]
    assert record.status == BROKEN
    assert record.reason == "RuntimeError: no database driver"
    assert not registry.pm.has_plugin("broken")
    assert registry.records["shuanggongshi"].status == ENABLED


def test_entry_point_to_missing_module_is_broken(make_dist):
    make_dist("govsite-ghost", {"ghost": "sample_module_that_does_not_exist"}, {})
    record = PluginRegistry().load().records["ghost"]
    assert record.status == BROKEN
    assert "ModuleNotFoundError" in record.reason


def test_incompatible_platform_version_is_reported_and_skipped(make_dist):
    source = GOOD_PLUGIN.replace('">=0.1,<1"', '">=5.0"')
    make_dist("govsite-future", {"future": "sample_future_mod"}, {"sample_future_mod": source})
    registry = PluginRegistry(version="0.1.0").load()
    record = registry.records["future"]
    assert record.status == INCOMPATIBLE
    assert record.reason == "requires platform >=5.0, this is 0.1.0"
    assert not registry.pm.has_plugin("future")


def test_invalid_platform_specifier_is_broken(make_dist):
    source = GOOD_PLUGIN.replace('">=0.1,<1"', '"version one please"')
    make_dist("govsite-odd", {"odd": "sample_odd_mod"}, {"sample_odd_mod": source})
    record = PluginRegistry().load().records["odd"]
    assert record.status == BROKEN
    assert "invalid PLATFORM_REQUIRES" in record.reason


def test_misspelled_hook_fails_loudly(make_dist):
    source = """
from plugins import hookimpl

@hookimpl
def serach_document(page):
    return None
"""
    make_dist("govsite-typo", {"typo": "sample_typo_mod"}, {"sample_typo_mod": source})
    with pytest.raises(PluginError) as excinfo:
        PluginRegistry().load()
    assert "typo" in str(excinfo.value)
    assert "serach_document" in str(excinfo.value)


def test_wrong_hook_argument_fails_loudly():
    from plugins import hookimpl

    class Plugin:
        @hookimpl
        def search_document(self, page, user):
            return None

    registry = PluginRegistry([]).load()
    with pytest.raises(PluginError, match="user"):
        registry.add(Plugin(), name="wrong_args")
    assert "wrong_args" not in registry.records


def test_plugin_names_are_unique():
    from plugins import hookimpl

    class Plugin:
        @hookimpl
        def plugin_settings(self):
            return {}

    registry = PluginRegistry([]).load()
    registry.add(Plugin(), name="twice")
    with pytest.raises(PluginError, match="already registered"):
        registry.add(Plugin(), name="twice")
