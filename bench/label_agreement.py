"""How far two people agree on the real-text labels, and where the labeller stands against that.

    python bench/label_agreement.py [--no-labeller]

A second annotator of the team labelled a sample of the real dev split blind to the first
annotator's labels (``models/data/real/second_pass.jsonl``: ids and labels only; the text is
rebuilt by ``models/data/real/prepare.py``). Per language and label this prints how many
positives each annotator gave and how many both gave, the second annotator's precision and recall
scored against the first, Cohen's kappa between them, and F1 of one annotator scored against
the other (the same for either direction's F1 pooled over positives: 2·both / (n1 + n2)), which is
about the best F1 a model can show against one annotator's labels. Beside it: the shipped
labeller's F1 on the same rows against the first annotator (the labels it is measured on
elsewhere) and against the second. 90 % intervals resample the rows (2,000 times).

The sample is stratified (half of it drawn from rows the first annotator labelled, half from
unlabelled rows, per language), so positives are commoner than in the dev split: compare the
figures with each other, not with the dev-split F1 of ``bench/rubric_accuracy.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa.labeller import LABELS  # noqa: E402

REAL = ROOT / "models" / "data" / "real"
SECOND = REAL / "second_pass.jsonl"
TEXTS = REAL / "texts.jsonl"


def kappa(a: np.ndarray, b: np.ndarray) -> float | None:
    """Cohen's kappa of two boolean vectors (None when both are constant and equal)."""
    n = len(a)
    if n == 0:
        return None
    po = float(np.mean(a == b))
    pa, pb = float(np.mean(a)), float(np.mean(b))
    pe = pa * pb + (1 - pa) * (1 - pb)
    return None if pe >= 1.0 else (po - pe) / (1 - pe)


def f1(ref: np.ndarray, hyp: np.ndarray) -> float | None:
    denom = int(ref.sum() + hyp.sum())
    return None if denom == 0 else 2 * int((ref & hyp).sum()) / denom


def interval(fn, *cols: np.ndarray, reps: int = 2000, seed: int = 0) -> tuple[float, float] | None:
    rng = np.random.default_rng(seed)
    n = len(cols[0])
    vals = []
    for _ in range(reps):
        idx = rng.integers(0, n, n)
        v = fn(*(c[idx] for c in cols))
        if v is not None:
            vals.append(v)
    if not vals:
        return None
    return float(np.percentile(vals, 5)), float(np.percentile(vals, 95))


def fmt(v: float | None, ci: tuple[float, float] | None = None) -> str:
    if v is None:
        return "   -"
    s = f"{v:.2f}"
    return s + (f" [{ci[0]:.2f}, {ci[1]:.2f}]" if ci else "")


def load(no_text_ok: bool) -> list[dict]:
    if not SECOND.is_file():
        sys.exit(f"{SECOND} is missing")
    first = {}
    for line in (REAL / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        first[r["id"]] = r
    texts = {}
    if TEXTS.is_file():
        for line in TEXTS.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    elif not no_text_ok:
        sys.exit("models/data/real/texts.jsonl is missing: run `python models/data/real/prepare.py` "
                 "(see models/data/real/README.md), or pass --no-labeller")
    rows = []
    for line in SECOND.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        a = first[s["id"]]
        rows.append({"id": s["id"], "language": a["language"], "first": set(a["labels"]),
                     "second": set(s["labels"]), "text": texts.get(s["id"])})
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-labeller", action="store_true", help="only the two annotators")
    args = ap.parse_args(argv)
    rows = load(args.no_labeller)
    preds = None
    if not args.no_labeller:
        from qa.labeller import load_labeller

        lab = load_labeller()
        probs = lab.predict([r["text"] for r in rows], [r["language"] for r in rows])
        preds = [{k for k in LABELS if p.get(k, 0.0) >= lab.thresholds[k]} for p in probs]
        print(f"labeller {lab.version}")
    print(f"{len(rows)} rows labelled by both annotators ({SECOND.relative_to(ROOT)})")
    head = f"{'label':<20} {'lang':<4} {'n1':>4} {'n2':>4} {'both':>4}  {'P/R 2 vs 1':<10}  {'kappa':<18} {'F1 2 vs 1':<18}"
    if preds is not None:
        head += f" {'labeller vs 1':<18} {'labeller vs 2':<18}"
    print(head)
    for lang in sorted({r["language"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["language"] == lang]
        for label in LABELS:
            a = np.array([label in rows[i]["first"] for i in idx])
            b = np.array([label in rows[i]["second"] for i in idx])
            if not a.any() and not b.any():
                continue
            both = int((a & b).sum())
            pr = f"{both / max(1, int(b.sum())):.2f}/{both / max(1, int(a.sum())):.2f}"
            line = (f"{label:<20} {lang:<4} {int(a.sum()):>4} {int(b.sum()):>4} {both:>4}  {pr:<10}  "
                    f"{fmt(kappa(a, b), interval(kappa, a, b)):<18} {fmt(f1(a, b), interval(f1, a, b)):<18}")
            if preds is not None:
                m = np.array([label in preds[i] for i in idx])
                line += f" {fmt(f1(a, m), interval(f1, a, m)):<18} {fmt(f1(b, m), interval(f1, b, m)):<18}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
