"""索引号 generation.

The number is built from ``settings.POLICY_INDEX_NUMBER_FORMAT`` (fields:
``agency_code``, ``year``, ``sequence``) with the agency code from
``settings.POLICY_INDEX_AGENCY_CODES`` (发文机关 -> code) falling back to
``settings.POLICY_INDEX_AGENCY_CODE``.

Safety under concurrent creation rests on two database guarantees:

* ``IndexNumberCounter`` holds one row per (agency code, year); the next
  sequence is taken with ``UPDATE ... SET value = value + 1`` inside a
  transaction, which row-locks the counter on PostgreSQL (and serialises the
  whole write on SQLite), so two writers never read the same value;
* ``IndexNumber`` registers every number with a UNIQUE constraint, so even a
  hand-typed or imported number can never be used by two documents. Its
  ``translation_key`` lets the translations of one document share a number.
"""
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

DEFAULT_FORMAT = "{agency_code}-{year}-{sequence:05d}"


class IndexNumberCounter(models.Model):
    agency_code = models.CharField(_("agency code"), max_length=40)
    year = models.PositiveIntegerField(_("year"))
    value = models.PositiveIntegerField(_("last sequence number"), default=0)

    class Meta:
        verbose_name = _("index number counter")
        constraints = [models.UniqueConstraint(fields=["agency_code", "year"], name="policy_counter_unique_scope")]


class IndexNumber(models.Model):
    number = models.CharField(_("index number"), max_length=60, unique=True)
    translation_key = models.UUIDField(_("translation key"), unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("index number")


class IndexNumberTaken(Exception):
    pass


def agency_code_for(issuer):
    codes = getattr(settings, "POLICY_INDEX_AGENCY_CODES", {}) or {}
    return codes.get(issuer or "", getattr(settings, "POLICY_INDEX_AGENCY_CODE", "SHYJ"))


def format_index_number(agency_code, year, sequence):
    fmt = getattr(settings, "POLICY_INDEX_NUMBER_FORMAT", DEFAULT_FORMAT)
    return fmt.format(agency_code=agency_code, year=year, sequence=sequence)


def next_sequence(agency_code, year):
    with transaction.atomic():
        IndexNumberCounter.objects.get_or_create(agency_code=agency_code, year=year)
        IndexNumberCounter.objects.filter(agency_code=agency_code, year=year).update(value=F("value") + 1)
        return IndexNumberCounter.objects.values_list("value", flat=True).get(agency_code=agency_code, year=year)


def allocate_index_number(*, issuer, year, translation_key):
    """A new, registered 索引号 for the document with ``translation_key``."""
    agency_code = agency_code_for(issuer)
    for _attempt in range(100):
        number = format_index_number(agency_code, year, next_sequence(agency_code, year))
        try:
            with transaction.atomic():
                IndexNumber.objects.create(number=number, translation_key=translation_key)
            return number
        except IntegrityError:
            # Taken by a hand-entered or imported number: move on to the next one.
            existing = IndexNumber.objects.filter(translation_key=translation_key).first()
            if existing is not None:
                return existing.number
    raise IndexNumberTaken(agency_code)


def register_index_number(number, translation_key):
    """Claim an explicit number for a document; raises IndexNumberTaken if another document has it."""
    current = IndexNumber.objects.filter(translation_key=translation_key).first()
    if current is not None and current.number == number:
        return
    try:
        with transaction.atomic():
            if current is not None:
                current.number = number
                current.save(update_fields=["number"])
            else:
                IndexNumber.objects.create(number=number, translation_key=translation_key)
    except IntegrityError as exc:
        raise IndexNumberTaken(number) from exc


def register_new_index_numbers(pairs):
    """Claim explicit numbers for new documents [(number, translation_key)] in one INSERT.

    A number another document has, or a translation key already registered
    (an allocated number: skipped), raises IntegrityError for the whole call.
    """
    taken = set(IndexNumber.objects.filter(translation_key__in=[key for _n, key in pairs])
                .values_list("translation_key", flat=True))
    IndexNumber.objects.bulk_create([IndexNumber(number=number, translation_key=key)
                                     for number, key in pairs if key not in taken])


def index_number_owner(number):
    return IndexNumber.objects.filter(number=number).values_list("translation_key", flat=True).first()
