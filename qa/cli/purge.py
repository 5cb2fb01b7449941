"""``qa purge --older-than 365d``: delete calls whose call time is older than that (retention).

Each call goes with everything of it (recordings, transcripts, scores, jobs), in its own
transaction, with an audit entry; the run ends with a summary (and a ``calls.purge`` audit
entry). ``--dry-run`` only counts.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import timedelta
from typing import Any

from qa.cli.common import add_common, add_store_options, open_store
from qa.errors import InputError

__all__ = ["register", "run", "parse_age"]

_UNITS = {"d": 1.0, "w": 7.0, "h": 1 / 24}


def parse_age(text: str) -> timedelta:
    """``365d``, ``52w``, ``12h`` or a number of days (``InputError`` otherwise)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dwh]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise InputError(f"--older-than: {text!r} is not an age such as 365d, 52w or 12h")
    return timedelta(days=float(m.group(1)) * _UNITS[m.group(2) or "d"])


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    p = sub.add_parser(
        "purge", help="delete calls older than an age (retention): recordings, transcripts, scores"
    )
    add_common(p)
    add_store_options(p)
    p.add_argument(
        "--older-than", required=True, metavar="AGE",
        help="delete calls whose call time is older than this: 365d, 52w, 12h (a number: days)",
    )  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Purge (or count) and print a summary."""
    from qa.store.engine import utc_now

    cutoff = utc_now() - parse_age(args.older_than)
    quiet = bool(getattr(args, "quiet", False))

    def progress(done: int, total: int, call: Any) -> None:
        if not quiet:
            print(
                f"qa: purge: {done}/{total} deleted call {call.call_id} "
                f"({call.agent_id}, {call.call_time:%Y-%m-%d})",
                file=sys.stderr,
            )

    with open_store(args) as store:
        summary = store.calls.purge(cutoff, dry_run=args.dry_run, progress=progress)
    counts = ", ".join(f"{v} {k}" for k, v in summary.counts.items())
    verb = "would delete" if summary.dry_run else "deleted"
    print(f"calls before {summary.cutoff:%Y-%m-%d %H:%M} UTC: {verb} {counts}")
    if not summary.dry_run:
        print(f"recording files removed: {summary.files_removed}")
        for rel in summary.files_left:
            print(f"qa: warning: could not remove {rel}", file=sys.stderr)
    return 1 if summary.files_left else 0
