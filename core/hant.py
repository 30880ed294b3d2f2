"""Simplified → Traditional Chinese for the 繁體 site: OpenCC ``s2t`` plus the project phrase dictionary.

Rule (stated in the README): characters are converted one to one by OpenCC's
plain ``s2t`` configuration, never by a regional vocabulary (``s2twp`` turns 发布
into 釋出, 文件 into 檔案, 信息 into 資訊, 社区 into 社群, 运行 into 執行: software
phrasing, wrong on a government site and inside the names of laws). Government
terms and proper names that need a fixed form are listed in
``core/data/zh_hant_phrases.tsv`` (or ``settings.ZH_HANT_PHRASES_FILE``) and
replaced before OpenCC sees the text; the longest entry wins.

Everything Traditional uses this one function: page conversion (multilingual),
the interface catalogues (``sync_translations``), site settings, department
names and tags shown on 繁體 pages, and 繁體 search queries.
"""
import functools
import re
from pathlib import Path

import opencc
from django.conf import settings

OPENCC_CONFIG = "s2t"
DEFAULT_PHRASES = Path(__file__).resolve().parent / "data" / "zh_hant_phrases.tsv"


class PhraseFileError(ValueError):
    pass


def phrases_file():
    return Path(getattr(settings, "ZH_HANT_PHRASES_FILE", DEFAULT_PHRASES))


@functools.lru_cache(maxsize=4)
def _phrases(path):
    table = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise PhraseFileError(f"{path}:{number}: expected Simplified<TAB>Traditional")
        simplified, traditional = parts
        if len(simplified) != len(traditional):
            raise PhraseFileError(f"{path}:{number}: {simplified} and {traditional} differ in length")
        table[simplified] = traditional
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))) if table else None
    return table, pattern


@functools.lru_cache(maxsize=None)
def _opencc(config):
    return opencc.OpenCC(f"{config}.json")


def phrase_table():
    return dict(_phrases(str(phrases_file()))[0])


def convert(text, config=OPENCC_CONFIG):
    """Traditional form of ``text`` (plain text or HTML: only CJK characters change)."""
    if not text:
        return text
    table, pattern = _phrases(str(phrases_file()))
    converter = _opencc(config)
    if pattern is None:
        return converter.convert(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            out.append(converter.convert(text[last:match.start()]))
        out.append(table[match.group(0)])
        last = match.end()
    if last < len(text):
        out.append(converter.convert(text[last:]))
    return "".join(out)
