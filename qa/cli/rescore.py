"""``qa rescore``: re-run the rubric over stored transcripts (no ASR); earlier scores stay as
history. Exit status 0, 1 with failures, 130 when interrupted."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_common, add_store_options

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    r = sub.add_parser("rescore", help="re-run the rubric over stored transcripts (no ASR); earlier scores stay as history")
    add_common(r)
    add_store_options(r)
    r.add_argument("--agent", metavar="ID", help="only this agent's calls")
    r.add_argument("--from", dest="date_from", metavar="DATE", help="calls from this date/time (ISO)")
    r.add_argument("--to", dest="date_to", metavar="DATE", help="calls up to this date (whole day) or date-time")
    r.add_argument("--rubric", metavar="FILE", help="the edited rubric configuration (default: $QA_RUBRIC or the shipped one)")
    r.add_argument("--workers", type=int, metavar="N", help="processes (default: one per core for large jobs)")
    r.add_argument("--no-audio", action="store_true", help="do not decode recordings: faster, but the loudness signal is left out")
    r.add_argument("--out", metavar="FILE", help="also write per-call results: FILE.jsonl or FILE.csv")
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Re-score the matching calls, write ``--out``, print the summary."""
    from qa.batch import rescore, write_results
    from qa.cli.progress import ProgressPrinter
    from qa.cli.summary import format_rescore_summary
    from qa.config import load_rubric_config

    config = load_rubric_config(args.rubric)
    printer = None if args.quiet else ProgressPrinter(sys.stderr, noun="calls")
    report = rescore(
        db=args.db,
        data_dir=args.data_dir,
        rubric=config,
        agent=args.agent,
        date_from=args.date_from,
        date_to=args.date_to,
        workers=args.workers,
        audio=not args.no_audio,
        progress=printer,
    )
    if printer is not None:
        printer.close()
    if args.out:
        write_results(report.results, args.out)
    sys.stdout.write(format_rescore_summary(report))
    if report.interrupted:
        return 130
    return 1 if report.count("failed") else 0
