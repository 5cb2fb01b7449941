"""The :class:`Engine` interface and the scheduling every engine shares.

An engine runs tasks on a pool of workers, each of which sets up once (opens the store, loads
the models: :attr:`Work.setup`) and then does one task at a time (:attr:`Work.run`). What is
common to every engine is written here once, in :class:`_Schedule`:

- each worker is given the next task as soon as it is ready or has finished one;
- a worker that dies (crash, ``kill -9``, a lost node) fails only the task it held (its result
  is :attr:`Work.lost`) and is **replaced** while tasks are left;
- a worker past ``call_timeout`` on one task is **retired** (killed), its task fails with a
  timeout, and it is replaced;
- workers that cannot start stop the run at once (:class:`WorkersFailed`, with the reason), and
  so do workers that keep dying (more than three deaths per worker in a row).

An engine subclass says only how to start, feed, watch and kill its kind of worker: processes
on this machine (:mod:`~qa.batch.engines.local`) or Ray actors (:mod:`~qa.batch.engines.ray`).
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from qa.errors import QAError

__all__ = [
    "Engine",
    "Work",
    "WorkersFailed",
    "Ready",
    "StartFailed",
    "Done",
    "TaskFailed",
    "Gone",
    "Event",
]

OnResult = Callable[[int, Any], None]


class WorkersFailed(QAError):
    """Workers could not start (database unreachable, a model missing…) or kept dying."""


@dataclass(frozen=True)
class Work:
    """What every worker of an engine does; sent to each worker, so it must pickle (functions
    and classes defined at module level).

    A worker calls ``setup(config)`` once, then ``run(state, task)`` for each task it is given,
    and ``close(state)`` (if given) when there are no more. ``lost(task, why, seconds)`` makes
    the result of a task whose worker died or ran past the timeout; it runs in the engine's
    own process. Workers start with ``threads`` compute threads each (see
    :func:`qa.batch.worker.thread_env`) and log at ``log_level``.
    """

    setup: Callable[[Any], Any]
    run: Callable[[Any, Any], Any]
    lost: Callable[[Any, str, float], Any]
    config: Any = None
    close: Callable[[Any], None] | None = None
    threads: int = 1
    log_level: int = logging.WARNING


# What a pool of workers reports (:meth:`Engine._wait`); ``worker`` is the engine's handle.


@dataclass(frozen=True)
class Ready:
    """The worker has set up and takes tasks."""

    worker: Any


@dataclass(frozen=True)
class StartFailed:
    """The worker could not set up (``error`` says why); it is gone."""

    worker: Any
    error: str


@dataclass(frozen=True)
class Done:
    """The worker finished task ``index`` with ``result`` and takes the next."""

    worker: Any
    index: int
    result: Any


@dataclass(frozen=True)
class TaskFailed:
    """The worker's task failed without a result (``why``); the worker itself lives on."""

    worker: Any
    why: str


@dataclass(frozen=True)
class Gone:
    """The worker is gone: it died (``why`` says how, for the task it held) or, having been
    told there are no more tasks, left."""

    worker: Any
    why: str


Event = Ready | StartFailed | Done | TaskFailed | Gone


class Engine(ABC):
    """Runs tasks on workers that each do one at a time: :meth:`run` is the whole interface.

    ``call_timeout`` (seconds, ``None``: no limit) is how long one task may take before its
    worker is retired.
    """

    #: Who the workers are, in errors ("batch workers could not start: …").
    label: ClassVar[str] = "workers"

    def __init__(self, work: Work, *, call_timeout: float | None = None) -> None:
        self.work = work
        self.call_timeout = call_timeout

    def run(
        self,
        tasks: Sequence[Any],
        on_result: OnResult,
        *,
        tick: Callable[[], None] | None = None,
    ) -> int:
        """Do every task; returns how many workers ran them (0, starting nothing, for none).

        ``on_result(index, result)`` is called once per task, in this process, as each
        finishes (in any order; ``index`` is the task's position in ``tasks``); ``tick()``
        about once a second. Raises :class:`WorkersFailed` if workers cannot start, or keep
        dying with tasks left (every task that was handed out has had its result). Every worker
        is stopped when this returns or raises (``KeyboardInterrupt`` included).
        """
        if not tasks:
            return 0
        try:
            n = self._open(len(tasks))
            _Schedule(self, tasks, on_result, n).run(tick)
            return n
        finally:
            self._close()

    # --- what an engine says about its kind of worker ---------------------------------------

    @abstractmethod
    def _open(self, n_tasks: int) -> int:
        """Get ready to start workers for ``n_tasks`` tasks; returns how many to start."""

    @abstractmethod
    def _start(self) -> Any:
        """Start one worker (it reports :class:`Ready` or :class:`StartFailed`); its handle."""

    @abstractmethod
    def _submit(self, worker: Any, index: int, task: Any) -> bool:
        """Hand ``task`` to a ready, idle worker; ``False`` if it could not take it (it died)."""

    @abstractmethod
    def _stop(self, worker: Any) -> None:
        """Tell an idle worker there are no more tasks (it reports :class:`Gone` when gone)."""

    @abstractmethod
    def _kill(self, worker: Any) -> None:
        """Stop a worker now, whatever it is doing; it reports nothing more."""

    @abstractmethod
    def _wait(self, timeout: float) -> list[Event]:
        """What the workers reported, waiting up to ``timeout`` seconds for something."""

    @abstractmethod
    def _close(self) -> None:
        """Kill every worker still running and release what :meth:`_open` took."""


@dataclass(eq=False)
class _Slot:
    """The schedule's view of one worker: whether it is ready, and the task it holds."""

    worker: Any
    ready: bool = False
    task: tuple[int, Any] | None = None
    started: float = 0.0


@dataclass(eq=False)
class _Schedule:
    """One run of an engine over ``tasks``: the tasks left, the workers, what each holds."""

    engine: Engine
    tasks: Sequence[Any]
    on_result: OnResult
    workers: int
    todo: deque[tuple[int, Any]] = field(init=False)
    slots: dict[Any, _Slot] = field(init=False, default_factory=dict)
    deaths_in_a_row: int = 0
    init_error: str | None = None

    def __post_init__(self) -> None:
        self.todo = deque(enumerate(self.tasks))

    def run(self, tick: Callable[[], None] | None) -> None:
        label = self.engine.label
        for _ in range(max(1, min(self.workers, len(self.tasks)))):
            self._start()
        while self.slots:
            for event in self.engine._wait(1.0):
                self._handle(event)
            self._check_timeouts()
            if self.init_error is not None and not any(s.ready for s in self.slots.values()):
                raise WorkersFailed(f"{label} could not start: {self.init_error}")
            if tick is not None:
                tick()
        if self.todo:
            raise WorkersFailed(
                f"{label} kept dying; stopped with "
                f"{len(self.todo)} file(s) left (see the failures for the reasons)"
            )

    def _start(self) -> None:
        worker = self.engine._start()
        self.slots[worker] = _Slot(worker)

    def _handle(self, event: Event) -> None:
        slot = self.slots.get(event.worker)
        if slot is None:  # already retired
            return
        if isinstance(event, Ready):
            slot.ready = True
            self._give(slot)
        elif isinstance(event, Done):
            slot.task = None
            self.deaths_in_a_row = 0
            self.on_result(event.index, event.result)
            self._give(slot)
        elif isinstance(event, TaskFailed):
            self._fail_task(slot, event.why)
            self._give(slot)
        elif isinstance(event, StartFailed):
            self.init_error = event.error
            self._retire(slot, event.error)
        elif slot.task is None and not self.todo:  # Gone: finished and left
            del self.slots[slot.worker]
            self.engine._kill(slot.worker)
        else:  # Gone: died
            self._retire(slot, event.why)

    def _give(self, slot: _Slot) -> None:
        """The next task to an idle worker, or word that there are no more."""
        if not self.todo:
            slot.task = None
            self.engine._stop(slot.worker)
            return
        index, task = self.todo.popleft()
        if not self.engine._submit(slot.worker, index, task):
            self.todo.appendleft((index, task))  # it just died: its Gone retires it
            return
        slot.task = (index, task)
        slot.started = time.monotonic()

    def _fail_task(self, slot: _Slot, why: str) -> None:
        """The task ``slot`` holds ends without its worker's result."""
        if slot.task is not None:
            index, task = slot.task
            slot.task = None
            self.on_result(index, self.engine.work.lost(task, why, time.monotonic() - slot.started))

    def _retire(self, slot: _Slot, why: str, *, crashed: bool = True) -> None:
        """Kill a worker that died, failed to start or hung; fail its task; replace it while
        tasks are left, workers can start, and they are not dying one after another."""
        del self.slots[slot.worker]
        self.engine._kill(slot.worker)
        if slot.task is not None:
            self._fail_task(slot, why)
            self.deaths_in_a_row += int(crashed)
        elif not slot.ready:
            self.deaths_in_a_row += 1
        if self.todo and self.deaths_in_a_row <= 3 * self.workers and self.init_error is None:
            self._start()

    def _check_timeouts(self) -> None:
        timeout = self.engine.call_timeout
        if not timeout:
            return
        now = time.monotonic()
        for slot in [s for s in self.slots.values() if s.task is not None]:
            if now - slot.started > timeout:
                self._retire(
                    slot, f"took longer than the call timeout ({timeout:g} s)", crashed=False
                )
