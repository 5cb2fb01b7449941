"""Whisper windows decoded in batches on CTranslate2, with Whisper's temperature fallback.

The model is a loaded ``faster_whisper.WhisperModel``. Its CTranslate2 model (:func:`ct2`)
encodes, detects languages and generates for a whole batch of windows at once; faster-whisper's
word alignment gives the words their timings. Whisper's own rules are kept: a window that is
silence is skipped, one whose greedy result fails the log-prob or compression-ratio check is
sampled again at each fallback temperature, and likely hallucinations are dropped.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from qa.asr.types import RawWord, TranscriptionOptions, WindowTranscript

if TYPE_CHECKING:  # pragma: no cover
    from faster_whisper import WhisperModel

__all__ = [
    "PREPEND",
    "APPEND",
    "is_hallucination",
    "compression_ratio",
    "DecodedWindow",
    "encode",
    "decode_batch",
    "language_logprob",
    "split_segments",
    "ct2",
]

log = logging.getLogger(__name__)

# Whisper's fixed sizes (the same for every Whisper model).
N_FRAMES = 3000  # mel frames in one 30 s window
FRAMES_PER_SECOND = 100  # mel frames per second (16 kHz, hop 160)
TIME_PRECISION = 0.02  # seconds per timestamp token
MAX_LENGTH = 448  # decoder context, in tokens
PREPEND = "\"'“¿([{-"
APPEND = "\"'.。,，!！?？:：”)]}、"

# Classic Whisper hallucinations on non-speech (subtitle credits, video outros). They are dropped
# only when the model itself was unsure, so a customer really saying "thank you" survives.
_HALLUCINATION = re.compile(
    r"(thanks? (you )?for watching|subscribe|subtitles? by|amara\.org|字幕|點贊|订阅|請不吝|"
    r"구독|시청해 ?주셔서|MBC|terima kasih kerana menonton)",
    re.IGNORECASE,
)


def is_hallucination(text: str, avg_logprob: float, no_speech_prob: float) -> bool:
    """Empty text, or a known non-speech phrase the model was unsure of."""
    if not text.strip():
        return True
    return bool(_HALLUCINATION.search(text)) and (avg_logprob < -0.4 or no_speech_prob > 0.3)


def compression_ratio(text: str) -> float:
    """Whisper's repetition measure: the text's UTF-8 length over its zlib-compressed length."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data))


@dataclass(frozen=True)
class DecodedWindow:
    """One window's decoding result and the numbers Whisper's fallback rule looks at."""

    tokens: list[int]
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float

    @classmethod
    def of(cls, res: Any, tokenizer: Any, k: int = 0) -> DecodedWindow:
        """Hypothesis ``k`` of a CTranslate2 ``WhisperGenerationResult``."""
        tokens = list(res.sequences_ids[k])
        avg_logprob = res.scores[k] * len(tokens) / (len(tokens) + 1)
        ratio = compression_ratio(tokenizer.decode(tokens).strip())
        return cls(tokens, float(avg_logprob), float(res.no_speech_prob), float(ratio))

    @classmethod
    def best(cls, res: Any, tokenizer: Any, max_ratio: float) -> DecodedWindow:
        """The most likely of a window's samples that does not repeat itself, if any does.
        (faster-whisper looks at the top-scored sample only, which at higher temperatures is
        often a loop: repetition is what the model finds likely.)"""
        hyps = [cls.of(res, tokenizer, k) for k in range(len(res.sequences_ids))]
        fine = [d for d in hyps if d.compression_ratio <= max_ratio]
        return max(fine or hyps, key=lambda d: d.avg_logprob)

    def silent(self, o: TranscriptionOptions) -> bool:
        """Whisper's no-speech rule: the window is skipped."""
        return self.no_speech_prob > o.no_speech_threshold and self.avg_logprob < o.log_prob_threshold

    def needs_fallback(self, o: TranscriptionOptions) -> bool:
        """Whisper's fallback rule: the window is decoded again at a higher temperature."""
        return (
            self.compression_ratio > o.compression_ratio_threshold
            or self.avg_logprob < o.log_prob_threshold
        )


def ct2(model: WhisperModel) -> Any:
    """The CTranslate2 Whisper inside a loaded ``faster_whisper.WhisperModel``."""
    # WhisperModel.model is not in faster-whisper's docs; batched encode/detect/generate need it.
    return model.model


def storage(array: np.ndarray) -> Any:
    """A numpy array as a CTranslate2 ``StorageView``."""
    import ctranslate2

    return ctranslate2.StorageView.from_array(np.ascontiguousarray(array))


def encode(model: WhisperModel, features: Sequence[np.ndarray]) -> Any:
    """The encoder output for a batch of windows' log-mel features (padded to 30 s)."""
    padded = []
    for f in features:
        f = f[:, :N_FRAMES]
        padded.append(np.pad(f, [(0, 0), (0, N_FRAMES - f.shape[-1])]) if f.shape[-1] < N_FRAMES else f)
    return ct2(model).encode(storage(np.stack(padded)), to_cpu=False)


def _prompt(tokenizer: Any) -> list[int]:
    """The decoder prompt: start of transcript, language, task (timestamps on, no context): what
    faster-whisper's ``get_prompt`` gives without previous text, prefix or hot words."""
    return list(tokenizer.sot_sequence)


def _generate_options() -> dict[str, Any]:
    """What faster-whisper passes to every ``generate`` (timestamps, no-speech probability)."""
    return {
        "length_penalty": 1.0,
        "max_length": MAX_LENGTH,
        "return_scores": True,
        "return_no_speech_prob": True,
        "suppress_blank": True,
        "suppress_tokens": [-1],
        "max_initial_timestamp_index": int(round(1.0 / TIME_PRECISION)),
    }


def language_logprob(
    model: WhisperModel, enc: Any, windows: int, tokenizer: Any, o: TranscriptionOptions
) -> tuple[float, int]:
    """The windows decoded greedily in ``tokenizer``'s language: the mean log-probability per
    token over the windows that are not silence (-inf when there are none), and the tokens."""
    prompt = _prompt(tokenizer)
    results = ct2(model).generate(enc, [prompt] * windows, beam_size=1, **_generate_options())
    total = count = 0.0
    for res in results:
        d = DecodedWindow.of(res, tokenizer)
        if d.silent(o) or not d.tokens:
            continue
        total += d.avg_logprob * len(d.tokens)
        count += len(d.tokens)
    return (total / count if count else float("-inf")), int(count)


def decode_batch(
    model: WhisperModel,
    enc: Any,
    durations: Sequence[float],
    tokenizers: Sequence[Any],
    o: TranscriptionOptions,
) -> list[WindowTranscript]:
    """Greedy decoding of a batch of windows at once (each in its own language); the windows
    whose result fails the log-prob or compression-ratio check are sampled again together at
    each fallback temperature; word timings come from a batched alignment of everything kept
    (one per language). A window that is silence has no words and no log-probability."""
    prompts = [_prompt(tok) for tok in tokenizers]
    results = ct2(model).generate(
        enc, prompts, beam_size=o.beam_size, patience=1.0, **_generate_options()
    )
    chosen: dict[int, DecodedWindow] = {}
    tried: dict[int, list[DecodedWindow]] = {}
    for i, res in enumerate(results):
        d = DecodedWindow.of(res, tokenizers[i])
        if d.silent(o):
            continue  # faster-whisper skips such a window too
        if d.needs_fallback(o) and len(o.temperatures) > 1:
            tried[i] = [d]
        else:
            chosen[i] = d
    chosen.update(_fallback(model, enc, prompts, tokenizers, tried, o))
    words = _align(model, enc, durations, tokenizers, chosen)
    return [
        WindowTranscript(words[i], chosen[i].avg_logprob, len(chosen[i].tokens))
        if i in chosen
        else WindowTranscript(words[i], None, 0)
        for i in range(len(durations))
    ]


def _fallback(
    model: WhisperModel,
    enc: Any,
    prompts: Sequence[list[int]],
    tokenizers: Sequence[Any],
    tried: dict[int, list[DecodedWindow]],
    o: TranscriptionOptions,
) -> dict[int, DecodedWindow]:
    """Whisper's temperature fallback, for all the failing windows of a batch at once
    (faster-whisper goes window by window and, on a seek inside a window, encodes again).
    ``tried`` holds each failing window's greedy result; returns the result kept for each window
    that is not found to be silence."""
    chosen: dict[int, DecodedWindow] = {}
    pending = list(tried)
    array: np.ndarray | None = None
    for temperature in o.temperatures[1:]:
        if not pending:
            break
        if array is None:
            array = np.asarray(enc)
        sampled = ct2(model).generate(
            storage(array[pending]),
            [prompts[i] for i in pending],
            beam_size=1,
            num_hypotheses=o.best_of,
            sampling_topk=0,
            sampling_temperature=temperature,
            **_generate_options(),
        )
        still: list[int] = []
        for i, res in zip(pending, sampled, strict=True):
            d = DecodedWindow.best(res, tokenizers[i], o.compression_ratio_threshold)
            tried[i].append(d)
            if d.silent(o):
                tried.pop(i)
            elif d.needs_fallback(o):
                still.append(i)
            else:
                chosen[i] = d
        pending = still
    for i in pending:  # every temperature failed: faster-whisper's choice among the tries
        fine = [d for d in tried[i] if d.compression_ratio <= o.compression_ratio_threshold]
        chosen[i] = max(fine or tried[i], key=lambda d: d.avg_logprob)
    return chosen


def _align(
    model: WhisperModel,
    enc: Any,
    durations: Sequence[float],
    tokenizers: Sequence[Any],
    chosen: Mapping[int, DecodedWindow],
) -> list[list[RawWord]]:
    """The chosen windows' words with timings, aligned per language (the tokenizer decides how
    tokens join into words); likely hallucinations are dropped."""
    out: list[list[RawWord]] = [[] for _ in durations]
    groups: dict[int, list[int]] = {}
    for i in sorted(chosen):
        groups.setdefault(id(tokenizers[i]), []).append(i)
    array: np.ndarray | None = None
    for members in groups.values():
        tokenizer = tokenizers[members[0]]
        kept: list[int] = []
        segments: list[list[dict[str, Any]]] = []
        sizes: list[int] = []
        for i in members:
            segs = split_segments(chosen[i].tokens, durations[i], tokenizer)
            if segs:
                kept.append(i)
                segments.append(segs)
                sizes.append(int(np.ceil(durations[i]) * FRAMES_PER_SECOND))
        if not kept:
            continue
        if len(kept) == len(durations):
            sub = enc
        else:
            array = np.asarray(enc) if array is None else array
            sub = storage(array[kept])
        # Not in faster-whisper's docs, but its word alignment (cross-attention DTW and timing rules).
        model.add_word_timestamps(segments, tokenizer, sub, sizes, PREPEND, APPEND, 0.0)
        for i, segs in zip(kept, segments, strict=True):
            d = chosen[i]
            for seg in segs:
                text = tokenizer.decode(seg["tokens"])
                if is_hallucination(text, d.avg_logprob, d.no_speech_prob):
                    log.info("dropped a likely hallucination (%d characters; text not logged)", len(text))
                    continue
                for w in seg.get("words") or ():
                    out[i].append(
                        RawWord(float(w["start"]), float(w["end"]), w["word"], float(w["probability"]))
                    )
    return out


def split_segments(tokens: list[int], duration: float, tokenizer: Any) -> list[dict[str, Any]]:
    """A window's tokens split at its timestamp pairs, as faster-whisper splits them, in the
    segment dicts its word alignment takes (``seek``, ``start``, ``end``, ``tokens``).

    The window's audio ends where the window does, so text after the last timestamp pair is
    speech at the end of the window: it becomes a last segment up to ``duration`` (faster-whisper
    would seek and decode it again from there, which is for audio that goes on past the window).
    Segments without a text token are left out."""
    begin, eot = tokenizer.timestamp_begin, tokenizer.eot
    segs: list[dict[str, Any]] = []
    pairs = [i for i in range(1, len(tokens)) if tokens[i] >= begin and tokens[i - 1] >= begin]
    if pairs:
        if len(tokens) >= 2 and tokens[-2] < begin <= tokens[-1]:  # one timestamp at the end
            pairs.append(len(tokens))
        last = 0
        for cut in pairs:
            part = tokens[last:cut]
            start, end = (part[0] - begin) * TIME_PRECISION, (part[-1] - begin) * TIME_PRECISION
            segs.append({"seek": 0, "start": start, "end": end, "tokens": part})
            last = cut
    else:
        stamps = [t for t in tokens if t >= begin]
        end = duration
        if stamps and stamps[-1] != begin:
            end = (stamps[-1] - begin) * TIME_PRECISION
        segs.append({"seek": 0, "start": 0.0, "end": end, "tokens": tokens})
    tail = tokens[sum(len(seg["tokens"]) for seg in segs) :]
    if any(t < eot for t in tail):
        segs.append(
            {"seek": 0, "start": segs[-1]["end"] if segs else 0.0, "end": duration, "tokens": tail}
        )
    return [seg for seg in segs if any(t < eot for t in seg["tokens"])]
