"""What several commands share: the common flags, the pipeline and store options, and turning
them into :class:`~qa.pipeline.PipelineOptions` and an open :class:`~qa.store.Store`."""

from __future__ import annotations

import argparse
import os
from typing import Any

__all__ = [
    "add_common",
    "add_audio_options",
    "add_pipeline_options",
    "add_store_options",
    "pipeline_options",
    "open_store",
    "add_redaction_options",
    "redaction_of",
]


def add_common(p: argparse.ArgumentParser, top: bool = False) -> None:
    """``-v`` and ``-q``, accepted before or after the command (the command's copy only
    overrides when given)."""
    dflt = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
    p.add_argument("-v", "--verbose", action="count", default=dflt(0), help="more logging (-vv: debug)")
    p.add_argument("-q", "--quiet", action="store_true", default=dflt(False), help="no progress output")


def add_audio_options(p: argparse.ArgumentParser) -> None:
    """A command that takes one recording: the recording, the pipeline options, ``--call-id``
    and ``--json``."""
    add_common(p)
    p.add_argument("audio", metavar="AUDIO", help="recording: WAV, MP3, FLAC, OGG/Opus, M4A …")
    add_pipeline_options(p)
    p.add_argument("--call-id", help="identifier for the call (default: from the audio's sha256)")
    p.add_argument("--json", action="store_true", help="print the machine form (see README)")


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    """How a recording is transcribed: layout, language, model and decoding settings."""
    from qa.asr import CHINESE_SCRIPTS
    layout = p.add_mutually_exclusive_group()
    layout.add_argument("--mono", action="store_true", help="one channel (or both parties on one): separate the two voices")
    layout.add_argument("--stereo", action="store_true", help="one party per channel (default for two-channel files)")
    p.add_argument("--agent-channel", choices=("0", "1", "auto"), default="0", help="stereo: the agent's channel, or auto to decide it from what each side says (default 0)")
    p.add_argument("--language", metavar="XX", help="language hint (en, zh, ko, ms …); default: detected over the call")
    p.add_argument("--model", default="base", help="Whisper model: 'base' (shipped), a CTranslate2 model directory, or a faster-whisper model name")
    p.add_argument("--backend", choices=("faster-whisper", "openai-whisper"), default="faster-whisper")
    p.add_argument("--beam-size", type=int, default=1, metavar="N")
    p.add_argument("--asr-batch", type=int, default=8, metavar="N", help="Whisper windows decoded together (default 8; 1: one at a time)")
    p.add_argument("--zh-script", choices=CHINESE_SCRIPTS, default="simplified", help="Mandarin transcripts in one script (default simplified; Whisper mixes both)")
    p.add_argument("--compute-type", default="int8", help="CTranslate2 compute type (int8, float32 …)")
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--max-duration", type=float, metavar="SECONDS", help="refuse longer recordings (default 7200, or $QA_MAX_DURATION)")


def add_store_options(p: argparse.ArgumentParser) -> None:
    """Where the database and the recordings are."""
    p.add_argument("--db", metavar="URL", help="database URL (default: $QA_DATABASE_URL or a SQLite file in the data dir)")
    p.add_argument("--data-dir", metavar="DIR", help="where recordings and the SQLite file live (default: $QA_DATA_DIR or ./var)")


def pipeline_options(args: argparse.Namespace) -> Any:
    """The :class:`~qa.pipeline.PipelineOptions` the pipeline options ask for (with the
    environment's defaults)."""
    from qa.asr import TranscriptionOptions
    from qa.pipeline import PipelineOptions

    overrides: dict[str, Any] = {
        "layout": "mono" if args.mono else "stereo" if args.stereo else "auto",
        "agent_channel": args.agent_channel,
        "language": args.language,
        "transcription": TranscriptionOptions(
            backend=args.backend,
            model=args.model,
            beam_size=args.beam_size,
            batch_size=args.asr_batch,
            chinese_script=args.zh_script,
            compute_type=args.compute_type,
            device=args.device,
        ),
    }
    if args.max_duration is not None:
        overrides["max_duration"] = args.max_duration
    return PipelineOptions.from_env(**overrides)


def open_store(args: argparse.Namespace) -> Any:
    """The :class:`~qa.store.Store` the store options name (``--db``, else
    ``$QA_DATABASE_URL``, else the data dir's SQLite file)."""
    from qa.store import Store

    return Store.open(args.db or os.environ.get("QA_DATABASE_URL") or None, data_dir=args.data_dir)


def add_redaction_options(p: argparse.ArgumentParser, *, audio: bool = True) -> None:
    """``--redact MODE`` (and, where recordings are stored, ``--keep-original-audio``)."""
    p.add_argument(
        "--redact",
        metavar="MODE",
        help="personal data out of what is stored and shown: off, text or text+audio "
        "(default: $QA_REDACTION or off)",
    )
    if audio:
        p.add_argument(
            "--keep-original-audio",
            action="store_true",
            default=None,
            help="text+audio: keep the original recording beside its redacted copy "
            "(default: $QA_KEEP_ORIGINAL_AUDIO or no)",
        )


def redaction_of(args: argparse.Namespace) -> Any:
    """The :class:`~qa.redact.modes.Redaction` the redaction options (and the environment)
    ask for; an unknown mode is an :class:`~qa.errors.InputError` listing the modes."""
    from qa.redact.modes import Redaction

    return Redaction.from_env(args.redact, getattr(args, "keep_original_audio", None))
