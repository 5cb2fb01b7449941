"""E-mail addresses, written ("john.lee@gmail.com") and spoken ("john dot lee at gmail dot com",
"wangxm 艾特 qq 点 com", "minsu 골뱅이 naver 닷 com", "siti titik aminah at gmail titik com").

A spoken address is anchored on its "at" word and must end in a known top-level domain; the
local part is the words joined to the "at" by dots, underscores or dashes (said or written),
or a spelled run of single letters, or else the one word before it.
"""

from __future__ import annotations

from dataclasses import replace

from qa.redact.records import Finding
from qa.redact.streams import Prepared
from qa.redact.tokens import Token

__all__ = ["email_findings"]

AT = {"at", "@", "艾特", "圈a", "골뱅이", "앳", "엣"}
DOT = {"dot", ".", "点", "點", "닷", "점", "titik", "period"}
JOIN = {"underscore", "_", "下划线", "下劃線", "언더바", "언더스코어", "dash", "hyphen", "-", "杠", "minus"}
TLD = {"com", "net", "org", "edu", "gov", "my", "sg", "kr", "cn", "co", "io", "info", "biz", "us", "uk", "hk",
       "tw", "jp", "au", "me", "ai"}
PROVIDERS = {"gmail", "yahoo", "hotmail", "outlook", "live", "icloud", "qq", "163", "126", "sina", "naver",
             "daum", "hanmail", "kakao", "nate", "singnet", "tm", "streamyx", "protonmail"}
# 닷컴 is ".com" said as one word; 지메일/네이버 are Korean spellings of providers.
JOINED_TLD = {"닷컴": "com", "닷넷": "net", "点com": "com"}
HANGUL_PROVIDERS = {"지메일": "gmail", "네이버": "naver", "다음": "daum", "한메일": "hanmail", "카카오": "kakao"}
_STOP = {"is", "it's", "its", "my", "email", "e-mail", "address", "to", "the", "be", "use", "emel", "saya", "ialah",
         "adalah", "ke", "please", "send", "it", "mail", "yes", "yeah", "ya", "sure", "okay", "ok", "and"}


def _label(t: Token) -> bool:
    return t.kind in ("latin", "digits") and t.low not in AT and t.low not in DOT and t.low not in JOIN


_HAN_WORDS = ("艾特", "下划线", "下劃線")


def _merged(tokens: list[Token]) -> tuple[list[Token], list[int]]:
    """Tokens with the multi-character Han words above joined; and each one's first original index."""
    out: list[Token] = []
    first: list[int] = []
    i = 0
    while i < len(tokens):
        word = next((w for w in _HAN_WORDS if "".join(t.text for t in tokens[i : i + len(w)]) == w), None)
        if word:
            last = tokens[i + len(word) - 1]
            out.append(replace(tokens[i], text=word, end=last.end, pos=last.pos, glued=False))
            first.append(i)
            i += len(word)
            continue
        out.append(tokens[i])
        first.append(i)
        i += 1
    return out, first


def email_findings(prep: Prepared) -> list[Finding]:
    """Every e-mail address in the call's utterances (one utterance each)."""
    found: list[Finding] = []
    for u, raw in enumerate(prep.tokens):
        toks, firsts = _merged(raw)
        for i, t in enumerate(toks):
            if t.low not in AT or (t.low == "at" and t.text == "At"):
                continue
            end = _domain_end(toks, i + 1)
            start = _local_start(toks, i - 1)
            if end is None or start is None:
                continue
            written = t.text == "@" and t.glued
            found.append(Finding("EMAIL", ((u, firsts[start], toks[end].pos),), 0.95 if written else 0.85, "email-written" if written else "email-spoken"))
    return found


def _domain_end(toks: list[Token], i: int) -> int | None:
    """Index of the last token of a domain starting at ``i`` that ends in a known TLD."""
    last_ok, labels, j, n = None, 0, i, len(toks)
    expect_label = True
    while j < n:
        t = toks[j]
        low = HANGUL_PROVIDERS.get(t.low, t.low)
        if expect_label:
            if low in JOINED_TLD and labels:
                return j
            if not (_label(t) or low in PROVIDERS):
                break
            # A label said as several glued tokens (163, mwong88) stays one label.
            while j + 1 < n and toks[j + 1].glued and _label(toks[j + 1]):
                j += 1
            labels += 1
            if labels >= 2 and toks[j].low in TLD:
                last_ok = j
            expect_label = False
        else:
            if low in JOINED_TLD:
                return j
            if low not in DOT:
                break
            expect_label = True
        j += 1
    return last_ok


def _local_start(toks: list[Token], i: int) -> int | None:
    """Index of the first token of the local part that ends at ``i`` (None if there is none)."""
    if i < 0 or not _label(toks[i]) or toks[i].low in _STOP:
        return None
    j = i
    while True:
        while j > 0 and toks[j].glued and _label(toks[j - 1]):
            j -= 1
        k = j - 1
        if k >= 1 and (toks[k].low in DOT or toks[k].low in JOIN) and _label(toks[k - 1]) and toks[k - 1].low not in _STOP:
            j = k - 1
            continue
        # A spelled local part: single letters or digits said one by one.
        if k >= 0 and len(toks[j].text) == 1 and len(toks[k].text) == 1 and _label(toks[k]):
            j = k
            continue
        return j
