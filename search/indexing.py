"""Turning a page into a search document, and deciding whether it may be indexed."""
import html
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from core.models import BasePage

from . import segmentation
from .attachments import document_text, referenced_documents

TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")
MAX_BODY_CHARS = 300_000


def page_facets(page):
    """Policy metadata (search_facets contract), or {} for other page types."""
    method = getattr(page, "search_facets", None)
    if method is None:
        return {}
    try:
        return dict(method() or {})
    except Exception:
        import logging

        logging.getLogger("govsite").warning("search_facets failed for page %s", page.pk, exc_info=True)
        return {}


def indexable_models():
    from wagtail.models import get_page_models

    return [m for m in get_page_models() if issubclass(m, BasePage) and not m._meta.abstract]


class BatchContext:
    """Per-batch lookups, so indexing N pages costs a few queries, not a few per page."""

    def __init__(self, pages):
        self.restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        steplen = Page.steplen
        paths = {p.path[:i] for p in pages for i in range(3 * steplen, len(p.path), steplen)}
        self.titles = dict(Page.objects.filter(path__in=paths).values_list("path", "title")) if paths else {}

    def is_restricted(self, page):
        return any(page.path.startswith(r) for r in self.restricted)

    def section_and_column(self, page):
        steplen = Page.steplen
        ancestors = [self.titles.get(page.path[:i], "") for i in range(3 * steplen, len(page.path), steplen)]
        return (ancestors[0], ancestors[-1]) if ancestors else ("", "")


def is_indexable(page, facets=None, context=None):
    """Only live, public, 主动公开, non-restricted content pages are searchable."""
    if not isinstance(page, BasePage) or not page.live or page.expired:
        return False
    if facets is None:
        facets = page_facets(page)
    if facets.get("is_public") is False:
        return False
    context = context or BatchContext([page])
    return not context.is_restricted(page)


def plain_text(value):
    if value is None:
        return ""
    if hasattr(value, "raw_data") or hasattr(value, "stream_data"):
        parts = []
        for block in value:
            parts.append(_block_text(block.value))
        text = " ".join(parts)
    else:
        text = str(value)
    return SPACE_RE.sub(" ", html.unescape(TAG_RE.sub(" ", text))).strip()


def _block_text(value):
    from wagtail.rich_text import RichText

    if isinstance(value, RichText):
        return value.source
    if isinstance(value, str):
        return value
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(_block_text(v) for k, v in value.items() if k not in ("image", "document"))
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return " ".join(_block_text(v) for v in value)
    return ""


def build_document(page, facets=None, context=None):
    """The backend-neutral document dict for a specific page."""
    if facets is None:
        facets = page_facets(page)
    locale = page.locale.language_code if page.locale_id else ""
    section, column = (context or BatchContext([page])).section_and_column(page)
    summary = plain_text(getattr(page, "summary", "") or getattr(page, "search_description", ""))
    body = plain_text(getattr(page, "body", ""))
    attachment_texts = [document_text(d) for d in referenced_documents(page, facets.get("attachments") or ())]
    attachments = " ".join(t for t in attachment_texts if t)
    full_body = " ".join(p for p in (summary, body, attachments) if p)[:MAX_BODY_CHARS]
    tags = [str(t) for t in (facets.get("tags") or [])]
    topics = [str(t) for t in (facets.get("topics") or [])]
    date = facets.get("written_date") or page.first_published_at
    if date is not None and not hasattr(date, "hour"):
        date = timezone.make_aware(timezone.datetime(date.year, date.month, date.day))
    meta_text = " ".join(
        str(facets.get(k) or "") for k in ("doc_number", "index_number", "issuer", "doc_type")
    ) + " " + " ".join(tags + topics) + " " + (page.info_source or "")
    services = [[str(n), str(u)] for n, u in (facets.get("service_items") or [])]
    return {
        "page_id": page.pk,
        "locale": locale,
        "content_type": page._meta.label_lower,
        "content_type_label": str(page._meta.verbose_name),
        "title": page.title[:500],
        "url": page.get_url() or "",
        "summary": summary[:2000],
        "body": full_body,
        "title_tokens": segmentation.index_text(page.title),
        "meta_tokens": segmentation.index_text(meta_text),
        "body_tokens": segmentation.index_text(full_body),
        "ts_config": "english" if locale.startswith("en") else "simple",
        "section": section[:255],
        "column": column[:255],
        "date": date,
        "year": date.year if date else None,
        "validity": str(facets.get("validity") or "")[:32],
        "validity_label": str(facets.get("validity_label") or "")[:64],
        "issuer": str(facets.get("issuer") or "")[:255],
        "doc_type": str(facets.get("doc_type") or "")[:64],
        "doc_number": str(facets.get("doc_number") or "")[:255],
        "index_number": str(facets.get("index_number") or "")[:255],
        "service_items": services,
        "tags": tags,
    }


def specific_pages(page_ids):
    return Page.objects.filter(pk__in=page_ids).specific().select_related("locale")


FACET_LABELS = {
    "section": _("Section"),
    "column": _("Column"),
    "tag": _("Tag"),
    "validity": _("Validity"),
    "issuer": _("Issuing authority"),
    "year": _("Year"),
    "doc_type": _("Document type"),
    "content_type": _("Content type"),
}
