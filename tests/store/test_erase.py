"""Correcting and erasing calls in the store (``store.calls.edit``, ``delete``, ``purge``) and
the audit entries they and key changes write, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from qa.errors import InputError
from qa.review.model import ReviewAction
from qa.store import Actor, NotFound, Store
from qa.store.schema import (
    Agent,
    CallRow,
    DailyStats,
    Job,
    Recording,
    RubricResultRow,
    ScoreRow,
    Transcript,
)
from qa.types import Call
from tests.store.test_store import add, audio, call_score, files_under, when

LEAD = Actor(key_id=7, role="qa_lead")


def totals(store: Store) -> tuple[dict, dict]:
    """The running totals as stored: per agent (with calls) and per day."""
    with store.engine.connect() as conn:
        agents = {
            a.id: (a.n_calls, a.n_scored, a.n_valued, round(a.score_sum, 6), a.last_call)
            for a in conn.execute(select(Agent))
            if a.n_calls
        }
        days = {
            d.day: (d.n_calls, d.n_scored, d.n_valued, round(d.score_sum, 6))
            for d in conn.execute(select(DailyStats))
            if d.n_calls
        }
    return agents, days


def assert_totals_exact(store: Store) -> None:
    """The totals kept by the edits and deletions equal the totals rebuilt from the calls."""
    kept = totals(store)
    store.calls.rebuild_stats()
    assert kept == totals(store)


def rows(store: Store, table, call_id: str) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table).where(table.call_id == call_id))


def test_an_edit_moves_the_call_between_agents_and_days_and_is_audited(store):
    c1 = add(store, 1, "ann", when(0), total=40.0)
    c2 = add(store, 2, "ann", when(3), total=80.0)
    add(store, 3, "bob", when(1), total=60.0)
    before = totals(store)

    changed = store.calls.edit(
        c2, {"agent_id": "bob", "call_time": when(9, 8), "queue": "refunds"}, by=LEAD
    )
    assert changed == {
        "agent_id": {"old": "ann", "new": "bob"},
        "call_time": {"old": when(3).isoformat(), "new": when(9, 8).isoformat()},
        "queue": {"old": None, "new": "refunds"},
    }
    agents, days = totals(store)
    assert agents["ann"] == (1, 1, 1, 40.0, when(0))  # its latest call went to bob
    assert agents["bob"] == (2, 2, 2, 140.0, when(9, 8))
    assert when(3).date() not in days and days[when(9).date()] == (1, 1, 1, 80.0)
    assert totals(store) != before
    assert_totals_exact(store)
    with store.engine.connect() as conn:
        assert conn.scalar(select(CallRow.week).where(CallRow.id == c2)) == "2026-W11"
    # The scorecards follow.
    assert store.scorecards.get("bob").n_calls == 2 and store.scorecards.get("ann").n_calls == 1

    # The edit is in the audit log and in the call's history, with old and new values.
    entry = store.audit.list(action="call.edit")[0]
    assert (entry.key_id, entry.role, entry.target_kind, entry.target_id) == (
        7,
        "qa_lead",
        "call",
        c2,
    )
    assert entry.detail == {"changes": changed}
    got = store.calls.get(c2)
    assert (got.agent_id, got.call_time, got.queue) == ("bob", when(9, 8), "refunds")
    assert [e.changes for e in got.edits] == [changed] and got.edits[0].key_id == 7
    assert store.calls.get(c1).edits == ()

    # A second edit: cleared fields, a new agent; the history keeps both, oldest first.
    store.calls.edit(c2, {"queue": "", "agent_id": "cy", "customer_ref": "C-9"})
    got = store.calls.get(c2)
    assert got.queue is None and got.customer_ref == "C-9" and got.agent_id == "cy"
    assert [set(e.changes) for e in got.edits] == [
        {"agent_id", "call_time", "queue"},
        {"agent_id", "queue", "customer_ref"},
    ]
    assert got.edits[1].key_id is None  # the command line
    assert store.calls.get_agent("cy").n_calls == 1
    assert_totals_exact(store)


def test_an_edit_that_changes_nothing_writes_nothing_and_bad_edits_are_refused(store):
    cid = add(store, 1, "ann", when(0), total=50.0)
    assert store.calls.edit(cid, {"agent_id": " ann ", "call_time": when(0)}) == {}
    assert store.audit.list(action="call.edit") == []
    for bad, match in (
        ({"agent_id": ""}, "agent id is required"),
        ({"duration": 3.0}, "cannot edit duration"),
        ({"call_time": "yesterday"}, "expected a date-time"),
        ({"queue": "q" * 129}, "at most 128"),
    ):
        with pytest.raises(InputError, match=match):
            store.calls.edit(cid, bad)
    with pytest.raises(NotFound):
        store.calls.edit("nope", {"queue": "x"})
    assert store.audit.list() == [] and store.calls.get(cid).agent_id == "ann"


def test_a_deleted_call_leaves_nothing_but_an_audit_entry_without_content(store, tmp_path):
    keep = add(store, 1, "ann", when(0), total=40.0)
    cid = add(store, 2, "ann", when(5), total=90.0)
    # A second score, a transcript, a job, and a redacted copy of the recording it serves.
    store.calls.save_score(cid, call_score(70.0, version="r2"), labeller_version="lab1")
    store.calls.save_transcript(Call(cid, "ann", 1.0, "stereo", ()))
    store.jobs.create(kind="score", call_id=cid, payload={})
    copy, _ = store.files.put(audio(99), filename=f"{cid}.redacted.wav")
    with store.engine.begin() as conn:
        red = {"redaction": {"mode": "text+audio", "audio": copy, "original_kept": True}}
        conn.execute(update(CallRow).where(CallRow.id == cid).values(meta=red))
    # A dispute of it and the review that resolves it (both refer to the call and its score).
    dispute = store.reviews.open_dispute(cid, comment="not fair", key_id=2, role="supervisor")
    store.reviews.add(
        cid, [ReviewAction(None, "comment", comment="checked", resolves=dispute.id)], key_id=1
    )
    original = store.calls.get(cid).recording_sha256
    assert store.calls.get(cid).recording.sha256 == copy
    assert len(files_under(store.files.audio_dir)) == 3

    done = store.calls.delete(cid, by=Actor(key_id=3, role="admin"))
    assert (done.call_id, done.agent_id, done.call_time) == (cid, "ann", when(5))
    assert done.counts == {
        "reviews": 1, "disputes": 1, "rubric_results": 4, "scores": 2, "transcripts": 1,
        "jobs": 1, "recordings": 2,
    }  # fmt: skip
    assert len(done.files_removed) == 2 and done.files_left == ()
    with pytest.raises(NotFound):
        store.calls.get(cid)
    for table in (RubricResultRow, ScoreRow, Transcript, Job):
        assert rows(store, table, cid) == 0
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Recording)) == 1
    assert [p.name.split(".")[0] for p in files_under(store.files.audio_dir)] == [
        store.calls.get(keep).recording_sha256
    ]
    assert original not in str(files_under(store.files.audio_dir))
    agents, days = totals(store)
    assert agents == {"ann": (1, 1, 1, 40.0, when(0))} and when(5).date() not in days
    assert_totals_exact(store)

    entry = store.audit.list(action="call.delete")[0]
    assert (entry.key_id, entry.role, entry.target_id) == (3, "admin", cid)
    assert entry.detail == {
        "agent_id": "ann", "call_time": when(5).isoformat(), "counts": done.counts,
    }  # fmt: skip
    with pytest.raises(NotFound):
        store.calls.delete(cid)
    # The same bytes can come back as a new call.
    sha, created = store.files.put(audio(2), filename="again.wav")
    assert created and sha == original and store.calls.add(sha, agent_id="bob") == cid


def test_a_file_that_cannot_be_removed_leaves_the_database_deleted(store):
    cid = add(store, 1, "ann", when(0), total=40.0)
    path = store.files.path(store.calls.get(cid).recording_sha256)
    # Something the store cannot unlink where the recording was: a non-empty directory.
    path.unlink()
    path.mkdir()
    (path / "x").write_bytes(b"x")
    done = store.calls.delete(cid)
    assert done.files_left and not done.files_removed
    with pytest.raises(NotFound):
        store.calls.get(cid)
    assert rows(store, RubricResultRow, cid) == rows(store, ScoreRow, cid) == 0
    assert totals(store) == ({}, {})


def test_purge_deletes_the_calls_before_the_cutoff_and_a_dry_run_only_counts(store):
    old = [add(store, n, "ann", when(n), total=50.0) for n in range(3)]
    new = add(store, 9, "bob", when(30), total=70.0)
    cutoff = when(10)

    dry = store.calls.purge(cutoff, dry_run=True)
    assert dry.dry_run and dry.call_ids == tuple(old) and dry.counts == {"calls": 3, "scores": 3}
    assert len(store.calls.list()[0]) == 4 and store.audit.list() == []

    seen = []
    summary = store.calls.purge(cutoff, progress=lambda i, n, d: seen.append((i, n, d.call_id)))
    assert seen == [(1, 3, old[0]), (2, 3, old[1]), (3, 3, old[2])]
    assert summary.call_ids == tuple(old) and summary.files_removed == 3
    assert summary.counts["calls"] == 3 and summary.counts["scores"] == 3
    assert [c.id for c in store.calls.list()[0]] == [new]
    assert_totals_exact(store)
    actions = [e.action for e in store.audit.list()]
    assert actions == ["calls.purge", "call.delete", "call.delete", "call.delete"]
    purge = store.audit.list(action="calls.purge")[0]
    assert purge.detail["counts"]["calls"] == 3 and purge.detail["older_than"] == cutoff.isoformat()
    assert all(e.detail["reason"] == "retention" for e in store.audit.list(action="call.delete"))
    assert store.calls.purge(cutoff).call_ids == ()


def test_key_changes_are_audited_with_who_made_them(store):
    admin = Actor(key_id=1, role="admin")
    key = store.keys.create("supervisor", label="night", by=admin)
    kid = store.keys.identify(key).id
    store.keys.revoke(kid, by=admin)
    store.keys.revoke(kid)  # again, from the command line
    entries = store.audit.list(target_kind="key", target_id=str(kid))
    assert [(e.action, e.key_id) for e in entries] == [
        ("key.revoke", None), ("key.revoke", 1), ("key.create", 1),
    ]  # fmt: skip
    assert entries[2].detail["role"] == "supervisor" and entries[2].detail["label"] == "night"
    assert entries[0].detail["already_revoked"] is True
    assert key not in str([e.detail for e in entries])
    now = datetime.now(UTC)
    assert all(now - timedelta(minutes=5) < e.at <= now for e in entries)
