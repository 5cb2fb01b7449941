#!/usr/bin/env python3
"""Check the rendered samples with faster-whisper (the project's shipped Whisper base model).

For each sample and each side (stereo: the customer and agent channels; mono: the mix) this
prints the language Whisper detects over up to 30 s of that side's speech (utterances
concatenated from the expected file) and a rough word accuracy of a transcription with the
language forced (characters for Chinese), against the expected text.  Not a test: a report.

    python samples/check_whisper.py [--only ID]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SR = 16000


def tokens(text: str, lang: str) -> list[str]:
    text = text.lower()
    if lang in ("zh", "ja"):
        return [c for c in text if re.match(r"[\u3400-\u9fff0-9a-z]", c)]
    return re.findall(r"[\w']+", text)


def accuracy(ref: list[str], hyp: list[str]) -> float:
    if not ref:
        return float("nan")
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
            prev, d[j] = d[j], cur
    return max(0.0, 1.0 - d[len(hyp)] / len(ref))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", action="append")
    args = ap.parse_args(argv)
    from faster_whisper import WhisperModel
    from faster_whisper.audio import decode_audio

    from qa.assets import whisper_base_dir

    model = WhisperModel(str(whisper_base_dir()), device="cpu", compute_type="int8")
    for f in sorted(HERE.glob("*.expected.json")):
        exp = json.loads(f.read_text(encoding="utf-8"))
        if args.only and exp["id"] not in args.only:
            continue
        lang = exp["language"]
        path = HERE / exp["audio"]
        if exp["layout"] == "stereo":
            chans = decode_audio(str(path), sampling_rate=SR, split_stereo=True)
            ac = exp["agent_channel"]
            sides = [("customer", chans[1 - ac], "customer"), ("agent", chans[ac], "agent")]
        else:
            mix = decode_audio(str(path), sampling_rate=SR)
            sides = [("customer", mix, "customer"), ("mix", mix, None)]
        for name, audio, role in sides:
            utts = [u for u in exp["utterances"] if role is None or u["role"] == role]
            speech = np.concatenate([audio[int(u["start"] * SR): int(u["end"] * SR)] for u in utts
                                     if u["role"] == (role or u["role"])])[: 30 * SR]
            if role == "customer" and exp["layout"] == "mono":
                speech = np.concatenate([audio[int(u["start"] * SR): int(u["end"] * SR)]
                                         for u in exp["utterances"] if u["role"] == "customer"])[: 30 * SR]
                name = "cust-only"
            det, p, allp = model.detect_language(speech)
            top = " ".join(f"{k}:{v:.2f}" for k, v in allp[:3])
            line = f"{exp['id']:<22} {name:<9} detect={det} ({top})"
            if name != "cust-only":
                segs, _ = model.transcribe(audio, language=lang, beam_size=1,
                                           condition_on_previous_text=False)
                hyp = " ".join(s.text for s in segs)
                ref = " ".join(u["text"] for u in utts if "backchannel" not in u["labels"])
                acc = accuracy(tokens(ref, lang), tokens(hyp, lang))
                line += f" acc={acc:.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
