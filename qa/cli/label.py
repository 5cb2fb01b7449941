"""``qa label --input FILE``: label utterances (empathy, apology, resolution, arguing …) from JSONL."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_common

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    lb = sub.add_parser("label", help="label utterances (empathy, apology, resolution, arguing …) from JSONL")
    add_common(lb)
    lb.add_argument("--input", required=True, metavar="FILE", help='JSONL, one {"id", "text", "language"?, "role"?} per line')
    lb.add_argument("--output", metavar="FILE", help="JSONL out (default: stdout)")
    lb.add_argument("--batch-size", type=int, default=64)
    lb.add_argument(
        "--data-dir",
        metavar="DIR",
        help="whose site heads (qa calibrate --retrain) to use (default: $QA_DATA_DIR or ./var; "
        "QA_LABELLER=shipped: the shipped heads)",
    )
    lb.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Label every good line; name each bad line on stderr (exit status 1 if there were any).
    Says which heads labelled them (shipped or the site's, with the version)."""
    from qa.labeller import label_jsonl, load_labeller

    lab = load_labeller(data_dir=args.data_dir)
    report = label_jsonl(args.input, args.output, batch_size=args.batch_size, labeller=lab)
    for err in report.errors:
        print(f"qa: {args.input}: {err}", file=sys.stderr)
    if not args.quiet:
        print(
            f"qa: labelled {report.labelled} utterance(s), {len(report.errors)} bad line(s), "
            f"{report.per_second:.0f} utterances/s",
            file=sys.stderr,
        )
        print(f"qa: labeller {lab.version} ({lab.source} heads, {lab.heads_dir})", file=sys.stderr)
    return 1 if report.errors else 0
