"""``qa score-transcript TRANSCRIPT``: score a transcript that already exists (JSON)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from qa.cli.common import add_common, add_redaction_options, redaction_of
from qa.cli.render import add_words_option, emit_scored

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    st = sub.add_parser("score-transcript", help="score a transcript that already exists (JSON)")
    add_common(st)
    st.add_argument("transcript", metavar="TRANSCRIPT", help="JSON: this tool's --json output or {utterances: [{role,start,end,text,words?}]}")
    st.add_argument("--agent", metavar="ID", help="agent identifier (default: the transcript's)")
    st.add_argument("--rubric", metavar="FILE", help="rubric configuration file")
    st.add_argument("--json", action="store_true")
    add_redaction_options(st, audio=False)
    add_words_option(st)
    st.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Score the transcript file; print the call and its score (``--json``: the machine form).
    An unreadable or malformed file is an :class:`~qa.errors.InputError` naming the problem."""
    import dataclasses

    from qa.config import load_rubric_config
    from qa.errors import InputError
    from qa.scoring import score_call
    from qa.types import call_from_dict

    config = load_rubric_config(args.rubric)
    red = redaction_of(args)
    if red.audio:
        raise InputError("score-transcript has no recording to redact: use --redact text")
    try:
        with open(args.transcript, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{args.transcript}: no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{args.transcript}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except UnicodeDecodeError:
        raise InputError(f"{args.transcript}: not UTF-8 text") from None
    call = call_from_dict(data)
    if args.agent:
        from qa.names import check_agent_id

        call = dataclasses.replace(call, agent_id=check_agent_id(args.agent, field="--agent"))
    score = score_call(call, config)
    if red.text:  # scored on what was said; what is printed is redacted
        from qa.redact.transcript import redact_call

        done = redact_call(call, score, red.options, mode=red.mode)
        call, score = done.call, done.score
    emit_scored(call, score, as_json=args.json, words=args.words)
    return 0
