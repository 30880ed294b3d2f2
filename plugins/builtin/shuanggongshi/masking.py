"""Masking the personal data of natural persons before anything is shown publicly.

Rules (following the national 双公示 data standard and the Personal
Information Protection Law): for a natural person only the surname is shown
(张三 → 张*, 欧阳娜娜 → 欧***); identity numbers keep the region code and the
last four characters (310101********123X); for an individual business
(个体工商户) the business name is shown but the operator's identity number is
masked the same way; legal persons and other organisations are shown in full,
with their unified social credit code.
"""
import re

NATURAL_PERSON = "natural_person"
INDIVIDUAL_BUSINESS = "individual_business"
LEGAL_PERSON = "legal_person"

# 18-digit resident identity number (last character may be X) or the old 15-digit one.
ID_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{6})(\d{3}[0-9Xx]|\d{1})(?![0-9A-Za-z])")


def mask_name(name):
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_id_number(number):
    number = (number or "").strip()
    if len(number) <= 4:
        return "*" * len(number)
    keep_head = 6 if len(number) >= 15 else 1
    return number[:keep_head] + "*" * (len(number) - keep_head - 4) + number[-4:]


def mask_text(text, names=()):
    """Mask identity numbers and the given personal names wherever they occur in free text."""
    text = ID_NUMBER_RE.sub(lambda m: mask_id_number(m.group(0)), text or "")
    for name in names:
        name = (name or "").strip()
        if len(name) >= 2:
            text = text.replace(name, mask_name(name))
    return text


def public_party_name(name, party_type):
    return mask_name(name) if party_type == NATURAL_PERSON else name


def public_id_number(number, party_type):
    if party_type == NATURAL_PERSON:
        return mask_id_number(number)
    if party_type == INDIVIDUAL_BUSINESS and ID_NUMBER_RE.fullmatch((number or "").strip()):
        return mask_id_number(number)  # an operator's identity number rather than a credit code
    return number
