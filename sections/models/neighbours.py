"""上一篇 / 下一篇 and 相关信息 for an item: a fixed number of queries, never one per listed item.

Order is the listing order of the column (newest first), so 上一篇 is the newer
neighbour and 下一篇 the older one. Cross-listed items (hook
``column_cross_listings``) are left out: they belong to another column.
"""
from bisect import bisect_left

from django.db.models import F, Q, Window
from django.db.models.functions import Lag, Lead, RowNumber
from wagtail.models import Page

from core import bulk
from core.pages import public

from .listing import item_content_types, restrict_public_items


def _column_items(page):
    parent_path = page.path[: -page.steplen]
    qs = public(Page.objects.live()).filter(depth=page.depth, path__startswith=parent_path)
    return restrict_public_items(qs.filter(content_type__in=item_content_types()))


def _siblings(page):
    return _column_items(page).exclude(pk=page.pk)


def previous_next(page):
    """(newer, older) sibling items, each a plain Page or None: two queries."""
    when = page.first_published_at
    if when is None or not page.path:
        return None, None
    siblings = _siblings(page)
    newer = (
        siblings.filter(Q(first_published_at__gt=when) | Q(first_published_at=when, pk__gt=page.pk))
        .order_by("first_published_at", "pk").first()
    )
    older = (
        siblings.filter(Q(first_published_at__lt=when) | Q(first_published_at=when, pk__lt=page.pk))
        .order_by("-first_published_at", "-pk").first()
    )
    return newer, older


RELATED_LIMIT = 5


def related_items(page, limit=RELATED_LIMIT):
    """The newest other items of the same column: one query."""
    if not page.path:
        return []
    return list(_siblings(page).order_by("-first_published_at", "-pk")[:limit])


def navigation(page, limit=RELATED_LIMIT):
    """``(previous_next(page), related_items(page))`` in one query, for the page's own template.

    One window over the column's items in listing order (newest first): the newest ``limit + 1``
    rows give 相关信息 (the page itself left out), and the rows just before and after the page
    are its newer and older neighbours (an older one without a publication date counts as none,
    as in ``previous_next``). The page must be live (it is one of the rows): a preview uses the
    two functions instead.
    """
    if not page.path or not page.live:
        return previous_next(page), related_items(page, limit)
    order = [F("first_published_at").desc(nulls_last=True), F("pk").desc()]
    rows = list(
        _column_items(page)
        .annotate(
            row=Window(RowNumber(), order_by=order),
            before=Window(Lag("pk"), order_by=order),
            after=Window(Lead("pk"), order_by=order),
        )
        .filter(Q(row__lte=limit + 1) | Q(before=page.pk) | Q(after=page.pk))
        .order_by(*order)
    )
    related = [r for r in rows if r.pk != page.pk and r.row <= limit + 1][:limit]
    newer = older = None
    if page.first_published_at is not None:
        newer = next((r for r in rows if r.after == page.pk), None)
        older = next((r for r in rows if r.before == page.pk and r.first_published_at is not None), None)
    return (newer, older), related


def items_showing(page):
    """The sibling items whose 上一篇/下一篇 or 相关信息 show ``page`` (for the page cache's purges).

    Its newer and older neighbours always; and when ``page`` is among the
    ``RELATED_LIMIT + 1`` newest items of its column, every live sibling, since
    each of them lists the newest ``RELATED_LIMIT`` other items. A few queries,
    evaluated whether ``page`` is live (publish) or not (unpublish, removal).
    Inside a bulk import's passes the siblings are listed once per column and round.
    """
    if not page.path or page.depth is None or page.depth < 3:
        return []
    if bulk.active():
        shown = _items_showing_in_bulk(page)
        if shown is not None:
            return shown
    newer, older = previous_next(page)
    shown = [p for p in (newer, older) if p is not None]
    when = page.first_published_at
    if when is None:
        return shown
    newer_count = _siblings(page).filter(Q(first_published_at__gt=when) | Q(first_published_at=when, pk__gt=page.pk)).count()
    if newer_count <= RELATED_LIMIT:
        # In a bulk import every item was published before the passes run, so the column's
        # items are listed once per round of passes, not once per imported item (n² otherwise).
        listed = bulk.memo(("sections.sibling_items", page.path[: -page.steplen]), lambda: {"done": False})
        if not listed["done"]:
            listed["done"] = bulk.active()
            shown += list(_siblings(page))
    return shown


def _items_showing_in_bulk(page):
    """``items_showing`` inside a bulk import's passes: every item was published before they run, so the
    column's order is listed once per round and each page's neighbours come from it by bisection (two
    ordered queries per page over a 10,000-item column made the pass quadratic). None when ``page`` is
    not in that list (not live, or not an item): the caller then asks the database."""
    when = page.first_published_at
    if when is None:
        return None
    order = bulk.memo(
        ("sections.column_order", page.path[: -page.steplen]),
        lambda: list(_column_items(page).order_by("first_published_at", "pk").values_list("first_published_at", "pk")),
    )
    at = bisect_left(order, (when, page.pk))
    if at == len(order) or order[at] != (when, page.pk):
        return None
    wanted = [order[i][1] for i in (at - 1, at + 1) if 0 <= i < len(order)]
    if len(order) - at - 1 <= RELATED_LIMIT:  # among the newest: every sibling lists it, once per round
        listed = bulk.memo(("sections.sibling_items", page.path[: -page.steplen]), lambda: {"done": False})
        if not listed["done"]:
            listed["done"] = True
            wanted = [pk for _when, pk in order if pk != page.pk]
    return list(Page.objects.filter(pk__in=wanted))


class NeighboursMixin:
    """Gives an item page's template ``neighbours`` (上一篇, 下一篇) and ``related`` (相关信息).

    Both are callables, evaluated only when the ``article_nav`` fragment is not cached.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context["neighbours"] = lambda: previous_next(self)
            context["related"] = lambda: related_items(self)
        else:  # one query for both, made when the first of them is asked for
            found = {}

            def part(index):
                if not found:
                    found["both"] = navigation(self)
                return found["both"][index]

            context["neighbours"] = lambda: part(0)
            context["related"] = lambda: part(1)
        return context
