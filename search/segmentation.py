"""Chinese word segmentation shared by indexing and querying.

rjieba (a Rust port of jieba) is used for speed; the same functions run at
index time and query time so both sides always agree on token boundaries.
Index text uses search-mode segmentation (``cut_for_search``), which emits a
long word *and* its shorter dictionary words (管理局 -> 管理, 管理局), so a
query word found by precise segmentation (``cut``) is always an index token.
"""
import re
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
    return _clean(rjieba.cut_for_search(text))


def index_text(text):
    return " ".join(index_tokens(text))


def query_words(text):
    """Words of a query in precise mode, without punctuation or stop words."""
    words = _clean(rjieba.cut(text or ""))
    meaningful = [w for w in words if w not in STOP_WORDS]
    return meaningful or words


def title_words(text):
    """Vocabulary words of a title: two characters or more."""
    return [w for w in _clean(rjieba.cut(text or "")) if len(w) >= 2 and w not in STOP_WORDS]


def to_pinyin(text):
    """Toneless pinyin without separators: 应急 -> yingji."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def looks_like_pinyin(text):
    compact = (text or "").replace(" ", "").lower()
    return bool(compact) and ASCII_WORD_RE.fullmatch(compact) is not None and len(compact) >= 2
