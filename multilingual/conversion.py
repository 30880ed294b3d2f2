"""Fill a Traditional Chinese translation's segments by OpenCC conversion.

Provenance lives on wagtail-localize's own StringTranslation rows: conversions
are ``translation_type="machine"`` with an ``OpenCC (...)`` tool name. A row an
editor wrote in the translation editor or imported from a PO file is
``manual`` (or carries another tool name) and is never overwritten, so
overrides survive every later refresh. Deleting an override in the editor
hands the segment back to the converter.
"""
from django.db import transaction
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation

from .machine_translator import OpenCCTranslator, is_conversion


def opencc_translator():
    translator = get_machine_translator()
    if isinstance(translator, OpenCCTranslator):
        return translator
    # Settings may name another machine translator for other languages; the
    # Traditional tree is always converted with OpenCC.
    return OpenCCTranslator({})


@transaction.atomic
def convert_segments(translation, user=None, translator=None):
    """Write conversions for every segment not overridden by a person. Returns the number written."""
    translator = translator or opencc_translator()
    source = translation.source
    locale = translation.target_locale
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale,
            context__object_id=source.object_id,
            translation_of_id__in=[s.string_id for s in segments],
        )
    }
    pending = [s for s in segments if _converter_owns(existing.get((s.string_id, s.context_id)))]
    if not pending:
        return 0
    values = {s.string_id: s.string.as_value() for s in pending}
    converted = translator.translate(source.locale, locale, list(values.values()))
    written = 0
    for segment in pending:
        data = converted[values[segment.string_id]].data
        row = existing.get((segment.string_id, segment.context_id))
        if row is None:
            StringTranslation.objects.create(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=translator.display_name,
                last_translated_by=user,
            )
            written += 1
        elif row.data != data or row.tool_name != translator.display_name or row.has_error:
            row.data = data
            row.tool_name = translator.display_name
            row.has_error = False
            row.field_error = ""
            row.last_translated_by = user
            row.save()
            written += 1
    return written


def _converter_owns(row):
    return row is None or is_conversion(row)
