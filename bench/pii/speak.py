"""How people say PII aloud in the four languages, written as an ASR transcript would show it.

These renderings are the test set's own (a team member's idea of how callers read numbers), kept
apart from ``qa.redact``'s lexicons so that the set checks the detector rather than echoing it.
Each function returns a list of words (whitespace-free strings, as Whisper's word timings give).
"""

from __future__ import annotations

import random

EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ZH = "零一二三四五六七八九"
KO_SINO = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
KO_NATIVE = ["영", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
MS = ["kosong", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan", "sembilan"]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "ms": ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"],
}


def groups_of(value: str, sizes: list[int] | None = None) -> list[str]:
    """``value`` cut into groups (4s by default, the last one taking the rest)."""
    if sizes is None:
        sizes = [4] * (len(value) // 4) + ([len(value) % 4] if len(value) % 4 else [])
    out, at = [], 0
    for n in sizes:
        if at < len(value):
            out.append(value[at : at + n])
            at += n
    if at < len(value):
        out.append(value[at:])
    return out


def en_pair(two: str) -> list[str]:
    """Two digits said as a number: "45" -> forty five, "05" -> oh five, "10" -> ten."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        return ["oh", EN[b]]
    if a == 1:
        return [EN_TEENS[b]]
    return [EN_TENS[a]] if b == 0 else [EN_TENS[a], EN[b]]


def spoken_digits(value: str, lang: str, rng: random.Random, style: str = "s") -> list[str]:
    """Digits (and letters, said as letters) read aloud.

    ``style``: ``s`` one by one; ``sg`` in groups with a comma after each; ``sd`` with "double"
    for repeats (en, ms); ``sp`` in pairs (en); ``sr`` each group run together in one word
    (zh, ko); ``n`` Korean native numerals."""
    groups = groups_of(value, [3, 3, 4] if len(value) == 10 else None)
    words: list[str] = []
    for g in groups:
        gw: list[str] = []
        if style == "sp" and lang == "en" and g.isdigit() and len(g) % 2 == 0:
            for i in range(0, len(g), 2):
                gw += en_pair(g[i : i + 2])
        elif style == "sr" and lang in ("zh", "ko") and g.isdigit():
            gw.append("".join(_digit(c, lang, rng, style) for c in g))
        else:
            i = 0
            while i < len(g):
                c = g[i]
                if style == "sd" and lang in ("en", "ms") and i + 1 < len(g) and g[i + 1] == c:
                    gw += ["double", _digit(c, lang, rng, style)]
                    i += 2
                    continue
                gw.append(_digit(c, lang, rng, style))
                i += 1
        if style == "sg" and gw:
            gw[-1] += "，" if lang == "zh" else ","
        words += gw
    return words


def _digit(c: str, lang: str, rng: random.Random, style: str) -> str:
    if not c.isdigit():
        return c.upper()
    d = int(c)
    if lang == "en":
        return "oh" if d == 0 and rng.random() < 0.4 else EN[d]
    if lang == "zh":
        if d == 1 and rng.random() < 0.3:
            return "幺"
        return ZH[d]
    if lang == "ko":
        if style == "n" and d:
            return KO_NATIVE[d]
        return "공" if d == 0 and rng.random() < 0.5 else KO_SINO[d]
    return ("sifar" if rng.random() < 0.2 else "kosong") if d == 0 else MS[d]


def written_digits(value: str, style: str = "g") -> list[str]:
    """``w`` one word; ``g`` groups of 4 (3-3-4 for ten digits); ``d`` groups joined by dashes."""
    if style == "w":
        return [value]
    groups = groups_of(value, [3, 3, 4] if len(value) == 10 else None)
    return ["-".join(groups)] if style == "d" else groups


def spoken_email(address: str, lang: str) -> list[str]:
    local, domain = address.split("@")
    dot = {"en": "dot", "zh": "点", "ko": "닷", "ms": "titik"}[lang]
    at = {"en": "at", "zh": "艾特", "ko": "골뱅이", "ms": "at"}[lang]
    words: list[str] = []
    for part in _split_keep(local):
        words.append({".": dot, "_": {"en": "underscore", "zh": "下划线", "ko": "언더바", "ms": "underscore"}[lang]}.get(part, part))
    words.append(at)
    labels = domain.split(".")
    for i, label in enumerate(labels):
        if i:
            words.append(dot)
        words.append(label)
    return words


def _split_keep(text: str) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if ch in "._":
            if cur:
                out.append(cur)
            out.append(ch)
            cur = ""
        else:
            cur += ch
    return out + ([cur] if cur else [])


def zh_number(n: int) -> str:
    """A number under 100 in Chinese numerals (十五, 二十三)."""
    if n < 10:
        return ZH[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else ZH[tens]) + "十" + (ZH[units] if units else "")


def ko_number(n: int) -> str:
    if n < 10:
        return KO_SINO[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else KO_SINO[tens]) + "십" + (KO_SINO[units] if units else "")


def ms_number(n: int) -> list[str]:
    if n < 10:
        return [MS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [MS[n - 10], "belas"]
    tens, units = divmod(n, 10)
    return [MS[tens], "puluh"] + ([MS[units]] if units else [])


def en_ordinal(n: int) -> str:
    special = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth", 20: "twentieth", 30: "thirtieth"}
    if n in special:
        return special[n]
    if n < 20:
        return (EN_TEENS[n - 10] if n >= 10 else EN[n]) + "th"
    tens, units = divmod(n, 10)
    return f"{EN_TENS[tens]}-{special.get(units, EN[units] + 'th')}"


def en_year(y: int) -> list[str]:
    hi, lo = divmod(y, 100)
    if hi == 20 and lo < 10:
        return ["two", "thousand"] + ([EN[lo]] if lo else [])
    return en_pair(f"{hi:02d}") + en_pair(f"{lo:02d}")
