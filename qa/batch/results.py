"""What a batch reports: each call's :class:`CallResult`, progress snapshots
(:class:`BatchProgress`, counted by :class:`Tally`), and the run's :class:`BatchReport` or
:class:`RescoreReport`. Printing them is the command line's business (:mod:`qa.cli`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from qa.archive import UNKNOWN_AGENT
from qa.errors import QAError

__all__ = [
    "CallResult",
    "BatchProgress",
    "BatchReport",
    "RescoreReport",
    "Tally",
    "describe_error",
]


@dataclass(frozen=True)
class CallResult:
    """The outcome for one file (or, from :func:`~qa.batch.rescore`, one stored call).

    ``status`` is ``scored``, ``skipped`` (already scored with this rubric and labeller
    version), ``failed`` (``stage`` and ``error`` say why), ``invalid`` (a manifest row that
    could not be used) or ``duplicate`` (the same audio as ``duplicate_of``, scored once; or
    already stored as another agent's call: ``duplicate_of`` is ``call <id>``, ``agent_id``
    that agent, ``error`` says so, and nothing is attributed to the file's agent).
    ``results`` holds each rubric item's ``rubric``, ``version``, ``outcome``, ``score``, ``note``
    and ``findings`` (each with its ``status``: ``confirmed`` or ``review``). ``needs_review``
    and ``review_reasons`` are the score's transcript quality flag (``None``: no quality record).
    """

    path: str | None
    status: str
    call_id: str | None = None
    agent_id: str | None = None
    call_time: str | None = None
    duration: float | None = None
    language: str | None = None
    source: str | None = None
    score: float | None = None
    capped_by: tuple[str, ...] = ()
    rubric_version: str | None = None
    labeller_version: str | None = None
    results: tuple[Mapping[str, Any], ...] = ()
    transcribed: bool = False
    seconds: float = 0.0
    stage: str | None = None
    error: str | None = None
    where: str | None = None
    duplicate_of: str | None = None
    worker: int | None = None
    worker_peak_rss_mb: float | None = None
    needs_review: bool | None = None
    review_reasons: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The plain-JSON form (one line of a JSONL export)."""
        d = asdict(self)
        d["capped_by"] = list(self.capped_by)
        d["review_reasons"] = list(self.review_reasons)
        d["results"] = [dict(r) for r in self.results]
        return d


def describe_error(exc: BaseException) -> str:
    """The one-line reason a result (or a worker that cannot start) gives for ``exc``: the
    message of an error meant for the user, else the file that could not be read, else the
    error's type and text, marked as an internal error."""
    if isinstance(exc, QAError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read {exc.filename}: {exc.strerror or exc}" if exc.filename else str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class BatchProgress:
    """A snapshot for a progress display."""

    total: int
    done: int
    scored: int
    skipped: int
    failed: int
    audio_seconds: float
    elapsed: float
    eta: float | None

    @property
    def calls_per_hour(self) -> float:
        return self.scored / self.elapsed * 3600 if self.elapsed > 0 else 0.0


class Tally:
    """Results counted as they come (``scored``, ``skipped``, and everything else as ``failed``)
    and the :class:`BatchProgress` they make of ``total`` tasks."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.scored = 0
        self.skipped = 0
        self.failed = 0
        self.audio_seconds = 0.0

    @property
    def done(self) -> int:
        """Results counted so far."""
        return self.scored + self.skipped + self.failed

    def add(self, r: CallResult) -> None:
        """Count one result (a scored call's audio included)."""
        if r.status == "scored":
            self.scored += 1
            self.audio_seconds += r.duration or 0.0
        elif r.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    def snapshot(self, elapsed: float, *, eta_per: str = "worked") -> BatchProgress:
        """Progress after ``elapsed`` seconds. The ETA extrapolates the time per task worked on
        (``eta_per="worked"``: scored or failed; skips cost next to nothing; 0 when all are
        done) or per task done (``"done"``)."""
        done = self.done
        left = self.total - done
        if eta_per == "worked":
            worked = self.scored + self.failed
            eta = 0.0 if left == 0 else (elapsed / worked * left if worked else None)
        else:
            eta = elapsed / done * left if done else None
        return BatchProgress(
            total=self.total, done=done, scored=self.scored, skipped=self.skipped,
            failed=self.failed, audio_seconds=self.audio_seconds, elapsed=elapsed, eta=eta,
        )


@dataclass(frozen=True)
class BatchReport:
    """What a batch did: every file's :class:`CallResult` (discovery order) and the totals."""

    results: tuple[CallResult, ...]
    seconds: float
    engine: str
    workers: int
    threads: int
    interrupted: bool = False
    unmatched: tuple[str, ...] = ()
    failures_path: str | None = None
    total: int = 0

    def count(self, status: str) -> int:
        """How many results have ``status``."""
        return sum(1 for r in self.results if r.status == status)

    @property
    def audio_seconds(self) -> float:
        """Seconds of audio scored (not skipped) in this run."""
        return sum(r.duration or 0.0 for r in self.results if r.status == "scored")

    @property
    def call_minutes_per_hour(self) -> float:
        """Minutes of recorded calls scored per hour of wall time."""
        return self.audio_seconds / 60 / (self.seconds / 3600) if self.seconds > 0 else 0.0

    @property
    def no_agent(self) -> tuple[str, ...]:
        """Files scored under the ``unknown`` agent."""
        return tuple(
            r.path or "" for r in self.results
            if r.status in ("scored", "skipped") and r.agent_id == UNKNOWN_AGENT
        )

    @property
    def peak_rss_mb(self) -> dict[int, float]:
        """Each worker process's peak resident memory (MiB), by process id."""
        out: dict[int, float] = {}
        for r in self.results:
            if r.worker is not None and r.worker_peak_rss_mb is not None:
                out[r.worker] = max(out.get(r.worker, 0.0), r.worker_peak_rss_mb)
        return out


@dataclass(frozen=True)
class RescoreReport:
    """What :func:`~qa.batch.rescore` did: each call's result and the totals."""

    results: tuple[CallResult, ...]
    seconds: float
    rubric_version: str
    workers: int
    interrupted: bool = False

    def count(self, status: str) -> int:
        """How many results have ``status``."""
        return sum(1 for r in self.results if r.status == status)

    @property
    def calls_per_minute(self) -> float:
        """Calls re-scored (not skipped) per minute of wall time."""
        return self.count("scored") / self.seconds * 60 if self.seconds > 0 else 0.0
