"""Running a batch (:func:`run_batch`) and a re-score (:func:`rescore`): settings for the workers,
tasks to an engine, results as they come (counted for progress, failures logged), the report."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.archive import Discovery
from qa.batch.engines import ENGINES, Work, make_engine
from qa.batch.export import FailureLog
from qa.batch.results import BatchProgress, BatchReport, CallResult, RescoreReport, Tally
from qa.batch.tasks import file_tasks, lost, rescore_tasks, run_task
from qa.batch.worker import BatchSettings, WorkerState, default_workers, threads_for
from qa.errors import InputError

if TYPE_CHECKING:  # heavy imports stay lazy: worker processes set their thread limits first
    from qa.config import RubricConfig
    from qa.pipeline import PipelineOptions
    from qa.redact.modes import Redaction

__all__ = ["run_batch", "rescore", "batch_work"]

log = logging.getLogger("qa.batch")

Progress = Callable[[BatchProgress], None]


def batch_work(settings: BatchSettings) -> Work:
    """What each batch worker does: open the store and load the models once
    (:class:`~qa.batch.worker.WorkerState`), then :func:`~qa.batch.tasks.run_task`."""
    return Work(
        setup=WorkerState, run=run_task, lost=lost, config=settings, close=WorkerState.close,
        threads=settings.threads, log_level=settings.log_level,
    )


def _resolve_store(db: str | None, data_dir: str | os.PathLike[str] | None) -> tuple[str, str]:
    """An absolute database URL and data folder that every worker resolves the same way."""
    from sqlalchemy.engine import make_url

    from qa.store import default_data_dir, default_url

    d = Path(data_dir).expanduser() if data_dir else default_data_dir()
    url = db or default_url(d)
    try:
        u = make_url(url)
    except Exception:  # noqa: BLE001 - Store.open words the error
        return url, str(d.resolve())
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" and not u.database.startswith("file:"):
        u = u.set(database=str(Path(u.database).expanduser().resolve()))
        url = u.render_as_string(hide_password=False)
    return url, str(d.resolve())


def _settings(
    db: str | None,
    data_dir: str | os.PathLike[str] | None,
    options: PipelineOptions | Mapping[str, Any] | None,
    rubric: RubricConfig | str | None,
    threads: int,
    **extra: Any,
) -> BatchSettings:
    from qa.config import RubricConfig, coerce_options, load_rubric_config
    from qa.pipeline import PipelineOptions

    opts = coerce_options(PipelineOptions, options)
    opts = replace(opts, transcription=replace(opts.transcription, cpu_threads=threads))
    cfg = rubric if isinstance(rubric, RubricConfig) else load_rubric_config(rubric)
    url, folder = _resolve_store(db, data_dir)
    return BatchSettings(
        db_url=url, data_dir=folder, pipeline=opts, rubric=cfg, threads=threads,
        log_level=logging.getLogger().getEffectiveLevel(), **extra,
    )


class _Collector:
    """A run's results as they come: kept in task order, counted, failures logged, and
    progress reported at most every ``result_every`` seconds on a result (and on the last one)
    and, when the engine ticks, every ``tick_every`` seconds (``None``: not on ticks)."""

    def __init__(
        self,
        results: list[CallResult | None],
        total: int,
        progress: Progress | None,
        t0: float,
        *,
        eta_per: str,
        result_every: float = 0.0,
        tick_every: float | None = None,
        failures: FailureLog | None = None,
    ) -> None:
        self.results = results
        self.tally = Tally(total)
        self.progress = progress
        self.t0 = t0
        self.eta_per = eta_per
        self.result_every = result_every
        self.tick_every = tick_every
        self.failures = failures
        self._last = 0.0

    def report(self, *, force: bool = False, every: float = 0.0) -> None:
        """Send a progress snapshot if ``force``, or if ``every`` seconds passed since the last."""
        now = time.monotonic()
        if self.progress is None or not (force or now - self._last >= every):
            return
        self._last = now
        self.progress(self.tally.snapshot(now - self.t0, eta_per=self.eta_per))

    def tick(self) -> None:
        """Called by the engine about once a second."""
        if self.tick_every is not None:
            self.report(every=self.tick_every)

    def on_result(self, index: int, r: CallResult) -> None:
        """Keep, count and log one task's result."""
        self.results[index] = r
        self.tally.add(r)
        if self.failures is not None and r.status == "failed":
            self.failures.add(r)
        self.report(force=self.tally.done == self.tally.total, every=self.result_every)


def run_batch(
    found: Discovery,
    *,
    db: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    options: PipelineOptions | Mapping[str, Any] | None = None,
    rubric: RubricConfig | str | None = None,
    engine: str = "local",
    workers: int | None = None,
    threads: int | None = None,
    ray_address: str | None = None,
    call_timeout: float | None = None,
    failures: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    redaction: Redaction | Mapping[str, Any] | str | None = None,
) -> BatchReport:
    """Score every discovered file into the store; returns the :class:`BatchReport`.

    ``engine="local"`` runs ``workers`` processes (default: one per core), each with
    ``threads`` compute threads (default: cores / workers); ``engine="ray"`` runs Ray actors
    (``ray_address``: a cluster; default: the Ray instance already initialised, else a local
    one). ``db`` / ``data_dir`` default as :meth:`qa.store.Store.open`'s. Failed files are
    written to ``failures`` (CSV) as they happen. ``progress`` gets a :class:`BatchProgress`
    at the start, on every result and about once a second. Ctrl-C stops the workers and
    returns what was done (``interrupted=True``); running the same batch again finishes the
    rest. ``redaction`` (a :class:`~qa.redact.modes.Redaction` or a mode name; default off)
    redacts each newly scored call after scoring (:func:`qa.jobs.redact_and_save`).
    """
    from qa.redact.modes import Redaction as _Redaction
    from qa.store import Store

    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: choose local or ray")
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, got {workers}")
    t0 = time.monotonic()
    tasks = file_tasks(found)
    if engine == "local":
        n_workers = max(1, min(workers or default_workers(), len(tasks) or 1))
        n_threads = threads_for(n_workers, threads)
    else:  # Ray places actors by CPUs: one thread each unless told
        n_workers = workers or 0
        n_threads = max(1, threads or 1)
    settings = _settings(db, data_dir, options, rubric, n_threads, redaction=_Redaction.of(redaction))
    if engine == "ray" and ray_address and settings.db_url.startswith("sqlite"):
        log.warning(
            "a Ray cluster writes from every node: a SQLite file works only if they all share "
            "this machine's disk; use --db postgresql://… and a --data-dir every node mounts"
        )
    # Create and migrate the database once, here, before any worker opens it.
    Store.open(settings.db_url, data_dir=settings.data_dir).close()

    results: list[CallResult | None] = [None] * found.total
    failed_log = FailureLog(failures)
    offset = len(tasks)
    for i, p in enumerate(found.problems):
        invalid = CallResult(path=p.path, status="invalid", stage="manifest", error=p.error, where=p.where)
        results[offset + i] = invalid
        failed_log.add(invalid)
    collect = _Collector(
        results, len(tasks), progress, t0, eta_per="worked", tick_every=1.0, failures=failed_log
    )
    interrupted = False
    used = n_workers
    collect.report(force=True)
    try:
        if tasks:
            runner = make_engine(
                engine, batch_work(settings), workers=n_workers or None,
                call_timeout=call_timeout, ray_address=ray_address,
            )
            used = runner.run(tasks, collect.on_result, tick=collect.tick)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        failures_path = failed_log.close()
    # Same-audio files share the call their original got.
    by_path = {r.path: r for r in results if r is not None and r.path}
    for j, (dup, original) in enumerate(found.duplicates):
        o = by_path.get(original) or CallResult(path=None, status="", agent_id=dup.agent_id)
        results[offset + len(found.problems) + j] = replace(
            o, path=dup.path, status="duplicate", duplicate_of=original, where=dup.where,
            transcribed=False, seconds=0.0, worker=None, worker_peak_rss_mb=None,
        )
    return BatchReport(
        results=tuple(r for r in results if r is not None),
        seconds=time.monotonic() - t0,
        engine=engine,
        workers=used,
        threads=n_threads,
        interrupted=interrupted,
        unmatched=found.unmatched,
        failures_path=failures_path,
        total=found.total,
    )


_RESCORE_PER_WORKER = 400


def rescore(
    *,
    db: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    rubric: RubricConfig | str | None = None,
    agent: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
    workers: int | None = None,
    audio: bool = True,
    progress: Progress | None = None,
) -> RescoreReport:
    """Re-run the rubric over the stored transcripts of the matching calls (no ASR).

    Each call gets a new score in its history (the earlier ones are kept) unless it already
    has one from this rubric and labeller version. ``audio=False`` skips decoding recordings
    (faster; the loudness signal is then left out). ``workers`` > 1 spreads calls over
    processes (default: one per core when there are many calls, else this process).
    ``progress`` gets a :class:`BatchProgress` at most every half second, and at the end.
    """
    from qa.store import Store

    t0 = time.monotonic()
    settings = _settings(db, data_dir, None, rubric, 1, decode_audio_for_rescore=audio)
    with Store.open(settings.db_url, data_dir=settings.data_dir) as store:
        tasks = rescore_tasks(store, agent, date_from, date_to)
    results: list[CallResult | None] = [None] * len(tasks)
    collect = _Collector(results, len(tasks), progress, t0, eta_per="done", result_every=0.5)
    if workers is None:  # worker start-up (~2 s of model loading) only pays off on many calls
        workers = 1 if len(tasks) < _RESCORE_PER_WORKER else default_workers()
    n = max(1, min(workers, len(tasks) or 1))
    interrupted = False
    try:
        if tasks and n == 1:
            state = WorkerState(settings)
            try:
                for i, task in enumerate(tasks):
                    collect.on_result(i, run_task(state, task))
            finally:
                state.close()
        elif tasks:
            make_engine("local", batch_work(settings), workers=n).run(tasks, collect.on_result)
    except KeyboardInterrupt:
        interrupted = True
    return RescoreReport(
        results=tuple(r for r in results if r is not None),
        seconds=time.monotonic() - t0,
        rubric_version=settings.rubric.full_version,
        workers=n,
        interrupted=interrupted,
    )
