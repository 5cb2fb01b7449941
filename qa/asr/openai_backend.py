"""The openai-whisper backend: the same weights through the openai-whisper package.

Slower than faster-whisper and without batching; it is there to compare against the reference
implementation. Each chunk goes through ``Whisper.transcribe`` with Whisper's own temperature
fallback; a close language decision is not settled by decoding here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from qa.asr.decoding import is_hallucination
from qa.asr.models import load_openai_model
from qa.asr.types import ChunkTranscripts, LanguageChooser, RawWord, TranscriptionOptions

__all__ = ["OpenAIWhisperBackend"]


class OpenAIWhisperBackend:
    """Whisper on PyTorch (openai-whisper), loaded once per set of options."""

    name = "openai-whisper"

    def __init__(self, options: TranscriptionOptions) -> None:
        self.options = options
        self.model_name = options.model
        self.model = load_openai_model(options)
        self.multilingual = bool(self.model.is_multilingual)

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> ChunkTranscripts:
        """See :class:`~qa.asr.types.AsrBackend`; every window is decoded in the call's language."""
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
                if is_hallucination(seg["text"], seg["avg_logprob"], seg["no_speech_prob"]):
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
