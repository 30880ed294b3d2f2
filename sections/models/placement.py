"""Page types that are columns of their own kind (专题, 双公示栏目) are not offered inside an item column.

An editor adding a page under 新闻 was offered every page type that may sit in a
column, 专题 and 双公示栏目 included. A column-level page type mixes in
``ColumnLevelPageMixin``: it can be created under a section, the home page, a
column group (a column holding only sub-columns) or an empty new column, but not
under a column that already holds items (articles, documents …).
"""
from wagtail.models import Page


def holds_items(page):
    """True when the page has item children (pages built on core's BasePage): one query."""
    from .listing import item_content_types

    return Page.objects.filter(
        depth=page.depth + 1, path__startswith=page.path, content_type__in=item_content_types(),
    ).exists()


class ColumnLevelPageMixin:
    @classmethod
    def can_create_at(cls, parent):
        from .column import ColumnPage

        if not super().can_create_at(parent):
            return False
        parent_class = parent.specific_class
        if parent_class is not None and issubclass(parent_class, ColumnPage) and not issubclass(parent_class, cls):
            return not holds_items(parent)
        return True
