"""Build the real-speech development corpus in ``bench/real/data/`` from pinned repo snapshots.

Every recording listed in ``bench/real/manifest.jsonl`` is read straight out of a pinned commit of
a fetched repository snapshot (``git --git-dir <mirror> show <commit>:<path>``); nothing is
downloaded. The snapshot of ``owner/name`` is looked for at ``$QA_MIRROR/owner+name/repo``
(``QA_MIRROR`` defaults to ``/work/.mirror``, the layout the ``fetch`` tool produces).

For each recording this writes

* ``data/<id>.wav`` -- the audio at its original rate and channel count (16-bit PCM); recordings
  kept as one file per party (``"assembly": "two_files"`` with ``layout = "stereo"``; the older
  spelling ``layout = "two_files"`` still works) are merged into one 2-channel file,
  the shorter side zero-padded at its end, or at its start when the row says ``"align": "end"``
  (Harper Valley: both sides end at hang-up, a shorter side started recording later);
* ``data/<id>.ref.json`` -- reference speech activity per party (``speech``), roles, language,
  words / transcript per party where the source has them, and the checks that were run.

Rows with ``"assembly": "concat"`` list several single-speaker clips (``paths.audio``, one party
each in ``turn_parties``) that are consecutive turns of scripted two-person dialogues; they are joined
end to end, unchanged and without inserted silence (each clip keeps its own recorded lead-in and
tail), into one mono file with two parties. Each party's reference activity is the energy
detector run on that party's own clips, shifted to where the clip sits; ``turns`` in the
reference lists every clip with its start, end, party and text.

Reference speech activity comes from the source's own timings where it has them. Each clean
channel is also run through a simple energy detector (20 ms frames, adaptive noise floor,
200 ms hangover, gaps < 300 ms merged, blips < 100 ms dropped). Where both exist their
frame-level agreement is reported, and a "listen-by-proxy" spot check compares the level inside
sampled reference regions with the level just around them. Where the source has no timings the
energy detector is the reference, and the manifest says so.

Usage: ``python bench/real/prepare.py [--only ID ...] [--quiet]``. It prints a summary and
exits non-zero with the ``fetch`` commands needed when a snapshot is missing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tomllib
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.jsonl"
SOURCES = HERE / "sources.toml"
DATA = HERE / "data"

FRAME_S = 0.020  # energy detector frame
HANGOVER_S = 0.200
MERGE_GAP_S = 0.300
MIN_SEG_S = 0.100
FLOOR_WINDOW_S = 10.0  # window for the adaptive noise floor (a low percentile of frame energies)
FLOOR_PERCENTILE = 10.0
SNR_DB = 10.0  # a frame is speech when it is this far above the local noise floor ...
ABS_MIN_DB = -62.0  # ... and above this absolute level (dBFS), so digital silence never counts
CHECK_STEP_S = 0.010  # resolution of the agreement check
COLLAR_S = 0.25  # boundary tolerance for the agreement check (source word times are coarse)
SPOT_CHECKS = 20  # reference regions spot-checked per party

Segments = list[list[float]]
# Harper Valley transcript tags that are not words ([noise], [laughter], [baby],
# [unintelligible], <unk>): kept in ``turns``, dropped from the per-party ``transcript``
HV_TAGS = re.compile(r"\[[^\]]*\]|<unk>")
# ... and of those the ones that are not speech: an utterance with nothing else is left out of
# the reference speech activity ([unintelligible] and <unk> are speech and stay in)
HV_NONSPEECH = re.compile(r"\[(?:noise|laughter|baby)\]")


class PrepareError(RuntimeError):
    pass


# --- sources and snapshots ------------------------------------------------------------------


def mirror_root() -> Path:
    return Path(os.environ.get("QA_MIRROR", "/work/.mirror"))


def snapshot_dir(repo: str) -> Path:
    """The bare git directory of the fetched snapshot of ``owner/name``."""
    base = mirror_root() / repo.replace("/", "+")
    for candidate in (base / "repo", base):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    raise FileNotFoundError(str(base))


def load_sources() -> dict[str, dict[str, Any]]:
    with SOURCES.open("rb") as fh:
        doc = tomllib.load(fh)
    return {s["repo"]: s for s in doc["source"]}


def load_manifest() -> list[dict[str, Any]]:
    rows = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    proc = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        msg = proc.stderr.decode(errors="replace").strip()
        raise PrepareError(f"cannot read {path} at {commit[:10]} in {git_dir}: {msg}")
    return proc.stdout


def check_snapshots(rows: list[dict[str, Any]], sources: dict[str, dict[str, Any]]) -> list[str]:
    """Return one problem line per missing snapshot or commit (empty when all are present)."""
    problems = []
    for repo in sorted({r["source"] for r in rows}):
        if repo not in sources:
            problems.append(f"{repo}: not described in {SOURCES.name}")
            continue
        commit = sources[repo]["commit"]
        try:
            git_dir = snapshot_dir(repo)
        except FileNotFoundError:
            problems.append(
                f"{repo}: no snapshot under {mirror_root()} -- run the fetch tool: "
                f"fetch github:{repo}  (pinned commit {commit})"
            )
            continue
        proc = subprocess.run(
            ["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
            check=False,
        )
        if proc.returncode != 0:
            problems.append(
                f"{repo}: snapshot at {git_dir} lacks pinned commit {commit} -- "
                f"fetch github:{repo} again, or update the pin after reviewing the change"
            )
    return problems


# --- audio ------------------------------------------------------------------------------------


def decode(blob: bytes, name: str) -> tuple[np.ndarray, int]:
    """Decode to float32 ``(frames, channels)`` at the original rate."""
    if name.lower().endswith((".wav", ".flac", ".ogg")):
        try:
            data, rate = sf.read(io.BytesIO(blob), dtype="float32", always_2d=True)
            return data, int(rate)
        except sf.LibsndfileError:
            pass  # fall through to PyAV (e.g. WAV with an odd header)
    with av.open(io.BytesIO(blob)) as container:
        stream = container.streams.audio[0]
        rate = int(stream.rate)
        chunks = []
        for frame in container.decode(stream):
            arr = frame.to_ndarray()
            if arr.dtype.kind == "i":
                arr = arr.astype(np.float32) / float(np.iinfo(arr.dtype).max)
            if frame.format.is_planar:
                chunks.append(arr.T.astype(np.float32))  # (samples, channels)
            else:
                chans = len(frame.layout.channels)
                chunks.append(arr.reshape(-1, chans).astype(np.float32))
    if not chunks:
        raise PrepareError(f"{name}: no audio decoded")
    return np.concatenate(chunks, axis=0), rate


def frame_db(x: np.ndarray, rate: int) -> np.ndarray:
    n = int(round(FRAME_S * rate))
    frames = len(x) // n
    if frames == 0:
        return np.zeros(0)
    power = np.mean(x[: frames * n].reshape(frames, n).astype(np.float64) ** 2, axis=1)
    return 10.0 * np.log10(power + 1e-12)


def noise_floor(db: np.ndarray) -> np.ndarray:
    """Adaptive floor: a low percentile of frame energies in a sliding window."""
    if len(db) == 0:
        return db
    half = int(FLOOR_WINDOW_S / FRAME_S / 2)
    stride = 5
    centres = np.arange(0, len(db), stride)
    floor_c = np.empty(len(centres))
    for i, c in enumerate(centres):
        lo, hi = max(0, c - half), min(len(db), c + half + 1)
        floor_c[i] = np.percentile(db[lo:hi], FLOOR_PERCENTILE)
    return np.interp(np.arange(len(db)), centres, floor_c)


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Start/end (exclusive) indices of True runs."""
    if len(mask) == 0:
        return []
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    diff = np.diff(padded)
    return list(zip(np.flatnonzero(diff == 1), np.flatnonzero(diff == -1), strict=True))


def tidy(segs: Segments, merge_gap: float = MERGE_GAP_S, min_len: float = MIN_SEG_S) -> Segments:
    out: Segments = []
    for s, e in sorted(segs):
        if out and s - out[-1][1] < merge_gap:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [[round(s, 3), round(e, 3)] for s, e in out if e - s >= min_len]


def energy_speech(x: np.ndarray, rate: int) -> tuple[Segments, dict[str, float]]:
    db = frame_db(x, rate)
    floor = noise_floor(db)
    speech = (db > floor + SNR_DB) & (db > ABS_MIN_DB)
    hang = int(round(HANGOVER_S / FRAME_S))
    segs = [[s * FRAME_S, min(len(db), e + hang) * FRAME_S] for s, e in runs(speech)]
    stats = {
        "median_floor_db": round(float(np.median(floor)), 1) if len(floor) else 0.0,
        "p95_level_db": round(float(np.percentile(db, 95)), 1) if len(db) else 0.0,
    }
    return tidy(segs), stats


# --- references from source annotations ---------------------------------------------------------


def spokenwoz_words(blob: bytes, channel_of: dict[str, int]) -> dict[int, list[dict[str, Any]]]:
    words = json.loads(blob)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for w in words:
        ch = channel_of[w["speaker"]]
        out[ch].append({"w": w["word"], "s": float(w["start"]), "e": float(w["end"])})
    return out


def words_to_segments(words: list[dict[str, Any]]) -> Segments:
    return tidy([[w["s"], w["e"]] for w in words], merge_gap=MERGE_GAP_S, min_len=0.0)


def harper_valley_segments(
    blob: bytes, channel_of: dict[str, int]
) -> tuple[dict[int, Segments], dict[int, list[dict[str, Any]]]]:
    """Per-channel segments and utterances from a Harper Valley transcript JSON.

    Each segment has ``speaker_role`` (caller / agent), ``offset_ms`` (start from the beginning
    of the recording), ``duration_ms`` and ``human_transcript`` (transcriptionists' text).
    Utterances transcribed as non-speech only (``[noise]``, ``[baby]``, empty) stay in the
    utterance list but not in the speech segments.
    """
    segs: dict[int, Segments] = defaultdict(list)
    utts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for seg in json.loads(blob):
        ch = channel_of[seg["speaker_role"]]
        s = seg["offset_ms"] / 1000.0
        e = s + seg["duration_ms"] / 1000.0
        if HV_NONSPEECH.sub(" ", seg["human_transcript"]).strip():  # not speech: [noise] only
            segs[ch].append([s, e])
        utts[ch].append({"s": round(s, 3), "e": round(e, 3), "text": seg["human_transcript"]})
    return {ch: tidy(v, merge_gap=MERGE_GAP_S, min_len=0.0) for ch, v in segs.items()}, utts


def imda_transcripts(blob: bytes) -> dict[str, str]:
    return dict(json.loads(blob))


def kaldi_text(blob: bytes, key: str, strip_spaces: bool) -> str:
    """The text of ``key`` in a Kaldi-style ``text`` file (``<key> <words...>`` per line)."""
    for line in blob.decode("utf-8").splitlines():
        parts = line.split(maxsplit=1)
        if parts and parts[0] == key:
            text = parts[1].strip() if len(parts) > 1 else ""
            return "".join(text.split()) if strip_spaces else text
    raise PrepareError(f"no transcript for {key} in the annotation file")


def deeply_texts(blob: bytes) -> dict[str, dict[str, Any]]:
    """Utterance id -> metadata (``text``, ``speaker``, ...) from a Deeply corpus JSON."""
    doc = json.loads(blob)
    return {utt: meta for place in doc.values() for utt, meta in place.items()}


# --- checks ------------------------------------------------------------------------------------


def to_mask(segs: Segments, duration: float) -> np.ndarray:
    n = int(np.ceil(duration / CHECK_STEP_S))
    mask = np.zeros(n, dtype=bool)
    for s, e in segs:
        mask[int(s / CHECK_STEP_S) : int(np.ceil(e / CHECK_STEP_S))] = True
    return mask


def agreement(ref: Segments, hyp: Segments, duration: float) -> dict[str, float]:
    """Frame agreement of energy activity (hyp) with source timings (ref), with a collar."""
    r, h = to_mask(ref, duration), to_mask(hyp, duration)
    collar = np.zeros_like(r)
    c = int(COLLAR_S / CHECK_STEP_S)
    for s, e in ref:
        for edge in (s, e):
            i = int(edge / CHECK_STEP_S)
            collar[max(0, i - c) : i + c] = True
    scored = ~collar
    tp = float(np.sum(r & h & scored))
    fn = float(np.sum(r & ~h & scored))
    fp = float(np.sum(~r & h & scored))
    tn = float(np.sum(~r & ~h & scored))
    total = max(1.0, tp + fn + fp + tn)
    return {
        "recall": round(tp / max(1.0, tp + fn), 3),
        "precision": round(tp / max(1.0, tp + fp), 3),
        "frame_agreement": round((tp + tn) / total, 3),
        "ref_speech_s": round(float(np.sum(r)) * CHECK_STEP_S, 1),
        "energy_speech_s": round(float(np.sum(h)) * CHECK_STEP_S, 1),
    }


def spot_check(x: np.ndarray, rate: int, segs: Segments, seed: int) -> dict[str, float]:
    """Level inside sampled reference regions vs. the non-speech just around them (dB)."""
    db = frame_db(x, rate)
    if len(db) == 0 or not segs:
        return {"n": 0}
    mask = to_mask(segs, len(db) * FRAME_S)
    step = int(round(FRAME_S / CHECK_STEP_S))
    frame_speech = mask[::step][: len(db)]
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(segs), size=min(SPOT_CHECKS, len(segs)), replace=False)
    contrasts = []
    for i in sorted(picks):
        s, e = segs[i]
        a, b = int(s / FRAME_S), max(int(s / FRAME_S) + 1, int(e / FRAME_S))
        lo, hi = max(0, a - 50), min(len(db), b + 50)  # 1 s either side
        around = np.concatenate([np.arange(lo, a), np.arange(b, hi)])
        around = around[~frame_speech[around]] if len(around) else around
        if len(around) < 5:
            continue
        contrasts.append(float(np.median(db[a:b]) - np.median(db[around])))
    if not contrasts:
        return {"n": 0}
    arr = np.array(contrasts)
    return {
        "n": len(arr),
        "median_contrast_db": round(float(np.median(arr)), 1),
        "min_contrast_db": round(float(np.min(arr)), 1),
        "share_over_6db": round(float(np.mean(arr > 6.0)), 2),
    }


# --- one recording ----------------------------------------------------------------------------


@dataclass
class Built:
    row: dict[str, Any]
    duration: float
    checks: dict[str, Any] = field(default_factory=dict)


def build(row: dict[str, Any], sources: dict[str, dict[str, Any]], quiet: bool) -> Built:
    repo = row["source"]
    commit = sources[repo]["commit"]
    git_dir = snapshot_dir(repo)
    layout = row["layout"]
    paths = row["paths"]
    audio_paths = paths["audio"]

    turn_bounds: list[tuple[float, float]] = []
    pad_start: dict[str, float] = {}  # channel -> seconds of silence put before a shorter file
    if row.get("assembly") == "concat":
        clips = [decode(git_show(git_dir, commit, p), p) for p in audio_paths]
        rates = {r for _, r in clips}
        if len(rates) != 1:
            raise PrepareError(f"{row['id']}: clips have different rates {rates}")
        rate = rates.pop()
        pos = 0
        for a, _ in clips:
            turn_bounds.append((pos / rate, (pos + len(a)) / rate))
            pos += len(a)
        audio = np.concatenate([a.mean(axis=1) for a, _ in clips])[:, None].astype(np.float32)
    elif layout == "two_files" or row.get("assembly") == "two_files":
        sides = [decode(git_show(git_dir, commit, p), p) for p in audio_paths]
        rates = {r for _, r in sides}
        if len(rates) != 1:
            raise PrepareError(f"{row['id']}: per-party files have different rates {rates}")
        rate = rates.pop()
        n = max(len(a) for a, _ in sides)
        audio = np.zeros((n, len(sides)), dtype=np.float32)
        for i, (a, _) in enumerate(sides):
            if row.get("align") == "end":  # the shorter side started later: pad its start
                audio[n - len(a) :, i] = a[:, 0]
                pad_start[str(i)] = round((n - len(a)) / rate, 3)
            else:
                audio[: len(a), i] = a[:, 0]
    else:
        audio, rate = decode(git_show(git_dir, commit, audio_paths[0]), audio_paths[0])
    duration = len(audio) / rate
    if rate != row["sample_rate"]:
        raise PrepareError(f"{row['id']}: rate {rate} != manifest {row['sample_rate']}")
    expected_ch = 1 if layout == "mono" else 2
    if audio.shape[1] != expected_ch and not row.get("downmix_ok"):
        raise PrepareError(f"{row['id']}: {audio.shape[1]} channels, layout {layout}")

    DATA.mkdir(parents=True, exist_ok=True)
    sf.write(DATA / f"{row['id']}.wav", np.clip(audio, -1.0, 1.0), rate, subtype="PCM_16")

    parties: dict[str, int] = row["channels"]  # party -> channel
    speech: dict[str, Segments] = {}
    energy: dict[str, Segments] = {}
    energy_stats: dict[str, dict[str, float]] = {}
    words: dict[str, list[dict[str, Any]]] = {}
    transcript: dict[str, str] = {}
    checks: dict[str, Any] = {}
    turns: list[dict[str, Any]] = []

    # energy activity on every party channel (mono: the one channel, all parties together)
    if layout == "mono":
        mono = audio.mean(axis=1)
        segs, stats = energy_speech(mono, rate)
        key = next(iter(parties)) if len(parties) == 1 else "mixed"
        energy[key], energy_stats[key] = segs, stats
    else:
        for party, ch in parties.items():
            energy[party], energy_stats[party] = energy_speech(audio[:, ch], rate)

    ann = paths.get("annotation")
    kind = row.get("annotation_format")
    if ann and kind == "spokenwoz_words":
        by_channel = spokenwoz_words(git_show(git_dir, commit, ann), row["annotation_speakers"])
        for party, ch in parties.items():
            words[party] = by_channel.get(ch, [])
            transcript[party] = " ".join(w["w"] for w in words[party])
            speech[party] = words_to_segments(words[party])
            checks[party] = {
                "energy_vs_source": agreement(speech[party], energy[party], duration),
                "spot_check_source_regions": spot_check(
                    audio[:, ch], rate, speech[party], seed=zlib.crc32(row["id"].encode())
                ),
            }
    elif ann and kind == "harper_valley":
        segs_by_ch, utts_by_ch = harper_valley_segments(
            git_show(git_dir, commit, ann), row["annotation_speakers"]
        )
        for party, ch in parties.items():
            utts = sorted(utts_by_ch.get(ch, []), key=lambda u: u["s"])
            transcript[party] = " ".join(
                t for u in utts if (t := HV_TAGS.sub(" ", u["text"]).strip())
            )
            transcript[party] = " ".join(transcript[party].split())
            speech[party] = segs_by_ch.get(ch, [])
            turns.extend(
                {"party": party, "start": u["s"], "end": u["e"], "text": u["text"]} for u in utts
            )
            checks[party] = {
                "energy_vs_source": agreement(speech[party], energy[party], duration),
                "spot_check_source_regions": spot_check(
                    audio[:, ch], rate, speech[party], seed=zlib.crc32(row["id"].encode())
                ),
            }
        turns.sort(key=lambda t: t["start"])
    elif row.get("assembly") == "concat":
        metas = deeply_texts(git_show(git_dir, commit, ann)) if ann else {}
        texts: dict[str, list[str]] = defaultdict(list)
        for p, party, (t0, t1) in zip(audio_paths, row["turn_parties"], turn_bounds, strict=True):
            seg_audio = audio[int(round(t0 * rate)) : int(round(t1 * rate)), 0]
            segs, _ = energy_speech(seg_audio, rate)
            speech.setdefault(party, []).extend(
                [[round(s + t0, 3), round(e + t0, 3)] for s, e in segs]
            )
            text = metas.get(Path(p).stem, {}).get("text", "")
            texts[party].append(text)
            turns.append(
                {
                    "party": party,
                    "start": round(t0, 3),
                    "end": round(t1, 3),
                    "path": p,
                    "text": text,
                }
            )
        transcript = {party: " ".join(t) for party, t in texts.items()}
        union = tidy([seg for segs in speech.values() for seg in segs], 0.0, 0.0)
        # one shared channel: spot-check the union (a party's neighbours are the other's turns)
        checks["mixed"] = {
            "energy_whole_file_vs_per_clip": agreement(union, energy["mixed"], duration),
            "spot_check_source_regions": spot_check(
                audio[:, 0], rate, union, seed=zlib.crc32(row["id"].encode())
            ),
        }
    elif ann and kind == "kaldi_text":
        party = next(iter(parties))
        transcript[party] = kaldi_text(
            git_show(git_dir, commit, ann), row["annotation_key"], row.get("strip_spaces", False)
        )
        speech = energy
    elif ann and kind == "deeply_json":
        party = next(iter(parties))
        meta = deeply_texts(git_show(git_dir, commit, ann)).get(Path(audio_paths[0]).stem)
        if not meta:
            raise PrepareError(f"{row['id']}: no transcript in {ann}")
        transcript[party] = meta["text"]
        speech = energy
    elif ann and kind == "imda_json":
        texts = imda_transcripts(git_show(git_dir, commit, ann))
        key = Path(audio_paths[0]).name
        party = next(iter(parties))
        transcript[party] = texts.get(key, "")
        speech = energy
    else:
        speech = energy

    if not checks:  # energy is the reference: spot-check it against its own surroundings
        for party, segs in speech.items():
            ch = parties.get(party, 0)
            x = audio[:, ch] if layout != "mono" else audio.mean(axis=1)
            checks[party] = {"spot_check_energy_regions": spot_check(x, rate, segs, seed=7)}

    ref = {
        "id": row["id"],
        "source": repo,
        "commit": commit,
        "paths": audio_paths,
        "sample_rate": rate,
        "channels": audio.shape[1],
        "duration_s": round(duration, 3),
        "layout": layout,
        "pad_start_s": pad_start,
        "roles": row.get("roles", {}),
        "party_channels": parties,
        "language": row["language"],
        "accent": row.get("accent"),
        "code_switched": row.get("code_switched", False),
        "kind": row["kind"],
        "speech": speech,
        "speech_reference": row["reference"],
        "energy_speech": energy,
        "energy_stats": energy_stats,
        "words": words,
        "turns": turns,
        "transcript": transcript,
        "checks": checks,
    }
    (DATA / f"{row['id']}.ref.json").write_text(
        json.dumps(ref, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    if abs(duration - row["duration_s"]) > 0.5:
        print(f"  note: {row['id']} lasts {duration:.1f} s, manifest says {row['duration_s']}")
    if not quiet:
        print(f"  {row['id']:<28} {duration:7.1f} s  {rate:>5} Hz  {layout:<9} {row['language']}")
    return Built(row=row, duration=duration, checks=checks)


# --- summary -----------------------------------------------------------------------------------


def summarise(built: list[Built]) -> dict[str, Any]:
    total = sum(b.duration for b in built)
    by: dict[str, Counter[str]] = {"language": Counter(), "kind": Counter(), "layout": Counter()}
    secs: dict[str, Counter[str]] = {"language": Counter(), "kind": Counter(), "layout": Counter()}
    for b in built:
        lang = b.row["language"] + (f" ({b.row['accent']})" if b.row.get("accent") else "")
        for key, value in (
            ("language", lang),
            ("kind", b.row["kind"]),
            ("layout", b.row["layout"]),
        ):
            by[key][value] += 1
            secs[key][value] += b.duration
    agree = [
        c["energy_vs_source"] for b in built for c in b.checks.values() if "energy_vs_source" in c
    ]
    spots = [
        c.get("spot_check_source_regions") or c.get("spot_check_energy_regions")
        for b in built
        for c in b.checks.values()
    ]
    spots = [s for s in spots if s and s.get("n")]
    summary: dict[str, Any] = {
        "recordings": len(built),
        "hours": round(total / 3600, 3),
        "by": {
            k: {v: {"n": n, "minutes": round(secs[k][v] / 60, 1)} for v, n in by[k].items()}
            for k in by
        },
    }
    if agree:
        summary["energy_vs_source"] = {
            "parties": len(agree),
            "mean_recall": round(float(np.mean([a["recall"] for a in agree])), 3),
            "mean_precision": round(float(np.mean([a["precision"] for a in agree])), 3),
            "mean_frame_agreement": round(float(np.mean([a["frame_agreement"] for a in agree])), 3),
        }
    if spots:
        summary["spot_checks"] = {
            "parties": len(spots),
            "median_contrast_db": round(
                float(np.median([s["median_contrast_db"] for s in spots])), 1
            ),
            "mean_share_over_6db": round(float(np.mean([s["share_over_6db"] for s in spots])), 2),
        }
    return summary


def print_summary(summary: dict[str, Any]) -> None:
    print(
        f"\n{summary['recordings']} recordings, {summary['hours'] * 60:.1f} min "
        f"({summary['hours']:.2f} h)"
    )
    for key, table in summary["by"].items():
        print(f"  by {key}:")
        for value, cell in sorted(table.items()):
            print(f"    {value:<24} {cell['n']:>3}  {cell['minutes']:>6.1f} min")
    if "energy_vs_source" in summary:
        a = summary["energy_vs_source"]
        print(
            f"  energy detector vs source timings ({a['parties']} party channels, "
            f"{COLLAR_S:.2f} s collar): recall {a['mean_recall']:.3f}, "
            f"precision {a['mean_precision']:.3f}, frame agreement {a['mean_frame_agreement']:.3f}"
        )
    if "spot_checks" in summary:
        s = summary["spot_checks"]
        print(
            f"  spot checks ({s['parties']} parties): median level contrast "
            f"{s['median_contrast_db']:.1f} dB, share of regions > 6 dB "
            f"{s['mean_share_over_6db']:.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="prepare only these recording ids")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    sources = load_sources()
    rows = load_manifest()
    if args.only:
        rows = [r for r in rows if r["id"] in set(args.only)]
    problems = check_snapshots(rows, sources)
    if problems:
        print(
            "bench/real/prepare.py: cannot build the corpus, snapshots are missing:",
            file=sys.stderr,
        )
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        print(f"(snapshots are looked for under $QA_MIRROR = {mirror_root()})", file=sys.stderr)
        return 2

    built = []
    failed = []
    for row in rows:
        try:
            built.append(build(row, sources, args.quiet))
        except PrepareError as exc:
            failed.append(str(exc))
            print(f"  FAILED {exc}", file=sys.stderr)
    summary = summarise(built)
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print_summary(summary)
    if failed:
        print(f"\n{len(failed)} recording(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
