"""Street addresses: after "I live at", "my address is", 住在/地址是, 주소는, "tinggal di", "alamat",
before 에 살아요, or in answer to the agent's question; and Korean/Chinese addresses by shape
(서울시 강남구 테헤란로 123, 北京市朝阳区建国路88号) without a cue.

An English or Malay address is the run of numbers, capitalised words and street words after the
cue ("12 Orchard Road", "No 8 Lorong Maarof", "Block 123 Ang Mo Kio Avenue 3, #05-67"); it must
hold a number or a street word.
"""

from __future__ import annotations

import re

from qa.redact.names import STOPWORDS, answer_to
from qa.redact.numerals import EN_DIGITS
from qa.redact.records import Finding
from qa.redact.streams import Prepared
from qa.redact.tokens import Token

__all__ = ["address_findings"]

_TRIGGERS = [
    ("i", "live", "at"), ("live", "at"), ("living", "at"), ("my", "address", "is"), ("address", "is"),
    ("staying", "at"), ("deliver", "to"), ("delivered", "to"), ("tinggal", "di"), ("alamat", "saya"),
    ("alamat", "rumah"), ("duduk", "di"),
]
STREET = {
    "road", "rd", "street", "st", "avenue", "ave", "lane", "drive", "dr", "way", "crescent", "close", "park",
    "block", "blk", "unit", "level", "floor", "apartment", "apt", "condo", "tower", "jalan", "jln", "lorong",
    "lrg", "taman", "tmn", "lot", "no", "persiaran", "lebuh", "lebuhraya", "kampung", "kg", "bandar", "seksyen",
    "blok", "#", "boulevard", "blvd", "place", "court", "terrace", "square", "highway",
}
_ZH_TRIGGERS = ("住在", "地址是", "地址", "住址", "寄到", "送到", "住址是")
_ZH_PLACE = set("省市区區县縣路街道号號村镇鎮楼樓室栋棟弄巷")
_KO_PLACE = re.compile(r"(시|도|구|군|동|로|길|읍|면|리|번지|아파트)$")
_KO_TAIL = re.compile(r"(에서|에|으로|로|이요|입니다|이에요|예요|요)$")
_QUESTION = re.compile(r"address|alamat|地址|住址|주소")
_EN_SUFFIX = {"road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "way", "drive", "crescent", "close",
              "boulevard", "blvd", "terrace", "place", "court", "highway"}
_MS_PREFIX = {"jalan", "jln", "lorong", "lrg", "lebuh", "persiaran", "lebuhraya"}
_UNIT = {"unit", "block", "blk", "no", "lot", "number", "#"}
_NOT_PLACE = STOPWORDS | {"near", "next", "opposite", "beside", "behind", "called"}


def _place_word(t: Token) -> bool:
    return t.kind == "latin" and len(t.text) > 1 and t.low not in _NOT_PLACE and t.low not in EN_DIGITS


def _number_word(t: Token) -> bool:
    return t.kind == "digits" and len(t.text) <= 5 or t.low in EN_DIGITS


def _street_shapes(toks: list[Token]) -> list[tuple[int, int]]:
    """Addresses by shape, without a cue: a house number, one to three words and a street word
    ("1 5 1 hills road", "unit 8 viking way bar hill"); or jalan/lorong and its name ("No 12 Jalan
    Ampang"). Up to two place words after the street word are kept."""
    out = []
    for s, t in enumerate(toks):
        if t.low in _EN_SUFFIX and s > 0:
            a = s - 1
            while a > 0 and s - a < 3 and _place_word(toks[a - 1]):
                a -= 1
            if not _place_word(toks[a]):
                continue
            n = a
            while n > 0 and _number_word(toks[n - 1]):
                n -= 1
            if n == a:
                continue
            if n > 0 and toks[n - 1].low in _UNIT:
                n -= 1
            b = s
            while b + 1 < len(toks) and b - s < 2 and _place_word(toks[b + 1]):
                b += 1
            out.append((n, b))
        elif t.low in _MS_PREFIX and s + 1 < len(toks) and _place_word(toks[s + 1]):
            b = s + 1
            while b + 1 < len(toks) and b - s < 3 and _place_word(toks[b + 1]) and toks[b + 1].text[0].isupper():
                b += 1
            a = s
            if a >= 2 and toks[a - 1].kind == "digits" and toks[a - 2].low in _UNIT:
                a -= 2
            out.append((a, b))
    return out


def _latin_extent(toks: list[Token], i: int) -> tuple[int, int] | None:
    j, last = i, None
    while j < len(toks) and j - i < 20:
        t = toks[j]
        ok = (
            t.kind == "digits" or t.low in STREET or (t.kind == "latin" and t.text[0].isupper())
            or t.text in ("#", "-", "/") or (t.text == "," and j + 1 < len(toks) and (toks[j + 1].kind == "digits"
                                                                                     or toks[j + 1].text[:1].isupper()
                                                                                     or toks[j + 1].text == "#"))
        )
        if not ok:
            break
        if t.text not in (",", "-", "/"):
            last = j
        j += 1
    if last is None:
        return None
    body = toks[i : last + 1]
    if not any(t.kind == "digits" or t.low in STREET for t in body) or last - i < 1:
        return None
    return i, last


def _zh_extent(toks: list[Token], i: int) -> tuple[int, int] | None:
    j, last = i, None
    while j < len(toks) and j - i < 30 and toks[j].kind in ("han", "digits", "latin"):
        if toks[j].kind == "digits" or toks[j].text in _ZH_PLACE:
            last = j
        j += 1
    return (i, last) if last is not None and last > i else None


def _ko_place(t: Token) -> bool:
    if t.kind == "digits":
        return True
    bodies = (t.text, _KO_TAIL.sub("", t.text))
    return t.kind == "hangul" and any(len(b) >= 2 and _KO_PLACE.search(b) for b in bodies)


def _ko_runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Runs of Korean address words: at least two place words (시, 구, 로 …) and three words, or a cue."""
    runs, i = [], 0
    while i < len(toks):
        j = i
        while j < len(toks) and (_ko_place(toks[j]) or (toks[j].kind == "digits" and j > i)):
            j += 1
        if j > i:
            runs.append((i, j - 1))
        i = j + 1
    return runs


def address_findings(prep: Prepared) -> list[Finding]:
    """Addresses after their cue, in answer to a question, or (Korean, Chinese) by their shape."""
    found: list[Finding] = []
    for u, toks in enumerate(prep.tokens):
        for i in range(len(toks)):
            for phrase in _TRIGGERS:
                if all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(phrase)):
                    span = _latin_extent(toks, i + len(phrase))
                    if span:
                        found.append(Finding("ADDRESS", ((u, *span),), 0.8, "address-phrase"))
                    break
            for trig in _ZH_TRIGGERS:
                if "".join(x.text for x in toks[i : i + len(trig)]) == trig:
                    span = _zh_extent(toks, i + len(trig))
                    if span:
                        found.append(Finding("ADDRESS", ((u, *span),), 0.8, "address-phrase"))
                    break
        for a, b in _ko_runs(toks):
            places = sum(toks[k].kind == "hangul" for k in range(a, b + 1))
            cue = any("주소" in t.text or "살" in t.text or "거주" in t.text for t in toks)
            if places >= 3 or (places >= 2 and cue):
                tail = len(_KO_TAIL.search(toks[b].text).group()) if toks[b].kind == "hangul" and _KO_TAIL.search(toks[b].text) else 0
                found.append(Finding("ADDRESS", ((u, a, b),), 0.75, "address-shape", (0, tail)))
        for a, b in _street_shapes(toks):
            found.append(Finding("ADDRESS", ((u, a, b),), 0.65, "address-shape"))
        text = "".join(t.low for t in toks)
        if _QUESTION.search(text) and prep.call.utterances[u].role == "agent":
            reply = answer_to(prep, u)
            if reply is not None:
                rt = prep.tokens[reply]
                span = _latin_extent(rt, 0) if rt and rt[0].kind in ("latin", "digits") else _zh_extent(rt, 0)
                if span:
                    found.append(Finding("ADDRESS", ((reply, *span),), 0.7, "address-answer"))
    return found
