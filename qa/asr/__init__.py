"""Speech recognition with word timings: faster-whisper by default, openai-whisper as an option.

Only the speech regions found by VAD are given to Whisper: they are laid end to end with a short
silence between them, transcribed in one pass, and every word's time is mapped back to the
recording. So silence and hold music are never transcribed, and the model sees a few dense 30 s
windows instead of one per utterance. Models load once per process (``load_backend`` is cached).

Modules: :mod:`~qa.asr.types` options and result records, :mod:`~qa.asr.windows` speech
regions to 30 s windows and back, :mod:`~qa.asr.language` language choice,
:mod:`~qa.asr.decoding` batched decoding with the temperature fallback,
:mod:`~qa.asr.faster_backend` and :mod:`~qa.asr.openai_backend` the backends,
:mod:`~qa.asr.script` Mandarin in one script, :mod:`~qa.asr.models` model loading,
:mod:`~qa.asr.convert` CTranslate2 → openai-whisper weights, :mod:`~qa.asr.transcribe` the whole.
"""

from qa.asr.language import choose_language
from qa.asr.script import to_chinese_script
from qa.asr.transcribe import load_backend, transcribe_speech
from qa.asr.types import (
    CHINESE_SCRIPTS,
    DEFAULT_MODEL,
    SUPPORTED_LANGUAGES,
    AsrBackend,
    ChunkTranscripts,
    RawWord,
    Transcription,
    TranscriptionOptions,
)
from qa.asr.windows import pack_chunks, widen

__all__ = [
    "TranscriptionOptions",
    "AsrBackend",
    "RawWord",
    "load_backend",
    "pack_chunks",
    "widen",
    "choose_language",
    "transcribe_speech",
    "to_chinese_script",
    "Transcription",
    "ChunkTranscripts",
    "SUPPORTED_LANGUAGES",
    "CHINESE_SCRIPTS",
    "DEFAULT_MODEL",
]
