"""Checksums and validity (qa.redact.checks)."""

from __future__ import annotations

from qa.redact import checks

REGIONS = ("MY", "SG", "KR", "CN", "US", "GB")


def test_luhn_and_card_prefix():
    assert checks.card_ok("4111111111111111")
    assert not checks.card_ok("4111111111111112")
    assert checks.card_ok("378282246310005")  # Amex, 15 digits
    assert not checks.card_ok("411111111111")  # too short
    assert checks.card_prefix_ok("5555555555554444") and not checks.card_prefix_ok("9111111111111111")


def test_mykad_needs_a_real_date_and_place():
    assert checks.mykad_ok("770305021234")
    assert not checks.mykad_ok("771305021234")  # month 13
    assert not checks.mykad_ok("77030502123")  # 11 digits


def test_singapore_nric_and_fin_check_letters():
    for good in ("S1234567D", "T1234567J", "F1234567N", "G1234567X", "M1234567K"):
        assert checks.nric_ok(good), good
    for bad in ("S1234567A", "T1234567D", "F1234567X", "G1234567N", "M1234567X", "X1234567D"):
        assert not checks.nric_ok(bad), bad


def test_korean_rrn_checksum():
    assert checks.rrn_ok("8503151234566")
    assert not checks.rrn_ok("8503151234567")


def test_prc_id_checksum_date_and_province():
    assert checks.prc_ok("11010519491231002X")
    assert checks.prc_ok("44010619880808123X")
    assert not checks.prc_ok("440106198808081234")  # check character
    assert not checks.prc_ok("99010619880808123X")  # no such province
    assert not checks.prc_ok("44010619881308123X")  # month 13


def test_iban():
    assert checks.iban_ok("GB82WEST12345698765432")
    assert not checks.iban_ok("GB83WEST12345698765432")


def test_phone_regions_and_trunk_prefix():
    assert checks.phone_ok("0123456789", REGIONS) == "MY"
    assert checks.phone_ok("+6591234567", REGIONS) == "SG"
    assert checks.phone_ok("01012345678", REGIONS) == "KR"
    assert checks.phone_ok("13812345678", REGIONS) == "CN"
    assert checks.phone_ok("07912345678", ("GB",)) == "GB"
    # Said nationally, a Korean landline keeps its 0: 4155552671 is not 041-555-2671.
    assert checks.phone_ok("4155552671", ("KR",)) is None
    assert checks.phone_ok("12345", REGIONS) is None
