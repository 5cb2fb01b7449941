"""Scoring jobs, run by threads inside the server process.

Jobs are rows in the store, so they outlive the process: an upload is accepted (202) once its
recording and job are committed, and a worker thread claims jobs one at a time. Killed mid-job,
the job is found again at the next start (its worker process on this host is gone) or, from
another host, after ``stale_after`` seconds without a heartbeat; :func:`qa.jobs.score_stored_call`
makes re-running a half-done job finish it without scoring the call twice.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import replace
from typing import Any

from qa.errors import QAError
from qa.jobs import score_stored_call
from qa.redact.modes import Redaction
from qa.store import JobInfo, NotFound, Store

__all__ = ["JobWorker", "requeue_orphans", "JOB_KIND", "worker_name"]

log = logging.getLogger(__name__)

JOB_KIND = "score"
MAX_ATTEMPTS = 3
_BOOT = uuid.uuid4().hex[:8]


def worker_name(index: int = 0) -> str:
    """``host:pid:boot:index`` — who holds a running job (and whether it is still alive)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_BOOT}:{index}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def requeue_orphans(store: Store) -> list[str]:
    """Put back jobs left ``running`` by a dead server process on this host.

    A job whose process is gone is queued again (or failed, once it has been tried
    ``MAX_ATTEMPTS`` times, so a recording that kills the server cannot loop forever).
    """
    host = socket.gethostname()
    requeued: list[str] = []
    for job in store.jobs.list(status="running", limit=10_000):
        parts = (job.worker or "").split(":")
        if len(parts) < 3 or parts[0] != host or not parts[1].isdigit():
            continue
        pid, boot = int(parts[1]), parts[2]
        if (pid == os.getpid() and boot == _BOOT) or (pid != os.getpid() and _pid_alive(pid)):
            continue
        if job.attempts >= MAX_ATTEMPTS:
            store.jobs.update(
                job.id,
                status="failed",
                error=f"abandoned: the server stopped during each of {job.attempts} attempts",
            )
            continue
        store.jobs.update(job.id, status="queued")
        requeued.append(job.id)
    if requeued:
        log.warning("requeued %d job(s) left running by a stopped server", len(requeued))
    return requeued


class JobWorker(threading.Thread):
    """Claims and runs scoring jobs until :meth:`stop` is called."""

    def __init__(
        self,
        store: Store,
        *,
        index: int = 0,
        rubric: str | None = None,
        max_duration: float | None = None,
        stale_after: float = 120.0,
        poll_interval: float = 0.5,
        redaction: Redaction | None = None,
    ) -> None:
        super().__init__(name=f"qa-job-worker-{index}", daemon=True)
        self.store = store
        self.worker = worker_name(index)
        self.rubric = rubric
        self.max_duration = max_duration
        self.stale_after = stale_after
        self.poll_interval = poll_interval
        #: The site's redaction (mode and whether originals are kept); a job's ``redact``
        #: payload field overrides the mode.
        self.redaction = redaction or Redaction()
        self._stop_event = threading.Event()
        self.done = 0
        self.failed = 0

    def stop(self) -> None:
        self._stop_event.set()

    def run(self) -> None:
        while not self._stop_event.is_set():
            try:
                job = self.store.jobs.claim_next(
                    kinds=[JOB_KIND],
                    worker=self.worker,
                    stale_after=self.stale_after,
                    max_attempts=MAX_ATTEMPTS,
                )
            except Exception:  # the database went away: keep trying, don't die
                log.exception("claiming a job failed; retrying")
                self._stop_event.wait(5.0)
                continue
            if job is None:
                self._stop_event.wait(self.poll_interval)
                continue
            try:
                self.run_job(job)
            except NotFound as exc:  # the call (and its job) was deleted while it ran
                log.info("job %s stopped: %s", job.id, exc)
            except Exception:  # never let one job end the worker thread
                log.exception("job %s could not be finished", job.id)

    def run_job(self, job: JobInfo) -> None:
        job_id = job.id
        last: list[Any] = [0.0, None]
        beat = threading.Event()

        def progress(stage: str, fraction: float) -> None:
            # At most two writes a second within a stage, but always the start of a new stage:
            # a stage that then runs for a while (one batch of ASR windows) must not sit at
            # the previous stage's figure.
            now = time.monotonic()
            if now - last[0] >= 0.5 or fraction >= 1.0 or stage != last[1]:
                last[0], last[1] = now, stage
                self.store.jobs.update(job_id, progress=max(0.0, min(1.0, fraction)))

        def heartbeat() -> None:  # a long ASR stretch must not look like a dead worker
            while not beat.wait(max(1.0, self.stale_after / 4)):
                try:
                    self.store.jobs.update(job_id)
                except Exception:  # noqa: BLE001 - best effort; the job itself reports errors
                    log.debug("heartbeat for job %s failed", job_id, exc_info=True)

        hb = threading.Thread(target=heartbeat, name=f"qa-heartbeat-{job_id[:8]}", daemon=True)
        hb.start()
        t0 = time.perf_counter()
        try:
            payload = dict(job.payload or {})
            if self.max_duration is not None:
                payload.setdefault("max_duration", self.max_duration)
            redaction = replace(
                self.redaction, mode=payload.get("redact") or self.redaction.mode
            )
            result = score_stored_call(
                self.store, job.call_id, payload, rubric=self.rubric, progress=progress,
                redaction=redaction,
            )
        except QAError as exc:
            self.failed += 1
            log.info("job %s failed: %s", job_id, exc)
            self.store.jobs.update(job_id, status="failed", error=str(exc))
        except Exception as exc:  # a bug: keep the server up, say so in the job
            self.failed += 1
            log.exception("job %s crashed", job_id)
            self.store.jobs.update(
                job_id,
                status="failed",
                error=f"internal error ({type(exc).__name__}); see the server log",
            )
        else:
            self.done += 1
            log.info(
                "job %s: call %s %s in %.1fs",
                job_id,
                result.call_id,
                result.status,
                time.perf_counter() - t0,
            )
            self.store.jobs.update(
                job_id,
                status="done",
                progress=1.0,
                payload={
                    **dict(job.payload or {}),
                    "result": result.status,
                    "score": result.score,
                },
            )
        finally:
            beat.set()
