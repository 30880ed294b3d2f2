"""System checks for settings that would leak untranslated pages or break conversion."""
from django.conf import settings
from django.core.checks import Error, Warning, register

from . import conf
from .machine_translator import SUPPORTED_CONFIGS


@register()
def check_machine_translator(app_configs, **kwargs):
    config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    options = config.get("OPTIONS", {})
    if config.get("CLASS", "").endswith("OpenCCTranslator") and options.get("CONFIG", "s2t") not in SUPPORTED_CONFIGS:
        return [Error(
            f"WAGTAILLOCALIZE_MACHINE_TRANSLATOR OPTIONS CONFIG must be one of {', '.join(SUPPORTED_CONFIGS)}.",
            id="multilingual.E001",
        )]
    return []


@register(deploy=True)
def check_no_alias_sync_into_reviewed_languages(app_configs, **kwargs):
    from django.db import DatabaseError
    from wagtail_localize.models import LocaleSynchronization

    try:
        synced = list(
            LocaleSynchronization.objects.filter(locale__language_code__in=conf.target_languages())
            .values_list("locale__language_code", flat=True)
        )
    except DatabaseError:
        return []
    return [
        Warning(
            f"Locale {code} has a wagtail-localize 'sync from' setting: it creates live aliases "
            "that show untranslated source pages in that language.",
            hint="Remove it under Settings > Locales; the multilingual app keeps that tree in sync itself.",
            id="multilingual.W001",
        )
        for code in synced
    ]
