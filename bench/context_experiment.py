"""Does the turn before help the labeller? Measured on the real dev split (issue 11, item 3).

The shipped heads read one sentence. This trains the same heads twice on the same rows (the
team's lines and the real training rows, :func:`models.train.load_rows`), once as shipped and once
with the previous turn's sentence embedding appended to the features (``prev_text`` of the real
rows, rebuilt by ``models/data/real/prepare.py``; zeros where there is none, e.g. the team's
single lines and a conversation's first turn), and scores both on the real dev split, which
neither saw: threshold-free average precision per label and language, with a 90 % interval
for the difference from resampling whole conversations.

    .venv/bin/python bench/context_experiment.py

Keep context only if it helps where the label depends on it (condescension, arguing,
backchannel) without costing the other labels.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.train import (  # noqa: E402
    DEFAULT_DATA,
    DENSE_SCALE,
    LABELS,
    Featurizer,
    fit_heads,
    is_real,
    label_matrix,
    load_rows,
    predict_proba,
)
from qa.labeller import SentenceEncoder, normalize_text  # noqa: E402

#: Labels where what the other party just said may decide the label.
CONTEXT_LABELS = ("arguing", "condescension", "backchannel")
N_BOOT = 1000
MIN_POSITIVES = 10


def average_precision(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, p)) if y.any() else float("nan")


def precision_at_recall(y: np.ndarray, p: np.ndarray, recall: float) -> float:
    """The best precision at any threshold whose recall is at least ``recall``."""
    from sklearn.metrics import precision_recall_curve

    prec, rec, _ = precision_recall_curve(y, p)
    ok = prec[rec >= recall]
    return float(ok.max()) if len(ok) else float("nan")


def main() -> int:
    from scipy import sparse
    from threadpoolctl import threadpool_limits

    rows = load_rows(DEFAULT_DATA)
    texts = [normalize_text(r["text"]) for r in rows]
    prev = [normalize_text(r.get("prev_text") or "") for r in rows]
    Y = label_matrix(rows)
    tr = np.array([r["split"] == "train" for r in rows])
    rdv = np.array([r["split"] == "dev" and is_real(r) for r in rows])
    with threadpool_limits(limits=1):
        enc = SentenceEncoder(threads=1)
        dense = enc.encode(texts)
        has_prev = np.array([bool(t) for t in prev])
        dense_prev = np.zeros_like(dense)
        idx = np.flatnonzero(has_prev)
        dense_prev[idx] = enc.encode([prev[i] for i in idx])
        tr_idx, dv_idx = np.flatnonzero(tr), np.flatnonzero(rdv)
        feat = Featurizer([texts[i] for i in tr_idx])

        def design(ix: np.ndarray, context: bool):
            base = feat.matrix(dense[ix], [texts[i] for i in ix])
            if not context:
                return base
            return sparse.hstack(
                [base, sparse.csr_matrix(dense_prev[ix] * DENSE_SCALE)], format="csr"
            )

        P = {}
        for context in (False, True):
            w, b = fit_heads(design(tr_idx, context), Y[tr_idx])
            P[context] = predict_proba(design(dv_idx, context), w, b)
    langs = np.array([rows[i]["language"] for i in dv_idx])
    convs = np.array([f"{rows[i].get('source')}:{rows[i].get('conv')}" for i in dv_idx])
    y_dv = Y[dv_idx]
    print(
        f"real dev split: {len(dv_idx)} utterances, {len(set(convs))} conversations; "
        f"{int(has_prev[tr_idx].sum())} of {len(tr_idx)} training rows have a previous turn"
    )
    print(
        f"{'label':<22}{'lang':<6}{'n+':>5}  {'AP sentence':>12}{'AP +context':>12}{'diff':>8}  90% interval"
    )
    rng = np.random.default_rng(0)
    for j, lab in enumerate(LABELS):
        for lang in ("en", "zh", "ko"):
            m = langs == lang
            y = y_dv[m, j]
            if y.sum() < MIN_POSITIVES:
                continue
            a0, a1 = average_precision(y, P[False][m, j]), average_precision(y, P[True][m, j])
            groups = convs[m]
            uniq = np.unique(groups)
            members = {g: np.flatnonzero(groups == g) for g in uniq}
            diffs = []
            for _ in range(N_BOOT):
                pick = np.concatenate([members[g] for g in rng.choice(uniq, size=len(uniq))])
                yy = y[pick]
                if not yy.any():
                    continue
                diffs.append(
                    average_precision(yy, P[True][m, j][pick])
                    - average_precision(yy, P[False][m, j][pick])
                )
            lo, hi = np.percentile(diffs, [5, 95])
            mark = " *" if lab in CONTEXT_LABELS else ""
            extra = ""
            if lab in CONTEXT_LABELS:  # what matters for a finding against the agent: precision
                extra = "  P at R>=0.6: " + " -> ".join(
                    f"{precision_at_recall(y, P[c][m, j], 0.6):.2f}" for c in (False, True)
                )
            print(
                f"{lab + mark:<22}{lang:<6}{int(y.sum()):>5}  {a0:>12.3f}{a1:>12.3f}{a1 - a0:>+8.3f}  "
                f"[{lo:+.3f}, {hi:+.3f}]{extra}"
            )
    print("* labels where the turn before may decide the label")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
