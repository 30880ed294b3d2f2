"""Which page types an editor is offered under a column.

An editor adding a page under 新闻 was offered every page type that may sit in a
column: 专题 and 双公示栏目, policy documents and interpretations, consultations,
surveys … Two mixins narrow the offer; both decide from what the column already
holds, so apps and plugins keep declaring ``parent_page_types =
["sections.ColumnPage"]`` and the column model lists nobody.

- ``ColumnLevelPageMixin``: a page type that is a column of its own kind (专题,
  双公示栏目). It can be created under a section, the home page, a column group (a
  column holding only sub-columns) or an empty new column, but not under a
  column that already holds items (articles, documents …).
- ``ColumnKindPageMixin``: an item type (or a listing of such items) that makes a
  column of its own kind, named by ``column_kind`` (e.g. "policy" for policy
  documents, interpretations and the policy listings; "consultation";
  "survey"). Under a column it is offered only when the column holds no items
  yet (a new column, where the editor chooses what it will hold) or already
  holds an item of the same kind. A 新闻 column holding only articles is
  therefore offered articles (and sub-columns), not documents or surveys.
  Ordinary articles carry no kind and are offered in every column.

These checks only narrow ``can_create_at`` (the 添加子页面 list and the create
view); pages already in place are not touched.
"""
from wagtail.models import Page


def _item_children(page):
    from .listing import item_content_types

    return Page.objects.filter(
        depth=page.depth + 1, path__startswith=page.path, content_type__in=item_content_types(),
    )


def holds_items(page):
    """True when the page has item children (pages built on core's BasePage): one query."""
    return _item_children(page).exists()


def item_types_held(page):
    """The content type ids of the page's item children: one query."""
    return set(_item_children(page).values_list("content_type_id", flat=True).distinct())


def kind_content_type_ids(kind):
    """Content type ids of every page model whose ``column_kind`` is ``kind``."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    models = [m for m in get_page_models() if not m._meta.abstract and getattr(m, "column_kind", None) == kind]
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}


def _is_column(parent, exclude=None):
    from .column import ColumnPage

    parent_class = parent.specific_class
    return (
        parent_class is not None and issubclass(parent_class, ColumnPage)
        and not (exclude is not None and issubclass(parent_class, exclude))
    )


class ColumnLevelPageMixin:
    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        if _is_column(parent, exclude=cls):
            return not holds_items(parent)
        return True


class ColumnKindPageMixin:
    column_kind = None  # set by each model, e.g. "policy"

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        if cls.column_kind and _is_column(parent):
            held = item_types_held(parent)
            return not held or bool(held & kind_content_type_ids(cls.column_kind))
        return True
