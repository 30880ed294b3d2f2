"""Listing helpers shared by section and column pages.

Listings never query per item: items come from one query (plus one per page
type for .specific()), and the "latest items per column" block uses a window
function so a section page with twenty columns still costs one query.
"""
from django.core.paginator import Paginator
from functools import reduce
from operator import or_

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from core.models import BasePage
from core.pages import public

ITEMS_PER_PAGE = 20


def item_queryset(parent, *, descendants=False):
    """Live, public item pages under ``parent``, newest first, plus the items apps cross-list in it."""
    base = public(Page.objects.live())
    if descendants:
        qs = base.descendant_of(parent)
    else:
        cross = cross_listed_filter(parent)
        qs = base.filter(base.child_of_q(parent) | cross) if cross is not None else base.child_of(parent)
    qs = restrict_public_items(qs.filter(content_type__in=item_content_types()))
    return qs.order_by(F("first_published_at").desc(nulls_last=True), "-pk")


def public_item_filter():
    """Q excluding items that apps keep off public listings (hook ``public_item_filter``)."""
    from wagtail import hooks

    return reduce(lambda q, fn: q & fn(), hooks.get_hooks("public_item_filter"), Q())


def cross_listed_filter(column):
    """Q for pages listed in ``column`` although they live elsewhere, or None.

    Apps register ``column_cross_listings``: a function ``(column) -> Q or None``,
    e.g. participation lists open consultations in 通知公告 while they are open.
    """
    from wagtail import hooks

    filters = [q for q in (fn(column) for fn in hooks.get_hooks("column_cross_listings")) if q is not None]
    return reduce(or_, filters) if filters else None


def restrict_public_items(queryset):
    return queryset.filter(public_item_filter())


def item_content_types():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    models = [m for m in get_page_models() if issubclass(m, BasePage) and not m._meta.abstract]
    return list(ContentType.objects.get_for_models(*models).values())


def paginate(request, queryset, per_page=ITEMS_PER_PAGE):
    """A page of results; malformed or out-of-range page numbers fall back gracefully."""
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


def latest_items_by_parent(parents, per_parent=5):
    """{parent page id: [latest live items anywhere below it]} with one query per tree depth.

    Anywhere below: a column such as 政府信息公开 holds only sub-columns, and its block on the section
    page shows their newest items (it showed 暂无信息 when only children counted)."""
    parents = list(parents)
    result = {p.pk: [] for p in parents}
    by_path = {p.path: p.pk for p in parents}
    for depth in sorted({p.depth for p in parents}):
        prefix = Substr("path", 1, depth * Page.steplen)
        qs = (
            public(Page.objects.live())
            .filter(depth__gt=depth, content_type__in=item_content_types())
            .filter(public_item_filter())
            .filter(reduce(or_, (Q(path__startswith=p.path) for p in parents if p.depth == depth)))
            .annotate(
                parent_path=prefix,
                rank=Window(
                    RowNumber(),
                    partition_by=[prefix],
                    order_by=[F("first_published_at").desc(nulls_last=True), F("pk").desc()],
                ),
            )
            .filter(rank__lte=per_parent)
        )
        for page in qs.specific():
            result[by_path[page.parent_path]].append(page)
    for items in result.values():
        items.sort(key=lambda p: (p.first_published_at is not None, p.first_published_at, p.pk), reverse=True)
    return result
