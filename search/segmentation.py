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


def index_text(text):
    return " ".join(index_tokens(text))


def query_words(text):
    """Words of a query in precise mode, without punctuation or stop words."""
    words = _clean(_cut(text or "", "default"))
    meaningful = [w for w in words if w not in STOP_WORDS]
    return meaningful or words


def title_words(text):
    """Vocabulary words of a title: two characters or more."""
    return [w for w in _clean(_cut(text or "", "default")) if len(w) >= 2 and w not in STOP_WORDS]


def to_pinyin(text):
    """Toneless pinyin without separators: 应急 -> yingji."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def looks_like_pinyin(text):
    compact = (text or "").replace(" ", "").lower()
    return bool(compact) and ASCII_WORD_RE.fullmatch(compact) is not None and len(compact) >= 2
