"""Engines: where a batch's tasks run, behind one interface (:class:`Engine.run`).

- ``local`` (:class:`~qa.batch.engines.local.LocalEngine`): worker processes on this machine;
- ``ray`` (:class:`~qa.batch.engines.ray.RayEngine`): actors on a Ray cluster (Ray is imported
  only when this engine runs).

Retiring, time limits and replacement workers are written once, in :mod:`.base`.
"""

from __future__ import annotations

from qa.batch.engines.base import Engine, Work, WorkersFailed
from qa.errors import InputError

__all__ = ["Engine", "Work", "WorkersFailed", "ENGINES", "make_engine"]

ENGINES = ("local", "ray")


def make_engine(
    name: str,
    work: Work,
    *,
    workers: int | None = None,
    call_timeout: float | None = None,
    ray_address: str | None = None,
) -> Engine:
    """The engine called ``name`` (``local`` or ``ray``) for ``work``.

    ``workers``: processes or actors (``local`` default: one per core; ``ray``: the cluster's
    CPUs / ``work.threads``); each engine starts at most one per task.
    """
    if name == "local":
        from qa.batch.engines.local import LocalEngine
        from qa.batch.worker import default_workers

        return LocalEngine(work, workers=workers or default_workers(), call_timeout=call_timeout)
    if name == "ray":
        from qa.batch.engines.ray import RayEngine

        return RayEngine(work, workers=workers, address=ray_address, call_timeout=call_timeout)
    raise InputError(f"unknown engine {name!r}: choose local or ray")
