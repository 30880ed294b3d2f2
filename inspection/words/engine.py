"""The 错敏词 engine: one Aho-Corasick automaton over the shipped lists and the admin's additions.

The automaton is built once per process and rebuilt when the admin's
entries or allow-list change: the count and the newest ``updated_at`` of
each table are the cache key, read from the database on each check, so an
entry added, edited or deleted in the admin (in any process) is used by the
next check. Checking a page costs one pass over its text whatever the size
of the lists.
"""
import datetime
import threading
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from .personal_data import find_personal_data

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORY_FILES = {
    "political": "political.tsv",
    "agencies": "agencies.tsv",
    "xinhua": "xinhua.tsv",
    "typos": "typos.tsv",
    "officials": "officials.tsv",
}
BLOCK, WARN = "block", "warn"


@dataclass(frozen=True)
class Entry:
    term: str
    severity: str
    suggestion: str = ""
    note: str = ""
    category: str = "custom"
    wrong_from: datetime.date | None = None


@dataclass(frozen=True)
class Hit:
    term: str
    severity: str
    category: str
    suggestion: str
    note: str
    start: int
    context: str

    @property
    def key(self):
        return f"{self.category}:{self.term}"


def load_file(path, category):
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = (line.split("\t") + [""] * 5)[:5]
        term, severity, suggestion, note, wrong_from = (p.strip() for p in parts)
        if not term or severity not in (BLOCK, WARN):
            continue
        day = datetime.date.fromisoformat(wrong_from) if wrong_from else None
        entries.append(Entry(term, severity, suggestion, note, category, day))
    return entries


def shipped_entries():
    entries = []
    for category, name in CATEGORY_FILES.items():
        entries.extend(load_file(DATA_DIR / name, category))
    return entries


def shipped_allowed():
    lines = (DATA_DIR / "allowed.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class Matcher:
    def __init__(self, entries, allowed=()):
        self.entries = {}
        for entry in entries:  # later entries (the admin's) replace shipped ones with the same term
            self.entries[entry.term] = entry
        self.automaton = ahocorasick.Automaton()
        for term, entry in self.entries.items():
            self.automaton.add_word(term, ("term", entry))
        for phrase in allowed:
            existing = self.automaton.get(phrase, None)
            if existing is None:
                self.automaton.add_word(phrase, ("allow", phrase))
        self.allowed = set(allowed)
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text, on_date=None):
        """Hits in ``text``; an entry with a ``wrong_from`` date is skipped for text dated before it."""
        if not text or not len(self.automaton):
            return []
        hits, allowed_spans = [], []
        for end, (kind, value) in self.automaton.iter(text):
            if kind == "allow":
                allowed_spans.append((end - len(value) + 1, end))
                continue
            start = end - len(value.term) + 1
            hits.append((start, end, value))
        result = []
        for start, end, entry in hits:
            if entry.term in self.allowed:
                continue
            if any(a <= start and end <= b for a, b in allowed_spans):
                continue
            if entry.wrong_from and on_date and on_date < entry.wrong_from:
                continue
            context = text[max(0, start - 12): end + 13]
            result.append(Hit(entry.term, entry.severity, entry.category, entry.suggestion, entry.note, start, context))
        return _longest_only(result)


def _longest_only(hits):
    """Where one hit lies inside a longer one (安监局 in 上海市安监局), keep the longer."""
    hits.sort(key=lambda h: (h.start, -len(h.term)))
    kept = []
    for hit in hits:
        end = hit.start + len(hit.term)
        if any(k.start <= hit.start and end <= k.start + len(k.term) for k in kept):
            continue
        kept.append(hit)
    return kept


_lock = threading.Lock()
_cached = {"key": None, "matcher": None}


def _db_state():
    from django.db.models import Count, Max

    from ..models import AllowedTerm, SensitiveWord

    words = SensitiveWord.objects.aggregate(n=Count("pk"), m=Max("updated_at"), x=Max("pk"))
    allowed = AllowedTerm.objects.aggregate(n=Count("pk"), m=Max("updated_at"), x=Max("pk"))
    return (words["n"], words["m"], words["x"], allowed["n"], allowed["m"], allowed["x"])


def invalidate():
    _cached["key"] = None


def matcher():
    """The current matcher (shipped lists + admin entries + allow-list)."""
    from ..models import AllowedTerm, SensitiveWord

    key = _db_state()
    if _cached["matcher"] is not None and _cached["key"] == key:
        return _cached["matcher"]
    with _lock:
        entries = shipped_entries() + [
            Entry(w.term, w.severity, w.suggestion, w.note, w.category, w.wrong_from) for w in SensitiveWord.objects.all()
        ]
        allowed = shipped_allowed() + list(AllowedTerm.objects.values_list("phrase", flat=True))
        _cached["matcher"], _cached["key"] = Matcher(entries, allowed), key
    return _cached["matcher"]


@dataclass
class CheckResult:
    hits: list
    personal: list

    @property
    def blocking(self):
        return [h for h in self.hits if h.severity == BLOCK]

    @property
    def warnings(self):
        return [h for h in self.hits if h.severity == WARN]


def check_text(text, on_date=None):
    return CheckResult(hits=matcher().find(text, on_date=on_date), personal=find_personal_data(text or ""))
