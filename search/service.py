"""The one search service the site uses, whatever backend is configured."""
import html
import logging
import re
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

from . import query_help, segmentation
from .backends import FACET_FIELDS, BackendQuery, Concept, get_backend
from .indexing import BatchContext, build_document, is_indexable, page_facets

logger = logging.getLogger("govsite")

MAX_QUERY_CHARS = 100
MAX_CONCEPTS = 12
PER_PAGE = 10
MAX_PAGE = 100
SNIPPET_CHARS = 160


# -- indexing ----------------------------------------------------------------
def index_pages(pages, backend=None):
    """Index the given (specific) pages; pages that may not be shown are removed."""
    backend = backend or get_backend()
    pages = list(pages)
    context = BatchContext(pages)
    docs, removed = [], []
    for page in pages:
        facets = page_facets(page)
        if is_indexable(page, facets, context):
            docs.append(build_document(page, facets, context))
        else:
            removed.append(page.pk)
    if docs:
        backend.index_documents(docs)
        query_help.record_vocabulary(docs)
    if removed:
        backend.delete_pages(removed)
    return len(docs), len(removed)


def index_page(page):
    try:
        return index_pages([page.specific])
    except Exception:  # indexing must never break publishing
        logger.exception("Search indexing failed for page %s", page.pk)
        return 0, 0


def remove_pages(page_ids, backend=None):
    try:
        (backend or get_backend()).delete_pages(list(page_ids))
    except Exception:
        logger.exception("Removing pages %s from the search index failed", page_ids)


# -- searching ---------------------------------------------------------------
@dataclass
class SearchRequest:
    q: str = ""
    locale: str = "zh-hans"
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    facets: bool = True


@dataclass
class SearchHit:
    page_id: int
    title: str
    title_html: str
    url: str
    snippet_html: str
    date: object
    section: str
    column: str
    content_type: str
    content_type_label: str
    validity: str
    validity_label: str
    issuer: str
    doc_type: str
    doc_number: str
    index_number: str
    service_items: list
    tags: list
    score: float

    def as_json(self):
        return {
            "id": self.page_id, "title": self.title, "title_html": str(self.title_html), "url": self.url,
            "snippet_html": str(self.snippet_html), "date": self.date.isoformat() if self.date else None,
            "section": self.section, "column": self.column, "content_type": self.content_type,
            "content_type_label": self.content_type_label, "validity": self.validity,
            "validity_label": self.validity_label, "issuer": self.issuer, "doc_type": self.doc_type,
            "doc_number": self.doc_number, "index_number": self.index_number,
            "service_items": [{"name": n, "url": u} for n, u in self.service_items], "tags": self.tags,
            "score": round(self.score, 4),
        }


@dataclass
class SearchResults:
    request: SearchRequest
    query: str = ""
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)
    facet_labels: dict = field(default_factory=dict)
    suggestion: str = ""
    pinyin_query: str = ""
    synonyms_used: list = field(default_factory=list)
    truncated: bool = False
    broadened: bool = False

    @property
    def page(self):
        return self.request.page

    @property
    def num_pages(self):
        return max(1, min(MAX_PAGE, -(-self.total // self.request.per_page)))


def normalise_query(q):
    q = re.sub(r"\s+", " ", (q or "").replace("\x00", "")).strip()
    truncated = len(q) > MAX_QUERY_CHARS
    return q[:MAX_QUERY_CHARS], truncated


# A 文号 (沪应急规〔2023〕3号, any bracket) or a 索引号 (SHYJ-2023-00012): precise queries.
_OPEN, _CLOSE = "〔［[（(【﹝{｛", "〕］]）)】﹞}｝"
DOC_NUMBER_RE = re.compile(
    rf"^[\u4e00-\u9fffA-Za-z]{{1,20}}\s*[{re.escape(_OPEN)}]\s*((?:19|20)\d\d)\s*[{re.escape(_CLOSE)}]\s*(第?\s*\d{{1,5}})\s*号$")
ORDER_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:令|公告|通告)\s*第\s*\d{1,5}\s*号$")
INDEX_NUMBER_RE = re.compile(r"^[A-Za-z0-9]{2,20}(?:-[A-Za-z0-9]{1,20}){1,4}$")


def exact_number(q):
    """The canonical 文号/索引号 a query is, or "" (brackets normalised to 〔〕 as the policy app stores them)."""
    text = q.replace(" ", "").replace("\u3000", "")
    match = DOC_NUMBER_RE.match(text)
    if match:
        prefix = text[:match.start(1)].rstrip(_OPEN + " ")
        return f"{prefix}〔{match[1]}〕{match[2].replace(' ', '')}号"
    if ORDER_NUMBER_RE.match(text):
        return text
    if INDEX_NUMBER_RE.match(text) and any(ch.isdigit() for ch in text) and "-" in text:
        return text.upper()
    return ""


def word_forms(word):
    """(token lists, bigram phrases) that find ``word``: its jieba words, its parts, its exact string."""
    alternatives = [segmentation.query_words(word) if len(word) > 1 else [word]]
    parts = segmentation.query_parts(word)
    if parts and parts not in alternatives:
        alternatives.append(parts)
    phrase = segmentation.query_gram_phrase(word)
    return [a for a in alternatives if a], [phrase] if phrase else []


def build_concepts(q, groups, pinyin_hanzi=None, script_variant=None):
    """One concept per query word; each may match itself or any synonym (ranked below the typed form).

    ``script_variant`` (the 繁體 conversion on the 繁體 site) adds the word's other script as an
    alternative, so a Simplified query finds the same documents as its 繁體 form.
    """
    concepts, used = [], []
    words = segmentation.query_words(q)
    # A synonym written as one query (危化品) is matched as a whole first.
    whole = query_help.synonyms_for(q.replace(" ", ""), groups)
    if whole:
        words = [q.replace(" ", "")]
    for word in words[:MAX_CONCEPTS]:
        alternatives, phrases = word_forms(word)
        if script_variant is not None:
            other = script_variant(word)
            if other != word:
                other_alts, other_phrases = word_forms(other)
                alternatives += [a for a in other_alts if a not in alternatives]
                phrases += [p for p in other_phrases if p not in phrases]
        typed, typed_phrases = len(alternatives), len(phrases)
        for syn in query_help.synonyms_for(word, groups):
            used.append(syn)
            syn_alts, syn_phrases = word_forms(syn)
            alternatives += [a for a in syn_alts if a not in alternatives]
            phrases += [p for p in syn_phrases if p not in phrases]
        if alternatives:
            concepts.append(Concept(alternatives=alternatives, typed=typed, phrases=phrases,
                                    typed_phrases=typed_phrases))
    if pinyin_hanzi:
        alt = [w for w in segmentation.query_words(pinyin_hanzi)]
        if alt:
            typed = [[w for c in concepts for a in c.alternatives[:1] for w in a]]
            concepts = [Concept(alternatives=typed + [alt], typed=1, phrases=[], typed_phrases=0)]
    return concepts, list(dict.fromkeys(used))


def search(req, backend=None):
    backend = backend or get_backend()
    q, truncated = normalise_query(req.q)
    req.page = max(1, min(int(req.page or 1), MAX_PAGE))
    result = SearchResults(request=req, query=q, truncated=truncated)
    if not q and not any(req.filters.values()):
        return result
    groups = query_help.synonym_groups()
    pinyin_hanzi = None
    if q and not req.locale.startswith("en") and segmentation.looks_like_pinyin(q):
        pinyin_hanzi = query_help.pinyin_to_hanzi(q, req.locale)
        result.pinyin_query = pinyin_hanzi or ""
    variant = None
    if req.locale.lower() in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
        from core import hant

        variant = hant.convert
    concepts, result.synonyms_used = build_concepts(q, groups, pinyin_hanzi, variant) if q else ([], [])
    if q and not concepts:
        return result
    number = exact_number(q) if q else ""
    bq = BackendQuery(
        concepts=concepts, locale=req.locale, filters=req.filters, sort=req.sort,
        offset=(req.page - 1) * req.per_page, limit=req.per_page, facets=req.facets,
        require_all=bool(number), exact=number,
    )
    raw = backend.query(bq)
    if raw.total == 0 and bq.require_all and len(concepts) > 1:
        # A 文号/索引号 that no document has whole: offer the closest, best first.
        bq.require_all = False
        broadened = backend.query(bq)
        if broadened.total:
            raw, result.broadened = broadened, True
    elif raw.total and len(concepts) > 1 and not bq.require_all:
        full = raw.full_matches
        if full is None:
            check = BackendQuery(concepts=concepts, locale=req.locale, filters=req.filters, limit=1,
                                 facets=False, require_all=True)
            full = backend.query(check).total > 0
        result.broadened = not full  # ranked results, but none has every word
    if q and (raw.total == 0 or result.broadened):
        # Little or nothing found: offer a correction as a link (never a silent rewrite).
        def known(word):  # a word the index holds is not a typo
            word_concepts = build_concepts(word, [])[0]
            return bool(word_concepts) and backend.query(BackendQuery(
                concepts=word_concepts, locale=req.locale, limit=1, facets=False, require_all=True)).total > 0

        fixed = query_help.correct_query(q, req.locale, groups, known)
        if fixed and fixed != q:
            check = BackendQuery(concepts=build_concepts(fixed, groups)[0], locale=req.locale, limit=1, facets=False,
                                 require_all=True)
            if backend.query(check).total:
                result.suggestion = fixed
    result.total = raw.total
    result.facets = raw.facets
    result.facet_labels = raw.facet_labels
    terms = _highlight_terms(q, concepts, pinyin_hanzi)
    result.hits = [_make_hit(h, terms) for h in raw.hits]
    return result


def _highlight_terms(q, concepts, pinyin_hanzi):
    terms = {w for c in concepts for a in c.alternatives for w in a}
    terms.update(w for c in concepts for a in c.alternatives if len(a) > 1 for w in ["".join(a)])
    if pinyin_hanzi:
        terms.add(pinyin_hanzi)
    return sorted((t for t in terms if t), key=len, reverse=True)


def highlight(text, terms):
    """Escape first, then wrap matches in <mark>: user text can never inject markup."""
    escaped = html.escape(text or "")
    if not terms:
        return mark_safe(escaped)
    pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))


def snippet(text, terms, length=SNIPPET_CHARS):
    text = text or ""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t.lower()) for t in terms) if p >= 0]
    start = max(0, min(positions) - length // 4) if positions else 0
    piece = text[start:start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)


def _make_hit(hit, terms):
    d = hit.doc
    return SearchHit(
        page_id=hit.page_id, title=d["title"], title_html=highlight(d["title"], terms), url=d["url"],
        snippet_html=snippet(d.get("body") or d.get("summary") or "", terms), date=d.get("date"),
        section=d.get("section", ""), column=d.get("column", ""), content_type=d.get("content_type", ""),
        content_type_label=d.get("content_type_label", ""), validity=d.get("validity", ""),
        validity_label=d.get("validity_label", ""), issuer=d.get("issuer", ""), doc_type=d.get("doc_type", ""),
        doc_number=d.get("doc_number", ""), index_number=d.get("index_number", ""),
        service_items=[tuple(x) for x in (d.get("service_items") or [])], tags=list(d.get("tags") or []),
        score=float(hit.score or 0.0),
    )


def record_zero_result(q, locale):
    from django.db.models import F

    from .models import ZeroResultQuery

    q = q[:200]
    if not q:
        return
    updated = ZeroResultQuery.objects.filter(query_string=q, locale=locale).update(hits=F("hits") + 1)
    if not updated:
        ZeroResultQuery.objects.get_or_create(query_string=q, locale=locale)


__all__ = ["FACET_FIELDS", "SearchRequest", "SearchResults", "search", "index_pages", "index_page", "remove_pages"]
