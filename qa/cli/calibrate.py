"""``qa calibrate``: set each item's operating point (``confirm_at``) from the QA leads' reviews
to reach a target precision, cross-validated over calls, and write a new versioned rubric
configuration; ``qa rescore --rubric NEW.toml`` applies it. Prints agreement before and after.

``--retrain`` also turns the reviewed findings into labelled sentences (:mod:`qa.review.retrain`)
and fits site-specific labeller heads with them (:mod:`models.site`) into
``<data dir>/labeller/site-…``; labelling and scoring use them from then on (``QA_LABELLER=shipped``
goes back to the shipped heads, which are never changed).

Exit status 0 when a configuration or heads were written, 1 when nothing could be calibrated or
fitted (nothing written), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qa.cli.common import add_common, add_store_options, open_store

__all__ = ["register", "run", "format_report"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    c = sub.add_parser(
        "calibrate",
        help="set each item's confirm_at from reviews to reach a target precision; write a new rubric file",
    )
    add_common(c)
    add_store_options(c)
    c.add_argument("--from", dest="date_from", metavar="DATE", help="reviews from this date (ISO)")
    c.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="reviews up to this date (whole day) or date-time",
    )
    c.add_argument(
        "--target-precision",
        type=float,
        default=0.9,
        metavar="P",
        help="precision the confirmed findings must reach (default 0.9)",
    )
    c.add_argument(
        "--rubric",
        metavar="FILE",
        help="the configuration to start from (default: $QA_RUBRIC or the shipped one)",
    )
    c.add_argument(
        "--out",
        metavar="FILE",
        help="where the new configuration goes (default: ./rubric-<new version>.toml)",
    )
    c.add_argument(
        "--version",
        dest="new_version",
        metavar="NAME",
        help="the new configuration's version (default: <version>-cal<YYYYMMDD>)",
    )
    c.add_argument(
        "--folds",
        type=int,
        default=5,
        metavar="K",
        help="cross-validation folds over calls (default 5)",
    )
    c.add_argument(
        "--min-findings",
        type=int,
        default=10,
        metavar="N",
        help="reviewed findings an item needs (default 10)",
    )
    c.add_argument(
        "--retrain",
        action="store_true",
        help="also fit site-specific labeller heads from the reviewed sentences into the data dir "
        "(used from then on; QA_LABELLER=shipped for the shipped heads)",
    )
    c.set_defaults(func=run)


def _pct(x: float | None) -> str:
    return "  –  " if x is None else f"{x * 100:5.1f}"


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:g}"


def format_report(calibrations: Any, before: Any, after: Any, target: float) -> str:
    """The thresholds chosen, then precision and recall of the confirmed findings before and
    after, over all reviewed calls and over the random sample only."""
    lines = [f"target precision {target:g} (cross-validated over calls)", ""]
    lines.append(
        f"{'item':<24}{'confirm_at':>12}{'new':>8}{'CV prec':>9}{'findings':>10}{'calls':>7}  note"
    )
    for c in calibrations:
        lines.append(
            f"{c.rubric:<24}{_num(c.current):>12}{_num(c.threshold) if c.reached else '–':>8}"
            f"{_pct(c.cv_precision):>9}{c.n_findings:>10}{c.n_calls:>7}  {c.reason}"
        )
    lines += ["", "confirmed findings, precision / recall % (before → after):"]
    for pop, b, a in (
        ("all reviewed", before.all, after.all),
        ("random sample", before.sample, after.sample),
    ):
        lines.append(f"  {pop} ({b.n_calls} calls):")
        for c in calibrations:
            ib, ia = b.item(c.rubric), a.item(c.rubric)
            if ib is None or ia is None:
                lines.append(f"    {c.rubric:<22} no reviews")
                continue
            few = "  (fewer than 30 calls)" if ib.precision.few else ""
            lines.append(
                f"    {c.rubric:<22} precision {_pct(ib.precision.value)} → {_pct(ia.precision.value)}"
                f"   recall {_pct(ib.recall.value)} → {_pct(ia.recall.value)}{few}"
            )
    lines += ["", "outcome agreement (as scored; rescore with the new file to change outcomes):"]
    for c in calibrations:
        ib = before.all.item(c.rubric)
        if ib is not None:
            lines.append(
                f"    {c.rubric:<22} agreement {_pct(ib.agreement.value)}  kappa {_num(ib.kappa.value)}"
            )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Read the reviews, calibrate, write the configuration and the audit entry, print."""
    from qa.config import load_rubric_config
    from qa.errors import InputError
    from qa.review.agreement import agreement_report, with_confirm_at
    from qa.review.calibrate import calibrate

    if not 0.0 < args.target_precision <= 1.0:
        raise InputError(f"--target-precision {args.target_precision} is not in (0, 1]")
    if args.folds < 2:
        raise InputError("--folds must be at least 2")
    config = load_rubric_config(args.rubric)
    with open_store(args) as store:
        calls = store.reviews.reviewed_calls(args.date_from, args.date_to)
        cals = calibrate(calls, args.target_precision, k=args.folds, min_findings=args.min_findings)
        new_points = {
            c.rubric: float(c.threshold) for c in cals if c.reached and c.threshold is not None
        }
        before = agreement_report(calls)
        after = agreement_report(with_confirm_at(calls, new_points))
        sys.stdout.write(f"{len(calls)} reviewed call(s)\n")
        sys.stdout.write(format_report(cals, before, after, args.target_precision))
        now = datetime.now(UTC)
        written_out = _write_config(args, store, config, calls, cals, now) if new_points else None
        if not new_points:
            print("qa calibrate: no item could be calibrated; no configuration written", file=sys.stderr)
        fitted = _retrain(args, store, calls, now) if args.retrain else None
    if written_out is None and fitted is None:
        print("qa calibrate: nothing written", file=sys.stderr)
        return 1
    if written_out is not None:
        out, version = written_out
        sys.stdout.write(f"\nwrote {out} (version {version})\napply it with: qa rescore --rubric {out}\n")
    if fitted is not None:
        sys.stdout.write(
            f"\nwrote labeller heads {fitted.version} to {fitted.directory} "
            f"(shipped heads {fitted.base_version} unchanged)\n"
            "qa label and scoring use them from now on (QA_LABELLER=shipped: the shipped heads); "
            "rescore to apply them: qa rescore\n"
        )
    return 0


def _write_config(
    args: argparse.Namespace, store: Any, config: Any, calls: Any, cals: Any, now: datetime
) -> tuple[Path, str]:
    """Write the calibrated rubric configuration and its audit entry."""
    from qa.config import load_rubric_config
    from qa.errors import InputError
    from qa.review.calibrate import calibrated_config, calibrated_version, rubric_toml

    version = args.new_version or calibrated_version(config.version, now.strftime("%Y%m%d"))
    new = calibrated_config(config, cals, version)
    out = Path(args.out or f"rubric-{version}.toml")
    if not out.parent.is_dir():
        raise InputError(f"output directory does not exist: {out.parent}")
    header = [
        f"Calibrated by `qa calibrate` on {now.date().isoformat()} from {len(calls)} reviewed call(s)",
        f"(reviews {args.date_from or 'from the start'} to {args.date_to or 'now'}), target precision "
        f"{args.target_precision:g}, from {config.version} ({config.full_version}).",
        *(
            f"{c.rubric}: confirm_at {_num(c.current)} -> {_num(c.threshold)} "
            f"(CV precision {_num(c.cv_precision)}, {c.n_findings} findings, {c.n_calls} calls)"
            for c in cals
            if c.reached
        ),
        "Apply with: qa rescore --rubric THIS_FILE",
    ]
    out.write_text(rubric_toml(new, header), encoding="utf-8")
    written = load_rubric_config(out)  # read back: the file is what was meant
    if written.full_version != new.full_version:
        raise AssertionError(
            f"{out} reads back as {written.full_version}, not {new.full_version}"
        )
    store.audit.record(
        "calibrate",
        target_kind="rubric",
        target_id=written.full_version,
        detail={
            "from_rubric": config.full_version,
            "file": out.name,
            "since": args.date_from,
            "until": args.date_to,
            "target_precision": args.target_precision,
            "reviewed_calls": len(calls),
            "items": {
                c.rubric: {
                    "confirm_at": c.current,
                    "new": c.threshold if c.reached else None,
                    "cv_precision": c.cv_precision,
                    "findings": c.n_findings,
                }
                for c in cals
            },
        },
    )
    return out, written.full_version


def _retrain(args: argparse.Namespace, store: Any, calls: Any, now: datetime) -> Any:
    """Fit site heads from the reviewed sentences (``None`` when there are none), print what
    was learnt from, and write the audit entry."""
    from models.site import fit_site_heads
    from qa.review.retrain import reviewed_sentences

    sentences, skipped = reviewed_sentences(calls, store.calls.load)
    if not sentences:
        print(
            "qa calibrate: no reviewed finding of a labelled item (arguing, last_word, "
            "empathy_before_apology, resolution) to learn from; no labeller heads written",
            file=sys.stderr,
        )
        return None
    fit = fit_site_heads(
        sentences,
        store.data_dir,
        now=now,
        detail={"since": args.date_from, "until": args.date_to, "reviewed_calls": len(calls)},
    )
    sys.stdout.write(
        f"\nlabeller retrained from {fit.sentences} reviewed sentence(s) in "
        f"{fit.manifest['reviewed']['calls']} call(s) in {fit.seconds:g}s:\n"
    )
    for lab, n in fit.manifest["reviewed"]["by_label"].items():
        sys.stdout.write(f"  {lab:<22} {n['positive']} with the label, {n['negative']} without\n")
    agree = fit.manifest["reviewed_sentences_labelled_as_reviewed"]
    sys.stdout.write(
        f"  reviewed sentences labelled as reviewed: {agree['before'] * 100:.1f}% "
        f"(shipped heads) → {agree['after'] * 100:.1f}% (site heads; the sentences they learnt from)\n"
    )
    for why, n in sorted(skipped.items()):
        sys.stdout.write(f"  left out: {n} {why}\n")
    store.audit.record(
        "labeller.retrain",
        target_kind="labeller",
        target_id=fit.version,
        detail={
            "base": fit.base_version,
            "directory": fit.directory.name,
            "sentences": fit.sentences,
            "labels": fit.manifest["reviewed"]["by_label"],
            "since": args.date_from,
            "until": args.date_to,
            "seconds": fit.seconds,
        },
    )
    return fit
