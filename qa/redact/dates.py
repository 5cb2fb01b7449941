"""Dates of birth and card expiry dates: a date expression next to its cue.

A date is only personal data here when a cue says so: "born", "date of birth", 生日/出生,
생년월일/출생, "tarikh lahir" for a date of birth; "expiry", 有效期, 유효기간, "tarikh luput" for an
expiry date. The expression is read forward from a cue before it (or from the start of the
answer when the other party asked), or backward from a cue after it ("我是…出生的", "… 출생입니다").
It must hold a month (a month name, 月, 월, or a written d/m/y) or a year.
"""

from __future__ import annotations

import re

from qa.redact.context import cue_positions
from qa.redact.names import answer_to
from qa.redact.numerals import EN_DIGITS, EN_TEENS, EN_TENS, MS_DIGITS, ZH_COMPOUND, ZH_DIGITS
from qa.redact.records import Finding
from qa.redact.streams import Prepared
from qa.redact.tokens import Token

__all__ = ["date_findings", "MONTHS"]

MONTHS = {
    m: i + 1
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "januari februari mac april mei jun julai ogos september oktober november disember",
    )
    for i, m in enumerate(names.split())
}
MONTHS["sept"] = 9
_ORDINAL = re.compile(r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)$")
_EN_LINK = {"of", "the", "and", "hundred", "thousand", "oh", "st", "nd", "rd", "th", "tahun", "haribulan",
            "belas", "puluh", "ratus", "ribu", "sepuluh", "sebelas", "seratus", "seribu"}
_HAN_DATE = set(ZH_DIGITS) | ZH_COMPOUND | set("年月日号號")
_KO_NUM = re.compile(r"^[영공일이삼사오육칠팔구십백천만]*(년|월|일|생)?$")
_SEPS = {"/", "-", ".", ","}


def _dateish(t: Token) -> bool:
    low = t.low
    if t.kind == "digits":
        return len(t.text) <= 8
    if t.kind == "latin":
        return (low in MONTHS or low in EN_DIGITS or low in EN_TEENS or low in EN_TENS or low in MS_DIGITS
                or low in _EN_LINK or bool(_ORDINAL.search(low)))
    if t.kind == "han":
        return t.text in _HAN_DATE
    if t.kind == "hangul":
        return bool(_KO_NUM.match(t.text))
    return t.text in _SEPS


def _anchored(toks: list[Token]) -> bool:
    text = " ".join(t.low for t in toks)
    has_month = any(t.low in MONTHS for t in toks) or "月" in text or "월" in text
    has_year = bool(re.search(r"\b(19|20)\d\d\b", text)) or "年" in text or "년" in text
    spoken_year = any(t.low in EN_TEENS for t in toks) and any(t.low in EN_TENS for t in toks)
    written = bool(re.search(r"\d{1,4} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}", text)) or bool(re.search(r"\d{1,2} / \d{2}", text))
    return has_month or has_year or spoken_year or written


def _trim(toks: list[Token], a: int, b: int) -> tuple[int, int] | None:
    while a <= b and (toks[a].low in ("of", "and") or toks[a].text in _SEPS):
        a += 1
    while b >= a and (toks[b].low in ("of", "the", "and") or toks[b].text in _SEPS):
        b -= 1
    return (a, b) if a <= b and _anchored(toks[a : b + 1]) else None


def _forward(toks: list[Token], i: int, skip: int = 4) -> tuple[int, int] | None:
    while i < len(toks) and skip >= 0:
        if not _dateish(toks[i]):
            i += 1
            skip -= 1
            continue
        j = i
        while j < len(toks) and _dateish(toks[j]):
            j += 1
        span = _trim(toks, i, j - 1)
        if span:
            return span
        i, skip = j, skip - 1
    return None


def _backward(toks: list[Token], i: int, skip: int = 2) -> tuple[int, int] | None:
    while i >= 0 and skip >= 0 and not _dateish(toks[i]):
        i -= 1
        skip -= 1
    j = i
    while j >= 0 and _dateish(toks[j]):
        j -= 1
    return _trim(toks, j + 1, i) if i > j else None


def date_findings(prep: Prepared) -> list[Finding]:
    """Dates of birth and expiry dates said after (or before) their cue, or in answer to it."""
    entity = {"dob": "DATE_OF_BIRTH", "expiry": "EXPIRY"}
    found: list[Finding] = []
    asked: dict[int, str] = {}
    for u, toks in enumerate(prep.tokens):
        for category, first, last in cue_positions(toks, set(entity)):
            span = _forward(toks, last + 1) or _backward(toks, first - 1)
            if span:
                found.append(Finding(entity[category], ((u, span[0], span[1]),), 0.85, f"{category}-cue"))
            elif last >= len(toks) - 6 or toks[-1].text in ("?", "？"):
                asked[u] = category
    for u, category in asked.items():
        reply = answer_to(prep, u)
        if reply is None:
            continue
        span = _forward(prep.tokens[reply], 0, skip=3)
        if span:
            found.append(Finding(entity[category], ((reply, span[0], span[1]),), 0.8, f"{category}-question"))
    return found
