"""OpenCC as a wagtail-localize machine translator (Simplified -> Traditional).

OpenCC is the maintained, dictionary-based converter used by Wikipedia and
most Chinese platforms; it handles one-to-many characters (发 -> 發/髮) and,
with the ``s2twp`` / ``s2hk`` configurations, regional phrasing (软件 -> 軟體).
The configuration is chosen in settings:

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "multilingual.machine_translator.OpenCCTranslator",
        "OPTIONS": {"CONFIG": "s2twp"},   # s2t, s2tw, s2twp (Taiwan), s2hk (Hong Kong)
    }
"""
from functools import lru_cache

import opencc
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

SUPPORTED_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")
DEFAULT_CONFIG = "s2twp"
TOOL_NAME_PREFIX = "OpenCC"


@lru_cache(maxsize=None)
def converter(config):
    return opencc.OpenCC(f"{config}.json")


def convert(text, config=DEFAULT_CONFIG):
    """Convert Simplified Chinese text (plain or wagtail-localize HTML) to Traditional.

    Only CJK characters change, so tags, attributes and entities survive as they are.
    """
    return converter(config).convert(text) if text else text


_SEPARATOR = "\x1f"  # ASCII unit separator: never in page text, never changed by OpenCC


def convert_many(texts, config=DEFAULT_CONFIG):
    """``convert`` for many texts in one OpenCC call (the per-call overhead dominates for short segments)."""
    texts = list(texts)
    if not texts:
        return []
    if any(_SEPARATOR in t for t in texts):
        return [convert(t, config) for t in texts]
    converted = converter(config).convert(_SEPARATOR.join(texts)).split(_SEPARATOR)
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
        return f"{TOOL_NAME_PREFIX} ({self.config})"

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
