"""The review queue's random sample: which calls are in it, decided by the call id alone.

Agreement figures computed only from the calls the queue puts first (disputed, flagged, with
findings for review) would be biased towards the machine's hard cases. So a small share of all
calls is sampled at random and marked as such: figures over that sample estimate the machine's
precision and agreement on calls as they come.

Membership is a pure function of the call id (a hash), so it is deterministic and stable: the
same call is in or out of the sample whenever and wherever it is asked, whatever else the queue
holds, and it does not depend on anything the machine found (which is what keeps it unbiased).
Raising the rate keeps every call that was in the sample in it.
"""

from __future__ import annotations

import hashlib
import os

from qa.errors import InputError

__all__ = ["DEFAULT_SAMPLE_RATE", "SAMPLE_RATE_ENV", "in_sample", "sample_position", "sample_rate"]

#: The share of calls in the random sample unless ``$QA_REVIEW_SAMPLE_RATE`` says otherwise.
DEFAULT_SAMPLE_RATE = 0.05
SAMPLE_RATE_ENV = "QA_REVIEW_SAMPLE_RATE"


def sample_position(call_id: str) -> float:
    """Where the call falls in [0, 1): the first 64 bits of the sha256 of its id."""
    digest = hashlib.sha256(str(call_id).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / float(1 << 64)


def in_sample(call_id: str, rate: float | None = None) -> bool:
    """Whether ``call_id`` is in the random sample at ``rate`` (default :func:`sample_rate`)."""
    r = sample_rate() if rate is None else float(rate)
    return sample_position(call_id) < r


def sample_rate(value: str | float | None = None) -> float:
    """The sample rate: ``value``, else ``$QA_REVIEW_SAMPLE_RATE``, else 5 %. Must lie in [0, 1]."""
    raw = value if value is not None else os.environ.get(SAMPLE_RATE_ENV)
    if raw is None or raw == "":
        return DEFAULT_SAMPLE_RATE
    try:
        rate = float(raw)
    except (TypeError, ValueError):
        raise InputError(f"review sample rate {raw!r} is not a number") from None
    if not 0.0 <= rate <= 1.0:
        raise InputError(f"review sample rate {rate} is not between 0 and 1")
    return rate
