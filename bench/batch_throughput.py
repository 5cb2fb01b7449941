"""Batch throughput: a generated archive scored with 1 worker and with every core, then re-scored.

    python bench/batch_throughput.py [--calls 40] [--workers 1,2] [--rescore-clones 2000] [--keep DIR]
    python bench/batch_throughput.py --workers 1x1,1,2     # WxT: W workers of T threads each
    python bench/batch_throughput.py --workers 2x1/1,2x1   # /B: Whisper decodes B windows at once

The archive is derived from the nine samples (English stereo and mono, Mandarin, Korean, Malay):
call ``i`` is sample ``i mod 9`` cut to 100 %, 70 % or 45 % of its length (at least 20 s), so
languages, layouts and lengths are mixed and every file's bytes differ. A manifest gives each
call its agent, layout and agent channel (from the sample's script) and language. Each worker
count scores the whole archive into a fresh store with :func:`qa.batch.run_batch` (the same code
as ``qa batch``), and the script prints call-minutes scored per hour, calls per hour, the
speed-up over the first worker count, and the peak RSS of each worker process.

Re-scoring (``qa rescore``) is then timed on the last store after a rubric edit — with the
recordings decoded for the loudness signal, and without — and, for a larger sample, on
``--rescore-clones`` copies of the stored transcripts (without audio: the clones' recordings
are placeholders). Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FRACTIONS = (1.0, 0.7, 0.45)


def make_archive(folder: Path, n: int) -> tuple[Path, float]:
    """``n`` calls derived from the samples, and a manifest; returns (manifest, audio seconds)."""
    import numpy as np
    import soundfile as sf

    from qa.audio import decode_audio

    scripts = sorted(SAMPLES.glob("scripts/*.json"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["path,agent_id,call_time,channel_layout,agent_channel,language"]
    total = 0.0
    decoded: dict[str, object] = {}
    for i in range(n):
        script = json.loads(scripts[i % len(scripts)].read_text(encoding="utf-8"))
        sid = script["id"]
        exp = json.loads((SAMPLES / f"{sid}.expected.json").read_text(encoding="utf-8"))
        audio = decoded.get(sid) or decode_audio(SAMPLES / exp["audio"])
        decoded[sid] = audio
        frac = FRACTIONS[(i // len(scripts)) % len(FRACTIONS)]
        seconds = max(20.0, audio.duration * frac)
        samples = audio.samples[:, : int(seconds * audio.sample_rate)].copy()
        samples[:, -1] += np.float32((i + 1) * 1e-4)  # distinct bytes for every call
        name = f"{script['agent_id']}_{i:03d}_{sid}.wav"
        sf.write(str(folder / name), samples.T, audio.sample_rate)
        total += samples.shape[1] / audio.sample_rate
        layout = script["layout"]
        channel = script.get("agent_channel", "") if layout == "stereo" else ""
        day = 1 + i % 28
        rows.append(f"{name},{script['agent_id']},2026-02-{day:02d}T09:{i % 60:02d}:00Z,{layout},{channel},{script['language']}")
    manifest = folder / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest, total


def score_archive(manifest: Path, data: Path, workers: int, threads: int | None, asr_batch: int | None = None) -> dict:
    from qa.batch import discover, run_batch
    from qa.cli.progress import ProgressPrinter
    from qa.cli.summary import format_summary

    found = discover(manifest=manifest)
    cpu0 = _children_cpu()
    t = time.perf_counter()
    report = run_batch(
        found, data_dir=data, workers=workers, threads=threads, failures=data / "failures.csv",
        progress=ProgressPrinter(sys.stderr, every=60),
        options={"transcription": {"batch_size": asr_batch}} if asr_batch else None,
    )
    wall = time.perf_counter() - t
    cpu = _children_cpu() - cpu0  # the workers, joined when the batch ends
    rss = sorted(report.peak_rss_mb.values())
    print(format_summary(report), file=sys.stderr)
    return {
        "workers": report.workers,
        "threads": report.threads,
        "asr_batch": asr_batch or "default",
        "scored": report.count("scored"),
        "failed": report.count("failed"),
        "audio_min": report.audio_seconds / 60,
        "wall_s": wall,
        "call_min_per_hour": report.audio_seconds / 60 / (wall / 3600),
        "calls_per_hour": report.count("scored") / (wall / 3600),
        "cpu_s": cpu,
        "cpu_s_per_call_min": cpu / max(report.audio_seconds / 60, 1e-9),
        "rss_max": rss[-1] if rss else float("nan"),
        "rss_mean": statistics.fmean(rss) if rss else float("nan"),
    }


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def edited_rubric(folder: Path, version: str) -> Path:
    from qa.config import DEFAULT_RUBRIC

    text = Path(DEFAULT_RUBRIC).read_text(encoding="utf-8")
    text = text.replace('version = "', f'version = "{version}-', 1)
    text = text.replace("[items.resolution]\nweight = 1.5", "[items.resolution]\nweight = 2.5")
    path = folder / f"rubric-{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def clone_calls(data: Path, copies: int) -> int:
    """Add ``copies`` calls that reuse the stored transcripts (placeholder recordings)."""
    import dataclasses

    from qa.store import Store

    with Store.open(None, data_dir=data) as store:
        ids = [r.id for r in store.calls.list(limit=1000)[0]]
        calls = [store.calls.load(i) for i in ids]
        infos = [store.calls.get(i) for i in ids]
        for k in range(copies):
            call, info = calls[k % len(calls)], infos[k % len(infos)]
            sha, _ = store.files.put(f"clone {k} of {call.id}".encode(), filename=f"clone-{k}.bin")
            cid = store.calls.add(sha, agent_id=info.agent_id, call_time=info.call_time)
            store.calls.save_transcript(dataclasses.replace(call, id=cid))
    return copies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=40, help="calls in the generated archive (default 40)")
    ap.add_argument("--workers", default=None, help="worker counts to compare, W or WxT (default: 1,<cores>)")
    ap.add_argument("--rescore-clones", type=int, default=2000, help="transcript copies for the re-score rate (0: skip)")
    ap.add_argument("--keep", type=Path, help="keep the archive and stores in this folder")
    args = ap.parse_args()

    from qa.batch import default_workers, rescore

    cores = default_workers()
    def config(spec: str) -> tuple[int, int | None, int | None]:
        spec, _, batch = spec.partition("/")
        w, _, t = spec.partition("x")
        return int(w), int(t) if t else None, int(batch) if batch else None

    configs = [config(w) for w in (args.workers.split(",") if args.workers else map(str, sorted({1, cores})))]
    work = args.keep or Path(tempfile.mkdtemp(prefix="qa-bench-batch-"))
    try:
        manifest, audio_s = make_archive(work / "archive", args.calls)
        print(f"archive: {args.calls} calls, {audio_s / 60:.1f} call-minutes, {cores} cores", flush=True)
        rows = []
        for w, t, b in configs:
            data = work / f"store-{w}x{t or 0}-{b or 0}"
            shutil.rmtree(data, ignore_errors=True)
            rows.append(score_archive(manifest, data, w, t, b))
            r = rows[-1]
            print(
                f"workers {r['workers']} x {r['threads']} thread(s), ASR batch {r['asr_batch']}: {r['scored']} scored, {r['failed']} failed, "
                f"{r['audio_min']:.1f} call-min in {r['wall_s']:.0f} s -> {r['call_min_per_hour']:.0f} call-min/hour, "
                f"{r['calls_per_hour']:.0f} calls/hour, peak RSS per worker {r['rss_max']:.0f} MiB "
                f"(mean {r['rss_mean']:.0f})",
                flush=True,
            )
        base = rows[0]["call_min_per_hour"]
        print(
            "\nworkers  threads  ASR batch  call-min/hour  calls/hour  speed-up  peak RSS/worker (MiB)  "
            "worker CPU-s per call-min"
        )
        for r in rows:
            print(
                f"{r['workers']:>7}  {r['threads']:>7}  {r['asr_batch']!s:>9}  {r['call_min_per_hour']:>13.0f}  {r['calls_per_hour']:>10.0f}  "
                f"{r['call_min_per_hour'] / base:>7.2f}x  {r['rss_max']:>20.0f}  {r['cpu_s_per_call_min']:>25.1f}"
            )
        load = os.getloadavg()[0]
        print(
            f"(load average {load:.1f} on {cores} cores at the end: other processes share the cores, "
            "so wall-clock figures fall with their load; CPU-s per call-minute does not, much)"
        )

        data = work / f"store-{configs[-1][0]}x{configs[-1][1] or 0}-{configs[-1][2] or 0}"
        print("\nre-score after a rubric edit (no ASR):")
        for audio in (True, False):
            rep = rescore(data_dir=data, rubric=edited_rubric(work, f"audio-{audio}"), audio=audio)
            print(
                f"  {len(rep.results)} calls, recordings {'decoded' if audio else 'not decoded'}: "
                f"{rep.count('scored')} re-scored in {rep.seconds:.1f} s -> {rep.calls_per_minute:,.0f} calls/minute "
                f"({rep.workers} worker(s), start-up included)"
            )
        if args.rescore_clones:
            clone_calls(data, args.rescore_clones)
            for w in sorted({1, cores}):
                rep = rescore(data_dir=data, rubric=edited_rubric(work, f"clones-{w}"), audio=False, workers=w)
                print(
                    f"  {len(rep.results)} calls (with {args.rescore_clones} transcript copies), not decoded, "
                    f"{rep.workers} worker(s): {rep.count('scored')} in {rep.seconds:.1f} s -> "
                    f"{rep.calls_per_minute:,.0f} calls/minute"
                )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
