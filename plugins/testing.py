"""Pytest helpers for plugin authors and the platform's own tests.

Enable with ``pytest_plugins = ["plugins.testing"]`` in a conftest.py; then::

    def test_my_hook(register_plugin):
        class Plugin:
            @hookimpl
            def search_document(self, page):
                return {"text": "extra"}

        register_plugin(Plugin(), name="sample")
        ...

The plugin is registered with the process-wide registry for one test and
removed afterwards, even when the test fails.
"""
import pytest

from .registry import get_registry


@pytest.fixture
def register_plugin():
    registry = get_registry()
    added = []

    def register(plugin, name=None, version="0.0.test"):
        name = name or getattr(plugin, "__name__", type(plugin).__name__).lower()
        record = registry.add(plugin, name=name, version=version)
        added.append(name)
        return record

    yield register
    for name in reversed(added):
        registry.remove(name)
