"""Chinese word segmentation shared by indexing and querying.

rjieba (a Rust port of jieba) is used for speed; the same functions run at
index time and query time so both sides always agree on token boundaries.
Index text uses search-mode segmentation (``cut_for_search``), which emits a
long word *and* its shorter dictionary words (管理局 -> 管理, 管理局), so a
query word found by precise segmentation (``cut``) is always an index token.

jieba's dictionary is Simplified Chinese: on 繁體 text it finds few words
(倉儲 comes out as 倉 + 儲檢查), so a 繁體 query missed 繁體 pages. Text is
therefore segmented on its OpenCC t2s form and the tokens are cut from the
original characters at the same offsets (t2s maps one character to one
character; in the rare case the length changes, the original is segmented
as is).
"""
import functools
import re

import opencc
import rjieba
from pypinyin import Style, lazy_pinyin

from .vocabulary import HAN_RUN_RE

WORD_RE = re.compile(r"\w+", re.UNICODE)
HAN_RE = re.compile(r"[\u3400-\u9fff]")
ASCII_WORD_RE = re.compile(r"[a-z]+")

# Query-side stop words: function words that would only make AND queries
# stricter without adding meaning. Kept when the query has nothing else.
STOP_WORDS = frozenset(
    "的 了 和 与 及 或 在 是 对 把 被 为 之 其 等 于 以 将 并 个 the a an of and or to in for on is are".split()
)

@functools.lru_cache(maxsize=1)
def _to_simplified():
    return opencc.OpenCC("t2s.json").convert


def _cut(text, mode):
    """jieba's words of ``text`` in its own characters; mode "default" (precise) or "search"."""
    ensure_vocabulary()
    simplified = _to_simplified()(text) if HAN_RE.search(text) else text
    if simplified == text or len(simplified) != len(text):
        return rjieba.cut_for_search(text) if mode == "search" else rjieba.cut(text)
    return [text[start:end] for _word, start, end in rjieba.tokenize(simplified, mode=mode)]


def _clean(tokens):
    out = []
    for token in tokens:
        for piece in WORD_RE.findall(token.lower()):
            out.append(piece)
    return out


def index_tokens(text):
    """Tokens to store in the full-text index for ``text``."""
    if not text:
        return []
    return _clean(_cut(text, "search"))


# Character bigrams of Han runs, indexed after the words (see ``index_text``).
# Longer texts keep the bigrams of their first characters only: PostgreSQL's
# tsvector has a size limit, and what a search must not miss is in the title,
# the metadata and the beginning of the body.
MAX_GRAM_CHARS = 60_000


def bigrams(text):
    """Overlapping character bigrams of each Han run: 应急救援 -> 应急 急救 救援.

    A one-character run gives no bigram: a single character is matched as a
    jieba word or not at all (it would match almost every document).
    """
    out = []
    for run in HAN_RUN_RE.findall(text or ""):
        out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


def word_text(text):
    """jieba's words only (the admin's page search)."""
    return " ".join(index_tokens(text))


def index_text(text):
    """What the full-text index stores for ``text``: jieba words, then character bigrams.

    Words give precise, well-weighted matches; the bigrams make every
    sub-word and every part of a compound findable whatever jieba decided
    (救援 inside 应急救援, 考核 and 办法 where the query has 考核办法), the
    way Elasticsearch's ``cjk_bigram`` does. The bigrams come after all the
    words, so a query word matched as a bigram *phrase* (考核 核办 办法 at
    consecutive positions) means the exact character string.
    """
    if not text:
        return ""
    words = " ".join(index_tokens(text))
    grams = " ".join(bigrams(text[:MAX_GRAM_CHARS].lower()))
    return f"{words} {grams}" if grams else words


def query_gram_phrase(word):
    """The bigram phrase that matches ``word`` as an exact character string, or [] when the word itself does.

    Only pure Han words of three characters or more need one: a two-character
    word is its own bigram, and the word token already matches it.
    """
    if len(word) >= 3 and HAN_RUN_RE.fullmatch(word):
        return bigrams(word)
    return []


def query_parts(word):
    """The parts of a compound query word, to find documents that hold it only in pieces.

    考核办法 -> [考核, 办法]: jieba's search-mode sub-words, when they cover the
    whole word from left to right. [] for words without such parts (人社局:
    its bigram phrase already finds the exact string).
    """
    if len(word) < 3 or not HAN_RUN_RE.fullmatch(word):
        return []
    subs = {w for w in _clean(_cut(word, "search")) if w != word and len(w) >= 2}
    parts, i = [], 0
    while i < len(word):
        best = max((w for w in subs if word.startswith(w, i)), key=len, default=None)
        if best is None:
            return []
        parts.append(best)
        i += len(best)
    return parts if len(parts) > 1 else []


def is_dictionary_word(word):
    """True when jieba's dictionary (with the shipped vocabulary) holds ``word``."""
    ensure_vocabulary()
    return bool(rjieba.has_word(word))


def ensure_vocabulary():
    """Add the shipped government vocabulary to jieba's dictionary once per process."""
    global _vocabulary_loaded
    if _vocabulary_loaded:
        return
    _vocabulary_loaded = True
    from . import vocabulary

    for word in vocabulary.dictionary_words():
        rjieba.add_word(word, None, None)


_vocabulary_loaded = False


def query_words(text):
    """Words of a query in precise mode, without punctuation or stop words."""
    words = _clean(_cut(text or "", "default"))
    meaningful = [w for w in words if w not in STOP_WORDS]
    return meaningful or words


def title_words(text):
    """Vocabulary words of a title, two characters or more, with the sub-words of compounds
    (应急预案 gives 应急 and 预案 too, for pinyin and typo help)."""
    return list(dict.fromkeys(w for w in _clean(_cut(text or "", "search")) if len(w) >= 2 and w not in STOP_WORDS))


def to_pinyin(text):
    """Toneless pinyin without separators: 应急 -> yingji."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def looks_like_pinyin(text):
    compact = (text or "").replace(" ", "").lower()
    return bool(compact) and ASCII_WORD_RE.fullmatch(compact) is not None and len(compact) >= 2
