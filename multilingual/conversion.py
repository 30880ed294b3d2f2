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
    return convert_many([translation], user=user, translator=translator)[translation.pk]


@transaction.atomic
def convert_many(translations, user=None, translator=None):
    """``convert_segments`` for several translations: a few queries, one OpenCC call and one bulk insert in all.

    Returns {translation pk: number of conversions written}. New rows are
    bulk-inserted; StringTranslation's own save() would also check the
    converted HTML and update the target page's draft title, so both are done
    here: the check below, the draft title by the save of the target page
    that always follows (create_or_update_translation).
    """
    translator = translator or opencc_translator()
    translations = list(translations)
    written = dict.fromkeys((t.pk for t in translations), 0)
    if not translations:
        return written
    by_source = {t.source_id: t for t in translations}
    segments = list(StringSegment.objects.filter(source_id__in=by_source).select_related("string", "context"))
    existing = {}
    for locale_id in {t.target_locale_id for t in translations}:
        keys = [t.source.object_id for t in translations if t.target_locale_id == locale_id]
        for row in StringTranslation.objects.filter(
            locale_id=locale_id,
            context__object_id__in=keys,
            translation_of_id__in={s.string_id for s in segments},
        ):
            existing[(locale_id, row.translation_of_id, row.context_id)] = row
    jobs = []  # (translation, segment, existing row or None)
    for translation in translations:
        for segment in segments:
            if segment.source_id != translation.source_id:
                continue
            row = existing.get((translation.target_locale_id, segment.string_id, segment.context_id))
            if _converter_owns(row):
                jobs.append((translation, segment, row))
    if not jobs:
        return written
    values = {}
    for translation, segment, _row in jobs:
        values.setdefault((translation.source.locale_id, translation.target_locale_id, segment.string_id),
                          segment.string.as_value())
    converted = {}
    for (source_locale_id, target_locale_id) in {(k[0], k[1]) for k in values}:
        group = {k: v for k, v in values.items() if k[:2] == (source_locale_id, target_locale_id)}
        sample = next(t for t in translations if t.target_locale_id == target_locale_id)
        result = translator.translate(sample.source.locale, sample.target_locale, list(group.values()))
        converted.update({k: result[v].data for k, v in group.items()})
    new_rows = []
    for translation, segment, row in jobs:
        data = converted[(translation.source.locale_id, translation.target_locale_id, segment.string_id)]
        if row is None:
            new_rows.append(StringTranslation(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=translator.display_name,
                last_translated_by=user,
                has_error=not _valid_html(segment.string.data, data),
            ))
            written[translation.pk] += 1
        elif row.data != data or row.tool_name != translator.display_name or row.has_error:
            row.data = data
            row.tool_name = translator.display_name
            row.has_error = False
            row.field_error = ""
            row.last_translated_by = user
            row.save()
            written[translation.pk] += 1
    StringTranslation.objects.bulk_create(new_rows, batch_size=500)
    return written


def _valid_html(source_data, data):
    """The check StringTranslation.save() makes on new data (an error flag, never an exception)."""
    from wagtail_localize.strings import StringValue, validate_translation_links

    try:
        StringValue.from_translated_html(data)
        validate_translation_links(source_data, data)
    except ValueError:
        return False
    return True


def _converter_owns(row):
    return row is None or is_conversion(row)
