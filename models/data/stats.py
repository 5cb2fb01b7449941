"""Counts per language x label x split for ``utterances.jsonl``: ``python -m models.data.stats``."""

from __future__ import annotations

import sys
from collections import Counter

from models.data.build_data import LABELS, LANGUAGES, OUT_PATH, check, load


def table(records: list[dict]) -> str:
    c: Counter = Counter()
    for r in records:
        for lab in r["labels"] or ["(none)"]:
            c[(r["language"], lab, r["split"])] += 1
        c[(r["language"], "(all)", r["split"])] += 1
        c[(r["language"], "(customer)", r["split"])] += r["role"] == "customer"
        c[(r["language"], "(hard neg, noted)", r["split"])] += (not r["labels"]) and "note" in r
    rows = [*LABELS, "(none)", "(hard neg, noted)", "(customer)", "(all)"]
    head = (
        "| label | "
        + " | ".join(f"{lang} train/dev" for lang in LANGUAGES)
        + " | total train/dev |"
    )
    sep = "|---" * (len(LANGUAGES) + 2) + "|"
    lines = [head, sep]
    for lab in rows:
        cells, tt, td = [], 0, 0
        for lang in LANGUAGES:
            t, d = c[(lang, lab, "train")], c[(lang, lab, "dev")]
            tt, td = tt + t, td + d
            cells.append(f"{t}/{d}")
        lines.append(f"| {lab} | " + " | ".join(cells) + f" | {tt}/{td} |")
    return "\n".join(lines)


def main() -> int:
    records = load(OUT_PATH)
    print(table(records))
    problems = check(records)
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
