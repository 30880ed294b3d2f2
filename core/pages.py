"""Queryset helpers for public pages."""
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def public(queryset):
    """``queryset.public()`` without its extra query.

    Wagtail's ``PageQuerySet.public()`` first lists every view restriction (a
    query each time it is called: four times on an article page) and excludes
    their subtrees. This excludes the same pages, those at or below a
    restricted page, with a NOT EXISTS in the listing's own query.
    """
    restricted_at_or_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")),
    )
    return queryset.filter(~Exists(restricted_at_or_above))


def for_menu(queryset):
    """The pages of ``queryset`` for a menu: plain pages (one query), and those whose class links
    elsewhere (``nav_url``, e.g. link columns) in their specific form (one more query, only when there
    are any). A menu needs titles and URLs; ``.specific()`` costs a query per page type."""
    pages = list(queryset)
    linking = [p.pk for p in pages if p.specific_class is not None and hasattr(p.specific_class, "nav_url")]
    if linking:
        specific = {p.pk: p for p in Page.objects.filter(pk__in=linking).specific()}
        pages = [specific.get(p.pk, p) for p in pages]
    return pages
