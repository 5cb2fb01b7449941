"""Rubric accuracy: the labeller on the dev split, and the rubric outcomes on the sample calls.

    python bench/rubric_accuracy.py [--samples-from transcript|audio]

Part 1 prints precision/recall/F1 per label and per language on the dev split of
models/data (written separately from train, never used for fitting or thresholds) with the
shipped heads and their thresholds, the cells under the 0.85 target (each with a 90% bootstrap
interval of its F1: about 20 dev positives per cell make it wide), and labeller throughput
(after a warm-up call, so the encoder's one-off load is not counted; single-threaded, as shipped).
Part 1b does the same on the REAL dev split (public utterances labelled by the team, kept apart
from the real training rows by conversation; models/data/real/) and prints the targets for real
data with 90% intervals that resample whole conversations.
Part 2 scores every sample in samples/ and compares each rubric outcome with the sample's expected
outcome: from the script's own transcript (text and timing exactly as written: isolates the
rubric logic) and, with ``--samples-from audio``, from the audio through the whole pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def dev_rows() -> list[dict]:
    rows = []
    for path in sorted((ROOT / "models" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("split") == "dev":
                    rows.append(row)
    return rows


def part_labeller() -> None:
    from qa.labeller import LABELS, load_labeller

    lab = load_labeller()
    rows = dev_rows()
    lab.predict([r["text"] for r in rows[:8]])  # warm-up: the encoder loads its weights lazily
    t = time.perf_counter()
    scores = lab.predict([r["text"] for r in rows], [r["language"] for r in rows])
    elapsed = time.perf_counter() - t
    langs = [lg for lg in ("en", "zh", "ko", "ms") if any(r["language"] == lg for r in rows)]
    print(f"labeller {lab.version} ({lab.encoder}); dev rows: {len(rows)}; {len(rows) / elapsed:.0f} utterances/s")
    print(f"{'label':<22}" + "".join(f"{lang:>20}" for lang in langs) + f"{'all':>20}")
    print(f"{'':<22}" + "".join(f"{'P/R/F1':>20}" for _ in [*langs, 'all']))
    below = []
    for label in LABELS:
        cells = []
        for lang in [*langs, None]:
            tp = fp = fn = 0
            for r, sc in zip(rows, scores, strict=True):
                if lang and r["language"] != lang:
                    continue
                pred = sc[label] >= lab.thresholds[label]
                gold = label in r["labels"]
                tp += pred and gold
                fp += pred and not gold
                fn += gold and not pred
            p = tp / (tp + fp) if tp + fp else 0.0
            rc = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
            cells.append(f"{p:.2f}/{rc:.2f}/{f1:.2f}")
            if lang and f1 < 0.85:
                pairs = [
                    (sc[label] >= lab.thresholds[label], label in r["labels"])
                    for r, sc in zip(rows, scores, strict=True)
                    if r["language"] == lang
                ]
                lo, hi = _f1_interval(pairs)
                below.append(f"{label}/{lang} {f1:.2f} [{lo:.2f}, {hi:.2f}]")
        print(f"{label:<22}" + "".join(f"{c:>20}" for c in cells))
    print(f"cells under the 0.85 F1 target: {len(below)}/{len(LABELS) * len(langs)}" + (f" ({', '.join(below)})" if below else ""))
    if below:
        print(
            "  [lo, hi]: 90% bootstrap interval of the cell's F1 (its dev rows resampled 2,000 times); "
            "a language has about 20 dev positives per label, so one utterance moves F1 by ~0.03"
        )


REAL = ROOT / "models" / "data" / "real" / "texts.jsonl"


def _boot(rows: list[dict], stat, draws: int = 1000, seed: int = 0) -> tuple[float, float]:
    """5th/95th percentile of ``stat(rows)`` over resamples of whole conversations."""
    import numpy as np

    convs: dict[str, list[dict]] = {}
    for r in rows:
        convs.setdefault(f"{r.get('source')}:{r.get('conv')}", []).append(r)
    groups = list(convs.values())
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(draws):
        pick = rng.integers(0, len(groups), len(groups))
        sample = [r for i in pick for r in groups[i]]
        v = stat(sample)
        if v is not None:
            vals.append(v)
    if not vals:
        return float("nan"), float("nan")
    return float(np.percentile(vals, 5)), float(np.percentile(vals, 95))


def _prf(rows: list[dict], pred_key: str, gold_key: str) -> tuple[float | None, float | None, float | None]:
    tp = sum(1 for r in rows if r[pred_key] and r[gold_key])
    fp = sum(1 for r in rows if r[pred_key] and not r[gold_key])
    fn = sum(1 for r in rows if r[gold_key] and not r[pred_key])
    p = tp / (tp + fp) if tp + fp else None
    rc = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * rc / (p + rc) if p and rc else (0.0 if (tp + fn) else None)
    return p, rc, f1


def part_real() -> None:
    """The labeller on the REAL dev split (public utterances labelled by the team, split by
    conversation from the real training rows), against the targets for real data."""
    from qa.labeller import LABELS, load_labeller

    if not REAL.is_file():
        print("\nreal dev split: not prepared (python models/data/real/prepare.py, after fetching its "
              "sources: see models/data/real/README.md)")
        return
    lab = load_labeller()
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["split"] == "dev"]
    scores = lab.predict([r["text"] for r in rows], [r["language"] for r in rows])
    confirm = dict(lab.confirm_at)
    for r, sc in zip(rows, scores, strict=True):
        for label in LABELS:
            r[f"gold_{label}"] = label in r["labels"]
            r[f"pred_{label}"] = sc[label] >= lab.thresholds[label]
        for label in ("arguing", "condescension"):
            r[f"conf_{label}"] = sc[label] >= confirm.get(label, 1.01)
        r["gold_resolution"] = r["gold_resolution_specific"] or r["gold_resolution_vague"]
        r["pred_resolution"] = r["pred_resolution_specific"] or r["pred_resolution_vague"]
        r["benign"] = r["role"] == "agent" and not r["labels"]
        r["flag_any"] = r["pred_arguing"] or r["pred_condescension"]
        r["flag_confirmed"] = r["conf_arguing"] or r["conf_condescension"]
    langs = [lg for lg in ("en", "zh", "ko", "ms") if any(r["language"] == lg for r in rows)]
    print(f"\nREAL dev split ({len(rows)} utterances, {len({(r['source'], r['conv']) for r in rows})} conversations; "
          f"sources and licences: models/data/real/SOURCES.md); 90% intervals resample whole conversations")
    print(f"{'label':<22}" + "".join(f"{lg + ' P/R/F1 (n)':>24}" for lg in langs))
    for label in LABELS:
        cells = []
        for lg in langs:
            sub = [r for r in rows if r["language"] == lg]
            p, rc, f1 = _prf(sub, f"pred_{label}", f"gold_{label}")
            n = sum(r[f"gold_{label}"] for r in sub)
            cells.append("-" if not n else f"{p or 0:.2f}/{rc or 0:.2f}/{f1 or 0:.2f} ({n})")
        print(f"{label:<22}" + "".join(f"{c:>24}" for c in cells))

    def line(name: str, sub: list[dict], pred: str, gold: str, target: str, which: int) -> None:
        p, rc, f1 = _prf(sub, pred, gold)
        n = sum(1 for r in sub if r[gold])
        if n < 10:
            print(f"  {name:<46} {n} positives in this language's dev rows: too few to judge")
            return
        lo, hi = _boot(sub, lambda s: _prf(s, pred, gold)[which])
        print(f"  {name:<46} P {p or 0:.2f}  R {rc or 0:.2f}  F1 {f1 or 0:.2f}   "
              f"[{('P', 'R', 'F1')[which]} 90%: {lo:.2f}-{hi:.2f}]  target {target}"
              f"  {'met' if _met(target, p, rc, f1) else 'NOT met'}")

    print("targets on the real dev split:")
    for lg in langs:
        sub = [r for r in rows if r["language"] == lg]
        print(f" {lg}:")
        for label in ("arguing", "condescension"):
            line(f"{label}, confirmed (score >= {confirm.get(label, 1.01):.2f})", sub, f"conf_{label}",
                 f"gold_{label}", "P>=0.90 at R>=0.60", 0)
        for label in ("empathy", "apology"):
            line(label, sub, f"pred_{label}", f"gold_{label}", "F1>=0.85", 2)
        line("resolution (specific or vague)", sub, "pred_resolution", "gold_resolution", "F1>=0.80", 2)
        line("resolution_specific", sub, "pred_resolution_specific", "gold_resolution_specific", "F1>=0.75", 2)
        benign = [r for r in sub if r["benign"]]
        if benign:
            any_ = sum(r["flag_any"] for r in benign) / len(benign)
            conf = sum(r["flag_confirmed"] for r in benign) / len(benign)
            print(f"  {'benign agent utterances flagged (n=' + str(len(benign)) + ')':<46} "
                  f"confirmed {conf:.1%}  (for review, above the detection threshold: {any_:.1%})  "
                  f"target <=1%  {'met' if conf <= 0.01 else 'NOT met'}")


def _met(target: str, p: float | None, rc: float | None, f1: float | None) -> bool:
    if target.startswith("P>="):
        return (p or 0) >= 0.90 and (rc or 0) >= 0.60
    return (f1 or 0) >= float(target.split(">=")[1])


def _f1_interval(pairs: list[tuple[bool, bool]], draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """5th and 95th percentile of F1 over bootstrap resamples of (predicted, gold) pairs."""
    import numpy as np

    arr = np.array(pairs, dtype=bool)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(arr), size=(draws, len(arr)))
    pred, gold = arr[idx, 0], arr[idx, 1]
    tp = (pred & gold).sum(1)
    fp = (pred & ~gold).sum(1)
    fn = (~pred & gold).sum(1)
    f1 = np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return float(np.percentile(f1, 5)), float(np.percentile(f1, 95))


def _expected_outcomes(exp: dict) -> dict[str, str]:
    e = exp.get("expect", {})
    out = {}
    if "empathy_before_apology" in e:
        out["empathy_before_apology"] = e["empathy_before_apology"]
    if "resolution" in e:
        out["resolution"] = e["resolution"]
    if "arguing" in e:
        out["arguing"] = "pass" if not e["arguing"] else "arguing|argument"
    if "last_word" in e:
        out["last_word"] = "last_word" if e["last_word"] else "pass"
    if exp.get("layout") == "stereo":
        n = sum(1 for ev in exp.get("events", ()) if ev["kind"] == "interruption")
        out["interruption"] = "interrupted" if n else "pass"
    elif exp.get("layout") == "mono":
        out["interruption"] = "uncertain"
    return out


def script_call(exp: dict):
    """The sample's own script as a transcript: exact text and timing, no ASR."""
    from qa.types import call_from_dict

    utts = [
        {"id": f"u{i:03d}", "role": u["role"], "start": u["start"], "end": u["end"], "text": u["text"], "language": u.get("language", exp["language"])}
        for i, u in enumerate(exp["utterances"])
    ]
    source = "stereo" if exp.get("layout") == "stereo" else "diarized"
    return call_from_dict({"id": exp["id"], "duration": exp["duration"], "source": source, "utterances": utts, "meta": {"language": exp["language"]}})


def part_samples(from_audio: bool) -> None:
    from qa.pipeline import PipelineOptions, score_audio
    from qa.scoring import score_call

    files = sorted((ROOT / "samples").glob("*.expected.json"))
    modes = ["transcript"] + (["audio"] if from_audio else [])
    for mode in modes:
        right = total = 0
        print(f"\nsample outcomes from the {mode}:")
        for f in files:
            exp = json.loads(f.read_text(encoding="utf-8"))
            if mode == "transcript":
                score = score_call(script_call(exp))
            else:
                opts = PipelineOptions(agent_channel=exp.get("agent_channel", 0))
                _, score = score_audio(ROOT / "samples" / exp["audio"], opts)
            cells = []
            for rubric, want in _expected_outcomes(exp).items():
                got = score.result(rubric).outcome
                ok = got in want.split("|")
                right += ok
                total += 1
                cells.append(f"{rubric}={got}{'' if ok else f' (want {want})'}")
            print(f"  {exp['id']:<24} " + "; ".join(cells))
        print(f"  outcome accuracy ({mode}): {right}/{total} = {right / max(total, 1):.0%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples-from", choices=("transcript", "audio"), default="transcript")
    args = ap.parse_args()
    part_labeller()
    part_real()
    part_samples(args.samples_from == "audio")


if __name__ == "__main__":
    main()
