"""Site-specific labeller heads: the shipped heads refitted with a site's reviewed sentences.

``qa calibrate --retrain`` turns the QA leads' reviews into labelled sentences
(:mod:`qa.review.retrain`) and calls :func:`fit_site_heads`, which writes
``<data dir>/labeller/site-<UTC time>-<sha8>/`` (``heads/heads.npz`` and ``manifest.json``).
The shipped heads (``models/heads``) are only read.

**What is fitted.** The same model as ``python -m models.train`` — per label a logistic
regression on ``[embedding × DENSE_SCALE | char TF-IDF | word TF-IDF]`` with the shipped n-gram
vocabularies, ``C`` and balanced class weights — on the shipped training rows *plus* the
reviewed sentences, each reviewed sentence one more row of its label (only of the label it was
reviewed for: a sentence judged "not arguing" says nothing about empathy). Part of the shipped
training data cannot be read on a site: the real utterances' text is not in the package
(``models/data/real``). Those rows enter to first order: their gradient at the shipped weights is
what makes the shipped weights the optimum of the shipped objective, so it is recovered as
``-w0/C - ∇L_readable(w0)`` and added as a linear term. With no reviewed sentences the shipped
weights are therefore the optimum and come back unchanged; with some, the fit moves as far as
the readable rows' curvature and the penalty let it. Labels nobody reviewed keep the shipped
weights exactly.

The decision thresholds and the confirm operating points are the shipped ones (they were chosen
on out-of-fold predictions that a few hundred reviews cannot redo; the reviewed sentences move
the scores instead, and ``qa calibrate`` moves each item's ``confirm_at``).

The readable rows' sentence embeddings are cached in ``<data dir>/labeller/cache`` (keyed by the
data files' and the encoder's versions), so only the first fit pays for encoding them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from models.train import DEFAULT_DATA, DENSE_SCALE, C, Featurizer, label_matrix, load_rows
from qa.errors import InputError
from qa.labeller import (
    HEADS_FILE,
    LABELS,
    MANIFEST_FILE,
    SITE_PREFIX,
    CharNgrams,
    WordNgrams,
    build_labeller,
    default_heads_dir,
    load_labeller,
    normalize_text,
    read_heads,
    sha256_file,
    site_heads_root,
    write_heads,
)

__all__ = ["ReviewedSentence", "SiteFit", "REVIEW_WEIGHT", "fit_site_heads"]

log = logging.getLogger("models.site")

#: A reviewed sentence counts as this many training rows of its class.
REVIEW_WEIGHT = 1.0
#: Largest L-BFGS iteration count per label.
MAX_ITER = 500


@dataclass(frozen=True)
class ReviewedSentence:
    """One sentence a reviewer judged for one label: ``positive`` (the label applies) or not."""

    text: str
    label: str
    positive: bool
    call_id: str = ""
    source: str = ""  # finding_right | finding_wrong | finding_added


@dataclass(frozen=True)
class SiteFit:
    """What :func:`fit_site_heads` wrote."""

    directory: Path  # <data dir>/labeller/site-…
    version: str  # the labeller version of the new heads
    base_version: str
    changed: tuple[str, ...]  # labels refitted
    sentences: int
    seconds: float
    manifest: dict[str, Any]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


def _objective(
    blocks: Sequence[tuple[Any, np.ndarray, np.ndarray]], g: np.ndarray, g_b: float
) -> Any:
    """``C·(Σ s·logloss + g·w + g_b·b) + ½‖w‖²`` and its gradient over ``θ = (w, b)``."""

    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        val = float(g @ w + g_b * b)
        grad_w = g.copy()
        grad_b = g_b
        for X, y, s in blocks:
            z = X @ w + b
            val += float(s @ (np.logaddexp(0.0, z) - y * z))
            r = s * (_sigmoid(z) - y)
            grad_w += X.T @ r
            grad_b += float(r.sum())
        return C * val + 0.5 * float(w @ w), np.append(C * grad_w + w, C * grad_b)

    return f


def _class_weights(base_manifest: dict[str, Any], Y: np.ndarray) -> dict[str, tuple[float, float]]:
    """Per label the balanced weights ``(negative, positive)`` the shipped fit used: from the
    shipped manifest's training counts (all training rows, readable or not), else from ``Y``."""
    out = {}
    try:
        n = int(base_manifest["split_counts"]["train"])
        per = base_manifest["train_out_of_fold_metrics"]["per_label"]
        pos = {lab: int(per[lab]["all"]["support"]) for lab in LABELS}
    except (KeyError, TypeError, ValueError):
        n, pos = len(Y), {lab: int(Y[:, j].sum()) for j, lab in enumerate(LABELS)}
    for lab in LABELS:
        p = min(max(pos[lab], 1), n - 1)
        out[lab] = (n / (2.0 * (n - p)), n / (2.0 * p))
    return out


def _embeddings(encoder: Any, texts: Sequence[str], cache: Path, key: str) -> np.ndarray:
    path = cache / f"embeddings-{key}.npy"
    if path.is_file():
        try:
            dense = np.load(path, allow_pickle=False)
            if dense.shape == (len(texts), 512):
                return dense
        except (OSError, ValueError):
            pass
    t0 = time.perf_counter()
    dense = encoder.encode(list(texts))
    log.info(
        "encoded %d training texts in %.1fs (cached in %s)",
        len(texts),
        time.perf_counter() - t0,
        cache,
    )
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        np.save(fh, dense, allow_pickle=False)
    os.replace(tmp, path)
    return dense


def fit_site_heads(
    sentences: Sequence[ReviewedSentence],
    data_dir: str | os.PathLike[str],
    *,
    base_heads: Path | None = None,
    data_paths: Sequence[Path] = DEFAULT_DATA,
    review_weight: float = REVIEW_WEIGHT,
    now: datetime | None = None,
    detail: dict[str, Any] | None = None,
) -> SiteFit:
    """Fit site heads from the shipped heads (``base_heads``, default ``models/heads``) and
    the reviewed ``sentences``; write them under ``<data_dir>/labeller``. ``detail`` goes into
    the manifest as is (where the reviews came from). :class:`~qa.errors.InputError` when no
    sentence has a known label and text."""
    from scipy.optimize import minimize
    from threadpoolctl import threadpool_limits

    t_start = time.perf_counter()
    base_dir = Path(base_heads or default_heads_dir()).resolve()
    base = load_labeller(base_dir)  # checks the shipped heads against their manifest
    base_manifest = json.loads((base_dir.parent / MANIFEST_FILE).read_text(encoding="utf-8"))
    base_sha = sha256_file(base_dir / HEADS_FILE)
    h = read_heads(base_dir / HEADS_FILE)
    meta = dict(h["meta"])
    if meta.get("format") != 2:
        raise InputError(
            f"the shipped heads are format {meta.get('format')}: retraining needs format 2"
        )
    chars = CharNgrams([str(g) for g in h["vocab"]], h["idf"], tuple(meta["ngram_range"]))
    words = WordNgrams(
        [str(g) for g in h["word_vocab"]], h["word_idf"], tuple(meta["word_ngram_range"])
    )
    feat = Featurizer.of(chars, words)
    d, nc = h["dense_weights"].shape[1], chars.dim
    # Training space: the stored dense weights have DENSE_SCALE folded in.
    W0 = np.hstack(
        [h["dense_weights"] / DENSE_SCALE, h["ngram_weights"], h["word_weights"]]
    ).astype(np.float64)
    b0 = h["bias"].astype(np.float64)

    reviewed = [s for s in sentences if s.label in LABELS and normalize_text(s.text)]
    if not reviewed:
        raise InputError(
            "no reviewed sentence to learn from (no judged finding of a labelled item)"
        )

    # The shipped training rows that are here (the real corpora's text usually is not).
    present = [p for p in data_paths if Path(p).is_file()]
    shipped_files = {Path(e["file"]).name: e for e in base_manifest.get("training_data", [])}
    rows = [r for r in load_rows(present) if r["split"] == "train"] if present else []
    texts = [normalize_text(r["text"]) for r in rows]
    Y = label_matrix(rows) if rows else np.zeros((0, len(LABELS)), dtype=np.int8)
    weights = _class_weights(base_manifest, Y)
    root = site_heads_root(data_dir)
    key = hashlib.sha256(
        json.dumps([[sha256_file(Path(p)) for p in present], meta["encoder"]["version"]]).encode()
    ).hexdigest()[:16]

    by_label: dict[str, dict[str, int]] = {}
    W, b = W0.copy(), b0.copy()
    with threadpool_limits(limits=1):
        dense = _embeddings(base.sentence_encoder, texts, root / "cache", key) if texts else None
        X = feat.matrix(dense, texts) if texts else None
        rv_texts = [normalize_text(s.text) for s in reviewed]
        X_rev = feat.matrix(base.sentence_encoder.encode(rv_texts), rv_texts)
        for j, lab in enumerate(LABELS):
            idx = [i for i, s in enumerate(reviewed) if s.label == lab]
            if not idx:
                continue
            neg_w, pos_w = weights[lab]
            y_rev = np.array([float(reviewed[i].positive) for i in idx])
            blocks = [(X_rev[idx], y_rev, np.where(y_rev == 1, pos_w, neg_w) * review_weight)]
            g, g_b = -W0[j] / C, 0.0
            if X is not None:
                y = Y[:, j].astype(np.float64)
                s_w = np.where(y == 1, pos_w, neg_w)
                r0 = s_w * (_sigmoid(X @ W0[j] + b0[j]) - y)
                g, g_b = g - X.T @ r0, -float(r0.sum())
                blocks.append((X, y, s_w))
            t0 = time.perf_counter()
            res = minimize(
                _objective(blocks, g, g_b),
                np.append(W0[j], b0[j]),
                jac=True,
                method="L-BFGS-B",
                options={"maxiter": MAX_ITER},
            )
            W[j], b[j] = res.x[:-1], res.x[-1]
            by_label[lab] = {
                "positive": int(y_rev.sum()),
                "negative": int(len(idx) - y_rev.sum()),
                "iterations": int(res.nit),
                "seconds": round(time.perf_counter() - t0, 2),
            }
            log.info("%s: %s", lab, by_label[lab])
    W, b = np.round(W, 6), np.round(b, 6)
    # Rows refitted but moved by less than the rounding keep the shipped arrays bit for bit.
    for j in range(len(LABELS)):
        if np.array_equal(W[j], np.round(W0[j], 6)) and b[j] == round(float(b0[j]), 6):
            W[j], b[j] = W0[j], b0[j]

    when = (now or datetime.now(UTC)).astimezone(UTC)
    site_meta = {
        "base_version": base.version,
        "base_heads_sha256": base_sha,
        "created": when.isoformat(timespec="seconds"),
        "reviewed_sentences": len(reviewed),
    }
    meta["site"] = site_meta
    arrays = {
        "dense_weights": (W[:, :d] * DENSE_SCALE).astype(np.float32),
        "ngram_weights": W[:, d : d + nc].astype(np.float32),
        "word_weights": W[:, d + nc :].astype(np.float32),
        "bias": b.astype(np.float32),
        "vocab": h["vocab"],
        "idf": h["idf"],
        "word_vocab": h["word_vocab"],
        "word_idf": h["word_idf"],
    }
    root.mkdir(parents=True, exist_ok=True)
    work = root / f".{SITE_PREFIX}{os.getpid()}-{time.monotonic_ns()}.tmp"
    heads_path = work / "heads" / HEADS_FILE
    write_heads(heads_path, arrays, meta)
    sha = sha256_file(heads_path)
    site = build_labeller(heads_path, encoder=base.sentence_encoder)
    # The runtime path must give the fitted model's scores.
    fitted = _sigmoid(X_rev @ W.T + b)
    runtime = np.array([[p[lab] for lab in LABELS] for p in site.predict(rv_texts)])
    drift = float(np.max(np.abs(runtime - fitted))) if len(rv_texts) else 0.0
    if drift > 1e-3:
        shutil.rmtree(work, ignore_errors=True)
        raise RuntimeError(f"site heads' runtime scores differ from the fit by {drift:.2g}")
    before = np.array([[p[lab] for lab in LABELS] for p in base.predict(rv_texts)])
    agree = {
        "before": _agreement(reviewed, before, dict(base.thresholds)),
        "after": _agreement(reviewed, runtime, dict(base.thresholds)),
    }
    name = f"{SITE_PREFIX}{when.strftime('%Y%m%dT%H%M%SZ')}-{sha[:8]}"
    seconds = round(time.perf_counter() - t_start, 1)
    manifest = {
        "version": site.version,
        "created": site_meta["created"],
        "base": {"version": base.version, "heads_sha256": base_sha, "heads": str(base_dir)},
        "heads": [
            {"file": f"heads/{HEADS_FILE}", "sha256": sha, "bytes": heads_path.stat().st_size}
        ],
        "reviewed": {
            "sentences": len(reviewed),
            "calls": len({s.call_id for s in reviewed}),
            "by_source": {
                k: sum(1 for s in reviewed if s.source == k)
                for k in sorted({s.source for s in reviewed})
            },
            "by_label": by_label,
            "review_weight": review_weight,
            **(detail or {}),
        },
        "training_data": [
            {
                "file": Path(p).name,
                "rows": sum(1 for r in rows if r["_src"] == str(p)),
                "same_as_shipped": shipped_files.get(Path(p).name, {}).get("sha256")
                == sha256_file(Path(p)),
            }
            for p in present
        ]
        + [
            {"file": name_, "rows": e.get("rows"), "first_order": True}
            for name_, e in shipped_files.items()
            if name_ not in {Path(p).name for p in present}
        ],
        "changed_labels": sorted(by_label),
        "thresholds": dict(base.thresholds),
        "confirm_at": dict(base.confirm_at),
        "reviewed_sentences_labelled_as_reviewed": agree,
        "method": "models/site.py: the shipped logistic heads refitted on the readable shipped training rows "
        "plus the reviewed sentences; unreadable rows enter through their gradient at the shipped weights",
        "command": "qa calibrate --retrain",
        "train_seconds": seconds,
    }
    (work / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    final = root / name
    if final.exists():
        shutil.rmtree(work, ignore_errors=True)
    else:
        os.replace(work, final)
    log.info("wrote %s (%s) in %.1fs", final, site.version, seconds)
    return SiteFit(
        directory=final,
        version=site.version,
        base_version=base.version,
        changed=tuple(sorted(by_label, key=LABELS.index)),
        sentences=len(reviewed),
        seconds=seconds,
        manifest=manifest,
    )


def _agreement(
    reviewed: Sequence[ReviewedSentence], probs: np.ndarray, thresholds: dict[str, float]
) -> float:
    """Share of the reviewed sentences whose label (at the shipped threshold) matches the
    review: how well a set of heads fits the reviews it was (or was not) fitted on."""
    hits = [
        (probs[i, LABELS.index(s.label)] >= thresholds[s.label]) == s.positive
        for i, s in enumerate(reviewed)
    ]
    return round(sum(hits) / len(hits), 4) if hits else 0.0
