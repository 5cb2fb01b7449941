"""qa on real recordings: speech kept, language, roles, WER, refusals and speed.

Runs on the corpus that ``bench/real/prepare.py`` builds in ``bench/real/data/`` (real human
speech; see ``bench/real/README.md`` for the sources, their licences and how the references were
made). Per recording and pooled:

- **speech** per party: recall and precision of qa's speech regions (VAD) against the reference
  activity, and of the time its recognised words cover (10 ms frames)
  also with frames within 0.25 s of a reference boundary left unscored (a collar, as in NIST
  diarization scoring);
- **language**: qa's decision against the recording's language;
- **roles** (mono): share of each party's reference speech that qa gave the right role. The
  two-channel calls are also mixed down to mono for this, so every two-party recording is
  tried as a mono call too;
- **refusals**: recordings qa would not score, with the reason (single-voice clips are expected
  to be refused; two-party ones are not);
- **WER** (CER for zh/ko) per party where the source has a transcript;
- **RTF**: processing seconds per second of audio;
- **channel check** (stereo): whether what each side says agrees with the reference agent channel.

In the same run, plain faster-whisper on the same model and audio, with and without its own VAD
(``vad_filter``), is the comparison (``--no-baseline`` skips it).

    .venv/bin/python bench/real/prepare.py      # once, after fetching the sources
    .venv/bin/python bench/real_calls.py [--only swoz] [--out real_calls.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "real" / "data"
MANIFEST = ROOT / "bench" / "real" / "manifest.jsonl"
FRAME_S = 0.01
SR = 16_000


# --- measures ----------------------------------------------------------------------------------


def mask(spans: Iterable[Sequence[float]], duration: float) -> np.ndarray:
    m = np.zeros(int(np.ceil(duration / FRAME_S)) + 1, dtype=bool)
    for s, e in spans:
        m[max(0, int(s / FRAME_S)) : max(0, int(e / FRAME_S))] = True
    return m


def overlap_counts(ref: np.ndarray, hyp: np.ndarray, keep: np.ndarray | None = None) -> dict[str, int]:
    """Frames of reference speech, of hypothesis speech and of both (only ``keep`` frames)."""
    if keep is not None:
        ref, hyp = ref & keep, hyp & keep
    return {"ref": int(ref.sum()), "hyp": int(hyp.sum()), "both": int((ref & hyp).sum())}


#: Frames this close to a reference boundary are not scored in the ``@collar`` figures (as in NIST
#: diarization scoring: reference boundaries are uncertain, SpokenWOZ's by about 0.25 s).
COLLAR_S = 0.25


def outside_collar(spans: Iterable[Sequence[float]], duration: float) -> np.ndarray:
    """The frames farther than :data:`COLLAR_S` from every boundary of ``spans``."""
    keep = np.ones(int(np.ceil(duration / FRAME_S)) + 1, dtype=bool)
    c = int(round(COLLAR_S / FRAME_S))
    for s, e in spans:
        for b in (int(s / FRAME_S), int(e / FRAME_S)):
            keep[max(0, b - c) : max(0, b + c)] = False
    return keep


def rp(c: dict[str, int]) -> tuple[float | None, float | None]:
    recall = c["both"] / c["ref"] if c["ref"] else None
    precision = c["both"] / c["hyp"] if c["hyp"] else None
    return recall, precision


def tokens(text: str, language: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s']", " ", text)
    if language in ("zh", "ko"):
        return [c for c in text if not c.isspace()]
    return text.split()


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        prev = cur
    return prev[-1]


def words_spans(words: Iterable[tuple[float, float]], pad: float = 0.1) -> list[tuple[float, float]]:
    """Time covered by recognised words, each padded a little (word times are approximate)."""
    return [(max(0.0, s - pad), e + pad) for s, e in words]


# --- corpus ------------------------------------------------------------------------------------


def load_corpus(only: str | None) -> list[dict[str, Any]]:
    if not MANIFEST.is_file() or not DATA.is_dir():
        sys.exit("bench/real/data is missing: run `python bench/real/prepare.py` first (see bench/real/README.md)")
    out = []
    for line in MANIFEST.read_text().splitlines():
        if not line.strip():
            continue
        m = json.loads(line)
        if only and only not in m["id"]:
            continue
        ref_path = DATA / f"{m['id']}.ref.json"
        wav = DATA / f"{m['id']}.wav"
        if not (ref_path.is_file() and wav.is_file()):
            print(f"  {m['id']}: not prepared, skipped", file=sys.stderr)
            continue
        out.append({**m, "ref": json.loads(ref_path.read_text()), "wav": wav})
    return out


def two_party(rec: dict[str, Any]) -> bool:
    speech = rec["ref"].get("speech") or {}
    return rec["layout"] == "stereo" and len(speech) == 2


def mono_roles(rec: dict[str, Any]) -> dict[str, str] | None:
    """A two-party mono recording's parties as {"agent": party, "customer": party}, when the
    manifest names them (role-played service scenes); None when it does not."""
    speech = rec["ref"].get("speech") or {}
    if rec["layout"] != "mono" or len(speech) != 2:
        return None
    out = {}
    for party, desc in (rec.get("roles") or {}).items():
        for role in ("agent", "customer"):
            if str(desc).startswith(role) or (role == "agent" and "clerk" in str(desc)):
                out[role] = party
    return out if len(out) == 2 else {}


# --- qa ----------------------------------------------------------------------------------------


def run_qa(rec: dict[str, Any], audio: Any, layout: str) -> dict[str, Any]:
    from qa.errors import QAError
    from qa.pipeline import PipelineOptions, transcribe_call

    ref = rec["ref"]
    opts: dict[str, Any] = {"layout": layout}
    if layout == "stereo":
        opts["agent_channel"] = rec["channels"]["agent"]
    t = time.perf_counter()
    try:
        call = transcribe_call(audio, PipelineOptions(**opts))
    except QAError as exc:
        return {"refused": str(exc), "seconds": time.perf_counter() - t}
    seconds = time.perf_counter() - t
    dur = audio.duration
    out: dict[str, Any] = {"seconds": seconds, "language": call.meta["language"],
                           "language_margin": call.meta.get("language_margin"),
                           "language_source": call.meta.get("language_source"),
                           "notes": call.meta.get("notes", [])}
    speech = {r: [tuple(s) for s in call.meta["speech"][r]] for r in ("agent", "customer")}
    words = {r: [(w.span.start, w.span.end) for u in call.by_role(r) for w in u.words] for r in ("agent", "customer")}
    text = {r: " ".join(u.text for u in call.by_role(r)) for r in ("agent", "customer")}
    roles_of = mono_roles(rec)
    if roles_of:  # a two-party mono recording whose parties' roles are known
        ref = {**ref, "speech": {role: ref["speech"][party] for role, party in roles_of.items()}}
    if two_party(rec) or roles_of:
        parties = {}
        for role in ("agent", "customer"):
            r = mask(ref["speech"][role], dur)
            keep = outside_collar(ref["speech"][role], dur)
            heard = call.meta.get("transcribed", {}).get(role if layout == "stereo" else "mono", [])
            hyps = {
                "vad": mask(speech[role], dur),
                "transcribed": mask([tuple(s) for s in heard], dur),
                "words": mask(words_spans(words[role]), dur),
            }
            parties[role] = {kind: overlap_counts(r, h) for kind, h in hyps.items()}
            parties[role].update({f"{kind}@collar": overlap_counts(r, h, keep) for kind, h in hyps.items()})
            if layout == "stereo" and ref.get("transcript", {}).get(role):
                a = tokens(ref["transcript"][role], rec["language"])
                parties[role]["wer"] = (edit_distance(a, tokens(text[role], rec["language"])), len(a))
        out["parties"] = parties
        if layout == "stereo":
            out["channel_check"] = call.meta["speakers"].get("channel_check")
        else:  # roles by speech time: which role qa gave each reference party's speech
            right = total = 0
            for role in ("agent", "customer"):
                r = mask(ref["speech"][role], dur)
                only = r & ~mask(ref["speech"]["customer" if role == "agent" else "agent"], dur)
                mine = mask(speech[role], dur)
                theirs = mask(speech["customer" if role == "agent" else "agent"], dur)
                right += int((only & mine & ~theirs).sum())
                total += int((only & (mine ^ theirs)).sum())
            out["roles"] = (right, total)
            out["role_confidence"] = call.meta["speakers"].get("role_confidence")
    return out


def run_language_only(rec: dict[str, Any], audio: Any) -> dict[str, Any]:
    """Single-voice clips: qa's own language decision on the clip's speech (the call itself
    would be refused as one voice)."""
    from qa.asr import TranscriptionOptions, load_backend, transcribe_speech
    from qa.vad import speech_regions

    mono = audio.mono()
    t = time.perf_counter()
    regions = speech_regions(mono)
    if not regions:
        return {"language": None, "seconds": time.perf_counter() - t}
    opts = TranscriptionOptions()
    asr = transcribe_speech(load_backend(opts), {"mono": mono}, {"mono": regions}, opts)
    return {"language": asr.language, "language_margin": asr.language_margin,
            "seconds": time.perf_counter() - t, "languages": dict(asr.language_seconds)}


# --- plain faster-whisper --------------------------------------------------------------------


def run_plain(rec: dict[str, Any], audio: Any, vad: bool) -> dict[str, Any]:
    from qa.assets import whisper_base_dir

    model = _plain_model(str(whisper_base_dir()))
    ref = rec["ref"]
    dur = audio.duration
    t = time.perf_counter()
    parties: dict[str, Any] = {}
    langs = []
    for role, ch in rec["channels"].items():
        if role not in ("agent", "customer"):
            continue
        segs, info = model.transcribe(audio.channel(ch), beam_size=1, word_timestamps=True,
                                      vad_filter=vad, condition_on_previous_text=False)
        segs = list(segs)
        langs.append(info.language)
        words = [(w.start, w.end) for s in segs for w in (s.words or ())]
        r = mask(ref["speech"][role], dur)
        parties[role] = {"words": overlap_counts(r, mask(words_spans(words), dur))}
        if ref.get("transcript", {}).get(role):
            a = tokens(ref["transcript"][role], rec["language"])
            hyp = tokens(" ".join(s.text for s in segs), rec["language"])
            parties[role]["wer"] = (edit_distance(a, hyp), len(a))
    return {"parties": parties, "seconds": time.perf_counter() - t, "language": langs[0] if langs else None}


_MODELS: dict[str, Any] = {}


def _plain_model(path: str) -> Any:
    if path not in _MODELS:
        from faster_whisper import WhisperModel

        _MODELS[path] = WhisperModel(path, device="cpu", compute_type="int8")
    return _MODELS[path]


# --- report ------------------------------------------------------------------------------------


def _fmt(x: float | None, pct: bool = True) -> str:
    if x is None:
        return "  -  "
    return f"{x:5.3f}"


def pooled(results: list[dict[str, Any]], system: str, kind: str) -> dict[str, Any]:
    tot = {"ref": 0, "hyp": 0, "both": 0}
    wer = [0, 0]
    per_party: list[tuple[float | None, float | None]] = []
    for res in results:
        r = res.get(system) or {}
        for p in (r.get("parties") or {}).values():
            if kind in p:
                for k in tot:
                    tot[k] += p[kind][k]
                per_party.append(rp(p[kind]))
            if "wer" in p and kind == "words":
                wer[0] += p["wer"][0]
                wer[1] += p["wer"][1]
    recall, precision = rp(tot)
    worst = min((x[0] for x in per_party if x[0] is not None), default=None)
    return {"recall": recall, "precision": precision, "false_speech": None if precision is None else 1 - precision,
            "worst_party_recall": worst, "wer": wer[0] / wer[1] if wer[1] else None, "parties": len(per_party)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="recordings whose id contains this")
    ap.add_argument("--no-baseline", action="store_true", help="skip plain faster-whisper")
    ap.add_argument("--no-mono-mix", action="store_true", help="skip the two-channel calls mixed to mono")
    ap.add_argument("--out", help="write every figure as JSON here")
    args = ap.parse_args(argv)

    from qa.audio import decode_audio

    corpus = load_corpus(args.only)
    if not corpus:
        sys.exit("no prepared recordings matched")
    print(f"corpus: {len(corpus)} recordings, {sum(r['duration_s'] for r in corpus) / 60:.1f} min "
          f"(bench/real/README.md: sources, licences, references)")
    results: list[dict[str, Any]] = []
    for rec in corpus:
        audio = decode_audio(rec["wav"])
        res: dict[str, Any] = {"id": rec["id"], "language_ref": rec["language"], "duration": audio.duration,
                               "layout": rec["layout"], "code_switched": bool(rec.get("code_switched"))}
        if two_party(rec):
            res["qa"] = run_qa(rec, audio, "stereo")
            if not args.no_baseline:
                res["fw"] = run_plain(rec, audio, vad=False)
                res["fw_vad"] = run_plain(rec, audio, vad=True)
            if not args.no_mono_mix:
                mixed = dataclasses.replace(
                    audio,
                    samples=np.clip(audio.samples.sum(axis=0, keepdims=True), -1.0, 1.0).astype(np.float32),
                    sha256="",
                )
                res["qa_mono"] = run_qa(rec, mixed, "mono")
        else:
            res["qa"] = run_language_only(rec, audio)
            two = len(rec["ref"].get("speech") or {}) == 2 or rec.get("kind") == "conversation"
            res["voices"] = 2 if two else 1
            if two:
                res["qa_mono"] = run_qa(rec, audio, "mono")
        results.append(res)
        q = res["qa"]
        line = f"  {rec['id']:<28} {audio.duration:6.1f}s lang {q.get('language')!s:>3}/{rec['language']}"
        if "parties" in q:
            for role, p in q["parties"].items():
                rc, pr_ = rp(p["vad"])
                line += f"  {role[:4]} vad R {_fmt(rc)} P {_fmt(pr_)}"
        if "refused" in q:
            line += f"  REFUSED: {q['refused'][:60]}"
        m = res.get("qa_mono")
        if m:
            line += "  mono: " + (f"refused ({m['refused'][:40]})" if "refused" in m else
                                  f"roles {m['roles'][0] / max(1, m['roles'][1]):.2f}" if "roles" in m else "ok")
        print(line, flush=True)

    print("\n== speech per party, pooled over the two-channel calls (10 ms frames) ==")
    print(f"{'system':<34} {'recall':>7} {'false':>7} {'worst':>7} {'WER':>7}")
    rows = [("qa speech regions (VAD, timing)", "qa", "vad"), ("qa audio given to Whisper", "qa", "transcribed"),
            ("qa recognised words", "qa", "words"),
            (f"  the same, {COLLAR_S} s collar: regions", "qa", "vad@collar"),
            (f"  the same, {COLLAR_S} s collar: to Whisper", "qa", "transcribed@collar"),
            (f"  the same, {COLLAR_S} s collar: words", "qa", "words@collar")]
    if not args.no_baseline:
        rows += [("faster-whisper, no VAD: words", "fw", "words"), ("faster-whisper + its VAD: words", "fw_vad", "words")]
    summary: dict[str, Any] = {}
    for label, system, kind in rows:
        p = pooled(results, system, kind)
        summary[f"{system}/{kind}"] = p
        print(f"{label:<34} {_fmt(p['recall'])} {_fmt(p['false_speech'])} {_fmt(p['worst_party_recall'])} "
              f"{_fmt(p['wer']) if kind == 'words' else '':>7}")

    lang = [(r["qa"].get("language"), r["language_ref"], r["code_switched"]) for r in results if "qa" in r]
    right = sum(1 for got, want, _ in lang if got == want)
    print(f"\n== language ==\nqa: {right}/{len(lang)} recordings right ({right / max(1, len(lang)):.0%})")
    for r in results:
        if r["qa"].get("language") != r["language_ref"]:
            print(f"  wrong: {r['id']} -> {r['qa'].get('language')} (margin {r['qa'].get('language_margin')})")
    if not args.no_baseline:
        fl = [(r["fw"]["language"], r["language_ref"]) for r in results if "fw" in r]
        print(f"plain faster-whisper (per-channel detection, two-channel calls): "
              f"{sum(a == b for a, b in fl)}/{len(fl)}")
    summary["language"] = {"right": right, "n": len(lang)}

    mono = [r["qa_mono"] for r in results if "qa_mono" in r]
    refused = [m for m in mono if "refused" in m]
    roles = [m["roles"] for m in mono if "roles" in m]
    role_acc = sum(a for a, _ in roles) / max(1, sum(b for _, b in roles))
    print(f"\n== mono (two voices) ==\nrefused: {len(refused)}/{len(mono)}")
    for m in refused:
        print(f"  {m['refused'][:110]}")
    print(f"roles right by speech time: {role_acc:.3f} over {len(roles)} calls "
          f"(per call: {', '.join(f'{a / max(1, b):.2f}' for a, b in roles)})")
    single = [r for r in results if r.get("voices") == 1]
    summary["mono"] = {"refused": len(refused), "n": len(mono), "role_accuracy": role_acc}

    checks = [r["qa"].get("channel_check") for r in results if r["qa"].get("channel_check")]
    agree = sum(1 for c in checks if c["agrees"] is True)
    against = sum(1 for c in checks if c["agrees"] is False)
    print(f"\n== stereo channel check (reference agent channel given) ==\n"
          f"agrees {agree}, contradicts {against}, unsure {len(checks) - agree - against} of {len(checks)}")
    summary["channel_check"] = {"agrees": agree, "contradicts": against, "n": len(checks)}

    audio_s = sum(r["duration"] for r in results)
    qa_s = sum(r["qa"].get("seconds", 0.0) for r in results)
    print(f"\n== speed ==\nqa: RTF {qa_s / audio_s:.3f} over {audio_s / 60:.1f} min "
          f"({len(single)} single-voice clips: language decision only)")
    if not args.no_baseline:
        for key in ("fw", "fw_vad"):
            s = sum(r[key]["seconds"] for r in results if key in r)
            a = sum(r["duration"] for r in results if key in r)
            if a:
                print(f"{key}: RTF {s / a:.3f} per channel pair over {a / 60:.1f} min")
    summary["rtf"] = qa_s / audio_s
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "recordings": results}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
