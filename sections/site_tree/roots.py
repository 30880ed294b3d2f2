"""Where the column tree hangs: the home page and its site settings, provided by the floor above.

``home`` sits above ``sections`` (../shared/DESIGN.md), so the loader does not
import it: ``home``'s AppConfig.ready() registers the two functions here.
"""
_registered = {}


def register(ensure_home, apply_site_settings):
    """ensure_home(spec, report) -> home page; apply_site_settings(spec, home, report)."""
    _registered["ensure_home"] = ensure_home
    _registered["apply_site_settings"] = apply_site_settings


def _get(name):
    try:
        return _registered[name]
    except KeyError:
        raise RuntimeError("No home page provider registered: is the 'home' app installed?") from None


def ensure_home(spec, report):
    return _get("ensure_home")(spec, report)


def apply_site_settings(spec, home, report):
    return _get("apply_site_settings")(spec, home, report)
