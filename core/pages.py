"""Queryset helpers for public pages."""
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


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
