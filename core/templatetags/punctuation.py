"""Punctuation that follows the reader's language: a label's colon is "：" in Chinese and ": " in English."""
from django import template
from django.utils import translation

register = template.Library()


@register.simple_tag
def colon():
    return ": " if (translation.get_language() or "").startswith("en") else "："
