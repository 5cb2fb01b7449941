"""Build ``models/data/utterances.jsonl`` from the hand-written sentence lists.

Run ``python -m models.data.build_data`` (writes the file and prints the counts table) or
``python -m models.data.build_data --check`` (rebuilds in memory and fails if the file on disk
differs or a sanity check fails).  The output is deterministic: same sources, same bytes.

Two kinds of source file per language, both with a ``RAW`` string, one utterance a line::

    CODES|ROLE|TEXT            or            CODES|ROLE|TEXT|NOTE

* ``sentences_<lang>.py`` — the ``train`` split (ids ``<lang>-NNNN``);
* ``dev_<lang>.py`` — the ``dev`` split (ids ``<lang>-dev-NNNN``), written separately: no dev line
  is a translation or paraphrase of a training line, and the build fails on near-duplicates
  between the two within a language (see :func:`near_duplicates`).

CODES is any subset of ``E A S V R C B`` (empathy, apology, resolution_specific,
resolution_vague, arguing, condescension, backchannel) or ``-`` for none; ROLE is ``a`` (agent)
or ``c`` (customer). ``#`` lines are section comments. The labelling rules are in ``README.md``.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from qa.labeller import LABELS  # the one definition of the label set

HERE = Path(__file__).resolve().parent
OUT_PATH = HERE / "utterances.jsonl"

LANGUAGES = ("en", "zh", "ko", "ms")
CODE_TO_LABEL = {
    "E": "empathy",
    "A": "apology",
    "S": "resolution_specific",
    "V": "resolution_vague",
    "R": "arguing",
    "C": "condescension",
    "B": "backchannel",
}
ROLES = {"a": "agent", "c": "customer"}
SOURCE = "written by the qa team"
MIN_DEV_POSITIVES = 15
MIN_POSITIVES = 60
KEYS = ("id", "text", "language", "role", "labels", "split", "source", "note")
#: Source module per split: ``models.data.<prefix>_<lang>``.
SPLIT_SOURCES = {"train": "sentences", "dev": "dev"}
#: Dev and train texts of one language closer than this (character-trigram Jaccard of the
#: normalised texts) are near-duplicates: the build fails.
NEAR_DUPLICATE = 0.6
#: Shorter normalised texts (backchannels: "mm-hm", "네네") are exempt from the near-duplicate rule.
NEAR_DUPLICATE_MIN_CHARS = 10


def _parse(module: str) -> list[dict]:
    raw = importlib.import_module(f"models.data.{module}").RAW
    lang = module.rsplit("_", 1)[1]
    rows = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) not in (3, 4):
            raise ValueError(f"{module}.py RAW line {lineno}: expected 3 or 4 fields: {line!r}")
        codes, role, text = parts[0].strip(), parts[1].strip(), parts[2].strip()
        note = parts[3].strip() if len(parts) == 4 else ""
        if role not in ROLES:
            raise ValueError(f"{module}.py RAW line {lineno}: bad role {role!r}")
        if codes == "-":
            labels: list[str] = []
        else:
            bad = [c for c in codes if c not in CODE_TO_LABEL]
            if bad or len(set(codes)) != len(codes):
                raise ValueError(f"{module}.py RAW line {lineno}: bad codes {codes!r}")
            labels = [lab for lab in LABELS if any(CODE_TO_LABEL[c] == lab for c in codes)]
        if not text:
            raise ValueError(f"{module}.py RAW line {lineno}: empty text")
        rows.append(
            {"text": text, "language": lang, "role": ROLES[role], "labels": labels, "note": note}
        )
    return rows


def build() -> list[dict]:
    """Every record: per language, the training lines in source order, then the dev lines."""
    out = []
    for lang in LANGUAGES:
        for split, prefix in SPLIT_SOURCES.items():
            infix = "" if split == "train" else f"{split}-"
            for i, row in enumerate(_parse(f"{prefix}_{lang}"), 1):
                rec = {
                    "id": f"{lang}-{infix}{i:04d}",
                    "text": row["text"],
                    "language": lang,
                    "role": row["role"],
                    "labels": row["labels"],
                    "split": split,
                    "source": SOURCE,
                }
                if row["note"]:
                    rec["note"] = row["note"]
                out.append(rec)
    return out


def _norm(text: str) -> str:
    """Normalised form for duplicate detection: NFKC, case-folded, punctuation and spaces dropped."""
    t = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", t)


def _trigrams(norm: str) -> set[str]:
    return {norm[i : i + 3] for i in range(max(1, len(norm) - 2))}


def near_duplicates(records: list[dict], threshold: float = NEAR_DUPLICATE) -> list[tuple[float, dict, dict]]:
    """``(similarity, dev record, train record)`` for dev lines too close to a training line.

    Similarity is the Jaccard index of the character trigrams of the normalised texts (same
    language only; texts shorter than :data:`NEAR_DUPLICATE_MIN_CHARS` normalised characters are
    exempt). Cross-language leakage (a dev line translated from a training line) cannot be seen
    this way; ``python -m models.train`` reports the nearest training line of every dev line in
    the sentence encoder's space for that.
    """
    out = []
    for lang in LANGUAGES:
        train = [
            (r, _trigrams(n))
            for r in records
            if r["language"] == lang and r["split"] == "train"
            for n in [_norm(r["text"])]
            if len(n) >= NEAR_DUPLICATE_MIN_CHARS
        ]
        for r in records:
            n = _norm(r["text"])
            if r["language"] != lang or r["split"] != "dev" or len(n) < NEAR_DUPLICATE_MIN_CHARS:
                continue
            g = _trigrams(n)
            for t, tg in train:
                sim = len(g & tg) / len(g | tg)
                if sim >= threshold:
                    out.append((round(sim, 3), r, t))
    return out


def check(records: list[dict]) -> list[str]:
    """Sanity checks; returns a list of problems (empty when all is well)."""
    problems = []
    ids, norms = set(), {}
    for r in records:
        if set(r) - set(KEYS) or not {
            "id",
            "text",
            "language",
            "role",
            "labels",
            "split",
            "source",
        } <= set(r):
            problems.append(f"{r.get('id')}: unexpected keys {sorted(r)}")
        if r["id"] in ids:
            problems.append(f"duplicate id {r['id']}")
        ids.add(r["id"])
        if r["language"] not in LANGUAGES:
            problems.append(f"{r['id']}: bad language {r['language']!r}")
        if r["role"] not in ("agent", "customer"):
            problems.append(f"{r['id']}: bad role {r['role']!r}")
        if r["split"] not in ("train", "dev"):
            problems.append(f"{r['id']}: bad split {r['split']!r}")
        if any(lab not in LABELS for lab in r["labels"]) or len(set(r["labels"])) != len(
            r["labels"]
        ):
            problems.append(f"{r['id']}: bad labels {r['labels']!r}")
        if not r["text"].strip():
            problems.append(f"{r['id']}: empty text")
        n = (r["language"], _norm(r["text"]))
        if n in norms:
            problems.append(f"{r['id']}: duplicate text of {norms[n]}: {r['text']!r}")
        norms[n] = r["id"]
        if not r["id"].startswith(r["language"] + "-"):
            problems.append(f"{r['id']}: id does not match language")
    # exact duplicates across languages too (e.g. "Okey" in en and ms would be fine, but flag exact)
    exact = Counter(r["text"] for r in records)
    for text, c in exact.items():
        if c > 1:
            problems.append(f"text appears {c} times across languages: {text!r}")
    for sim, d, t in near_duplicates(records):
        problems.append(f"{d['id']} (dev) is a near-duplicate ({sim:.2f}) of {t['id']} (train): {d['text']!r} ~ {t['text']!r}")
    for lang in LANGUAGES:
        for lab in LABELS:
            pos = [r for r in records if r["language"] == lang and lab in r["labels"]]
            d = sum(r["split"] == "dev" for r in pos)
            if len(pos) < MIN_POSITIVES:
                problems.append(f"{lang}/{lab}: only {len(pos)} positives (< {MIN_POSITIVES})")
            if d < MIN_DEV_POSITIVES:
                problems.append(f"{lang}/{lab}: only {d} dev positives (< {MIN_DEV_POSITIVES})")
    return problems


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def load(path: Path = OUT_PATH) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    records = build()
    problems = check(records)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    text = dumps(records)
    if "--check" in argv:
        if not OUT_PATH.exists() or OUT_PATH.read_text(encoding="utf-8") != text:
            print(f"{OUT_PATH} is stale: run python -m models.data.build_data", file=sys.stderr)
            return 1
        on_disk = load()
        problems = check(on_disk)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        print(f"ok: {len(on_disk)} records")
        return 0
    OUT_PATH.write_text(text, encoding="utf-8")
    from models.data.stats import table

    print(f"wrote {len(records)} records to {OUT_PATH}")
    print(table(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
