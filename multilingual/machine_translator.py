"""OpenCC as a wagtail-localize machine translator (Simplified -> Traditional).

OpenCC is the maintained, dictionary-based converter used by Wikipedia and
most Chinese platforms; it handles one-to-many characters (发 -> 發/髮). The
conversion lives in ``core.hant``: plain ``s2t`` characters plus the project
phrase dictionary for government terms and proper names (the ``s2twp`` Taiwan
vocabulary gave 釋出 for 发布 and 檔案 for 文件). Settings may choose another
OpenCC configuration; the phrase dictionary applies to every one:

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "multilingual.machine_translator.OpenCCTranslator",
        "OPTIONS": {"CONFIG": "s2t"},   # s2t (default), s2hk (Hong Kong); s2tw, s2twp (Taiwan)
    }
"""
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from core import hant

SUPPORTED_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")
DEFAULT_CONFIG = "s2t"
TOOL_NAME_PREFIX = "OpenCC"
PHRASES_TAG = "phrases"  # the project phrase dictionary (core/data/zh_hant_phrases.tsv)


def convert(text, config=DEFAULT_CONFIG):
    """Convert Simplified Chinese text (plain or wagtail-localize HTML) to Traditional.

    Only CJK characters change, so tags, attributes and entities survive as they are.
    """
    return hant.convert(text, config)


_SEPARATOR = "\x1f"  # ASCII unit separator: never in page text, never changed by OpenCC


def convert_many(texts, config=DEFAULT_CONFIG):
    """``convert`` for many texts in one OpenCC call (the per-call overhead dominates for short segments)."""
    texts = list(texts)
    if not texts:
        return []
    if any(_SEPARATOR in t for t in texts):
        return [convert(t, config) for t in texts]
    converted = hant.convert(_SEPARATOR.join(texts), config).split(_SEPARATOR)
    if len(converted) != len(texts):  # cannot happen with OpenCC's dictionaries; stay safe anyway
        return [convert(t, config) for t in texts]
    return converted


def _base_language(code):
    return code.lower().split("-")[0]


class OpenCCTranslator(BaseMachineTranslator):
    def __init__(self, options):
        super().__init__(options or {})
        self.config = self.options.get("CONFIG", DEFAULT_CONFIG)
        if self.config not in SUPPORTED_CONFIGS:
            raise ValueError(f"Unsupported OpenCC configuration {self.config!r}; use one of {SUPPORTED_CONFIGS}.")

    @property
    def display_name(self):
        # Stored as StringTranslation.tool_name: this is how conversions are told
        # apart from editors' overrides.
        return f"{TOOL_NAME_PREFIX} ({self.config}+{PHRASES_TAG})"

    def can_translate(self, source_locale, target_locale):
        source = source_locale.language_code.lower()
        target = target_locale.language_code.lower()
        return _base_language(source) == "zh" and source in ("zh-hans", "zh-cn", "zh") and target in (
            "zh-hant", "zh-tw", "zh-hk", "zh-mo",
        )

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        return {string: StringValue(text)
                for string, text in zip(strings, convert_many([s.data for s in strings], self.config))}


def is_conversion(string_translation):
    """True when a StringTranslation was written by this converter (not by a person)."""
    return (
        string_translation.translation_type == string_translation.TRANSLATION_TYPE_MACHINE
        and string_translation.tool_name.startswith(TOOL_NAME_PREFIX)
    )
