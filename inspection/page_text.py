"""The text a reader sees on a page: title, text fields, rich text and StreamField content (tags stripped)."""
import html
import re

from django.db import models
from wagtail.fields import RichTextField, StreamField

_TAG_RE = re.compile(r"<[^>]+>")
_SKIP_FIELDS = {"slug", "url_path", "path", "search_description", "seo_title", "draft_title", "live_revision",
                "locale", "translation_key", "content_type", "key", "importance", "link_url", "reprint_source_url"}
MAX_CHARS = 500_000


def strip_tags(value):
    return html.unescape(_TAG_RE.sub(" ", value))


def _stream_strings(value, out):
    if isinstance(value, str):
        out.append(strip_tags(value) if "<" in value else value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("type", "id", "url", "link", "page", "image", "document"):
                if key != "type" and isinstance(item, (dict, list)):
                    _stream_strings(item, out)
                continue
            _stream_strings(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _stream_strings(item, out)


def text_fields(model):
    return [
        f for f in model._meta.get_fields()
        if isinstance(f, (models.CharField, models.TextField, RichTextField, StreamField))
        and f.name not in _SKIP_FIELDS and not f.choices
    ]


def page_text(page):
    """All reader-visible text of a (specific) page, joined by newlines."""
    parts = []
    for f in text_fields(type(page)):
        value = getattr(page, f.name, None)
        if not value:
            continue
        if isinstance(f, StreamField):
            _stream_strings(list(value.raw_data), parts)
        elif isinstance(f, RichTextField):
            parts.append(strip_tags(str(value)))
        else:
            parts.append(str(value))
    text = "\n".join(p for p in parts if p)
    return text[:MAX_CHARS]
