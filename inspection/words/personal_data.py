"""Personal data in text: 18-digit 身份证号 (GB 11643 checksum), mobile numbers, bank cards (Luhn).

Only numbers that pass their checksum are reported, so a 文号 or a
statistic of the same length is not mistaken for an ID number.
"""
import datetime
import re
from dataclasses import dataclass

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# Not preceded or followed by another digit (or an X after an ID).
_ID_RE = re.compile(r"(?<![0-9])([1-9][0-9]{16}[0-9Xx])(?![0-9Xx])")
_MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9][0-9](?:[- ]?[0-9]{4}){2})(?![0-9])")
_CARD_RE = re.compile(r"(?<![0-9])((?:[0-9][ -]?){15,18}[0-9])(?![0-9])")
_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "91",
}


@dataclass(frozen=True)
class PersonalData:
    kind: str  # "id_number", "mobile" or "bank_card"
    value: str
    start: int

    @property
    def masked(self):
        digits = self.value
        return digits[:3] + "*" * max(0, len(digits) - 7) + digits[-4:]


def id_checksum_ok(number):
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17]


def valid_id_number(number):
    """A plausible 18-digit resident ID: known province code, real birth date, right check digit."""
    if not id_checksum_ok(number) or number[:2] not in _PROVINCES:
        return False
    try:
        born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return datetime.date(1900, 1, 1) <= born <= datetime.date.today()


def luhn_ok(number):
    digits = [int(d) for d in number]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_personal_data(text):
    found = []
    taken = []
    for m in _ID_RE.finditer(text):
        if valid_id_number(m.group(1)):
            found.append(PersonalData("id_number", m.group(1).upper(), m.start(1)))
            taken.append((m.start(1), m.end(1)))
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"[ -]", "", m.group(1))
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        # Bank cards (银联 62…, Visa 4…, Mastercard 5…) of 16 to 19 digits passing Luhn.
        if 16 <= len(digits) <= 19 and digits[0] in "3456" and luhn_ok(digits):
            found.append(PersonalData("bank_card", digits, m.start(1)))
            taken.append((m.start(1), m.end(1)))
    for m in _MOBILE_RE.finditer(text):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        found.append(PersonalData("mobile", re.sub(r"[ -]", "", m.group(1)), m.start(1)))
    return sorted(found, key=lambda p: p.start)
