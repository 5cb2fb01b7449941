"""``qa score AUDIO``: transcribe and score a call against the rubric."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_audio_options, add_redaction_options, pipeline_options, redaction_of
from qa.cli.progress import ProgressLine
from qa.cli.render import add_words_option, emit_scored

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    s = sub.add_parser("score", help="transcribe and score a call against the rubric")
    add_audio_options(s)
    s.add_argument("--agent", default="unknown", metavar="ID", help="agent identifier")
    s.add_argument("--rubric", metavar="FILE", help="rubric configuration file (default: shipped qa/rubric.toml)")
    add_redaction_options(s, audio=False)
    s.add_argument("--redacted-audio", metavar="FILE.wav", help="--redact text+audio: write the redacted copy of the recording here")
    add_words_option(s)
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Transcribe and score the recording; print both (``--json``: the machine form)."""
    from qa.audio import decode_audio
    from qa.config import load_rubric_config
    from qa.errors import InputError
    from qa.names import check_agent_id
    from qa.pipeline import score_audio
    from qa.redact.audio import write_redacted
    from qa.redact.transcript import redact_call

    agent_id = check_agent_id(args.agent, field="--agent")
    config = load_rubric_config(args.rubric)  # a bad rubric file fails before any audio work
    red = redaction_of(args)
    if red.audio and not args.redacted_audio:
        raise InputError("--redact text+audio needs --redacted-audio FILE.wav: where to write the redacted recording")
    if args.redacted_audio and not red.audio:
        raise InputError("--redacted-audio needs --redact text+audio")
    opts = pipeline_options(args)
    progress = ProgressLine(sys.stderr, not args.quiet)
    source: Any = decode_audio(args.audio, max_duration=opts.max_duration) if red.audio else args.audio
    call, score = score_audio(
        source,
        opts,
        rubric_config=config,
        call_id=args.call_id,
        agent_id=agent_id,
        progress=progress,
    )
    if red.text:  # scored on what was said; what is printed (and written) is redacted
        done = redact_call(call, score, red.options, mode=red.mode)
        call, score = done.call, done.score
        if red.audio:
            write_redacted(source, done.mask, args.redacted_audio, tone_hz=red.tone_hz, level=red.tone_level)
    emit_scored(call, score, as_json=args.json, words=args.words)
    return 0
