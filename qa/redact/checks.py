"""Checksums and validity of the numbers the detector reports.

``python-stdnum`` checks Luhn, MyKad (birth date and place-of-birth code; MyKad has no check
digit), the Korean RRN (birth date, and its check digit), the PRC resident ID (birth date,
area code, ISO 7064 mod 11-2) and IBAN (mod 97). It has no Singapore NRIC/FIN module, so that
check letter is computed here (ICA's weights 2,7,6,5,4,3,2; offsets 0/4/3 for S-F/T-G/M).
Phone numbers are ``phonenumbers``' ``is_valid_number`` in the configured regions.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import iban, luhn
from stdnum.cn import ric
from stdnum.kr import rrn
from stdnum.my import nric as mykad

__all__ = [
    "card_ok", "card_prefix_ok", "mykad_ok", "rrn_ok", "prc_ok", "nric_ok", "iban_ok", "phone_ok", "month_ok",
]


def card_ok(digits: str) -> bool:
    """A 13-19 digit number whose Luhn check holds."""
    return digits.isdigit() and 13 <= len(digits) <= 19 and luhn.is_valid(digits)


def card_prefix_ok(digits: str) -> bool:
    """Whether the number starts like a card of a major network (Visa, Mastercard, Amex,
    UnionPay, JCB, Discover, Diners)."""
    if digits[:1] == "4":
        return True
    two, four = int(digits[:2] or 0), int(digits[:4] or 0)
    return (
        51 <= two <= 55 or 2221 <= four <= 2720 or two in (34, 37, 62, 35, 36, 38, 30, 65)
        or four == 6011 or 644 <= int(digits[:3] or 0) <= 649 or digits[:2] == "81"
    )


def mykad_ok(digits: str) -> bool:
    return len(digits) == 12 and digits.isdigit() and mykad.is_valid(digits)


def rrn_ok(digits: str) -> bool:
    return len(digits) == 13 and digits.isdigit() and rrn.is_valid(digits)


_PRC_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
}


def prc_ok(value: str) -> bool:
    """A PRC resident ID: 17 digits and a mod 11-2 check character, a real birth date, a province
    code. (stdnum's full check also looks the county up in a Wikipedia-derived table, which
    misses counties renamed since: 420106 Wuchang fails it, and a redactor must not.)"""
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit() or value[:2] not in _PRC_PROVINCES:
        return False
    try:
        ric.get_birth_date(value)
    except Exception:  # stdnum raises its own ValidationError subclasses
        return False
    return ric.calc_check_digit(value) == value[17]


_NRIC_TABLES = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK"}
_NRIC_OFFSET = {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}


def nric_ok(value: str) -> bool:
    """A Singapore NRIC/FIN (``S1234567D``) whose check letter is right."""
    value = value.upper()
    if len(value) != 9 or value[0] not in _NRIC_OFFSET or not value[1:8].isdigit():
        return False
    total = sum(w * int(c) for w, c in zip((2, 7, 6, 5, 4, 3, 2), value[1:8], strict=True))
    r = (total + _NRIC_OFFSET[value[0]]) % 11
    letter = "KLJNPQRTUWX"[10 - r] if value[0] == "M" else _NRIC_TABLES[value[0]][r]
    return value[8] == letter


def iban_ok(value: str) -> bool:
    return iban.is_valid(value)


def phone_ok(digits: str, regions: tuple[str, ...]) -> str | None:
    """The region (one of ``regions``) whose numbering plan makes ``digits`` a valid number, or
    None. ``digits`` may start with ``+`` and a country code, or with the country code alone."""
    tries: list[tuple[str, str | None]] = []
    if digits.startswith("+"):
        tries.append((digits, None))
    else:
        tries += [(digits, r) for r in regions]
        if not digits.startswith("0"):
            tries.append(("+" + digits, None))
    for text, region in tries:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        found = phonenumbers.region_code_for_number(number)
        national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
        # Said nationally, a number is said the way it is dialled there: 041-555-2671, not 4155552671.
        if found in regions and (region is None or national == digits):
            return found
    return None


def month_ok(mm: str) -> bool:
    return mm.isdigit() and 1 <= int(mm) <= 12
