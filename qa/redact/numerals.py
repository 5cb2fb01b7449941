"""Spoken and written digits in English, Mandarin, Korean and Malay, normalised to digit strings.

:func:`units` turns one utterance's tokens into a sequence of digit units (``"4"``, ``"55"`` for
"double five", ``"45"`` for "forty five", ``"4532"`` for a written group, a single letter beside
digits, ``"+"``) and separators: *fillers* (punctuation, "uh", "dash", 然后, 그리고, "lepas tu")
that a read-out number runs through, and *breaks*. Quantities are breaks: amounts with a
currency or with thousands separators, times, written dates, Chinese and Korean compound
numerals (三百五十, 삼만), and digits glued to a counter (3月, 15일, 两件).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.redact.tokens import Layout, Token, is_hangul

__all__ = ["Unit", "Sep", "units", "EN_DIGITS", "MS_DIGITS", "ZH_DIGITS", "KO_DIGITS", "hangul_digits"]

EN_DIGITS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
EN_TEENS = {w: str(10 + i) for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
EN_TENS = {w: str(i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
MS_DIGITS = {"kosong": "0", "sifar": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
             "enam": "6", "tujuh": "7", "lapan": "8", "sembilan": "9"}
ZH_DIGITS = {"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
KO_DIGITS = {"영": "0", "공": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6",
             "칠": "7", "팔": "8", "구": "9", "하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5",
             "여섯": "6", "일곱": "7", "여덟": "8", "아홉": "9"}
_KO_KEYS = sorted(KO_DIGITS, key=len, reverse=True)
# Korean endings a read-out number carries: 오입니다, 칠이요, 팔이고, 삼에.
_KO_TAIL = sorted(["입니다", "이에요", "예요", "이요", "이고", "이구요", "이구", "요", "고", "이랑", "하고", "번",
                   "은", "는", "을", "를", "에", "로", "으로", "까지", "인데", "이에", "이며"], key=len, reverse=True)
ZH_COMPOUND = set("十百千万亿拾佰仟")
KO_COMPOUND = set("십백천만억")
ZH_COUNTERS = set("年月日号號点點分秒块塊元角个個件位岁歲次天周週台张張本瓶只斤公里米层樓楼期")
# Korean counters and units after digits (3월, 15일, 5개, 128,000원): a quantity, not a code.
KO_COUNTERS = set("년월일시분초원개명층호살세차주달장권병대번회박")
MULTIPLIERS = {"double": 2, "triple": 3, "dabel": 2}
PLUS_WORDS = {"plus", "加", "플러스", "tambah"}
FILLERS = {
    "uh", "um", "er", "erm", "ah", "eh", "hmm", "and", "then", "dash", "hyphen", "space", "next",
    "嗯", "呃", "啊", "然后", "杠", "横", "음", "어", "그리고", "다음", "다음에", "dan", "lepas", "tu", "lagi",
    "sengkang",
}
CURRENCY = {"rm", "ringgit", "sen", "dollar", "dollars", "cents", "cent", "usd", "sgd", "myr", "yuan", "rmb",
            "won", "krw", "pound", "pounds", "bucks", "percent", "%", "$", "¥", "￥", "₩", "£", "€", "元", "块",
            "塊", "원", "퍼센트", "peratus"}
# Written quantities that are never digit codes: amounts, decimals, times, dates.
QUANTITY = re.compile(
    r"(?<![\w,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\w.])\d+\.\d+(?![\d.])"
    r"|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    r"|(?<![\d/.-])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d/.-])|(?<![\d/])(?:0?[1-9]|1[0-2])/\d{2}(?![\d/])"
)


@dataclass(frozen=True)
class Unit:
    """Digits (or a letter beside digits, or ``+``) said or written by tokens ``first..last``."""

    value: str
    first: int
    last: int
    weak: bool = False
    written: bool = False
    alt: str | None = None  # another reading: "seventy seven" is 77 or 7, 0, 7 ("seventy", "seven")


@dataclass(frozen=True)
class Sep:
    """Tokens ``first..last`` between units: a ``filler`` keeps a number going, a ``break`` ends it."""

    kind: str
    first: int
    last: int


def hangul_digits(word: str) -> str | None:
    """The digits a Hangul token spells ("사오삼이" -> "4532", "공일공이요" -> "0102"), or None."""
    for tail in [""] + _KO_TAIL:
        body = word[: len(word) - len(tail)] if tail and word.endswith(tail) else (word if not tail else "")
        if not body:
            continue
        out, i = "", 0
        while i < len(body):
            key = next((k for k in _KO_KEYS if body.startswith(k, i)), None)
            if key is None:
                break
            out += KO_DIGITS[key]
            i += len(key)
        else:
            return out
    return None


def _quantity_chars(lay: Layout) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUANTITY.finditer(lay.text)]


def units(tokens: list[Token], lay: Layout) -> list[Unit | Sep]:
    """The digit units and separators of one utterance's tokens, in order."""
    quantities = _quantity_chars(lay)
    out: list[Unit | Sep] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        low = t.low
        nxt = tokens[i + 1] if i + 1 < n else None
        if any(a <= t.start < b for a, b in quantities):
            j = i
            while j + 1 < n and any(a <= tokens[j + 1].start < b for a, b in quantities):
                j += 1
            out.append(Sep("break", i, j))
            i = j + 1
            continue
        if t.kind == "digits":
            counted = nxt is not None and nxt.glued and (
                nxt.kind == "han" and nxt.text in ZH_COUNTERS or nxt.kind == "hangul" and nxt.text[0] in KO_COUNTERS
            )
            out.append(Sep("break", i, i) if counted else Unit(t.text, i, i, written=True))
            i += 1
            continue
        if t.kind == "latin":
            if low in EN_DIGITS or low in MS_DIGITS:
                out.append(Unit(EN_DIGITS.get(low) or MS_DIGITS[low], i, i, weak=low in ("one", "satu", "dua")))
            elif low in ("oh", "o") and (nxt is not None and _digitish(nxt) or out and isinstance(out[-1], Unit)):
                out.append(Unit("0", i, i, weak=True))
            elif low in EN_TEENS:
                out.append(Unit(EN_TEENS[low], i, i))
            elif low in EN_TENS:
                j = i + 1
                if j < n and tokens[j].text == "-" and tokens[j].glued:
                    j += 1
                if j < n and tokens[j].low in EN_DIGITS and tokens[j].low != "zero":
                    d = EN_DIGITS[tokens[j].low]
                    out.append(Unit(EN_TENS[low] + d, i, j, alt=EN_TENS[low] + "0" + d))
                    i = j + 1
                    continue
                # "fifty | three" across a breath is 53: the lone tens word may lend its digit.
                out.append(Unit(EN_TENS[low] + "0", i, i, alt=EN_TENS[low]))
            elif low == "hundred" and out and isinstance(out[-1], Unit) and len(out[-1].value) == 1:
                out[-1] = Unit(out[-1].value + "00", out[-1].first, i)
            elif low in MULTIPLIERS and nxt is not None and (nxt.low in EN_DIGITS or nxt.low in MS_DIGITS
                                                              or nxt.low in ("oh", "o")):
                d = EN_DIGITS.get(nxt.low) or MS_DIGITS.get(nxt.low) or "0"
                out.append(Unit(d * MULTIPLIERS[low], i, i + 1))
                i += 2
                continue
            elif low in MULTIPLIERS and nxt is None:
                # "double | nine" across a breath: the next utterance's first digit fills it in.
                out.append(Unit("*" * (MULTIPLIERS[low] - 1), i, i, weak=True))
            elif low in ("sepuluh", "sebelas") or (nxt is not None and nxt.low in ("belas", "puluh", "ratus", "ribu")
                                                  and low in MS_DIGITS):
                out.append(Sep("break", i, i))
            elif len(t.text) == 1 and t.text.isalpha():
                out.append(Unit(t.text.upper(), i, i, weak=True))
            elif low in PLUS_WORDS:
                out.append(Unit("+", i, i, weak=True))
            elif low in FILLERS:
                out.append(Sep("filler", i, i))
            else:
                out.append(Sep("break", i, i))
            i += 1
            continue
        if t.kind == "han":
            j = i
            while j < n and tokens[j].kind == "han" and (tokens[j].text in ZH_DIGITS or tokens[j].text in ZH_COMPOUND):
                j += 1
            if j > i:
                run = tokens[i:j]
                follow = tokens[j] if j < n else None
                counted = follow is not None and follow.kind == "han" and follow.text in ZH_COUNTERS
                if any(x.text in ZH_COMPOUND for x in run) or counted:
                    out.append(Sep("break", i, j - 1))
                else:
                    for k, x in enumerate(run):
                        out.append(Unit(ZH_DIGITS[x.text], i + k, i + k, weak=len(run) < 3 and x.text in "一两二"))
                i = j
                continue
            if t.text == "叉" and out and isinstance(out[-1], Unit):
                out.append(Unit("X", i, i, weak=True))
            elif t.text in PLUS_WORDS and nxt is not None and _digitish(nxt):
                out.append(Unit("+", i, i, weak=True))
            else:
                out.append(Sep("filler" if t.text in FILLERS else "break", i, i))
            i += 1
            continue
        if t.kind == "hangul":
            digits = hangul_digits(t.text)
            glued_counter = t.glued and i > 0 and tokens[i - 1].kind == "digits"
            if digits and not glued_counter and not any(c in KO_COMPOUND for c in t.text):
                out.append(Unit(digits, i, i, weak=len(digits) == 1))
            elif t.text in PLUS_WORDS:
                out.append(Unit("+", i, i, weak=True))
            else:
                out.append(Sep("filler" if t.text in FILLERS else "break", i, i))
            i += 1
            continue
        # punctuation
        if t.text == "+" and nxt is not None and nxt.kind == "digits":
            out.append(Unit("+", i, i, written=True))
        elif t.text in CURRENCY:
            out.append(Sep("break", i, i))
        elif t.text in "?!？！":
            out.append(Sep("break", i, i))
        else:
            out.append(Sep("filler", i, i))
        i += 1
    return out


def _digitish(t: Token) -> bool:
    if t.kind == "digits":
        return True
    if t.kind == "latin":
        return t.low in EN_DIGITS or t.low in MS_DIGITS or t.low in MULTIPLIERS or t.low in ("oh", "o")
    if t.kind == "han":
        return t.text in ZH_DIGITS
    return t.kind == "hangul" and is_hangul(t.text) and hangul_digits(t.text) is not None
