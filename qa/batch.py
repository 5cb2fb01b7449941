"""Batch scoring of call archives: every recording of a folder tree or a manifest scored into the
store the scorecards read — resumable, idempotent, in parallel, on a Ray cluster if need be.

The parts, in the order a batch uses them:

- :func:`qa.archive.discover` finds the recordings and their metadata (manifest, file names),
  with a :class:`~qa.archive.Problem` per row that cannot be used.
- :func:`score_file` is the per-call function: skip the file if its audio (sha256) is already
  scored with this rubric and labeller version; check that it decodes; store the recording
  (content-addressed) and its call; then transcribe (unless a transcript is already stored) and
  score through :func:`qa.jobs.score_stored_call`. Each of those saves is one transaction, so a
  process killed at any moment leaves nothing half-written, and running the batch again finishes
  the rest without scoring any call twice. Any error becomes a ``failed`` :class:`CallResult`.
- :func:`run_batch` runs it over the archive with an *engine*: ``local`` (worker processes, each
  loading the models once and using ``cores / workers`` threads, so one worker's decoding and
  speech detection overlap another's recognition; a worker that crashes or hangs fails only its
  own file) or ``ray`` (actors holding the models on a Ray cluster, writing to a shared database).
- :func:`rescore` re-runs the rubric over stored transcripts (after a QA lead edits weights or
  thresholds), adding to each call's score history.
- :func:`write_results` exports per-call results as JSONL or CSV; :class:`ProgressPrinter` and
  :func:`format_summary` are the command line's progress bar and summary.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qa.archive import UNKNOWN_AGENT, BatchItem, Discovery
from qa.errors import InputError, QAError

if TYPE_CHECKING:  # heavy imports stay lazy: worker processes set their thread limits first
    from qa.config import RubricConfig
    from qa.pipeline import PipelineOptions
    from qa.store import Store

__all__ = [
    "CallResult",
    "BatchSettings",
    "BatchProgress",
    "BatchReport",
    "RescoreReport",
    "score_file",
    "run_batch",
    "rescore",
    "rescore_call",
    "WorkerState",
    "default_workers",
    "thread_env",
    "write_results",
    "ProgressPrinter",
    "format_summary",
    "format_rescore_summary",
]

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class CallResult:
    """The outcome for one file (or, from :func:`rescore`, one stored call).

    ``status`` is ``scored``, ``skipped`` (already scored with this rubric and labeller
    version), ``failed`` (``stage`` and ``error`` say why), ``invalid`` (a manifest row that
    could not be used) or ``duplicate`` (the same audio as ``duplicate_of``, scored once).
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


# --- the per-call function ---------------------------------------------------------------------


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to score files: where the store is and how to score.

    ``db_url`` and ``data_dir`` must name the same database and audio folder from every worker
    (a shared PostgreSQL and a shared folder on a cluster). ``threads`` is each worker's
    intra-op thread budget (CTranslate2, torch, BLAS).
    """

    db_url: str
    data_dir: str
    pipeline: PipelineOptions
    rubric: RubricConfig
    threads: int = 1
    decode_audio_for_rescore: bool = True
    log_level: int = logging.WARNING


class WorkerState:
    """A worker's open store and loaded models (one per process or Ray actor)."""

    def __init__(self, settings: BatchSettings) -> None:
        _limit_threads(settings.threads)
        from qa.labeller import load_labeller
        from qa.store import Store

        self.settings = settings
        self.store = Store.open(settings.db_url, data_dir=settings.data_dir, migrate_schema=False)
        self.labeller = load_labeller()
        self.labeller.predict(["warm-up"])  # the encoder's tokenizer loads on first use
        cfg = settings.rubric
        self.rubric_version = cfg.full_version

    def close(self) -> None:
        self.store.close()


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def thread_env(n: int) -> dict[str, str]:
    """The environment that keeps a worker process to ``n`` compute threads.

    It must be in place when the process starts: BLAS reads it once, when numpy loads, and the
    BLAS thread count changes the last bits of the mel features Whisper sees (so, now and then,
    a word). Every worker of a batch, local or on Ray, starts with the same values, so the
    engines give the same transcripts.
    """
    return {var: str(max(1, int(n))) for var in _THREAD_VARS}


def _limit_threads(n: int) -> None:
    """Keep this process to ``n`` compute threads (for libraries that load from now on)."""
    os.environ.update(thread_env(n))
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(max(1, int(n)))


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _iso(t: Any) -> str | None:
    return t.isoformat() if isinstance(t, datetime) else (None if t is None else str(t))


def _lean_results(results: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    keys = ("rubric", "version", "outcome", "score", "note", "findings")
    return tuple({k: r.get(k) for k in keys if k in r} for r in results)


def _stored_result(
    store: Store, call_id: str, *, path: str | None, status: str, **extra: Any
) -> CallResult:
    """A :class:`CallResult` for a stored call, from its current score."""
    info = store.calls.get(call_id)
    score = info.score
    quality = (score.quality if score else None) or {}
    return CallResult(
        path=path,
        status=status,
        call_id=call_id,
        agent_id=info.agent_id,
        call_time=_iso(info.call_time),
        duration=info.duration,
        language=info.language,
        source=info.source,
        score=score.score if score else None,
        capped_by=score.capped_by if score else (),
        rubric_version=score.rubric_version if score else None,
        labeller_version=score.labeller_version if score else None,
        results=_lean_results(score.results if score else ()),
        worker=os.getpid(),
        worker_peak_rss_mb=_peak_rss_mb(),
        needs_review=bool(quality["needs_review"]) if "needs_review" in quality else None,
        review_reasons=tuple(str(r) for r in quality.get("reasons") or ()),
        **extra,
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, QAError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read {exc.filename}: {exc.strerror or exc}" if exc.filename else str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def _log_failure(what: str, exc: BaseException) -> None:
    if not isinstance(exc, (QAError, OSError)):  # a bug: the traceback with -v
        log.info("%s failed", what, exc_info=exc)


def score_file(item: BatchItem, state: WorkerState) -> CallResult:
    """Score one recording into the store, at most once; never raises for a bad file.

    Skipped when the store already holds a score of the same audio (sha256) with this rubric
    and labeller version. Otherwise the file must decode completely before anything is stored;
    then the recording (content-addressed), the call (with the item's metadata) and, through
    :func:`qa.jobs.score_stored_call`, its transcript (reused if one is stored) and score are
    saved, each in one transaction.
    """
    from qa.audio import file_sha256, probe_audio
    from qa.jobs import score_stored_call

    t0 = time.perf_counter()
    store = state.store
    stage = "read"
    progress_stage = ["decode"]
    try:
        sha = file_sha256(item.path)
        found = store.calls.for_recording(sha)
        if found is not None and store.calls.is_scored(
            found, rubric_version=state.rubric_version, labeller_version=state.labeller.version
        ):
            return _stored_result(
                store, found, path=item.path, status="skipped", where=item.where,
                seconds=time.perf_counter() - t0,
            )
        stage = "decode"
        opts = state.settings.pipeline
        info = probe_audio(item.path, max_duration=opts.max_duration)
        stage = "store"
        sha, _ = store.files.put(item.path)
        when, when_source = item.call_time, item.call_time_source
        if when is None:
            when = datetime.fromtimestamp(os.stat(item.path).st_mtime, UTC)
            when_source = "file modification time"
        meta = {
            **dict(item.meta),
            "batch": {"source_path": item.path, "where": item.where, "call_time_source": when_source},
        }
        call_id = store.calls.add(
            sha,
            agent_id=item.agent_id or UNKNOWN_AGENT,
            agent_name=item.agent_name,
            call_time=when,
            queue=item.queue,
            customer_ref=item.customer_ref,
            language_hint=item.language,
            channel_layout=item.layout or opts.layout,
            duration=float(info["duration"]),
            meta=meta,
        )
        overrides: dict[str, Any] = {}
        if item.layout:
            overrides["layout"] = item.layout
        if item.agent_channel is not None:
            overrides["agent_channel"] = item.agent_channel
        if item.language:
            overrides["language"] = item.language
        stage = "transcribe"

        def track(name: str, _fraction: float) -> None:
            progress_stage[0] = name

        done = score_stored_call(
            store,
            call_id,
            replace(opts, **overrides),
            rubric=state.settings.rubric,
            labeller=state.labeller,
            progress=track,
        )
        return _stored_result(
            store, call_id, path=item.path, status=done.status, where=item.where,
            transcribed=done.transcribed, seconds=time.perf_counter() - t0,
        )
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        if stage == "transcribe":
            stage = {"score": "score", "done": "save"}.get(progress_stage[0], progress_stage[0])
        _log_failure(f"scoring {item.path}", exc)
        return CallResult(
            path=item.path,
            status="failed",
            agent_id=item.agent_id,
            stage=stage,
            error=_describe(exc),
            where=item.where,
            seconds=time.perf_counter() - t0,
            worker=os.getpid(),
            worker_peak_rss_mb=_peak_rss_mb(),
        )


def rescore_call(task: tuple[str, str | None, str | None], state: WorkerState) -> CallResult:
    """Score a stored call's newest transcript again (no ASR), adding to its score history.

    ``task`` is (call id, recording sha256, call time). Skipped when the call already has a
    score from this rubric and labeller version, or has no transcript yet. The recording is
    decoded (for the loudness signal) unless the settings say not to.
    """
    from qa.audio import decode_audio
    from qa.scoring import score_call
    from qa.store import NotFound
    from qa.types import to_dict

    call_id, recording, call_time = task
    t0 = time.perf_counter()
    store = state.store
    lab = state.labeller
    try:
        if store.calls.is_scored(call_id, rubric_version=state.rubric_version, labeller_version=lab.version):
            return _stored_result(
                store, call_id, path=None, status="skipped", seconds=time.perf_counter() - t0
            )
        try:
            call = store.calls.load(call_id)
        except NotFound as exc:
            return CallResult(
                path=None, status="skipped", call_id=call_id, call_time=call_time, stage="load",
                error=str(exc), seconds=time.perf_counter() - t0,
            )
        audio = None
        if state.settings.decode_audio_for_rescore and recording:
            try:
                audio = decode_audio(store.files.path(recording), max_duration=None)
            except QAError as exc:
                log.warning("call %s: recording not decoded (%s); loudness is not used", call_id, exc)
        score = score_call(call, state.settings.rubric, audio=audio, labeller=lab)
        saved = store.calls.save_score_once(call_id, score, labeller_version=lab.version)
        return CallResult(
            path=None,
            status="scored" if saved is not None else "skipped",  # skipped: scored meanwhile
            call_id=call_id,
            agent_id=call.agent_id,
            call_time=call_time,
            duration=call.duration,
            language=call.language,
            source=call.source,
            score=score.score,
            capped_by=tuple(score.capped_by),
            rubric_version=score.rubric_version,
            labeller_version=lab.version,
            results=_lean_results(to_dict(list(score.results))),
            seconds=time.perf_counter() - t0,
            worker=os.getpid(),
            worker_peak_rss_mb=_peak_rss_mb(),
            needs_review=None if score.quality is None else score.quality.needs_review,
            review_reasons=() if score.quality is None else tuple(score.quality.reasons),
        )
    except Exception as exc:  # noqa: BLE001 - one bad call must not stop the re-score
        _log_failure(f"re-scoring call {call_id}", exc)
        return CallResult(
            path=None, status="failed", call_id=call_id, stage="score", error=_describe(exc),
            seconds=time.perf_counter() - t0,
        )


_TASKS: dict[str, Callable[[Any, WorkerState], CallResult]] = {
    "file": score_file,
    "rescore": rescore_call,
}


# --- engines -----------------------------------------------------------------------------------


class _WorkerFailed(QAError):
    """Workers could not start (database unreachable, a model missing…)."""


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the batch process dies (even by ``kill -9``), so an
    interrupted batch never leaves orphans scoring calls that a re-run would score again."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - not glibc
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _local_worker(conn: Any, settings: BatchSettings, parent: int) -> None:
    """A worker process: load once, then score what the parent sends until it sends ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    try:
        state = WorkerState(settings)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the batch
        conn.send(("init-failed", _describe(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            state.close()
            return
        kind, index, payload = msg
        conn.send(("done", index, _TASKS[kind](payload, state)))


@dataclass
class _Slot:
    proc: Any
    conn: Any
    ready: bool = False
    task: tuple[int, Any] | None = None
    started: float = 0.0


def _run_local(
    tasks: Sequence[tuple[str, Any]],
    settings: BatchSettings,
    workers: int,
    on_result: Callable[[int, CallResult], None],
    *,
    call_timeout: float | None = None,
    tick: Callable[[], None] | None = None,
) -> None:
    """Run ``tasks`` (kind, payload) on worker processes; ``on_result(index, result)`` each.

    A worker that dies or runs past ``call_timeout`` fails only the task it held and is
    replaced. Raises :class:`_WorkerFailed` if workers cannot start at all.
    """
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = mp.get_context("spawn")  # no fork of a process holding database connections
    todo = deque(enumerate(tasks))
    slots: list[_Slot] = []
    deaths_in_a_row = 0
    init_error: str | None = None

    def start() -> None:
        parent_conn, child_conn = ctx.Pipe()
        proc = ctx.Process(
            target=_local_worker, args=(child_conn, settings, os.getpid()), daemon=True,
            name=f"qa-batch-worker-{len(slots)}",
        )
        saved = {k: os.environ.get(k) for k in _THREAD_VARS}
        os.environ.update(thread_env(settings.threads))  # inherited by the new process only
        try:
            proc.start()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        child_conn.close()
        slots.append(_Slot(proc, parent_conn))

    def give(slot: _Slot) -> None:
        if todo:
            index, (kind, payload) = todo.popleft()
            try:
                slot.conn.send((kind, index, payload))
            except OSError:  # it just died: the task goes back, the sentinel retires it
                todo.appendleft((index, (kind, payload)))
                return
            slot.task = (index, payload)
            slot.started = time.monotonic()
        else:
            slot.task = None
            try:
                slot.conn.send(None)
            except OSError:
                pass

    def retire(slot: _Slot, why: str, *, crashed: bool = True) -> None:
        nonlocal deaths_in_a_row
        slots.remove(slot)
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(timeout=5)
        slot.conn.close()
        if slot.task is not None:
            index, payload = slot.task
            on_result(index, _lost(payload, why, time.monotonic() - slot.started))
            deaths_in_a_row += int(crashed)
        elif not slot.ready:
            deaths_in_a_row += 1
        if todo and deaths_in_a_row <= 3 * workers and init_error is None:
            start()

    try:
        for _ in range(max(1, min(workers, len(tasks)))):
            start()
        while slots:
            conns = {s.conn: s for s in slots}
            sentinels = {s.proc.sentinel: s for s in slots}
            ready = wait([*conns, *sentinels], timeout=1.0)
            gone: list[_Slot] = []
            for r in ready:
                slot = conns.get(r)
                if slot is None:
                    continue
                try:
                    msg = slot.conn.recv()
                except (EOFError, OSError):
                    gone.append(slot)
                    continue
                if msg[0] == "ready":
                    slot.ready = True
                    give(slot)
                elif msg[0] == "init-failed":
                    init_error = msg[1]
                    gone.append(slot)
                elif msg[0] == "done":
                    _, index, result = msg
                    slot.task = None
                    deaths_in_a_row = 0
                    on_result(index, result)
                    give(slot)
            for r in ready:
                slot = sentinels.get(r)
                if slot is not None and slot not in gone and slot in slots:
                    if slot.task is None and not todo:
                        slots.remove(slot)  # finished and left
                        slot.proc.join(timeout=5)
                        slot.conn.close()
                    else:
                        gone.append(slot)
            for slot in gone:
                if slot not in slots:
                    continue
                code = slot.proc.exitcode if not slot.proc.is_alive() else None
                how = (
                    f"killed by signal {-code}" if code is not None and code < 0
                    else f"exit status {code}" if code is not None else "lost contact"
                )
                retire(slot, f"the worker process died ({how}) while scoring this file")
            if call_timeout:
                now = time.monotonic()
                for slot in [s for s in slots if s.task is not None]:
                    if now - slot.started > call_timeout:
                        retire(
                            slot, f"took longer than the call timeout ({call_timeout:g} s)",
                            crashed=False,
                        )
            if init_error is not None and not any(s.ready for s in slots):
                raise _WorkerFailed(f"batch workers could not start: {init_error}")
            if tick is not None:
                tick()
        if todo:
            raise _WorkerFailed(
                "batch workers kept dying; stopped with "
                f"{len(todo)} file(s) left (see the failures for the reasons)"
            )
    finally:
        for slot in slots:
            if slot.proc.is_alive():
                slot.proc.kill()
            slot.proc.join(timeout=5)
            slot.conn.close()


class _RayScorer:
    """A Ray actor holding the models: the same per-call functions as the local workers."""

    def __init__(self, settings: BatchSettings) -> None:
        self.state = WorkerState(settings)

    def ready(self) -> int:
        return os.getpid()

    def run(self, kind: str, payload: Any) -> CallResult:
        return _TASKS[kind](payload, self.state)


def _ray_module() -> Any:
    try:
        import ray
    except ImportError:
        raise QAError(
            "the Ray engine needs Ray: pip install 'qa[ray]' (ray==2.60.0) on every node"
        ) from None
    return ray


def _lost(payload: Any, why: str, seconds: float) -> CallResult:
    """The result of a task whose worker died or was stopped."""
    if isinstance(payload, BatchItem):
        return CallResult(
            path=payload.path, status="failed", agent_id=payload.agent_id, stage="worker",
            error=why, where=payload.where, seconds=seconds,
        )
    return CallResult(
        path=None, status="failed", call_id=payload[0], stage="worker", error=why, seconds=seconds
    )


def _run_ray(
    tasks: Sequence[tuple[str, Any]],
    settings: BatchSettings,
    workers: int | None,
    on_result: Callable[[int, CallResult], None],
    *,
    address: str | None = None,
    call_timeout: float | None = None,
    tick: Callable[[], None] | None = None,
) -> int:
    """Run ``tasks`` on Ray actors (``settings.threads`` CPUs each); returns the actor count.

    Uses the Ray instance this process is already connected to, else connects to ``address``
    (``auto``: the cluster this machine belongs to), else starts a local one without a
    dashboard. Default actor count: the cluster's CPUs / threads. An actor that dies fails only
    its task and is replaced.
    """
    ray = _ray_module()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no phoning home
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "logging_level": logging.WARNING,
            "log_to_driver": False,
        }
        if address:
            kwargs["address"] = address
        else:
            kwargs["num_cpus"] = max(1, (workers or default_workers()) * settings.threads)
        try:
            ray.init(**kwargs)
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds
            raise QAError(f"cannot start or reach Ray ({address or 'local'}): {exc}") from None
        started = True
    actors: list[Any] = []
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        n = max(1, min(workers or max(1, cpus // settings.threads), len(tasks)))
        actor_cls = ray.remote(
            num_cpus=settings.threads,
            max_restarts=0,
            runtime_env={"env_vars": thread_env(settings.threads)},
        )(_RayScorer)

        def new_actor() -> Any:
            actor = actor_cls.remote(settings)
            actors.append(actor)
            return actor

        idle = [new_actor() for _ in range(n)]
        try:  # models load here, in parallel; a start-up failure stops the batch at once
            ray.get([a.ready.remote() for a in idle])
        except ray.exceptions.RayError as exc:
            raise _WorkerFailed(f"Ray workers could not start: {exc}") from None
        todo = deque(enumerate(tasks))
        running: dict[Any, tuple[Any, int, Any, float]] = {}
        deaths = 0

        def retire(actor: Any) -> None:
            ray.kill(actor)
            actors.remove(actor)
            if todo:
                idle.append(new_actor())

        while todo or running:
            while idle and todo:
                actor = idle.pop()
                index, (kind, payload) = todo.popleft()
                running[actor.run.remote(kind, payload)] = (actor, index, payload, time.monotonic())
            done, _ = ray.wait(list(running), num_returns=1, timeout=1.0)
            for ref in done:
                actor, index, payload, began = running.pop(ref)
                try:
                    result = ray.get(ref)
                    idle.append(actor)
                except ray.exceptions.RayActorError as exc:
                    deaths += 1
                    if deaths > 3 * n:
                        raise _WorkerFailed(f"Ray workers kept dying: {exc}") from None
                    why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                    result = _lost(
                        payload, f"the Ray worker died while scoring this file: {why}",
                        time.monotonic() - began,
                    )
                    retire(actor)
                except ray.exceptions.RayTaskError as exc:  # a bug: the task functions catch errors
                    result = _lost(payload, f"internal error: {exc}", time.monotonic() - began)
                    idle.append(actor)
                on_result(index, result)
            if call_timeout:
                now = time.monotonic()
                for ref, (actor, index, payload, began) in list(running.items()):
                    if now - began > call_timeout:
                        running.pop(ref)
                        why = f"took longer than the call timeout ({call_timeout:g} s)"
                        on_result(index, _lost(payload, why, now - began))
                        retire(actor)
            if tick is not None:
                tick()
        return n
    finally:
        for actor in actors:
            ray.kill(actor)
        if started:
            ray.shutdown()


# --- running a batch ---------------------------------------------------------------------------


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


class _FailureLog:
    """Failed files, one CSV row each, written as they happen (a kill keeps what was written)."""

    COLUMNS = ("path", "where", "stage", "error")

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path else None
        self.n = 0
        self._fh: TextIO | None = None

    def add(self, r: CallResult) -> None:
        if self.path is None:
            return
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "w", encoding="utf-8", newline="")
            csv.writer(self._fh).writerow(self.COLUMNS)
        csv.writer(self._fh).writerow([r.path or r.call_id or "", r.where or "", r.stage or "", r.error or ""])
        self._fh.flush()
        self.n += 1

    def close(self) -> str | None:
        if self._fh is not None:
            self._fh.close()
            return str(self.path)
        if self.path is not None and self.path.is_file():
            # A failures file from an earlier run of this batch: its files were retried now.
            try:
                with open(self.path, encoding="utf-8") as fh:
                    ours = fh.readline().strip() == ",".join(self.COLUMNS)
                if ours:
                    self.path.unlink()
            except OSError:
                pass
        return None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


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


def _run_engine(
    tasks: list[tuple[str, Any]],
    settings: BatchSettings,
    *,
    engine: str,
    workers: int | None,
    ray_address: str | None,
    call_timeout: float | None,
    on_result: Callable[[int, CallResult], None],
    tick: Callable[[], None],
) -> int:
    if engine == "local":
        n = max(1, min(workers or default_workers(), len(tasks)))
        _run_local(tasks, settings, n, on_result, call_timeout=call_timeout, tick=tick)
        return n
    return _run_ray(
        tasks, settings, workers, on_result, address=ray_address,
        call_timeout=call_timeout, tick=tick,
    )


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


def _threads_for(workers: int, threads: int | None) -> int:
    """Each worker's share of this machine's cores (at least one)."""
    if threads:
        return max(1, threads)
    return max(1, default_workers() // max(1, workers))


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
    progress: Callable[[BatchProgress], None] | None = None,
) -> BatchReport:
    """Score every discovered file into the store; returns the :class:`BatchReport`.

    ``engine="local"`` runs ``workers`` processes (default: one per core), each with
    ``threads`` compute threads (default: cores / workers); ``engine="ray"`` runs Ray actors
    (``ray_address``: a cluster; default: the Ray instance already initialised, else a local
    one). ``db`` / ``data_dir`` default as :meth:`qa.store.Store.open`'s. Failed files are
    written to ``failures`` (CSV) as they happen. Ctrl-C stops the workers and returns what
    was done (``interrupted=True``); running the same batch again finishes the rest.
    """
    from qa.store import Store

    if engine not in ("local", "ray"):
        raise InputError(f"unknown engine {engine!r}: choose local or ray")
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, got {workers}")
    t0 = time.monotonic()
    items = list(found.items)
    if engine == "local":
        n_workers = max(1, min(workers or default_workers(), len(items) or 1))
        n_threads = _threads_for(n_workers, threads)
    else:  # Ray places actors by CPUs: one thread each unless told
        n_workers = workers or 0
        n_threads = max(1, threads or 1)
    settings = _settings(db, data_dir, options, rubric, n_threads)
    if engine == "ray" and ray_address and settings.db_url.startswith("sqlite"):
        log.warning(
            "a Ray cluster writes from every node: a SQLite file works only if they all share "
            "this machine's disk; use --db postgresql://… and a --data-dir every node mounts"
        )
    # Create and migrate the database once, here, before any worker opens it.
    Store.open(settings.db_url, data_dir=settings.data_dir).close()

    results: list[CallResult | None] = [None] * found.total
    failed_log = _FailureLog(failures)
    offset = len(items)
    for i, p in enumerate(found.problems):
        results[offset + i] = CallResult(path=p.path, status="invalid", stage="manifest", error=p.error, where=p.where)
        failed_log.add(results[offset + i])  # type: ignore[arg-type]
    counts = {"scored": 0, "skipped": 0, "failed": 0}
    audio = [0.0]
    last_tick = [0.0]

    def snapshot() -> BatchProgress:
        done = counts["scored"] + counts["skipped"] + counts["failed"]
        elapsed = time.monotonic() - t0
        worked = counts["scored"] + counts["failed"]
        left = len(items) - done
        eta = elapsed / worked * left if worked else None
        return BatchProgress(
            total=len(items), done=done, scored=counts["scored"], skipped=counts["skipped"],
            failed=counts["failed"], audio_seconds=audio[0], elapsed=elapsed,
            eta=0.0 if left == 0 else eta,
        )

    def tick(force: bool = False) -> None:
        now = time.monotonic()
        if progress is not None and (force or now - last_tick[0] >= 1.0):
            last_tick[0] = now
            progress(snapshot())

    def on_result(index: int, r: CallResult) -> None:
        results[index] = r
        key = r.status if r.status in counts else "failed"
        counts[key] += 1
        if r.status == "scored":
            audio[0] += r.duration or 0.0
        if r.status == "failed":
            failed_log.add(r)
        tick(force=True)

    interrupted = False
    used = n_workers
    tick(force=True)
    try:
        if items:
            used = _run_engine(
                [("file", it) for it in items], settings, engine=engine,
                workers=n_workers or None, ray_address=ray_address, call_timeout=call_timeout,
                on_result=on_result, tick=tick,
            )
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


# --- re-scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RescoreReport:
    """What :func:`rescore` did: each call's result and the totals."""

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


_RESCORE_PER_WORKER = 400


def _matching_calls(
    store: Store, agent: str | None, date_from: Any, date_to: Any
) -> list[tuple[str, str | None, str | None]]:
    """(call id, recording sha256, call time) of every call matching the filters."""
    found: dict[str, tuple[str, str | None, str | None]] = {}
    offset = 0
    while True:
        rows, total = store.calls.list(
            agent=agent, date_from=date_from, date_to=date_to, limit=1000, offset=offset
        )
        offset += len(rows)
        for r in rows:
            found[r.id] = (r.id, r.recording_sha256, _iso(r.call_time))
        if not rows or offset >= total:
            return list(found.values())


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
    progress: Callable[[BatchProgress], None] | None = None,
) -> RescoreReport:
    """Re-run the rubric over the stored transcripts of the matching calls (no ASR).

    Each call gets a new score in its history (the earlier ones are kept) unless it already
    has one from this rubric and labeller version. ``audio=False`` skips decoding recordings
    (faster; the loudness signal is then left out). ``workers`` > 1 spreads calls over
    processes (default: one per core when there are many calls, else this process).
    """
    from qa.store import Store

    t0 = time.monotonic()
    settings = _settings(db, data_dir, None, rubric, 1, decode_audio_for_rescore=audio)
    with Store.open(settings.db_url, data_dir=settings.data_dir) as store:
        ids = _matching_calls(store, agent, date_from, date_to)
    rubric_version = settings.rubric.full_version
    results: list[CallResult | None] = [None] * len(ids)
    counts = {"scored": 0, "skipped": 0, "failed": 0}
    last = [0.0]

    def on_result(index: int, r: CallResult) -> None:
        results[index] = r
        counts[r.status if r.status in counts else "failed"] += 1
        now = time.monotonic()
        if progress is not None and (now - last[0] >= 0.5 or sum(counts.values()) == len(ids)):
            last[0] = now
            done = sum(counts.values())
            elapsed = now - t0
            progress(
                BatchProgress(
                    total=len(ids), done=done, scored=counts["scored"], skipped=counts["skipped"],
                    failed=counts["failed"], audio_seconds=0.0, elapsed=elapsed,
                    eta=elapsed / done * (len(ids) - done) if done else None,
                )
            )

    if workers is None:  # worker start-up (~2 s of model loading) only pays off on many calls
        workers = 1 if len(ids) < _RESCORE_PER_WORKER else default_workers()
    n = max(1, min(workers, len(ids) or 1))
    interrupted = False
    try:
        if ids and n == 1:
            state = WorkerState(settings)
            try:
                for i, task in enumerate(ids):
                    on_result(i, rescore_call(task, state))
            finally:
                state.close()
        elif ids:
            _run_local([("rescore", task) for task in ids], settings, n, on_result)
    except KeyboardInterrupt:
        interrupted = True
    return RescoreReport(
        results=tuple(r for r in results if r is not None),
        seconds=time.monotonic() - t0,
        rubric_version=rubric_version,
        workers=n,
        interrupted=interrupted,
    )


# --- exports -----------------------------------------------------------------------------------

_CSV_COLUMNS = (
    "path", "status", "call_id", "agent_id", "call_time", "duration", "language", "source",
    "score", "capped_by", "rubric_version", "labeller_version", "needs_review", "review_reasons",
)
_CSV_TAIL = (
    "findings", "review_findings", "transcribed", "seconds", "stage", "error", "where",
    "duplicate_of",
)  # fmt: skip
# Columns holding lists: one cell, items joined.
_CSV_LISTS = {"capped_by": ";", "review_reasons": "; "}


def write_results(results: Iterable[CallResult], path: str | os.PathLike[str]) -> int:
    """Write per-call results to ``path``: JSON Lines (``.jsonl``/``.ndjson``) or CSV (``.csv``,
    one ``<rubric>`` outcome and ``<rubric>_score`` column per rubric item; ``findings`` counts
    every finding, ``review_findings`` those for review; ``needs_review`` and
    ``review_reasons`` the transcript quality flag). Written to a
    temporary file and renamed, so a reader never sees half a file. Returns the row count."""
    p = Path(path)
    kind = p.suffix.lower()
    if kind not in (".jsonl", ".ndjson", ".csv"):
        raise InputError(f"{p}: the results file must end in .jsonl or .csv")
    rows = list(results)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            if kind == ".csv":
                rubrics = list(dict.fromkeys(r["rubric"] for row in rows for r in row.results))
                w = csv.writer(fh)
                w.writerow([*_CSV_COLUMNS, *(c for n in rubrics for c in (n, f"{n}_score")), *_CSV_TAIL])
                for row in rows:
                    d = row.to_json()
                    by = {r["rubric"]: r for r in row.results}
                    w.writerow(
                        [
                            *(
                                _CSV_LISTS[c].join(d[c]) if c in _CSV_LISTS else _cell(d[c])
                                for c in _CSV_COLUMNS
                            ),
                            *(
                                _cell(by.get(n, {}).get(k))
                                for n in rubrics
                                for k in ("outcome", "score")
                            ),
                            sum(len(r.get("findings") or ()) for r in row.results),
                            sum(
                                1
                                for r in row.results
                                for f in r.get("findings") or ()
                                if f.get("status") == "review"
                            ),
                            *(_cell(d[c]) for c in _CSV_TAIL[2:]),
                        ]
                    )
            else:
                for row in rows:
                    fh.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float):
        return round(v, 3)
    return v


# --- progress and summary ----------------------------------------------------------------------


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class ProgressPrinter:
    """A progress bar on a terminal (one redrawn line); on a pipe or log, a plain line at most
    every ``every`` seconds. ``noun`` names what is counted."""

    def __init__(self, stream: TextIO, *, every: float = 30.0, noun: str = "files") -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.every = every
        self.noun = noun
        self._last = -1e9
        self._width = 0

    def line(self, p: BatchProgress) -> str:
        """The text of one progress line."""
        frac = p.done / p.total if p.total else 1.0
        bar = "#" * int(frac * 20)
        parts = [f"[{bar:<20}] {p.done}/{p.total} {self.noun}"]
        if p.audio_seconds:
            parts.append(f"{p.audio_seconds / 3600:.2f} h audio")
        parts.append(f"{p.calls_per_hour:,.0f} calls/h")
        if p.skipped:
            parts.append(f"{p.skipped} skipped")
        if p.failed:
            parts.append(f"{p.failed} failed")
        parts.append(f"ETA {_clock(p.eta)}")
        return " · ".join(parts)

    def close(self) -> None:
        """End the progress line if one is open (before printing anything else)."""
        if self.tty and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def __call__(self, p: BatchProgress) -> None:
        text = self.line(p)
        finished = p.done >= p.total
        if self.tty:
            pad = max(0, self._width - len(text))
            self.stream.write("\r" + text + " " * pad + ("\n" if finished else ""))
            self._width = 0 if finished else len(text)
            self.stream.flush()
            return
        now = time.monotonic()
        if finished or now - self._last >= self.every:
            self._last = now
            self.stream.write(f"qa: {text}\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    return _clock(seconds)


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
            [f"{r.path} = {r.duplicate_of}" for r in dups],
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
