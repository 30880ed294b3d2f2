"""The link checker: links in page bodies, checked with bounded concurrency and timeouts.

A small requests-based checker rather than django-linkcheck: our links live
inside StreamField JSON and Wagtail rich text (``<a linktype="page" id=…>``),
which django-linkcheck does not parse, and its model stores results per
object/field rather than per URL with a failure streak, which the "report
after two failures" rule needs. Internal page and document links are
resolved against the database without HTTP; http(s) links are fetched
(HEAD, then GET when HEAD is refused), redirects followed up to a limit.
"""
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests
from django.utils import timezone

from .page_text import _stream_strings

HREF_RE = re.compile(r"""<a\b[^>]*?\bhref=["']([^"']+)["']""", re.I)
RICH_LINK_RE = re.compile(r"""<a\b[^>]*?\blinktype=["'](page|document)["'][^>]*?\bid=["'](\d+)["']""", re.I)
URL_RE = re.compile(r"^https?://[^\s<>\"']+$")
MAX_URL = 1000


@dataclass
class LinkCheck:
    url: str
    ok: bool
    status_code: int | None = None
    error: str = ""


def links_in_value(value):
    """(external urls, internal page ids, document ids) found in a StreamField/rich-text value."""
    strings = []
    _raw_strings(value, strings)
    urls, pages, documents = set(), set(), set()
    for text in strings:
        for kind, pk in RICH_LINK_RE.findall(text):
            (pages if kind.lower() == "page" else documents).add(int(pk))
        for href in HREF_RE.findall(text):
            if href.startswith(("http://", "https://")):
                urls.add(href[:MAX_URL])
        if URL_RE.match(text.strip()):
            urls.add(text.strip()[:MAX_URL])
    return urls, pages, documents


def _raw_strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _raw_strings(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _raw_strings(item, out)


def check_url(url, timeout=5.0, max_redirects=10, session=None):
    session = session or requests.Session()
    session.max_redirects = max_redirects
    try:
        response = session.head(url, timeout=timeout, allow_redirects=True)
        if response.status_code in (405, 501):
            response = session.get(url, timeout=timeout, allow_redirects=True, stream=True)
            response.close()
    except requests.TooManyRedirects:
        return LinkCheck(url, False, None, "redirect loop")
    except requests.Timeout:
        return LinkCheck(url, False, None, "timeout")
    except requests.RequestException as error:
        return LinkCheck(url, False, None, type(error).__name__[:200])
    return LinkCheck(url, response.status_code < 400, response.status_code, "")


def check_urls(urls, timeout=5.0, workers=8):
    """Check each URL once, at most ``workers`` at a time."""
    urls = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=max(1, min(workers, 32))) as pool:
        return list(pool.map(lambda u: check_url(u, timeout=timeout), urls))


def record(results, pages_by_url, today=None):
    """Store the results; a URL's failure streak grows on each failed check and resets on success."""
    from .models import LinkResult

    today = today or timezone.localdate()
    now = timezone.now()
    for result in results:
        link, _created = LinkResult.objects.get_or_create(url=result.url, defaults={"first_seen": today})
        link.last_checked, link.status_code, link.error, link.ok = now, result.status_code, result.error, result.ok
        if result.ok:
            link.consecutive_failures, link.first_failed = 0, None
        else:
            link.consecutive_failures += 1
            link.first_failed = link.first_failed or today
        link.save()
        link.pages.set(pages_by_url.get(result.url, ()))


def collect_links(external=True):
    """{url: {page ids}} over live pages, with internal page/document links resolved in the database."""
    from wagtail.documents import get_document_model
    from wagtail.fields import RichTextField, StreamField
    from wagtail.models import Page

    from .snapshot import home_page

    home = home_page()
    found = {}
    internal_pages, internal_docs = {}, {}
    if home is None:
        return found, []
    for page in Page.objects.live().descendant_of(home, inclusive=True).specific().iterator(chunk_size=500):
        for field in type(page)._meta.get_fields():
            if not isinstance(field, (StreamField, RichTextField)):
                continue
            value = getattr(page, field.name, None)
            if not value:
                continue
            raw = list(value.raw_data) if isinstance(field, StreamField) else str(value)
            urls, page_ids, doc_ids = links_in_value(raw)
            if external:
                for url in urls:
                    found.setdefault(url, set()).add(page.pk)
            for pk in page_ids:
                internal_pages.setdefault(pk, set()).add(page.pk)
            for pk in doc_ids:
                internal_docs.setdefault(pk, set()).add(page.pk)
        link_url = getattr(page, "link_url", "")  # 链接跳转 columns
        if external and link_url:
            found.setdefault(link_url[:MAX_URL], set()).add(page.pk)
    internal = []
    live = set(Page.objects.live().filter(pk__in=internal_pages).values_list("pk", flat=True))
    for pk, pages in internal_pages.items():
        url = f"page:{pk}"
        found[url] = pages
        internal.append(LinkCheck(url, pk in live, None if pk in live else 404, "" if pk in live else "page not live"))
    docs = set(get_document_model().objects.filter(pk__in=internal_docs).values_list("pk", flat=True))
    for pk, pages in internal_docs.items():
        url = f"document:{pk}"
        found[url] = pages
        internal.append(LinkCheck(url, pk in docs, None if pk in docs else 404, "" if pk in docs else "document missing"))
    return found, internal


def check_site_links(external=True, timeout=5.0, workers=8):
    pages_by_url, internal = collect_links(external=external)
    external_urls = [u for u in pages_by_url if u.startswith(("http://", "https://"))]
    results = internal + (check_urls(external_urls, timeout=timeout, workers=workers) if external else [])
    record(results, pages_by_url)
    return {"checked": len(results), "failed": sum(1 for r in results if not r.ok)}
