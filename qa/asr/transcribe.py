"""A call's speech regions to words: the backend loaded once, the regions packed into windows,
the language decided, the words mapped back to the recording and put in one Chinese script."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from qa.asr.faster_backend import FasterWhisperBackend
from qa.asr.language import CallLanguage
from qa.asr.openai_backend import OpenAIWhisperBackend
from qa.asr.script import to_chinese_script
from qa.asr.types import AsrBackend, RawWord, Transcription, TranscriptionOptions
from qa.asr.windows import pack_chunks
from qa.config import coerce_options
from qa.types import Span

__all__ = ["load_backend", "transcribe_speech"]


@lru_cache(maxsize=4)
def _load_backend_cached(options: TranscriptionOptions) -> AsrBackend:
    if options.backend == "openai-whisper":
        return OpenAIWhisperBackend(options)
    return FasterWhisperBackend(options)


def load_backend(options: TranscriptionOptions | Mapping[str, Any] | None = None) -> AsrBackend:
    """The ASR backend for these options, loaded once per process."""
    opts = coerce_options(TranscriptionOptions, options)
    # Only the fields that change the loaded model are part of the cache key.
    key = TranscriptionOptions(
        backend=opts.backend,
        model=opts.model,
        device=opts.device,
        compute_type=opts.compute_type,
        cpu_threads=opts.cpu_threads,
        beam_size=opts.beam_size,
        temperatures=opts.temperatures,
        no_speech_threshold=opts.no_speech_threshold,
        log_prob_threshold=opts.log_prob_threshold,
        compression_ratio_threshold=opts.compression_ratio_threshold,
        batch_size=opts.batch_size,
        best_of=opts.best_of,
    )  # chinese_script is applied after the backend (transcribe_speech): not part of the key
    return _load_backend_cached(key)


def transcribe_speech(
    backend: AsrBackend,
    signals: Mapping[str, np.ndarray],
    regions: Mapping[str, Sequence[Span]],
    options: TranscriptionOptions,
    language: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Transcription:
    """Detect the call's language (unless given) and transcribe every party's speech regions.

    All parties' regions go into one stream of <= 30 s chunks in time order, so the encoder runs
    about once per 30 s of speech in the whole call, and language detection reuses the first
    ``language_windows`` chunks' encoder outputs. A close decision between two served languages
    (margin under ``language_margin``) is settled by decoding in both; a window clearly in another
    served language is decoded in it, and its words carry that language. Every party's words
    come back in time order, within its regions, each with the language it was decoded in.
    """
    chunks = pack_chunks(signals, [(role, s) for role, spans in regions.items() for s in spans])
    chooser = CallLanguage(options.candidate_languages, options.language_margin)
    hint = language or options.language
    on_chunk = None if progress is None else (lambda n: progress(n / max(1, len(chunks))))
    result = backend.transcribe_chunks(
        [c.audio for c in chunks], hint, chooser, options.language_windows, on_chunk
    )
    lang = result.language
    words: dict[str, list[RawWord]] = {role: [] for role in regions}
    seconds: dict[str, float] = {}
    for i, (chunk, chunk_words) in enumerate(zip(chunks, result.words, strict=True)):
        if i < len(result.chunk_languages) and chunk_words:
            cl = result.chunk_languages[i]
            seconds[cl] = seconds.get(cl, 0.0) + sum(p.span.duration for p in chunk.pieces)
        for w in chunk_words:
            if w.probability < options.min_word_probability:
                continue
            role, placed = chunk.place(w, lang)
            words[role].append(placed)
    for role, ws in words.items():
        ws.sort(key=lambda w: (w.start, w.end))
        if options.chinese_script != "as-is" and any((w.language or lang) == "zh" for w in ws):
            words[role] = to_chinese_script(ws, options.chinese_script)
    total = count = 0.0
    for lp, n in zip(result.chunk_logprobs, result.chunk_tokens, strict=False):
        if lp is not None and n:
            total += lp * n
            count += n
    return Transcription(
        language=lang,
        language_probability=1.0 if hint else float(chooser.probability),
        language_top=chooser.top,
        language_source="hint" if hint else ("decoded" if result.language_check else "detected"),
        words=words,
        mean_logprob=total / count if count else None,
        language_margin=None if hint else chooser.margin,
        language_check=result.language_check,
        language_seconds={k: round(v, 1) for k, v in seconds.items()},
    )
