"""Build ``models/data/utterances.jsonl`` from the team's written lines in ``models/data/team/``.

Run ``python -m models.data.build_data`` (writes the file and prints the counts table) or
``python -m models.data.build_data --check`` (rebuilds in memory and fails if the file on disk
differs or a sanity check fails).  The output is deterministic: same sources, same bytes.

Two source files per language, JSON Lines (UTF-8, one utterance a line, in the order the team
wrote them):

* ``team/train_<lang>.jsonl`` — the ``train`` split (ids ``<lang>-NNNN``);
* ``team/dev_<lang>.jsonl`` — the ``dev`` split (ids ``<lang>-dev-NNNN``), written separately: no
  dev line is a translation or paraphrase of a training line, and the build fails on
  near-duplicates between the two within a language (see :func:`near_duplicates`).

Each line is ``{"text", "language", "role", "labels", "split", "source", "batch"}`` plus optional
``"section"`` and ``"note"`` (see :data:`SOURCE_KEYS` and ``README.md``): ``labels`` in the
canonical order of :data:`qa.labeller.LABELS`, ``source`` always :data:`SOURCE`, ``batch`` and
``section`` the writing batch and the list section the line was written in (provenance only: they
are not copied to ``utterances.jsonl``).  :func:`read_source` rejects any other shape with the file
name and line number.  Ids are positional, so new lines go at the end of a file.  The labelling
rules are in ``README.md``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from qa.labeller import LABELS  # the one definition of the label set

HERE = Path(__file__).resolve().parent
OUT_PATH = HERE / "utterances.jsonl"
#: The team's written lines: ``<split>_<lang>.jsonl`` for every split and language.
TEAM_DIR = HERE / "team"

LANGUAGES = ("en", "zh", "ko", "ms")
SPLITS = ("train", "dev")
ROLES = ("agent", "customer")
SOURCE = "written by the qa team"
MIN_DEV_POSITIVES = 15
MIN_POSITIVES = 60
KEYS = ("id", "text", "language", "role", "labels", "split", "source", "note")
#: Keys of a source line: required, then optional.
SOURCE_KEYS = ("text", "language", "role", "labels", "split", "source", "batch")
SOURCE_OPTIONAL_KEYS = ("section", "note")
#: Dev and train texts of one language closer than this (character-trigram Jaccard of the
#: normalised texts) are near-duplicates: the build fails.
NEAR_DUPLICATE = 0.6
#: Shorter normalised texts (backchannels: "mm-hm", "네네") are exempt from the near-duplicate rule.
NEAR_DUPLICATE_MIN_CHARS = 10


class SourceError(ValueError):
    """A team source file is missing or malformed; every message line starts with ``<path>:<line>:``
    (or ``<path>:`` for the file as a whole)."""


def source_path(language: str, split: str) -> Path:
    """The team source file of one language and split."""
    return TEAM_DIR / f"{split}_{language}.jsonl"


def _line_problems(obj: object, language: str, split: str) -> list[str]:
    """What is wrong with one parsed source line (empty when it is well-formed)."""
    if not isinstance(obj, dict):
        return [f"expected a JSON object, got {type(obj).__name__}"]
    problems = []
    missing = [k for k in SOURCE_KEYS if k not in obj]
    unknown = sorted(set(obj) - set(SOURCE_KEYS) - set(SOURCE_OPTIONAL_KEYS))
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown keys {', '.join(unknown)}")
    text = obj.get("text")
    # One line by str.splitlines(), which is how models.train reads utterances.jsonl (it also
    # breaks at U+2028 and the like, which json.dumps(ensure_ascii=False) leaves raw).
    if "text" in obj and (not isinstance(text, str) or text != text.strip()
                          or len(text.splitlines()) != 1):
        problems.append(f"text must be one non-empty line without surrounding spaces: {text!r}")
    if "language" in obj and obj["language"] != language:
        problems.append(f"language {obj['language']!r} in the {language!r} file "
                        f"(languages: {', '.join(LANGUAGES)})")
    if "role" in obj and obj["role"] not in ROLES:
        problems.append(f"role {obj['role']!r} is not one of {', '.join(ROLES)}")
    labels = obj.get("labels")
    if "labels" in obj:
        if not isinstance(labels, list) or not all(isinstance(lab, str) for lab in labels):
            problems.append(f"labels must be a list of label names: {labels!r}")
        elif unknown_labels := [lab for lab in labels if lab not in LABELS]:
            problems.append(f"unknown labels {unknown_labels} (labels: {', '.join(LABELS)})")
        elif labels != [lab for lab in LABELS if lab in labels]:
            problems.append(f"labels {labels} repeat or are out of order (order: {', '.join(LABELS)})")
    if "split" in obj and obj["split"] != split:
        problems.append(f"split {obj['split']!r} in the {split!r} file")
    if "source" in obj and obj["source"] != SOURCE:
        problems.append(f"source {obj['source']!r}: these files hold only lines {SOURCE}")
    for key in ("batch", *SOURCE_OPTIONAL_KEYS):
        if key in obj and (not isinstance(obj[key], str) or not obj[key].strip()):
            problems.append(f"{key} must be a non-empty string: {obj[key]!r}")
    return problems


def read_source(path: Path, language: str, split: str) -> list[dict]:
    """The lines of one team source file, in file order, each validated.

    Blank lines are skipped.  Raises :class:`SourceError` naming the file and the line of every
    problem: not JSON, not an object, missing or unknown keys, empty or multi-line text, a
    language or split other than the file's, an unknown role, unknown, repeated or out-of-order
    labels, another source, an empty batch, section or note.
    """
    try:
        # split at newlines only: a raw U+2028 inside a text is then reported, not split
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc
    rows, problems = [], []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{lineno}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        found = _line_problems(obj, language, split)
        problems += [f"{path}:{lineno}: {p}" for p in found]
        if not found:
            rows.append(obj)
    if problems:
        raise SourceError("\n".join(problems))
    return rows


def build() -> list[dict]:
    """Every record: per language, the training lines in file order, then the dev lines.

    Raises :class:`SourceError` when a source file is missing or malformed, or when
    :data:`TEAM_DIR` holds a ``.jsonl`` file that is not one of the sources (it would be ignored).
    """
    expected = {source_path(lang, split) for lang in LANGUAGES for split in SPLITS}
    stray = sorted(p.name for p in TEAM_DIR.glob("*.jsonl") if p not in expected)
    if stray:
        raise SourceError(f"{TEAM_DIR}: not a source file (<split>_<lang>.jsonl, splits "
                          f"{', '.join(SPLITS)}, languages {', '.join(LANGUAGES)}): {', '.join(stray)}")
    out = []
    for lang in LANGUAGES:
        for split in SPLITS:
            infix = "" if split == "train" else f"{split}-"
            for i, row in enumerate(read_source(source_path(lang, split), lang, split), 1):
                rec = {
                    "id": f"{lang}-{infix}{i:04d}",
                    "text": row["text"],
                    "language": lang,
                    "role": row["role"],
                    "labels": row["labels"],
                    "split": split,
                    "source": row["source"],
                }
                if "note" in row:
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
        if r["role"] not in ROLES:
            problems.append(f"{r['id']}: bad role {r['role']!r}")
        if r["split"] not in SPLITS:
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
    try:
        records = build()
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 1
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
