"""Batch scoring of call archives: every recording of a folder tree or a manifest scored into the
store the scorecards read — resumable, idempotent, in parallel, on a Ray cluster if need be.

The parts, in the order a batch uses them:

- :func:`discover` (:mod:`qa.archive`) finds the recordings and their metadata (manifest, file
  names), with a :class:`~qa.archive.Problem` per row that cannot be used.
- :mod:`~qa.batch.tasks`: one task per call. :func:`score_file` skips a file whose audio
  (sha256) is already scored with this rubric and labeller version; otherwise it goes in through
  :func:`qa.ingest.ingest` (decoded completely before anything is stored) and is transcribed
  (unless a transcript is already stored) and scored through :func:`qa.jobs.score_stored_call`.
  Each save is one transaction, so a process killed at any moment leaves nothing half-written,
  and running the batch again finishes the rest without scoring any call twice. Any error
  becomes a ``failed`` :class:`CallResult`. :func:`rescore_call` scores a stored transcript again.
- :mod:`~qa.batch.engines`: where tasks run, behind one :class:`~qa.batch.engines.Engine`
  interface: ``local`` (worker processes, each loading the models once and using
  ``cores / workers`` threads; a worker that crashes or hangs fails only its own file) or
  ``ray`` (actors holding the models on a Ray cluster, writing to a shared database).
- :func:`run_batch` runs the archive's tasks on an engine; :func:`rescore` re-runs the rubric
  over stored transcripts (after a QA lead edits weights or thresholds), adding to each call's
  score history. Both report progress through a callback (:class:`BatchProgress`) and return a
  report (:class:`BatchReport`, :class:`RescoreReport`); the command line prints them.
- :func:`write_results` exports per-call results as JSONL or CSV.
"""

from qa.archive import discover
from qa.batch.export import write_results
from qa.batch.results import BatchProgress, BatchReport, CallResult, RescoreReport
from qa.batch.run import rescore, run_batch
from qa.batch.tasks import rescore_call, score_file
from qa.batch.worker import BatchSettings, WorkerState, default_workers, thread_env

__all__ = [
    "CallResult",
    "BatchSettings",
    "BatchProgress",
    "BatchReport",
    "RescoreReport",
    "discover",
    "score_file",
    "run_batch",
    "rescore",
    "rescore_call",
    "WorkerState",
    "default_workers",
    "thread_env",
    "write_results",
]
