"""Readable ASCII slugs from Chinese titles.

Why pinyin and not Unicode slugs: a Unicode slug is percent-encoded in every
address bar, WeChat share and SMS (/xw/%E5%85%A8%E5%B8%82...), which readers
cannot read or retype, and some government gateways still reject non-ASCII
paths. Pinyin (全市 -> quan-shi) stays readable and ASCII. The slug is made once,
when a page is first saved without one, and is not regenerated when the title
changes, so published addresses stay stable.
"""
import re

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

MAX_LENGTH = 80


def pinyin_slug(title, max_length=MAX_LENGTH):
    words = lazy_pinyin(title or "", style=Style.NORMAL, errors=lambda chars: chars)
    slug = slugify(" ".join(words), allow_unicode=False)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def unique_child_slug(base, parent, instance=None):
    """``base``, or ``base-2``, ``base-3`` ... so no sibling below ``parent`` has it."""
    from wagtail.models import Page

    if parent is None:
        return base
    siblings = Page.objects.child_of(parent)
    if instance is not None and instance.pk:
        siblings = siblings.exclude(pk=instance.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def slug_for(title, parent, instance=None):
    base = pinyin_slug(title) or "page"
    return unique_child_slug(base, parent, instance)
