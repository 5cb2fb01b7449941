"""Retention in the server: delete calls older than ``$QA_RETENTION_DAYS`` days, daily.

:func:`purge_once` is one run (what ``qa purge --older-than Nd`` does, logged instead of
printed); :func:`retention_loop` runs it at start-up and then every interval, in a thread so
the event loop keeps answering requests. Off unless the setting is given.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from qa.store import PurgeSummary, Store
from qa.store.engine import utc_now

__all__ = ["purge_once", "retention_loop"]

log = logging.getLogger(__name__)


def purge_once(store: Store, days: float) -> PurgeSummary:
    """Delete every call whose call time is more than ``days`` days ago (audited as the
    server: no key)."""
    cutoff = utc_now() - timedelta(days=days)
    summary = store.calls.purge(cutoff)
    if summary.call_ids:
        log.info(
            "retention: deleted %d call(s) older than %s (%s)",
            len(summary.call_ids),
            cutoff.isoformat(timespec="seconds"),
            ", ".join(f"{k} {v}" for k, v in summary.counts.items()),
        )
    if summary.files_left:
        log.warning("retention: %d recording file(s) could not be removed", len(summary.files_left))
    return summary


async def retention_loop(store: Store, days: float, interval_s: float) -> None:
    """Purge now, then every ``interval_s`` seconds, until cancelled; a failed run is logged
    and tried again at the next interval."""
    while True:
        try:
            await asyncio.to_thread(purge_once, store, days)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - the server keeps running; the next run retries
            log.exception("retention purge failed")
        await asyncio.sleep(interval_s)
