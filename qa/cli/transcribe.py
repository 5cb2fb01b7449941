"""``qa transcribe AUDIO``: split agent from customer and transcribe with word timings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from qa.cli.common import add_audio_options, pipeline_options
from qa.cli.progress import ProgressLine
from qa.cli.render import add_words_option, print_call

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    t = sub.add_parser("transcribe", help="split agent from customer and transcribe with word timings")
    add_audio_options(t)
    add_words_option(t)
    t.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Transcribe the recording; print the transcript (``--json``: the machine form)."""
    from qa.pipeline import transcribe_call
    from qa.types import to_dict

    progress = ProgressLine(sys.stderr, not args.quiet)
    call = transcribe_call(args.audio, pipeline_options(args), call_id=args.call_id, progress=progress)
    if args.json:
        json.dump(to_dict(call), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_call(call, sys.stdout, words=args.words)
    return 0
