"""Inspector-grade query help: synonyms, pinyin and typo correction."""
from django.core.cache import cache

from . import segmentation
from .models import SearchTerm, Synonym

VOCAB_CACHE_KEY = "sitesearch:vocab:v2"
SYNONYM_CACHE_KEY = "sitesearch:synonyms:v1"
CACHE_SECONDS = 300


class SynonymGroups(list):
    """The enabled synonym groups, with an index from each lower-cased term to its groups."""

    def __init__(self, groups):
        super().__init__(groups)
        self.index = {}
        for group in self:
            for term in group:
                self.index.setdefault(term.lower(), []).append(group)


def synonym_groups():
    groups = cache.get(SYNONYM_CACHE_KEY)
    if groups is None:
        groups = SynonymGroups(s.term_list for s in Synonym.objects.filter(enabled=True))
        cache.set(SYNONYM_CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def invalidate_synonyms():
    cache.delete(SYNONYM_CACHE_KEY)


def synonyms_for(word, groups):
    word = word.lower()
    index = groups.index if isinstance(groups, SynonymGroups) else None
    candidates = index.get(word, []) if index is not None else [g for g in groups if word in {t.lower() for t in g}]
    out = []
    for group in candidates:
        out.extend(t for t in group if t.lower() != word and t not in out)
    return out


def record_vocabulary(docs):
    """Add the title words of indexed documents to their language's vocabulary
    (used for pinyin and typo help)."""
    by_language = {}
    for doc in docs:
        counts = by_language.setdefault(doc["locale"], {})
        for word in set(segmentation.title_words(doc["title"])):
            if len(word) <= 64:
                counts[word] = counts.get(word, 0) + 1
    for language, counts in by_language.items():
        _record(language, counts)


def _record(language, counts):
    if not counts:
        return
    existing = list(SearchTerm.objects.filter(language=language, term__in=list(counts)))
    known = {t.term for t in existing}
    SearchTerm.objects.bulk_create(
        [SearchTerm(language=language, term=w, pinyin=segmentation.to_pinyin(w)[:255], frequency=n)
         for w, n in counts.items() if w not in known],
        ignore_conflicts=True, batch_size=500,
    )
    for term in existing:
        term.frequency += counts[term.term]
    SearchTerm.objects.bulk_update(existing, ["frequency"], batch_size=500)
    cache.delete(_cache_key(language))


def _cache_key(language):
    return f"{VOCAB_CACHE_KEY}:{language}"


def _vocabulary(language):
    vocab = cache.get(_cache_key(language))
    if vocab is None:
        vocab = {}
        rows = SearchTerm.objects.filter(language=language).values_list("term", "pinyin", "frequency")
        for term, pinyin, freq in rows.iterator():
            vocab[term] = (pinyin, freq)
        cache.set(_cache_key(language), vocab, CACHE_SECONDS)
    return vocab


def pinyin_to_hanzi(text, language):
    """'yingji' -> '应急' (the most frequent indexed word with that pinyin); None if unknown.

    Several words may be typed together ('yingji guanli' or 'yingjiguanli'):
    each space-separated part is looked up whole, then split greedily into
    the longest known pinyin words.
    """
    if not segmentation.looks_like_pinyin(text):
        return None
    by_pinyin = {}
    for term, (pinyin, freq) in _vocabulary(language).items():
        if pinyin and segmentation.HAN_RE.search(term):
            best = by_pinyin.get(pinyin)
            if best is None or freq > best[1]:
                by_pinyin[pinyin] = (term, freq)
    parts = text.lower().split()
    converted = _pinyin_parts(parts, by_pinyin)
    if converted is None and len(parts) > 1:
        # A space inside one word: 'xiaofang anquan' for 消防安全, which the
        # vocabulary knows only whole.
        converted = _pinyin_parts(["".join(parts)], by_pinyin)
    return converted


def _pinyin_parts(parts, by_pinyin):
    out = []
    for part in parts:
        if part in by_pinyin:
            out.append(by_pinyin[part][0])
            continue
        i, words = 0, []
        while i < len(part):
            for j in range(len(part), i, -1):
                if part[i:j] in by_pinyin:
                    words.append(by_pinyin[part[i:j]][0])
                    i = j
                    break
            else:
                return None
        out.append("".join(words))
    return " ".join(out) if out else None


def edit_distance(a, b, limit):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def correct_word(word, language):
    """The most frequent vocabulary word within edit distance 1 (2 for long words)."""
    vocab = _vocabulary(language)
    if word in vocab or len(word) < 2:
        return None
    limit = 1 if len(word) <= 4 else 2
    chars = set(word)
    best = None
    for term, (_pinyin, freq) in vocab.items():
        if abs(len(term) - len(word)) > limit or not (chars & set(term)):
            continue
        d = edit_distance(word, term, limit)
        if d <= limit:
            key = (d, -freq)
            if best is None or key < best[0]:
                best = (key, term)
    return best[1] if best else None


def vocabulary_terms(groups):
    """Every term of the synonym table (shipped vocabulary and admin entries), lower-cased."""
    if isinstance(groups, SynonymGroups):
        return groups.index.keys()
    return {t.lower() for group in groups for t in group}


def is_valid_word(word, groups=(), known=None):
    """A word that must never be "corrected": in the vocabulary, in jieba's dictionary, or found in the index."""
    if word.lower() in vocabulary_terms(groups):
        return True
    if len(word) >= 2 and segmentation.HAN_RE.search(word) and segmentation.is_dictionary_word(word):
        return True
    return bool(known and known(word))


def correct_query(query, language, groups=(), known=None):
    """A corrected query string, or None when there is nothing to correct.

    Whole-query correction first (应急管里局 -> 应急管理局 when the phrase is a
    known word), then word by word. A word of the vocabulary, of jieba's
    dictionary or of the index (``known(word)``) is never replaced, and the
    user's own spacing is kept: only the corrected words change.
    """
    compact = query.replace(" ", "")
    if compact == query and segmentation.HAN_RE.search(compact) and not is_valid_word(compact, groups, known):
        whole = correct_word(compact, language)
        if whole:
            return whole
    out, pos, changed = [], 0, False
    lowered = query.lower()
    for word in segmentation.query_words(query):
        at = lowered.find(word, pos)
        if at < 0:
            continue
        fixed = None if is_valid_word(word, groups, known) else correct_word(word, language)
        out.append(query[pos:at])
        out.append(fixed or query[at:at + len(word)])
        changed = changed or bool(fixed)
        pos = at + len(word)
    if not changed:
        return None
    out.append(query[pos:])
    return "".join(out)
