"""The shipped government vocabulary (``data/gov_vocabulary.tsv``).

Each line is a group of equivalent terms: an official full name and its
abbreviations, short names and old names (人社局 = 上海市人力资源和社会保障局;
安监局, the old name of 应急管理局), regulation and plan short titles, and the
field's synonyms, with its source or reasoning. The groups become rows of
the admin's 搜索同义词 table on every install (migration 0008; re-run with
``manage.py load_search_vocabulary`` after editing the file). A loaded row
remembers its group (``Synonym.shipped_key``), so a reload never overwrites
or re-enables what an editor changed in the admin. Its short terms are also jieba
dictionary words, so a query 人社局 stays one word instead of 人 + 社局.
"""
import functools
import re
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "gov_vocabulary.tsv"
# Only short terms become jieba words: abbreviations (人社局, 减灾委, 三同时)
# are what jieba splits wrongly; adding long names would turn whole titles
# into one word and take their parts out of the title vocabulary.
MAX_DICTIONARY_WORD = 4


@functools.lru_cache(maxsize=4)
def entries(path=DATA_FILE):
    """[(terms, kind, source)] in file order; ``terms[0]`` is the full form."""
    out = []
    header_seen = False
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ValueError(f"{path}:{number}: expected 3 tab-separated cells, found {len(cells)}")
        terms = [t.strip() for t in cells[0].split("|") if t.strip()]
        if len(terms) < 2 or not cells[2].strip():
            raise ValueError(f"{path}:{number}: a group needs two terms or more and a source")
        out.append((tuple(dict.fromkeys(terms)), cells[1].strip(), cells[2].strip()))
    return tuple(out)


# A run of Han characters; search.segmentation uses this one definition.
HAN_RUN_RE = re.compile(r"[\u3400-\u9fff]+")


def dictionary_words(path=DATA_FILE):
    """Terms to add to jieba's dictionary: Chinese words of 2 to 4 characters."""
    words = []
    for terms, _kind, _source in entries(path):
        words.extend(t for t in terms if 2 <= len(t) <= MAX_DICTIONARY_WORD and HAN_RUN_RE.fullmatch(t))
    return list(dict.fromkeys(words))


def shipped_key(terms):
    return terms[0][:64]


def load(synonym_model, path=DATA_FILE):
    """Create the missing groups as rows of ``synonym_model``; returns the number created.

    A row whose ``shipped_key`` exists is left alone (edited or disabled in
    the admin); a row with the very same terms but no key (e.g. typed in by
    hand before) is adopted.
    """
    known = set(synonym_model.objects.exclude(shipped_key="").values_list("shipped_key", flat=True))
    created = 0
    for terms, _kind, _source in entries(path):
        key = shipped_key(terms)
        if key in known:
            continue
        text = ", ".join(terms)[:500]
        adopted = synonym_model.objects.filter(terms=text, shipped_key="").update(shipped_key=key)
        if not adopted:
            synonym_model.objects.create(terms=text, shipped_key=key, enabled=True)
            created += 1
        known.add(key)
    return created
