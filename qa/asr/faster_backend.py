"""The faster-whisper backend: a call's windows through CTranslate2, a batch at a time.

Each chunk is at most 30 s, so the encoder runs exactly once per chunk: its output serves
language detection and decoding alike (faster-whisper's own ``transcribe()`` encodes the
detection window twice). Windows go through the model ``batch_size`` at a time
(:mod:`qa.asr.decoding`); with ``batch_size`` 1, faster-whisper's own window loop decodes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from qa.asr.decoding import (
    APPEND,
    PREPEND,
    ct2,
    decode_batch,
    encode,
    is_hallucination,
    language_logprob,
    storage,
)
from qa.asr.language import settle, window_language
from qa.asr.models import load_faster_whisper
from qa.asr.types import (
    SR,
    ChunkTranscripts,
    LanguageChooser,
    RawWord,
    TranscriptionOptions,
    WindowTranscript,
)
from qa.asr.windows import decode_tails

__all__ = ["FasterWhisperBackend"]

log = logging.getLogger(__name__)


class FasterWhisperBackend:
    """Whisper on CTranslate2 (faster-whisper), loaded once per set of options."""

    name = "faster-whisper"

    def __init__(self, options: TranscriptionOptions) -> None:
        self.options = options
        self.model_name = options.model
        self.model = load_faster_whisper(options)
        self.multilingual = bool(ct2(self.model).is_multilingual)
        self._tokenizers: dict[str, Any] = {}

    def tokenizer(self, language: str) -> Any:
        """faster-whisper's tokenizer for transcribing ``language`` (one object per language)."""
        from faster_whisper.tokenizer import Tokenizer

        tok = self._tokenizers.get(language)
        if tok is None:
            # Tokenizer and WhisperModel.hf_tokenizer are not in faster-whisper's docs; its word
            # alignment and window loop take this tokenizer.
            tok = Tokenizer(self.model.hf_tokenizer, self.multilingual, task="transcribe", language=language)
            self._tokenizers[language] = tok
        return tok

    def _features(self, audio: np.ndarray) -> np.ndarray:
        # WhisperModel.feature_extractor is not in faster-whisper's docs: the model's own log-mel
        # front end (its mel count comes with the model).
        return self.model.feature_extractor(audio)

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> ChunkTranscripts:
        """See :class:`~qa.asr.types.AsrBackend`. A given language is used for every window; a
        detected one can give way, window by window, to another served language the window is
        clearly in (code-switching). A close detection is settled by decoding."""
        o = self.options
        if not self.multilingual:
            language = "en"
        detect = self.multilingual and language is None
        size = max(1, o.batch_size)
        n = len(chunks)
        # The first batch holds the language-detection windows (at most ``windows`` chunks).
        bounds: list[tuple[int, int]] = []
        first = min(n, max(1, windows)) if language is None else min(n, size)
        if n:
            bounds.append((0, first))
        bounds += [(i, min(n, i + size)) for i in range(first, n, size)]
        words: list[list[RawWord]] = []
        languages: list[str] = []
        logprobs: list[float | None] = []
        tokens: list[int] = []
        check: dict[str, Any] | None = None
        for lo, hi in bounds:
            # Features per batch, not for the whole call up front: a long call's windows would
            # otherwise all sit in memory as spectrograms at once.
            features = [self._features(chunks[k]) for k in range(lo, hi)]
            enc = encode(self.model, features)
            durations = [chunks[k].size / SR for k in range(lo, hi)]
            probs: list[dict[str, float]] = []
            if detect:
                probs = [
                    {tok[2:-2]: float(p) for tok, p in results}
                    for results in ct2(self.model).detect_language(enc)
                ]
            if language is None:
                language, contenders = choose(probs)
                if len(contenders) > 1:
                    language, check = self._settle(enc, len(durations), contenders, language)
            window_langs = [
                window_language(p, language, o.candidate_languages, o.switch_probability)
                for p in probs
            ] or [language] * (hi - lo)
            if on_chunk is not None and hi - lo > 1:  # the encoder is about half a batch's time
                on_chunk(lo + (hi - lo) / 2)
            if size == 1:  # faster-whisper's own loop, window by window
                whole = np.asarray(enc) if hi - lo > 1 else None
                decoded = [
                    self._sequential(
                        features[k - lo],
                        self.tokenizer(window_langs[k - lo]),
                        enc if whole is None else storage(whole[k - lo : k - lo + 1]),
                    )
                    for k in range(lo, hi)
                ]
            else:
                toks = [self.tokenizer(x) for x in window_langs]
                decoded = decode_batch(self.model, enc, durations, toks, o)
                if o.redecode_tail_s > 0:
                    decoded = decode_tails(
                        [chunks[k] for k in range(lo, hi)],
                        decoded,
                        lambda pieces, at, toks=toks: self._decode_audio(pieces, [toks[k] for k in at]),
                        o.redecode_tail_s,
                    )
            for window, lang in zip(decoded, window_langs, strict=True):
                words.append([replace(w, language=lang) for w in window.words])
                languages.append(lang)
                logprobs.append(window.avg_logprob)
                tokens.append(window.tokens)
                if on_chunk is not None:
                    on_chunk(len(words))
        if language is None:  # nothing to listen to: the chooser's own fallback
            language = choose([])[0]
        return ChunkTranscripts(language, words, languages, logprobs, tokens, check)

    def _decode_audio(
        self, audio: Sequence[np.ndarray], tokenizers: Sequence[Any]
    ) -> list[WindowTranscript]:
        """Windows of audio (each at most 30 s) encoded and decoded as one batch."""
        enc = encode(self.model, [self._features(a) for a in audio])
        return decode_batch(self.model, enc, [a.size / SR for a in audio], tokenizers, self.options)

    def _settle(
        self, enc: Any, windows: int, contenders: Sequence[str], detected: str
    ) -> tuple[str, dict[str, Any]]:
        """A close language decision settled by decoding the detection windows in each contender:
        the language whose transcript the model finds likelier (:func:`qa.asr.language.settle`)."""
        scores: dict[str, float] = {}
        counts: dict[str, float] = {}
        for lang in contenders:
            scores[lang], counts[lang] = language_logprob(
                self.model, enc, windows, self.tokenizer(lang), self.options
            )
        return settle(scores, counts, contenders, detected)

    def _sequential(
        self, features: np.ndarray, tokenizer: Any, encoder_output: Any
    ) -> WindowTranscript:
        """One chunk through faster-whisper's own loop, with the temperature fallback."""
        words: list[RawWord] = []
        total = count = 0.0
        # generate_segments (not in faster-whisper's docs) is its transcribe() loop; it takes the
        # encoder output this backend already has.
        for seg in self.model.generate_segments(
            features, tokenizer, self._fw_options(), False, encoder_output
        ):
            total += seg.avg_logprob * len(seg.tokens)
            count += len(seg.tokens)
            if is_hallucination(seg.text, seg.avg_logprob, seg.no_speech_prob):
                log.info("dropped a likely hallucination (%d characters; text not logged)", len(seg.text))
                continue
            for w in seg.words or ():
                words.append(RawWord(float(w.start), float(w.end), w.word, float(w.probability)))
        return WindowTranscript(words, (total / count if count else None), int(count))

    def _fw_options(self) -> Any:
        """The options faster-whisper's window loop takes (a fresh object: the loop edits it)."""
        # faster_whisper.transcribe.TranscriptionOptions is not in its docs; generate_segments needs it.
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
            prepend_punctuations=PREPEND,
            append_punctuations=APPEND,
            multilingual=False,
            max_new_tokens=None,
            clip_timestamps="0",
            hallucination_silence_threshold=None,
            hotwords=None,
        )
