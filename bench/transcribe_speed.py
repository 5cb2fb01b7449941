"""Transcription speed: the qa pipeline against plain openai-whisper, same weights, same audio.

    python bench/transcribe_speed.py [AUDIO ...] [--repeat N] [--threads N]

Each side runs in its own process (so each peak RSS is its own), loads its model once, is warmed
up on the first second of audio, then timed over ``--repeat`` runs. It prints the real-time factor
(processing seconds per audio second; lower is faster), the speed ratio and the peak RSS.
The baseline is ``whisper.transcribe()`` from openai-whisper on the mono mix of the call, with the
same multilingual base weights converted losslessly from the shipped CTranslate2 model (fp32 on
CPU, greedy with its default temperature fallback, language detection on). The pipeline is the
whole of ``qa transcribe``: decode, VAD per channel, language detection over the call, ASR
(int8, beam 1, word timestamps) of both parties and utterance building.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AUDIO = [ROOT / "samples" / "en_stereo_wrong_coat.wav", ROOT / "samples" / "en_mono_good.wav", ROOT / "samples" / "zh_stereo_refund.wav"]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_pipeline(audio: str, repeat: int, threads: int) -> dict:
    from qa.asr import TranscriptionOptions, load_backend
    from qa.audio import decode_audio
    from qa.pipeline import PipelineOptions, transcribe_call

    opts = PipelineOptions(transcription=TranscriptionOptions(cpu_threads=threads))
    t = time.perf_counter()
    load_backend(opts.transcription)
    load_s = time.perf_counter() - t
    duration = decode_audio(audio).duration
    transcribe_call(audio, opts)  # warm-up (also loads the VAD and, for mono, the voice encoder)
    times, words = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        call = transcribe_call(audio, opts)
        times.append(time.perf_counter() - t)
        words = sum(len(u.words) for u in call.utterances)
    return {"load_s": load_s, "duration": duration, "times": times, "words": words, "peak_rss_mb": _peak_rss_mb()}


def run_baseline(audio: str, repeat: int, threads: int) -> dict:
    import torch

    from qa.asr.models import load_openai_whisper
    from qa.audio import decode_audio

    if threads:
        torch.set_num_threads(threads)
    t = time.perf_counter()
    model = load_openai_whisper(None, device="cpu")
    load_s = time.perf_counter() - t
    samples = decode_audio(audio).mono()  # openai-whisper would shell out to ffmpeg for a path
    model.transcribe(samples[:16000], fp16=False)
    times, words = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        result = model.transcribe(samples, fp16=False, word_timestamps=True)
        times.append(time.perf_counter() - t)
        words = sum(len(s.get("words", ())) for s in result["segments"])
    return {"load_s": load_s, "duration": len(samples) / 16000, "times": times, "words": words, "peak_rss_mb": _peak_rss_mb()}


def _in_subprocess(which: str, audio: Path, repeat: int, threads: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", which, "--repeat", str(repeat), "--threads", str(threads), str(audio)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("audio", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: all cores)")
    ap.add_argument("--worker", choices=("pipeline", "baseline"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        fn = run_pipeline if args.worker == "pipeline" else run_baseline
        print(json.dumps(fn(str(args.audio[0]), args.repeat, args.threads)))
        return
    files = args.audio or [p for p in DEFAULT_AUDIO if p.exists()]
    print(f"{'audio':<28} {'dur s':>6} | {'qa RTF':>7} {'qa RSS MB':>9} | {'openai RTF':>10} {'openai RSS MB':>13} | {'speed-up':>8}")
    for audio in files:
        qa = _in_subprocess("pipeline", audio, args.repeat, args.threads)
        base = _in_subprocess("baseline", audio, args.repeat, args.threads)
        qa_rtf = statistics.median(qa["times"]) / qa["duration"]
        base_rtf = statistics.median(base["times"]) / base["duration"]
        print(
            f"{audio.name:<28} {qa['duration']:6.1f} | {qa_rtf:7.3f} {qa['peak_rss_mb']:9.0f} | "
            f"{base_rtf:10.3f} {base['peak_rss_mb']:13.0f} | {base_rtf / qa_rtf:7.2f}x"
        )
        print(
            f"{'':<28} {'':>6}   load {qa['load_s']:.2f} s, {qa['words']} words; "
            f"baseline load {base['load_s']:.2f} s, {base['words']} words"
        )


if __name__ == "__main__":
    main()
