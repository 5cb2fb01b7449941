"""The ``qa`` command line: :func:`main` parses the arguments and runs one command.

Each command lives in its own module (``transcribe``, ``score``, ``score_transcript``,
``label``, ``rubrics``, ``serve``, ``keys``, ``teams``, ``batch``, ``rescore``, ``calibrate``,
``purge``) with a ``register(sub)``
that adds its parser; :mod:`~qa.cli.serve` is the only one that loads the web layer (``api``).

Every user-facing failure (bad file, bad option, missing model) ends with one ``qa: error: …``
line on stderr and a non-zero exit status, never a traceback (``-v`` adds one for bug reports).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from qa import __version__
from qa.cli import (
    batch,
    calibrate,
    keys,
    label,
    purge,
    rescore,
    rubrics,
    score,
    score_transcript,
    serve,
    teams,
    transcribe,
)
from qa.cli.common import add_common
from qa.errors import QAError

__all__ = ["main", "build_parser"]

log = logging.getLogger("qa")

# In the order `qa --help` lists them.
_COMMANDS = (
    transcribe,
    score,
    score_transcript,
    label,
    rubrics,
    serve,
    keys,
    teams,
    batch,
    rescore,
    calibrate,
    purge,
)


def build_parser() -> argparse.ArgumentParser:
    """The ``qa`` parser with every command."""
    parser = argparse.ArgumentParser(
        prog="qa", description="Offline quality-assurance scoring for recorded complaint calls."
    )
    parser.add_argument("--version", action="version", version=f"qa {__version__}")
    add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in _COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qa`` with ``argv`` (default: the process's arguments); returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except QAError as exc:
        if args.verbose:
            log.exception("failed")
        print(f"qa: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, details with -v
        if args.verbose:
            log.exception("internal error")
        print(f"qa: internal error: {type(exc).__name__}: {exc} (run with -v for details)", file=sys.stderr)
        return 70
