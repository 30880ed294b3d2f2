"""Proper names and settings values in the reader's language.

Values that are not page content (the agency name in the site settings, a
department's name, tag names) are stored once, in Simplified Chinese, with an
optional English form. On the 繁體 site they are shown through the same
conversion as the pages (``core.hant``); on the English site their English
form is shown when one exists.
"""
from django.utils import translation

from . import hant


def local_text(text, english=""):
    language = (translation.get_language() or "").lower()
    if language.startswith("en"):
        return english or text
    if language in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
        return hant.convert(text)
    return text
