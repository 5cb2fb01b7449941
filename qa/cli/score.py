"""``qa score AUDIO``: transcribe and score a call against the rubric."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_audio_options, pipeline_options
from qa.cli.progress import ProgressLine
from qa.cli.render import emit_scored

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    s = sub.add_parser("score", help="transcribe and score a call against the rubric")
    add_audio_options(s)
    s.add_argument("--agent", default="unknown", metavar="ID", help="agent identifier")
    s.add_argument("--rubric", metavar="FILE", help="rubric configuration file (default: shipped qa/rubric.toml)")
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Transcribe and score the recording; print both (``--json``: the machine form)."""
    from qa.config import load_rubric_config
    from qa.pipeline import score_audio

    config = load_rubric_config(args.rubric)  # a bad rubric file fails before any audio work
    progress = ProgressLine(sys.stderr, not args.quiet)
    call, score = score_audio(
        args.audio,
        pipeline_options(args),
        rubric_config=config,
        call_id=args.call_id,
        agent_id=args.agent,
        progress=progress,
    )
    emit_scored(call, score, as_json=args.json)
    return 0
