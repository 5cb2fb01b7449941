"""The review queue (``store.queue``) on SQLite and PostgreSQL: tiers, the random sample,
reviewed calls leaving it, filters and team scope."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from qa.errors import InputError
from qa.quality import CallQuality
from qa.review.model import ReviewAction
from qa.review.sample import in_sample, sample_position, sample_rate
from qa.store import Store
from qa.store.schema import Agent, Team
from qa.types import CallScore, Finding, RubricResult, Span

WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)
RATE = 0.2


def score(*, review: dict[str, int] | None = None, flagged: bool = False) -> CallScore:
    """Every item passes; ``review``: findings for review per item; ``flagged``: needs review."""
    results = []
    for name in ("interruption", "arguing", "last_word"):
        n = (review or {}).get(name, 0)
        found = tuple(
            Finding(name, name, Span(1.0 + i, 2.0 + i), ("u001",), "…", 0.5, 1.0, "review")
            for i in range(n)
        )
        results.append(RubricResult(name, "1", "pass", 100.0, found))
    quality = CallQuality(needs_review=flagged, reasons=("low word coverage",) if flagged else ())
    return CallScore("x", 100.0, tuple(results), rubric_version="r1", quality=quality)


def add(store: Store, n: int, *, agent: str = "ann", language: str = "en", **kw) -> str:
    data = b"RIFF" + hashlib.sha256(f"q{n}".encode()).digest() * 8
    sha, _ = store.files.put(data, filename=f"q{n}.wav")
    cid = store.calls.add(
        sha, agent_id=agent, call_time=WHEN + timedelta(hours=n), language_hint=language
    )
    store.calls.save_score(cid, score(**kw), labeller_version="lab")
    return cid


@pytest.fixture
def seeded(store):
    calls = {
        "disputed": add(store, 1),
        "flagged": add(store, 2, flagged=True),
        "one_review": add(store, 3, review={"arguing": 1}),
        "two_review": add(store, 4, review={"last_word": 2}, language="zh"),
        "reviewed": add(store, 5, review={"arguing": 1}),
        "bob": add(store, 6, agent="bob", review={"arguing": 1}),
    }
    store.reviews.open_dispute(
        calls["disputed"], comment="the agent did apologise", rubric="arguing"
    )
    store.reviews.add(calls["reviewed"], [ReviewAction("arguing", "confirm")])
    plain = [add(store, 100 + i) for i in range(40)]
    # An unscored call is never queued.
    sha, _ = store.files.put(b"RIFF unscored" * 8, filename="u.wav")
    store.calls.add(sha, agent_id="ann", call_time=WHEN)
    with Session(store.engine) as s:
        s.add(Team(id="t2", name="Team 2"))
        s.flush()
        s.get(Agent, "bob").team_id = "t2"
        s.commit()
    return calls, plain


def test_sample_membership_is_a_stable_hash_of_the_call_id(monkeypatch):
    assert in_sample("abc", 1.0) and not in_sample("abc", 0.0)
    assert in_sample("abc", 0.5) == (sample_position("abc") < 0.5)
    ids = [f"{i:016x}" for i in range(4000)]
    share = sum(in_sample(c, 0.05) for c in ids) / len(ids)
    assert 0.04 < share < 0.06
    # Raising the rate keeps every sampled call in the sample.
    assert {c for c in ids if in_sample(c, 0.05)} <= {c for c in ids if in_sample(c, 0.1)}
    assert sample_rate() == 0.05
    monkeypatch.setenv("QA_REVIEW_SAMPLE_RATE", "0.1")
    assert sample_rate() == 0.1
    with pytest.raises(InputError):
        sample_rate("2")


def test_tiers_come_first_with_the_random_sample_spread_among_them(store, seeded):
    calls, plain = seeded
    page = store.queue.list(rate=RATE, limit=1000)
    ids = [e.call_id for e in page.items]
    tiered = [e for e in page.items if e.reasons[0] != "random_sample"]
    # Disputed, then flagged, then findings for review (most first, then newest first); the
    # reviewed call is gone.
    assert [e.call_id for e in tiered] == [
        calls[k] for k in ("disputed", "flagged", "two_review", "bob", "one_review")
    ]
    assert calls["reviewed"] not in ids
    assert tiered[0].reasons[0] == "disputed" and tiered[0].open_disputes == 1
    assert tiered[2].review_findings == 2
    expected = {c for c in plain if in_sample(c, RATE)}
    assert 2 <= len(expected) < 40  # the seeded ids give a few
    assert {e.call_id for e in page.items if e.reasons == ("random_sample",)} == expected
    assert all(e.sampled == in_sample(e.call_id, RATE) for e in page.items)
    assert page.total == len(ids) == 5 + len(expected)
    assert page.sampled == sum(e.sampled for e in page.items)
    # Mixed in, not left at the end: a sampled call comes before the last tiered one.
    first_sample = min(ids.index(c) for c in expected)
    assert first_sample < ids.index(calls["one_review"])
    # Stable: the same queue again.
    assert [e.call_id for e in store.queue.list(rate=RATE, limit=1000).items] == ids
    # Pages.
    p1, p2 = store.queue.list(rate=RATE, limit=3), store.queue.list(rate=RATE, limit=3, offset=3)
    assert [e.call_id for e in p1.items + p2.items] == ids[:6] and p1.next_offset == 3


def test_a_reviewed_call_comes_back_when_disputed(store, seeded):
    calls, _ = seeded
    store.reviews.open_dispute(calls["reviewed"], comment="not arguing")
    entry = next(
        e for e in store.queue.list(rate=0.0, limit=1000).items if e.call_id == calls["reviewed"]
    )
    assert entry.reasons[0] == "disputed"
    # Reviewing resolves it: gone again.
    dispute = store.reviews.disputes(calls["reviewed"])[0]
    store.reviews.add(calls["reviewed"], [ReviewAction("arguing", "confirm", resolves=dispute.id)])
    assert calls["reviewed"] not in [
        e.call_id for e in store.queue.list(rate=0.0, limit=1000).items
    ]


def test_filters_and_team_scope(store, seeded):
    calls, plain = seeded

    def ids(**kw):
        return [e.call_id for e in store.queue.list(rate=0.0, limit=1000, **kw).items]

    assert ids(agent="bob") == [calls["bob"]]
    assert ids(language="zh") == [calls["two_review"]]
    # Item: a dispute on it (or the whole call), its findings for review; flagged calls stay.
    assert ids(item="arguing") == [calls[k] for k in ("disputed", "flagged", "bob", "one_review")]
    assert ids(item="last_word") == [calls[k] for k in ("flagged", "two_review")]
    assert ids(date_from="2026-03-02", date_to="2026-03-02") == [
        calls[k] for k in ("disputed", "flagged", "two_review", "bob", "one_review")
    ]
    assert ids(date_from="2026-03-03") == []  # the tiered calls are all on the 2nd
    assert ids(teams=("t2",)) == [calls["bob"]]
    assert ids(teams=("nobody",)) == []
    with pytest.raises(InputError):
        store.queue.list(limit=0)
