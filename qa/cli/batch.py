"""``qa batch PATH…``: score an archive (folders and/or a CSV manifest) into the database;
resumable. Progress on stderr, the summary on stdout; exit status 0 when everything was
scored or skipped, 1 with failures or invalid manifest rows, 130 when interrupted."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from qa.cli.common import (
    add_common,
    add_pipeline_options,
    add_redaction_options,
    add_store_options,
    pipeline_options,
    redaction_of,
)

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    b = sub.add_parser("batch", help="score an archive (folders and/or a CSV manifest) into the database; resumable")
    add_common(b)
    add_store_options(b)
    b.add_argument("paths", nargs="*", metavar="PATH", help="recordings, or folders walked for audio files")
    b.add_argument("--manifest", metavar="CSV", help="one row per recording: path, agent_id, call_time, channel_layout, agent_channel, language, queue, customer_ref …")
    b.add_argument("--name-pattern", metavar="PATTERN", help="metadata from file names, e.g. '{agent}_{date}_{id}.wav' (fields: agent, date, time, datetime, language, layout, queue …)")
    b.add_argument("--timezone", metavar="TZ", help="zone of call times written without a UTC offset (default: the site's, $QA_TIMEZONE, or UTC)")
    b.add_argument("--engine", choices=("local", "ray"), help="local worker processes (default) or a Ray cluster")
    b.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to use (auto, or HOST:PORT); default: start a local Ray")
    b.add_argument("--workers", type=int, metavar="N", help="worker processes / Ray actors (default: one per core)")
    b.add_argument("--threads", type=int, metavar="N", help="compute threads per worker (default: cores / workers)")
    b.add_argument("--call-timeout", type=float, metavar="SECONDS", help="fail a call that takes longer than this (default: no limit)")
    b.add_argument("--rubric", metavar="FILE", help="rubric configuration file (default: shipped qa/rubric.toml)")
    b.add_argument("--out", metavar="FILE", help="also write per-call results: FILE.jsonl or FILE.csv")
    b.add_argument("--failures", metavar="FILE", default="qa-batch-failures.csv", help="CSV of files that failed and why (default: %(default)s)")
    add_pipeline_options(b)
    add_redaction_options(b)
    b.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Discover the archive, score it, write ``--out``, print the summary."""
    from qa.batch import discover, run_batch, write_results
    from qa.cli.progress import ProgressPrinter
    from qa.cli.summary import format_summary
    from qa.config import load_rubric_config
    from qa.errors import InputError

    if not args.paths and not args.manifest:
        raise InputError("give recordings or folders to score, or --manifest CSV")
    if args.out and not args.out.lower().endswith((".jsonl", ".ndjson", ".csv")):
        raise InputError(f"--out {args.out}: the results file must end in .jsonl or .csv")
    config = load_rubric_config(args.rubric)  # a bad rubric file fails before any audio work
    redaction = redaction_of(args)
    found = discover(args.paths, manifest=args.manifest, name_pattern=args.name_pattern, timezone=args.timezone or os.environ.get("QA_TIMEZONE") or None)
    printer = None if args.quiet else ProgressPrinter(sys.stderr)
    report = run_batch(
        found,
        db=args.db,
        data_dir=args.data_dir,
        options=pipeline_options(args),
        rubric=config,
        engine=args.engine or ("ray" if args.ray_address else "local"),
        workers=args.workers,
        threads=args.threads,
        ray_address=args.ray_address,
        call_timeout=args.call_timeout,
        failures=args.failures,
        progress=printer,
        redaction=redaction,
    )
    if printer is not None:
        printer.close()
    if args.out:
        write_results(report.results, args.out)
    sys.stdout.write(format_summary(report))
    if args.out:
        print(f"results: {args.out}")
    if report.interrupted:
        return 130
    return 1 if report.count("failed") or report.count("invalid") else 0
