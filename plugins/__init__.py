"""The plugin API of the platform.

A plugin is a Python distribution that declares an entry point in the
``govsite.plugins`` group pointing at a module of hook implementations::

    [project.entry-points."govsite.plugins"]
    my_column = "my_column.plugin"

The module marks its hook functions with :data:`hookimpl` (the hooks are
specified and documented in :mod:`plugins.hookspecs`) and may declare
``PLATFORM_REQUIRES = ">=0.1,<1"``.

This package is imported by Django settings (see :func:`installed_apps`),
so it must never import Django models at module level.
"""
import pluggy

PROJECT_NAME = "govsite"
ENTRY_POINT_GROUP = "govsite.plugins"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


def installed_apps(allow_list=None):
    """Django app modules contributed by enabled plugins, for INSTALLED_APPS.

    Called from settings, before Django is set up: it loads the plugin entry
    points (plugin modules must not import models at import time) and asks the
    ``installed_apps`` hook. Broken or incompatible plugins contribute nothing.
    """
    from .registry import get_registry

    return get_registry(allow_list).installed_apps()


def get_plugin_manager():
    """The pluggy PluginManager holding every enabled plugin."""
    from .registry import get_registry

    return get_registry().pm


def plugin_setting(plugin_name, key):
    """A plugin setting: the operator's GOVSITE_PLUGIN_SETTINGS value, else the plugin's default."""
    from .registry import get_registry

    return get_registry().setting(plugin_name, key)
