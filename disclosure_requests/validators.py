"""Checksums of the two identifiers an applicant gives.

- 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X),
  ISO 7064 MOD 11-2, plus a real birth date in positions 7-14.
- 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the letters
  without I, O, Z, S, V; the last one is a MOD 31 check character.
"""
import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_PATTERN = re.compile(r"^\d{17}[\dX]$")

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_PATTERN = re.compile(rf"^[{USCC_ALPHABET}]{{18}}$")


def normalise(value):
    return (value or "").strip().upper().replace(" ", "")


def id_card_check_char(first17):
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def is_valid_id_card(value):
    value = normalise(value)
    if not ID_PATTERN.match(value):
        return False
    try:
        datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return id_card_check_char(value[:17]) == value[17]


def uscc_check_char(first17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(value):
    value = normalise(value)
    if not USCC_PATTERN.match(value):
        return False
    return uscc_check_char(value[:17]) == value[17]


def validate_id_card(value):
    if not is_valid_id_card(value):
        raise ValidationError(_("This is not a valid resident identity card number."), code="id_card")


def validate_uscc(value):
    if not is_valid_uscc(value):
        raise ValidationError(_("This is not a valid unified social credit code."), code="uscc")
