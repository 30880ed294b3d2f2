"""The copy of related pages in a given language (a translated page keeps its source's links to the 简体 pages)."""
from wagtail.models import Page


def pages_in_locale(pages, locale_id):
    """{translation_key: live specific page in ``locale_id``} for the given pages (one query)."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    found = Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id).specific()
    return {page.translation_key: page for page in found}
