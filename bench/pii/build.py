"""Build the PII test set (``dev.jsonl``, ``heldout.jsonl``) from the team's templates.

    python bench/pii/build.py

A case is a language and a template: turns separated by `` | ``, each ``A:`` (agent) or ``C:``
(customer), with placeholders ``{kind}`` or ``{kind/style}`` or ``{kind/style/split}``. Each
placeholder is filled with a fresh valid value (``values.py``) said or written in that language
(``speak.py``); a PII kind becomes a gold span over exactly its words. ``/split`` cuts the value
across two utterances of the same speaker, ``/split+ok`` also puts the other party's short
interjection between them. Words get even synthetic timings (0.3 s each, 0.05 s apart).
The held-out templates (``heldout_cases.py``) were written before any detector code and are never
tuned on; the dev templates (``dev_cases.py``) are.

Row: ``{"id", "split", "language", "kind": "positive"|"lookalike", "utterances": [{"role",
"start", "end", "text", "words": [[start, end, text], ...]}], "gold": [{"entity", "pieces":
[[utterance, first_word, end_word], ...]}]}``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import speak  # noqa: E402
import values  # noqa: E402

ENTITY = {
    "card": "CARD_NUMBER", "cvv": "CVV", "exp": "EXPIRY", "acct": "BANK_ACCOUNT", "iban": "BANK_ACCOUNT",
    "phone": "PHONE", "phone+": "PHONE", "email": "EMAIL", "mykad": "NATIONAL_ID", "nric": "NATIONAL_ID", "rrn": "NATIONAL_ID",
    "prc": "NATIONAL_ID", "dob": "DATE_OF_BIRTH", "name": "PERSON", "addr": "ADDRESS",
}
DIGIT_STYLES = {
    "en": ["g", "w", "d", "s", "s", "sg", "sd", "sp"],
    "zh": ["g", "w", "s", "s", "sr", "sg"],
    "ko": ["g", "d", "s", "s", "sr", "sg"],
    "ms": ["g", "w", "d", "s", "s", "sg", "sd"],
}
INTERJECTION = {"en": ["okay", "mm-hmm", "yes"], "zh": ["嗯", "好的"], "ko": ["네", "네네"], "ms": ["okay", "ya"]}
REGIONS = {"en": ["US", "GB", "SG", "MY"], "zh": ["CN"], "ko": ["KR"], "ms": ["MY", "SG"]}
PLACEHOLDER = re.compile(r"\{([^}]+)\}")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def split_words(text: str, lang: str, rng: random.Random) -> list[str]:
    """Literal template text as ASR words: whitespace words, Han characters in words of 1-2."""
    if lang != "zh":
        return text.split()
    words: list[str] = []
    for chunk in re.findall(r"[\u4e00-\u9fff]+|[^\s\u4e00-\u9fff]+", text):
        if _HAN.match(chunk):
            i = 0
            while i < len(chunk):
                n = rng.choice([1, 2, 2])
                words.append(chunk[i : i + n])
                i += n
        elif words and re.fullmatch(r"[，。？！、,.?!]+", chunk):
            words[-1] += chunk
        else:
            words.append(chunk)
    return words


def _digits(value: str, lang: str, style: str, rng: random.Random) -> list[str]:
    if style in ("g", "w", "d"):
        return speak.written_digits(value, style)
    return speak.spoken_digits(value, lang, rng, style)


def render(kind: str, style: str, lang: str, rng: random.Random) -> list[str]:
    """The words for one placeholder."""
    head, _, arg = kind.partition(":")
    style = style or rng.choice(DIGIT_STYLES[lang])
    if head in ("card", "cardbad", "luhn", "num", "acct", "rrn", "rrnbad", "mykad", "prc", "cvv", "phone", "phone+"):
        if head == "card":
            value = values.card(rng, arg or None)
        elif head == "cardbad":
            value = values.bad_luhn(rng)
        elif head == "luhn":
            value = values.luhn_complete(values.digits(rng, int(arg) - 1))
        elif head == "num":
            value = values.digits(rng, int(arg))
        elif head == "acct":
            value = values.bank_account(rng, lang)
        elif head in ("rrn", "rrnbad"):
            value = values.rrn(rng, valid=head == "rrn")
        elif head == "mykad":
            value = values.mykad(rng)
            if style in ("g", "d"):
                parts = [value[:6], value[6:8], value[8:]]
                return ["-".join(parts)] if style == "d" else parts
        elif head == "prc":
            value = values.prc_id(rng)
        elif head == "cvv":
            value = values.cvv(rng)
            style = style if style not in ("g", "d", "sp") else "w"
        else:
            region = arg or rng.choice(REGIONS[lang])
            value = values.phone(rng, region)
            if head == "phone+":
                national = value[1:] if value.startswith("0") else value
                code = values.COUNTRY_CODE[region]
                if style in ("g", "w", "d"):
                    return ["+" + code] + _digits(national, lang, style, rng)
                plus = {"en": "plus", "zh": "加", "ko": "플러스", "ms": "plus"}[lang]
                return [plus] + _digits(code, lang, "s", rng) + _digits(national, lang, style, rng)
        if head in ("rrn", "rrnbad") and style in ("g", "d"):
            return [value[:6] + "-" + value[6:]] if style == "d" else [value[:6], value[6:]]
        return _digits(value, lang, style, rng)
    if head == "nric":
        value = values.nric(rng, arg or None)
        if style in ("g", "w", "d"):
            return [value]
        return [value[0]] + speak.spoken_digits(value[1:8], lang, rng, "s") + [value[8]]
    if head == "iban":
        value = values.iban(rng)
        return [value[i : i + 4] for i in range(0, len(value), 4)]
    if head == "email":
        address = values.email(rng, lang)
        return [address] if style in ("g", "w", "d") else speak.spoken_email(address, lang)
    if head in ("exp", "dob", "date"):
        return _date(head, style, lang, rng)
    if head == "name":
        name = values.person(rng, lang)
        if style == "spell":
            last = name.split()[-1]
            return [name.split()[0], "-".join(last.upper())]
        return split_words(name, lang, rng) if lang != "zh" else [name[:1], name[1:]]
    if head == "addr":
        return split_words(rng.choice(values.ADDRESSES[lang]), lang, rng)
    raise ValueError(f"unknown placeholder kind {kind!r}")


def _date(head: str, style: str, lang: str, rng: random.Random) -> list[str]:
    if head == "exp":
        month, yy = values.expiry(rng)
        if style in ("g", "w", "d"):
            return [f"{month:02d}/{yy}"]
        if lang == "en":
            return speak.en_pair(f"{month:02d}") + speak.en_pair(f"{yy:02d}")
        if lang == "zh":
            return [speak.ZH[yy // 10], speak.ZH[yy % 10] + "年", speak.zh_number(month) + "月"]
        if lang == "ko":
            return [speak.ko_number(yy) + "년", speak.ko_number(month) + "월"]
        return speak.spoken_digits(f"{month:02d}{yy:02d}", "ms", rng, "s")
    d = values.birth_date(rng) if head == "dob" else values.birth_date(rng, 2024, 2025)
    if style in ("g", "w", "d"):
        if lang == "zh":
            return [f"{d.year}年{d.month}月{d.day}日"]
        if lang == "ko":
            return [f"{d.year}년", f"{d.month}월", f"{d.day}일"]
        return [d.strftime("%d/%m/%Y")]
    if lang == "en":
        return ["the", speak.en_ordinal(d.day), "of", speak.MONTHS["en"][d.month - 1]] + speak.en_year(d.year)
    if lang == "ms":
        return speak.ms_number(d.day) + [speak.MONTHS["ms"][d.month - 1], str(d.year)]
    if lang == "zh":
        return ["".join(speak.ZH[int(c)] for c in str(d.year)) + "年", speak.zh_number(d.month) + "月", speak.zh_number(d.day) + "日"]
    return [f"{d.year}년", speak.ko_number(d.month) + "월", speak.ko_number(d.day) + "일"]


def instantiate(case_id: str, split: str, lang: str, template: str, rng: random.Random) -> dict:
    utterances: list[dict] = []
    gold: list[dict] = []
    clock = 0.0

    def start_utterance(role: str) -> None:
        nonlocal clock
        clock += 0.5
        utterances.append({"role": role, "start": round(clock, 3), "words": []})

    def add_words(words: list[str]) -> list[int]:
        nonlocal clock
        u = utterances[-1]
        span = [len(utterances) - 1, len(u["words"]), len(u["words"])]
        for w in words:
            u["words"].append([round(clock, 3), round(clock + 0.3, 3), w])
            clock += 0.35
        span[2] = len(u["words"])
        return span

    for turn in template.split(" | "):
        role = {"A": "agent", "C": "customer"}[turn[0]]
        other = "agent" if role == "customer" else "customer"
        start_utterance(role)
        pos = 0
        body = turn[2:].strip()
        for m in PLACEHOLDER.finditer(body):
            add_words(split_words(body[pos : m.start()], lang, rng))
            kind, _, rest = m.group(1).partition("/")
            style, _, flag = rest.partition("/")
            words = render(kind, style, lang, rng)
            # Text glued to a placeholder joins its last word (Korean particles, punctuation).
            trail = re.match(r"[，。？！,.?!]+" if lang == "zh" else r"[^\s{]+", body[m.end() :])
            if trail:
                words[-1] += trail.group()
            pos = m.end() + (trail.end() if trail else 0)
            entity = ENTITY.get(kind.partition(":")[0])
            pieces = []
            if flag.startswith("split") and len(words) >= 2:
                cut = len(words) // 2
                pieces.append(add_words(words[:cut]))
                if flag == "split+ok":
                    start_utterance(other)
                    add_words([rng.choice(INTERJECTION[lang])])
                start_utterance(role)
                pieces.append(add_words(words[cut:]))
            else:
                pieces.append(add_words(words))
            if entity:
                gold.append({"entity": entity, "pieces": pieces})
        add_words(split_words(body[pos:], lang, rng))
    for u in utterances:
        u["end"] = u["words"][-1][1] if u["words"] else u["start"]
        glue = "" if lang == "zh" else " "
        text = ""
        for _, _, w in u["words"]:
            if text and (glue or (re.match(r"[A-Za-z0-9+]", w) and re.search(r"[A-Za-z0-9,.]$", text))):
                text += " "
            text += w
        u["text"] = text
    return {
        "id": case_id, "split": split, "language": lang,
        "kind": "positive" if gold else "lookalike",
        "utterances": [{k: u[k] for k in ("role", "start", "end", "text", "words")} for u in utterances],
        "gold": gold,
    }


def build(split: str, cases: list[tuple[str, str, int]], seed: int) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for n, (lang, template, repeats) in enumerate(cases):
        for r in range(repeats):
            rows.append(instantiate(f"{split}-{lang}-{n:03d}-{r}", split, lang, template, rng))
    return rows


def main() -> None:
    import importlib

    for split, seed in (("heldout", 15_001), ("dev", 15_002)):
        if not (HERE / f"{split}_cases.py").exists():
            continue
        rows = build(split, importlib.import_module(f"{split}_cases").CASES, seed)
        path = HERE / f"{split}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{path.name}: {len(rows)} cases, {sum(len(r['gold']) for r in rows)} gold spans")


if __name__ == "__main__":
    main()
