"""Source of sample plugin modules used by the tests."""

GOOD_PLUGIN = """
from plugins import hookimpl

PLATFORM_REQUIRES = ">=0.1,<1"

@hookimpl
def plugin_settings():
    return {"colour": "red"}

@hookimpl
def search_document(page):
    return {"text": "sample text"}
"""
