"""The Ray engine: actors holding the models on a Ray cluster (or a Ray started here).

Ray is optional (``pip install 'qa[ray]'`` on every node) and imported only when this engine
runs. Each actor takes ``Work.threads`` CPUs and starts with the same compute-thread environment
as a local worker, so both engines give the same transcripts.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import Any

from qa.batch.engines.base import Done, Engine, Event, Gone, Ready, StartFailed, TaskFailed, Work
from qa.batch.worker import default_workers, thread_env
from qa.errors import QAError

__all__ = ["RayEngine"]


class _RayWorker:
    """A Ray actor: set up once (the models load here), then one task per call."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.state = work.setup(work.config)

    def ready(self) -> int:
        return os.getpid()

    def run(self, task: Any) -> Any:
        return self.work.run(self.state, task)


def _ray_module() -> Any:
    try:
        import ray
    except ImportError:
        raise QAError(
            "the Ray engine needs Ray: pip install 'qa[ray]' (ray==2.60.0) on every node"
        ) from None
    return ray


@dataclass(eq=False)
class _Actor:
    """One actor (a handle that hashes by identity)."""

    handle: Any


class RayEngine(Engine):
    """Ray actors, ``Work.threads`` CPUs each.

    Uses the Ray instance this process is already connected to, else connects to ``address``
    (``auto``: the cluster this machine belongs to), else starts a local one without a
    dashboard (and shuts it down afterwards). ``workers`` default: the cluster's CPUs / threads
    (at most one per task).
    """

    label = "Ray workers"

    def __init__(
        self,
        work: Work,
        *,
        workers: int | None = None,
        address: str | None = None,
        call_timeout: float | None = None,
    ) -> None:
        super().__init__(work, call_timeout=call_timeout)
        self.workers = workers
        self.address = address
        self._ray: Any = None
        self._started_ray = False
        self._actor_cls: Any = None
        self._actors: list[_Actor] = []
        self._starting: dict[Any, _Actor] = {}  # ready() refs
        self._running: dict[Any, tuple[_Actor, int]] = {}  # run() refs
        self._left: list[Event] = []  # actors told there is no more work

    def _open(self, n_tasks: int) -> int:
        ray = self._ray = _ray_module()
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no phoning home
        threads = self.work.threads
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "logging_level": logging.WARNING,
                "log_to_driver": False,
            }
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = max(1, (self.workers or default_workers()) * threads)
            try:
                ray.init(**kwargs)
            except Exception as exc:  # noqa: BLE001 - Ray raises many kinds
                raise QAError(f"cannot start or reach Ray ({self.address or 'local'}): {exc}") from None
            self._started_ray = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self._actor_cls = ray.remote(
            num_cpus=threads, max_restarts=0, runtime_env={"env_vars": thread_env(threads)}
        )(_RayWorker)
        return max(1, min(self.workers or max(1, cpus // threads), n_tasks))

    def _start(self) -> _Actor:
        actor = _Actor(self._actor_cls.remote(self.work))
        self._actors.append(actor)
        self._starting[actor.handle.ready.remote()] = actor
        return actor

    def _submit(self, worker: _Actor, index: int, task: Any) -> bool:
        self._running[worker.handle.run.remote(task)] = (worker, index)
        return True

    def _stop(self, worker: _Actor) -> None:
        self._kill(worker)
        self._left.append(Gone(worker, "no more tasks"))

    def _kill(self, worker: _Actor) -> None:
        if worker not in self._actors:
            return
        self._actors.remove(worker)
        self._starting = {r: a for r, a in self._starting.items() if a is not worker}
        self._running = {r: v for r, v in self._running.items() if v[0] is not worker}
        self._ray.kill(worker.handle)

    def _wait(self, timeout: float) -> list[Event]:
        ray = self._ray
        events, self._left = self._left, []
        refs = [*self._starting, *self._running]
        if not refs:
            if not events:
                time.sleep(min(timeout, 0.05))
            return events
        done, _ = ray.wait(refs, num_returns=1, timeout=timeout)
        for ref in done:
            if ref in self._starting:
                actor = self._starting.pop(ref)
                try:
                    ray.get(ref)
                    events.append(Ready(actor))
                except ray.exceptions.RayError as exc:  # models load here: a failure stops the run
                    events.append(StartFailed(actor, str(exc)))
                continue
            actor, index = self._running.pop(ref)
            try:
                events.append(Done(actor, index, ray.get(ref)))
            except ray.exceptions.RayActorError as exc:
                why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                events.append(Gone(actor, f"the Ray worker died while scoring this file: {why}"))
            except ray.exceptions.RayTaskError as exc:  # a bug: the task functions catch errors
                events.append(TaskFailed(actor, f"internal error: {exc}"))
        return events

    def _close(self) -> None:
        for actor in list(self._actors):
            self._kill(actor)
        if self._started_ray:
            self._ray.shutdown()
            self._started_ray = False
