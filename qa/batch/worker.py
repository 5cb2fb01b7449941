"""What a batch worker holds: where the store is and how to score (:class:`BatchSettings`), the
open store and loaded models (:class:`WorkerState`), and its share of the machine's cores."""

from __future__ import annotations

import logging
import os
import resource
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # heavy imports stay lazy: worker processes set their thread limits first
    from qa.config import RubricConfig
    from qa.pipeline import PipelineOptions
    from qa.redact.modes import Redaction

__all__ = [
    "BatchSettings",
    "WorkerState",
    "thread_env",
    "limit_threads",
    "default_workers",
    "threads_for",
    "peak_rss_mb",
]

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


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
    #: Personal-data redaction of newly scored calls (:class:`qa.redact.modes.Redaction`;
    #: ``None``: off).
    redaction: Redaction | None = None


class WorkerState:
    """A worker's open store and loaded models (one per process or Ray actor)."""

    def __init__(self, settings: BatchSettings) -> None:
        limit_threads(settings.threads)
        from qa.labeller import load_labeller
        from qa.store import Store

        self.settings = settings
        self.store = Store.open(settings.db_url, data_dir=settings.data_dir, migrate_schema=False)
        self.labeller = load_labeller(data_dir=settings.data_dir)
        self.labeller.predict(["warm-up"])  # the encoder's tokenizer loads on first use
        self.rubric_version = settings.rubric.full_version

    def close(self) -> None:
        """Close the store (the models go with the process)."""
        self.store.close()


def thread_env(n: int) -> dict[str, str]:
    """The environment that keeps a worker process to ``n`` compute threads.

    It must be in place when the process starts: BLAS reads it once, when numpy loads, and the
    BLAS thread count changes the last bits of the mel features Whisper sees (so, now and then,
    a word). Every worker of a batch, local or on Ray, starts with the same values, so the
    engines give the same transcripts.
    """
    return {var: str(max(1, int(n))) for var in _THREAD_VARS}


def limit_threads(n: int) -> None:
    """Keep this process to ``n`` compute threads (for libraries that load from now on)."""
    os.environ.update(thread_env(n))
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(max(1, int(n)))


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def threads_for(workers: int, threads: int | None) -> int:
    """Each worker's share of this machine's cores (at least one)."""
    if threads:
        return max(1, threads)
    return max(1, default_workers() // max(1, workers))


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
