"""Multilingual settings with their defaults.

``settings.MULTILINGUAL`` may override any key:

- ``SOURCE_LANGUAGE``: the language editors write in (zh-hans).
- ``MACHINE_LANGUAGES``: languages produced automatically by the machine
  translator and published together with the source (zh-hant, by OpenCC).
- ``REVIEWED_LANGUAGES``: languages translated by people; a page only goes
  live there after the review workflow approves it (en).
- ``AUTO_SYNC``: refresh translations whenever a source page is published.
  Bulk importers may switch it off and run ``manage.py sync_zh_hant`` after.
- ``REVIEW_WORKFLOW_NAME`` / ``REVIEW_GROUPS``: the workflow assigned to each
  reviewed language's home page and the groups that approve in it.
"""
from django.conf import settings

DEFAULTS = {
    "SOURCE_LANGUAGE": "zh-hans",
    "MACHINE_LANGUAGES": ["zh-hant"],
    "REVIEWED_LANGUAGES": ["en"],
    "AUTO_SYNC": True,
    "REVIEW_WORKFLOW_NAME": "英文版译文审核",
    "REVIEW_TASK_NAME": "英文版终审",
    "REVIEW_GROUPS": ["宣传培训处终审复核"],
}


def get(key):
    return {**DEFAULTS, **getattr(settings, "MULTILINGUAL", {})}[key]


def source_language():
    return get("SOURCE_LANGUAGE")


def machine_languages():
    return list(get("MACHINE_LANGUAGES"))


def reviewed_languages():
    return list(get("REVIEWED_LANGUAGES"))


def target_languages():
    return machine_languages() + reviewed_languages()
