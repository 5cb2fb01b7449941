"""What ``qa batch`` and ``qa rescore`` print at the end: counts, time, throughput, and what needs
a look."""

from __future__ import annotations

from collections.abc import Sequence

from qa.archive import UNKNOWN_AGENT
from qa.batch import BatchReport, RescoreReport
from qa.cli.progress import clock

__all__ = ["format_summary", "format_rescore_summary"]


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    return clock(seconds)


def _listing(title: str, lines: Sequence[str], limit: int) -> list[str]:
    out = [title]
    out += [f"    {x}" for x in lines[:limit]]
    if len(lines) > limit:
        out.append(f"    … and {len(lines) - limit} more")
    return out


def format_summary(report: BatchReport, *, limit: int = 20) -> str:
    """The end-of-batch summary: counts, time, throughput, and what needs a look."""
    n = len(report.results)
    total = max(n, report.total)
    head = (
        (f"interrupted: {n} of {total} file(s) · " if report.interrupted else f"done: {n} file(s) · ")
        + f"{report.count('scored')} scored · {report.count('skipped')} skipped (already scored) · "
        f"{report.count('failed')} failed"
    )
    if report.count("invalid"):
        head += f" · {report.count('invalid')} invalid manifest row(s)"
    if report.count("duplicate"):
        head += f" · {report.count('duplicate')} duplicate(s)"
    hours = report.audio_seconds / 3600
    per_hour = report.count("scored") / report.seconds * 3600 if report.seconds else 0.0
    lines = [
        head,
        f"time {_duration(report.seconds)} · {hours:.2f} h of audio scored · "
        f"{report.call_minutes_per_hour:,.0f} call-minutes/hour · {per_hour:,.0f} calls/hour · "
        f"{report.engine} engine, {report.workers} worker(s) × {report.threads} thread(s)",
    ]
    if report.peak_rss_mb:
        lines.append(f"peak memory per worker: {max(report.peak_rss_mb.values()):,.0f} MiB")
    bad = [r for r in report.results if r.status in ("failed", "invalid")]
    if bad:
        where = f" (all in {report.failures_path})" if report.failures_path else ""
        lines += _listing(
            f"failed{where}:",
            [
                f"{r.path or r.call_id or '-'}{f' [{r.where}]' if r.where and r.where.startswith('manifest') else ''}"
                f": {r.stage}: {r.error}"
                for r in bad
            ],
            limit,
        )
    if report.no_agent:
        lines += _listing(
            f"scored under agent '{UNKNOWN_AGENT}' (no agent in the manifest or file name): "
            f"{len(report.no_agent)}",
            list(report.no_agent),
            limit,
        )
    if report.unmatched:
        lines.append(f"{len(report.unmatched)} file name(s) did not fit the name pattern")
    dups = [r for r in report.results if r.status == "duplicate"]
    if dups:
        lines += _listing(
            "same audio as another file (scored once):",
            [f"{r.path} = {r.duplicate_of}" + (f" ({r.error})" if r.error else "") for r in dups],
            limit,
        )
    if report.interrupted:
        lines.append("run the same command again to finish the rest (nothing is scored twice)")
    return "\n".join(lines) + "\n"


def format_rescore_summary(report: RescoreReport, *, limit: int = 20) -> str:
    """The end-of-rescore summary."""
    pending = [r for r in report.results if r.status == "skipped" and r.error]
    done = report.count("skipped") - len(pending)
    lines = [
        f"{'interrupted' if report.interrupted else 'done'}: {len(report.results)} call(s) · "
        f"{report.count('scored')} re-scored · {done} skipped (already scored with rubric "
        f"{report.rubric_version}) · {report.count('failed')} failed",
        f"time {_duration(report.seconds)} · {report.calls_per_minute:,.0f} calls/minute · "
        f"{report.workers} worker(s)",
    ]
    if pending:
        lines += _listing(
            f"not transcribed yet (score them with qa batch or an upload): {len(pending)}",
            [str(r.call_id) for r in pending], limit,
        )
    bad = [r for r in report.results if r.status == "failed"]
    if bad:
        lines += _listing("failed:", [f"{r.call_id}: {r.stage}: {r.error}" for r in bad], limit)
    if report.interrupted:
        lines.append("run the same command again to finish the rest (nothing is scored twice)")
    return "\n".join(lines) + "\n"
