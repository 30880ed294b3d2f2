"""Discovering, checking and registering plugins.

Discovery goes through one entry-point group (``govsite.plugins``). Each
entry point names a module (or object) of hook implementations. For every
entry point the registry records a :class:`PluginRecord` with a status:

- ``enabled``: registered with the plugin manager;
- ``disabled``: installed but not in the ``GOVSITE_PLUGINS`` allow-list;
- ``incompatible``: its ``PLATFORM_REQUIRES`` does not include this platform version;
- ``broken``: importing it failed (the reason is kept) — the site starts without it;
- ``missing``: named in the allow-list but not installed.

A hook implementation whose name is not a hook specification, or whose
arguments do not match, raises :class:`PluginError` (pluggy's
``check_pending``): a misspelled hook must never be silently ignored.
"""
import logging
from dataclasses import dataclass, field
from importlib import metadata

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from . import ENTRY_POINT_GROUP, PROJECT_NAME, hookspecs

logger = logging.getLogger("govsite.plugins")

ENABLED, DISABLED, INCOMPATIBLE, BROKEN, MISSING = "enabled", "disabled", "incompatible", "broken", "missing"
FALLBACK_PLATFORM_VERSION = "0.1.0"


class PluginError(Exception):
    """A plugin is wrong in a way that must stop start-up (e.g. a misspelled hook)."""


def platform_version():
    try:
        return metadata.version(PROJECT_NAME)
    except metadata.PackageNotFoundError:
        return FALLBACK_PLATFORM_VERSION


@dataclass
class PluginRecord:
    name: str
    status: str
    version: str = ""
    reason: str = ""
    source: str = ""
    platform_requires: str = ""
    hooks: list = field(default_factory=list)
    plugin: object = None

    @property
    def enabled(self):
        return self.status == ENABLED


def new_plugin_manager():
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    return pm


class PluginRegistry:
    def __init__(self, allow_list=None, *, group=ENTRY_POINT_GROUP, version=None):
        self.allow_list = None if allow_list is None else list(allow_list)
        self.group = group
        self.platform_version = version or platform_version()
        self.pm = new_plugin_manager()
        self.records = {}

    # Discovery -----------------------------------------------------------

    def load(self):
        """Discover plugins from entry-point metadata; return self."""
        seen = set()
        for ep in sorted(metadata.entry_points(group=self.group), key=lambda ep: ep.name):
            if ep.name in seen:
                logger.warning("Plugin %s is declared twice; keeping the first", ep.name)
                continue
            seen.add(ep.name)
            self._load_entry_point(ep)
        for name in self.allow_list or []:
            if name not in self.records:
                self.records[name] = PluginRecord(name, MISSING, reason="named in GOVSITE_PLUGINS but not installed")
                logger.warning("Plugin %s is in GOVSITE_PLUGINS but not installed", name)
        return self

    def _load_entry_point(self, ep):
        dist_version = ep.dist.version if ep.dist else ""
        source = f"{ep.dist.name} ({ep.value})" if ep.dist else ep.value
        if self.allow_list is not None and ep.name not in self.allow_list:
            self.records[ep.name] = PluginRecord(
                ep.name, DISABLED, version=dist_version, source=source, reason="not in GOVSITE_PLUGINS"
            )
            return
        try:
            plugin = ep.load()
        except Exception as exc:  # any import-time failure: report it, start without the plugin
            self._broken(ep.name, f"{type(exc).__name__}: {exc}", version=dist_version, source=source)
            return
        self.add(plugin, name=ep.name, version=dist_version, source=source)

    def _broken(self, name, reason, **extra):
        logger.error("Plugin %s is broken and was not loaded: %s", name, reason)
        self.records[name] = PluginRecord(name, BROKEN, reason=reason, **extra)

    # Registration --------------------------------------------------------

    def add(self, plugin, *, name, version="", source=""):
        """Check and register one plugin object (a module or any object with hook methods)."""
        version = str(getattr(plugin, "__version__", "") or version or "")
        requires = str(getattr(plugin, "PLATFORM_REQUIRES", "") or "")
        source = source or getattr(plugin, "__name__", type(plugin).__name__)
        record = PluginRecord(name, ENABLED, version=version, source=source, platform_requires=requires, plugin=plugin)
        if requires:
            try:
                compatible = Version(self.platform_version) in SpecifierSet(requires)
            except (InvalidSpecifier, InvalidVersion) as exc:
                self._broken(name, f"invalid PLATFORM_REQUIRES {requires!r}: {exc}", version=version, source=source)
                return self.records[name]
            if not compatible:
                record.status = INCOMPATIBLE
                record.reason = f"requires platform {requires}, this is {self.platform_version}"
                record.plugin = None
                logger.error("Plugin %s is incompatible and was not loaded: %s", name, record.reason)
                self.records[name] = record
                return record
        if name in self.records and self.records[name].enabled:
            raise PluginError(f"a plugin named {name!r} is already registered")
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            raise PluginError(f"plugin {name!r} ({source}): {exc}") from exc
        record.hooks = sorted(caller.name for caller in self.pm.get_hookcallers(plugin) or [])
        self.records[name] = record
        return record

    def remove(self, name):
        record = self.records.pop(name, None)
        if record is not None and record.enabled and self.pm.has_plugin(name):
            self.pm.unregister(name=name)
        return record

    # Queries -------------------------------------------------------------

    def enabled(self):
        return [r for r in self.sorted_records() if r.enabled]

    def sorted_records(self):
        return [self.records[name] for name in sorted(self.records)]

    def results(self, hook_name, **kwargs):
        """[(plugin name, result)] for one hook, one entry per implementing plugin, in plugin-name order."""
        caller = getattr(self.pm.hook, hook_name)
        impls = {
            impl.plugin_name: impl
            for impl in caller.get_hookimpls()
            if not (impl.hookwrapper or getattr(impl, "wrapper", False))
        }
        out = []
        for name in sorted(impls):
            impl = impls[name]
            args = {arg: kwargs[arg] for arg in impl.argnames}
            result = impl.function(**args)
            if result is not None:
                out.append((name, result))
        return out

    def collect(self, hook_name, **kwargs):
        """All list items returned by a list-returning hook, flattened."""
        items = []
        for _name, result in self.results(hook_name, **kwargs):
            items.extend(result)
        return items

    def installed_apps(self):
        apps = []
        for app in self.collect("installed_apps"):
            if app not in apps:
                apps.append(app)
        return apps

    def setting(self, plugin_name, key):
        from django.conf import settings

        overrides = getattr(settings, "GOVSITE_PLUGIN_SETTINGS", {}).get(plugin_name, {})
        if key in overrides:
            return overrides[key]
        defaults = dict(self.results("plugin_settings")).get(plugin_name, {})
        if key not in defaults:
            raise KeyError(f"plugin {plugin_name!r} has no setting {key!r}")
        return defaults[key]


_registry = None
_UNSET = object()


def get_registry(allow_list=_UNSET):
    """The process-wide registry, loaded on first use.

    Settings call it with the allow-list (``plugins.installed_apps(GOVSITE_PLUGINS)``);
    later callers get the same registry. Without a settings-time call the
    allow-list is read from ``settings.GOVSITE_PLUGINS``.
    """
    global _registry
    if _registry is None:
        if allow_list is _UNSET:
            from django.conf import settings

            allow_list = getattr(settings, "GOVSITE_PLUGINS", None)
        _registry = PluginRegistry(allow_list).load()
    return _registry


def reset_registry():
    global _registry
    _registry = None
