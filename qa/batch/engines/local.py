"""The local engine: worker processes on this machine, each setting up once.

Workers are started with ``spawn`` (no fork of a process holding database connections), with
the compute-thread environment in place before they import anything, ignore Ctrl-C (the batch
process handles it and stops them) and die with the batch process, even when it is killed with
``kill -9``, so no orphan goes on scoring calls that a re-run would score again.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from typing import Any

from qa.batch.engines.base import Done, Engine, Event, Gone, Ready, StartFailed, Work
from qa.batch.results import describe_error
from qa.batch.worker import thread_env

__all__ = ["LocalEngine"]


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


def _serve(conn: Any, work: Work, parent: int) -> None:
    """A worker process: set up once, then do what the parent sends until it sends ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    logging.basicConfig(level=work.log_level, format="%(levelname)s %(name)s: %(message)s")
    try:
        state = work.setup(work.config)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        conn.send(("init-failed", describe_error(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            if work.close is not None:
                work.close(state)
            return
        index, task = msg
        conn.send(("done", index, work.run(state, task)))


@dataclass(eq=False)
class _Process:
    """One worker process and the parent's end of its pipe."""

    proc: Any
    conn: Any


class LocalEngine(Engine):
    """``workers`` processes on this machine (at most one per task)."""

    label = "batch workers"

    def __init__(self, work: Work, *, workers: int, call_timeout: float | None = None) -> None:
        super().__init__(work, call_timeout=call_timeout)
        import multiprocessing as mp

        self.workers = workers
        self._ctx = mp.get_context("spawn")  # no fork of a process holding database connections
        self._procs: list[_Process] = []
        self._started = 0

    def _open(self, n_tasks: int) -> int:
        return max(1, min(self.workers, n_tasks))

    def _start(self) -> _Process:
        parent_conn, child_conn = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_serve, args=(child_conn, self.work, os.getpid()), daemon=True,
            name=f"qa-batch-worker-{self._started}",
        )
        env = thread_env(self.work.threads)
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)  # inherited by the new process only
        try:
            proc.start()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        child_conn.close()
        self._started += 1
        worker = _Process(proc, parent_conn)
        self._procs.append(worker)
        return worker

    def _submit(self, worker: _Process, index: int, task: Any) -> bool:
        try:
            worker.conn.send((index, task))
        except OSError:
            return False
        return True

    def _stop(self, worker: _Process) -> None:
        try:
            worker.conn.send(None)
        except OSError:
            pass

    def _kill(self, worker: _Process) -> None:
        if worker not in self._procs:
            return
        self._procs.remove(worker)
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(timeout=5)
        worker.conn.close()

    def _wait(self, timeout: float) -> list[Event]:
        from multiprocessing.connection import wait

        conns = {w.conn: w for w in self._procs}
        sentinels = {w.proc.sentinel: w for w in self._procs}
        ready = wait([*conns, *sentinels], timeout=timeout)
        events: list[Event] = []
        gone: list[_Process] = []
        for r in ready:
            worker = conns.get(r)
            if worker is None:
                continue
            try:
                msg = worker.conn.recv()
            except (EOFError, OSError):
                gone.append(worker)
                continue
            if msg[0] == "ready":
                events.append(Ready(worker))
            elif msg[0] == "init-failed":
                events.append(StartFailed(worker, msg[1]))
                gone.append(worker)
            elif msg[0] == "done":
                events.append(Done(worker, msg[1], msg[2]))
        for r in ready:
            worker = sentinels.get(r)
            if worker is not None and worker not in gone:
                gone.append(worker)
        for worker in gone:
            proc = worker.proc
            proc.join(timeout=0.5)  # its pipe closes a moment before it can be reaped
            code = proc.exitcode if not proc.is_alive() else None
            how = (
                f"killed by signal {-code}" if code is not None and code < 0
                else f"exit status {code}" if code is not None else "lost contact"
            )
            events.append(Gone(worker, f"the worker process died ({how}) while scoring this file"))
        return events

    def _close(self) -> None:
        for worker in list(self._procs):
            self._kill(worker)
