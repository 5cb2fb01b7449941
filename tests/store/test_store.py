"""The store against real databases: a SQLite file and PostgreSQL (see tests/pg.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, func, inspect, select, text, update

from qa.errors import InputError
from qa.quality import CallQuality
from qa.store import Conflict, NotFound, Store, TooLarge, default_url, make_engine, migrate
from qa.store import calls as calls_mod
from qa.store import scores as scores_mod
from qa.store.schema import (
    Agent,
    Base,
    CallRow,
    DailyStats,
    Job,
    Recording,
    RubricResultRow,
    ScoreRow,
)
from qa.types import Call, CallScore, Finding, RubricResult, Scorecard, Span, Utterance, Word

TABLES = {
    "agents",
    "recordings",
    "calls",
    "transcripts",
    "scores",
    "rubric_results",
    "jobs",
    "api_keys",
    "daily_stats",
    "teams",
    "api_key_teams",
    "audit_log",
    "reviews",
    "disputes",
}


def audio(n: int) -> bytes:
    """Distinct fake recordings (the store does not decode: any bytes do)."""
    return b"RIFF" + hashlib.sha256(str(n).encode()).digest() * 8


def when(day: int, hour: int = 10) -> datetime:
    # 2026-03-02 is a Monday (ISO week 10).
    return datetime(2026, 3, 2, hour, tzinfo=UTC) + timedelta(days=day)


def result(rubric, outcome, score, findings=0):
    return RubricResult(
        rubric=rubric,
        version="t1",
        outcome=outcome,
        score=score,
        findings=tuple(
            Finding(rubric, f"{outcome}_{i}", Span(1.0 + i, 2.0 + i), ("u001",), f"said {i}")
            for i in range(findings)
        ),
    )


def call_score(
    total, *, interruption=("pass", 100.0, 0), resolution=("specific", 100.0, 1), version="r1"
):
    return CallScore(
        call_id="ignored",
        score=total,
        results=(
            result("interruption", *interruption),
            result("resolution", *resolution),
        ),
        rubric_version=version,
    )


def add(store, n, agent="ann", t=None, total=None, **kw):
    sha, _ = store.files.put(audio(n), filename=f"call{n}.wav")
    cid = store.calls.add(sha, agent_id=agent, call_time=t or when(0))
    if total is not None or kw:
        store.calls.save_score(cid, call_score(total, **kw), labeller_version="lab1")
    return cid


def files_under(path):
    return sorted(p for p in path.rglob("*") if p.is_file())


# --- schema -----------------------------------------------------------------------------------


def test_migrations_create_the_tables_and_match_the_models(db_url, tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()
    store = Store.open(db_url, data_dir=tmp_path / "data")
    names = set(inspect(store.engine).get_table_names())
    assert TABLES <= names and "alembic_version" in names
    idx = {i["name"] for i in inspect(store.engine).get_indexes("calls")}
    assert {"ix_calls_agent_time", "ix_calls_time_score"} <= idx
    with store.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0004"
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == [], f"the models and the migrations disagree: {diff}"
    migrate(db_url)  # already at head: a no-op, not an error
    with store.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    store.close()


def test_default_url_and_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("QA_DATABASE_URL", raising=False)
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "v"))
    assert default_url() == f"sqlite:///{tmp_path / 'v' / 'qa.db'}"
    with Store.open() as s:
        assert s.dialect == "sqlite"
        assert (tmp_path / "v" / "qa.db").is_file() and s.files.audio_dir == tmp_path / "v" / "audio"
    monkeypatch.setenv("QA_DATABASE_URL", "postgresql://x@h/db")
    assert default_url() == "postgresql://x@h/db"


# --- recordings and calls -----------------------------------------------------------------------


def test_reupload_is_idempotent_and_stores_one_file(store, tmp_path):
    data = audio(1)
    sha, created = store.files.put(data, filename="Call One.WAV")
    assert created and sha == hashlib.sha256(data).hexdigest()
    path = store.files.path(sha)
    assert path == store.files.audio_dir / sha[:2] / sha[2:4] / f"{sha}.wav"
    assert path.read_bytes() == data
    first = store.calls.add(sha, agent_id="ann", queue="billing", call_time=when(0))
    assert first == sha[:16]

    src = tmp_path / "again.mp3"
    src.write_bytes(data)
    with open(src, "rb") as fh:
        assert store.files.put(fh, filename="x.mp3") == (sha, False)
    assert store.files.put(src) == (sha, False)
    assert store.calls.add(sha, agent_id="bob") == first  # same audio: the existing call
    assert files_under(store.files.audio_dir) == [path]
    rows, total = store.calls.list()
    assert total == 1 and rows[0].agent_id == "ann" and rows[0].queue == "billing"
    assert [a.id for a in store.calls.agents()] == ["ann"]
    assert store.files.get(sha).filename == "Call One.WAV"


def test_files_are_never_overwritten(store):
    sha, _ = store.files.put(audio(1), filename="a.wav")
    path = store.files.path(sha)
    before = path.stat()
    store.files.put(audio(1), filename="b.wav")
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)

    # A file at a content address with the wrong bytes is moved aside, never destroyed.
    sha2 = hashlib.sha256(audio(2)).hexdigest()
    squatter = store.files.audio_dir / sha2[:2] / sha2[2:4] / f"{sha2}.wav"
    squatter.parent.mkdir(parents=True, exist_ok=True)
    squatter.write_bytes(b"not these bytes")
    assert store.files.put(audio(2), filename="c.wav") == (sha2, True)
    assert store.files.path(sha2).read_bytes() == audio(2)
    aside = [p for p in squatter.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"not these bytes"

    # A recording whose file went missing or was damaged is restored by the next upload of
    # the same bytes (the damaged copy is kept aside).
    path.unlink()
    assert store.files.put(audio(1)) == (sha, False)
    assert path.read_bytes() == audio(1)
    path.write_bytes(audio(1)[:-1] + b"!")
    assert store.files.put(audio(1)) == (sha, False)
    assert path.read_bytes() == audio(1)
    assert (
        len([p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]) == 1
    )


def test_bad_uploads_leave_nothing(store):
    with pytest.raises(InputError, match="empty"):
        store.files.put(b"", filename="x.wav")
    with pytest.raises(TooLarge, match="limit"):
        store.files.put(b"x" * 5000, filename="x.wav", max_bytes=4096)
    with pytest.raises(InputError, match="no such file"):
        store.files.put("/nonexistent/call.wav")
    assert files_under(store.files.audio_dir) == []
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Recording)) == 0


def test_unknown_things_raise_not_found(store):
    with pytest.raises(NotFound):
        store.calls.get("nope")
    with pytest.raises(NotFound):
        store.scorecards.get("nobody")
    with pytest.raises(NotFound):
        store.calls.add("0" * 64, agent_id="ann")
    with pytest.raises(NotFound):
        store.calls.save_score("nope", call_score(50.0), labeller_version="x")
    with pytest.raises(NotFound):
        store.calls.save_transcript(Call("nope", "ann", 1.0, "stereo", ()))
    with pytest.raises(NotFound):
        store.jobs.get("nope")
    with pytest.raises(NotFound):
        store.keys.revoke(12345)
    with pytest.raises(InputError):
        store.calls.add("not-a-sha", agent_id="ann")
    sha, _ = store.files.put(audio(1))
    with pytest.raises(InputError, match="agent id"):
        store.calls.add(sha, agent_id="  ")


def test_transcript_round_trip(store):
    cid = add(store, 1)
    u = Utterance(
        "u000",
        "agent",
        Span(0.0, 1.5),
        "hello there",
        (Word(Span(0.0, 0.5), "hello", 0.9),),
        "en",
        0,
    )
    v = Utterance("u001", "customer", Span(1.6, 3.0), "my order is late", language="en", channel=1)
    call = Call(
        cid, "ann", 3.2, "stereo", (u, v), {"asr": {"backend": "faster-whisper", "model": "base"}}
    )
    store.calls.save_transcript(call)
    assert store.calls.load(cid) == call
    got = store.calls.get(cid)
    assert got.transcript.version == "faster-whisper/base"
    assert got.duration == 3.2 and got.language == "en" and got.source == "stereo"
    assert got.transcript.utterances[1]["text"] == "my order is late"


# --- scores --------------------------------------------------------------------------------------


def test_rescoring_keeps_history_and_the_latest_is_current(store):
    cid = add(store, 1, total=40.0, interruption=("interrupted", 40.0, 2), version="r1")
    assert store.calls.is_scored(cid, rubric_version="r1")
    assert not store.calls.is_scored(cid, rubric_version="r2")
    s2 = store.calls.save_score(cid, call_score(90.0, version="r2"), labeller_version="lab2")
    got = store.calls.get(cid)
    assert got.score.id == s2 and got.score.score == 90.0
    assert got.score.rubric_version == "r2" and got.score.labeller_version == "lab2"
    assert [h.rubric_version for h in got.history] == ["r2", "r1"]
    assert [r["outcome"] for r in got.score.results] == ["pass", "specific"]
    assert store.calls.is_scored(cid, rubric_version="r1") and store.calls.is_scored(cid, rubric_version="r2")
    # Lists and scorecards use only the current score.
    assert store.calls.list(outcome="interruption:interrupted")[1] == 0
    card = store.scorecards.get("ann")
    assert card.mean_score == 90.0 and card.per_rubric["interruption"].pass_rate == 1.0
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(RubricResultRow)) == 4


def test_list_calls_filters_and_pagination(store):
    ids = {
        "a0": add(store, 0, "ann", when(0), 90.0),
        "a1": add(store, 1, "ann", when(1), 70.0, resolution=("none", 0.0, 0)),
        "a2": add(store, 2, "ann", when(2, 23), 50.0, interruption=("interrupted", 30.0, 1)),
        "a3": add(store, 3, "ann", when(8)),  # not scored
        "b0": add(store, 4, "bob", when(1), 60.0, resolution=("vague", 50.0, 1)),
        "b1": add(store, 5, "bob", when(9), 80.0),
    }
    rows, total = store.calls.list()
    assert total == 6
    assert [r.id for r in rows] == [ids[k] for k in ("b1", "a3", "a2", "a1", "b0", "a0")]

    def got(**kw):
        rows, total = store.calls.list(**kw)
        assert total == len(rows)
        return {k for k, v in ids.items() if v in {r.id for r in rows}}

    assert got(agent="ann") == {"a0", "a1", "a2", "a3"}
    assert got(agent="ann", date_from=date(2026, 3, 3), date_to=date(2026, 3, 4)) == {"a1", "a2"}
    assert got(date_to="2026-03-04") == {"a0", "a1", "a2", "b0"}  # a date includes its whole day
    assert got(date_to=when(2, 22)) == {"a0", "a1", "b0"}
    assert got(min_score=60, max_score=80) == {"a1", "b0", "b1"}
    assert got(outcome="resolution:none") == {"a1"}
    assert got(outcome="interrupted") == {"a2"}
    assert got(outcome="pass") == {"a0", "a1", "b0", "b1"}
    assert got(agent="bob", outcome="vague") == {"b0"}

    page1, total = store.calls.list(limit=4)
    page2, total2 = store.calls.list(limit=4, offset=4)
    assert total == total2 == 6 and len(page1) == 4 and len(page2) == 2
    assert {r.id for r in page1} | {r.id for r in page2} == set(ids.values())
    with pytest.raises(InputError):
        store.calls.list(date_from="03/02/2026")
    with pytest.raises(InputError):
        store.calls.list(limit=0)

    agents = {a.id: a for a in store.calls.agents()}
    assert agents["ann"].n_calls == 4 and agents["ann"].n_scored == 3
    assert agents["ann"].mean_score == 70.0 and agents["bob"].mean_score == 70.0
    assert agents["bob"].last_call == when(9)


def test_scorecard_numbers(store):
    # ann, ISO week 10: 80 and 60; week 11: 90 and 30 (30 = the worst, with two findings);
    # plus one call outside the period and one not yet scored. bob: 50 and 70 in the period.
    a = [
        add(store, 0, "ann", when(0), 80.0),
        add(store, 1, "ann", when(2), 60.0, resolution=("vague", 50.0, 1)),
        add(store, 2, "ann", when(7), 90.0),
        add(
            store,
            3,
            "ann",
            when(8),
            30.0,
            interruption=("interrupted", 20.0, 2),
            resolution=("none", 0.0, 0),
        ),
    ]
    add(store, 4, "ann", when(30), 0.0)  # outside the period
    add(store, 5, "ann", when(3))  # in the period, not scored
    add(store, 6, "bob", when(1), 50.0)
    add(store, 7, "bob", when(9), 70.0, interruption=("uncertain", None, 0))

    card = store.scorecards.get(
        "ann", date_from="2026-03-02", date_to=date(2026, 3, 15), worst=2, team_rates=True
    )
    assert isinstance(card, Scorecard)
    assert card.period == ("2026-03-02", "2026-03-15")
    assert card.n_calls == 5 and card.n_scored == 4
    assert card.mean_score == 65.0
    assert card.trend == (("2026-W10", 70.0, 2), ("2026-W11", 60.0, 2))
    inter, res = card.per_rubric["interruption"], card.per_rubric["resolution"]
    assert inter.outcomes == {"interrupted": 1, "pass": 3}
    assert inter.pass_rate == 0.75 and inter.mean_score == 80.0 and inter.findings == 2
    assert res.outcomes == {"none": 1, "specific": 2, "vague": 1}
    assert res.pass_rate == 0.5 and res.mean_score == 62.5
    # Team: ann's four and bob's two; bob's uncertain interruption is in no pass rate.
    assert card.team_n_calls == 6 and card.team_mean == 63.33
    assert inter.team_pass_rate == round(4 / 5, 4) and res.team_pass_rate == round(4 / 6, 4)
    assert card.worst_calls == (a[3], a[1])
    worst = card.worst[0]
    assert worst.call_id == a[3] and worst.score == 30.0
    assert [(f["rubric"], f["kind"], f["start"]) for f in worst.findings] == [
        ("interruption", "interrupted_0", 1.0),
        ("interruption", "interrupted_1", 2.0),
    ]

    # Whole days come from the daily totals, other bounds from the calls: the same figures.
    exact = store.scorecards.get(
        "ann", date_from=when(0, 0), date_to=datetime(2026, 3, 15, 23, 59, 59, tzinfo=UTC)
    )
    assert (exact.team_n_calls, exact.team_mean, exact.mean_score) == (6, 63.33, 65.0)

    everything = store.scorecards.get("ann")
    assert everything.n_scored == 5 and everything.mean_score == 52.0
    assert everything.per_rubric["resolution"].team_pass_rate is None  # not asked for
    assert everything.worst_calls[0] == store.calls.list(agent="ann", max_score=0)[0][0].id
    store.calls.add_agent("cat", name="Cat")
    empty = store.scorecards.get("cat")
    assert (empty.n_calls, empty.mean_score, empty.per_rubric, empty.trend) == (0, None, {}, ())


def test_running_totals_match_the_calls(store):
    """The agents' and days' totals, kept incrementally, equal a recount from the calls."""
    cids = [add(store, i, ["ann", "bob"][i % 2], when(i % 5, 8 + i)) for i in range(8)]
    for i, cid in enumerate(cids[:6]):
        store.calls.save_score(cid, call_score(10.0 * i), labeller_version="l")
    store.calls.save_score(cids[0], call_score(55.0, version="r2"), labeller_version="l")  # re-scored
    store.calls.save_score(cids[1], call_score(None, version="r2"), labeller_version="l")  # no score
    store.calls.save_score(cids[1], call_score(None, version="r3"), labeller_version="l")
    store.calls.add_agent("cat")

    def exact():
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(
                    CallRow.agent_id,
                    func.count(),
                    func.count(CallRow.score_id),
                    func.avg(CallRow.score),
                    func.max(CallRow.call_time),
                ).group_by(CallRow.agent_id)
            ).all()
        return {a: (n, k, None if m is None else round(m, 2), t) for a, n, k, m, t in rows}

    def kept():
        return {
            a.id: (a.n_calls, a.n_scored, a.mean_score, a.last_call)
            for a in store.calls.agents()
            if a.n_calls
        }

    def teams():
        periods = [(None, None), ("2026-03-03", "2026-03-05"), (date(2026, 3, 6), None)]
        return [
            (c.team_n_calls, c.team_mean)
            for c in (store.scorecards.get("ann", date_from=f, date_to=t) for f, t in periods)
        ]

    assert kept() == exact()
    assert kept()["ann"] == (4, 3, round((55 + 20 + 40) / 3, 2), when(4, 12))
    assert [a.n_calls for a in store.calls.agents() if a.id == "cat"] == [0]
    assert store.calls.get_agent("bob").n_calls == 4
    with pytest.raises(NotFound):
        store.calls.get_agent("dog")
    team = teams()
    assert team[0] == (6, round((55 + 20 + 30 + 40 + 50) / 5, 2))
    with store.engine.begin() as conn:  # spoil the totals; a rebuild restores them
        conn.execute(update(Agent).values(n_calls=99, score_sum=-1.0))
        conn.execute(update(DailyStats).values(n_scored=0))
    store.calls.rebuild_stats()
    assert kept() == exact() and teams() == team


# --- nothing half-written ----------------------------------------------------------------------


def test_a_failed_insert_leaves_nothing_half_written(store, monkeypatch):
    cid = add(store, 1, total=70.0)
    before = store.calls.get(cid)

    real_rows = scores_mod.rubric_rows

    def broken_rows(score_id, call_id, score):
        rows = real_rows(score_id, call_id, score)
        rows[-1].outcome = None  # NOT NULL: the insert fails after the score row went in
        return rows

    monkeypatch.setattr(scores_mod, "rubric_rows", broken_rows)
    with pytest.raises(Exception, match="(?i)null|constraint"):
        store.calls.save_score(cid, call_score(10.0, version="r9"), labeller_version="x")
    monkeypatch.undo()
    after = store.calls.get(cid)
    assert after.score == before.score and after.history == before.history
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ScoreRow)) == 1
        assert conn.scalar(select(func.count()).select_from(RubricResultRow)) == 2

    # A call whose insert fails takes its new agent with it.
    sha, _ = store.files.put(audio(2))
    monkeypatch.setattr(calls_mod, "iso_week", lambda t, zone=None: None)
    with pytest.raises(Exception, match="(?i)null|constraint"):
        store.calls.add(sha, agent_id="newbie")
    monkeypatch.undo()
    assert "newbie" not in {a.id for a in store.calls.agents()}
    assert store.calls.for_recording(sha) is None

    # A recording whose row fails to insert: no row; the complete file is adopted next time.
    def break_row(mapper, connection, target):
        target.size = None  # NOT NULL

    event.listen(Recording, "before_insert", break_row)
    try:
        with pytest.raises(Exception, match="(?i)null|constraint"):
            store.files.put(audio(3), filename="c.wav")
    finally:
        event.remove(Recording, "before_insert", break_row)
    sha3 = hashlib.sha256(audio(3)).hexdigest()
    with pytest.raises(NotFound):
        store.files.get(sha3)
    assert store.files.put(audio(3), filename="c.flac") == (sha3, True)
    assert store.files.path(sha3).suffix == ".wav"  # the earlier complete file, adopted
    assert len([p for p in files_under(store.files.audio_dir) if p.name.startswith(sha3)]) == 1
    assert files_under(store.files.audio_dir / "tmp") == []


def test_concurrent_uploads_of_the_same_audio_make_one_call(db_url, tmp_path):
    stores = [Store.open(db_url, data_dir=tmp_path / "data") for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    out: list[tuple[str, bool, str]] = []

    def upload(s):
        barrier.wait()
        sha, created = s.files.put(audio(7), filename="same.wav")
        out.append((sha, created, s.calls.add(sha, agent_id="ann")))

    threads = [threading.Thread(target=upload, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len(out) == 4 and len({(sha, cid) for sha, _, cid in out}) == 1
        assert sum(created for _, created, _ in out) == 1
        assert stores[0].calls.list()[1] == 1
    finally:
        for s in stores:
            s.close()


def test_racing_uploads_of_the_same_bytes_never_move_good_audio_aside(tmp_path):
    # Regression: an upload that found no file could see another's link appear between two
    # checks and move those good bytes aside as "corrupt" (a third then failed reading them).
    store = Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data")
    try:
        for n in range(25):
            barrier = threading.Barrier(6)
            errors: list[BaseException] = []

            def upload(n=n, barrier=barrier, errors=errors):
                barrier.wait()
                try:
                    store.files.put(audio(1000 + n), filename="race.wav")
                except BaseException as e:  # noqa: BLE001 - collected and asserted below
                    errors.append(e)

            threads = [threading.Thread(target=upload) for _ in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert errors == []
        names = [p.name for p in files_under(store.files.audio_dir)]
        assert not [n for n in names if "corrupt" in n]
        assert len([n for n in names if n.endswith(".wav")]) == 25
    finally:
        store.close()


# --- jobs ----------------------------------------------------------------------------------------


def test_job_lifecycle_and_claim_order(store):
    cid = add(store, 1)
    j1 = store.jobs.create(kind="score", call_id=cid, payload={"path": "x.wav"})
    j2 = store.jobs.create(kind="export")
    job = store.jobs.get(j1)
    assert (job.status, job.progress, job.attempts, job.payload) == (
        "queued",
        0.0,
        0,
        {"path": "x.wav"},
    )
    claimed = store.jobs.claim_next(kinds=["score"], worker="w1")
    assert claimed.id == j1 and claimed.status == "running" and claimed.attempts == 1
    assert claimed.worker == "w1"
    assert store.jobs.claim_next(kinds=["score"]) is None
    store.jobs.update(j1, progress=0.5)
    assert store.jobs.get(j1).progress == 0.5
    done = store.jobs.update(j1, status="done")
    assert done.status == "done" and done.progress == 1.0
    assert store.jobs.claim_next().id == j2
    store.jobs.update(j2, status="failed", error="disk full")
    assert store.jobs.get(j2).error == "disk full"
    assert [j.id for j in store.jobs.list(status="failed")] == [j2]
    with pytest.raises(InputError):
        store.jobs.update(j1, status="exploded")
    with pytest.raises(InputError):
        store.jobs.update(j1, progress=1.5)


def test_job_claim_is_exclusive(db_url, tmp_path):
    """Workers on separate connections racing for jobs: each job is claimed exactly once."""
    stores = [Store.open(db_url, data_dir=tmp_path / "data") for _ in range(4)]
    jobs = [stores[0].jobs.create(kind="score") for _ in range(12)]
    barrier = threading.Barrier(len(stores))
    claimed: list[str] = []
    errors: list[BaseException] = []

    def work(s, name):
        try:
            barrier.wait()
            while (j := s.jobs.claim_next(worker=name)) is not None:
                claimed.append(j.id)
        except BaseException as exc:  # surface thread failures in the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, f"w{i}")) for i, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert sorted(claimed) == sorted(jobs)  # every job once, none twice
        # Two claims for one job: one gets it.
        last = stores[0].jobs.create(kind="score")
        assert stores[1].jobs.claim_next().id == last
        assert stores[2].jobs.claim_next() is None
    finally:
        for s in stores:
            s.close()


def test_a_job_left_running_by_a_dead_worker_is_reclaimed(store):
    jid = store.jobs.create(kind="score")
    assert store.jobs.claim_next(worker="dead", stale_after=60).id == jid
    assert store.jobs.claim_next(stale_after=60) is None  # still fresh: not reclaimable

    def age(seconds):
        with store.engine.begin() as conn:
            conn.execute(update(Job).values(updated=datetime.now(UTC) - timedelta(seconds=seconds)))

    age(120)
    again = store.jobs.claim_next(worker="alive", stale_after=60, max_attempts=2)
    assert again.id == jid and again.attempts == 2 and again.worker == "alive"
    age(120)
    assert store.jobs.claim_next(stale_after=60, max_attempts=2) is None
    gone = store.jobs.get(jid)
    assert gone.status == "failed" and "abandoned" in gone.error


# --- API keys ------------------------------------------------------------------------------------


def test_api_keys_roles_and_revocation(store):
    keys = {
        role: store.keys.create(role, label=f"{role} key")
        for role in ("qa_lead", "supervisor", "admin")
    }
    assert len(set(keys.values())) == 3
    for role, key in keys.items():
        assert store.keys.check(key) == role
    assert store.keys.check("qa_wrong") is None
    assert store.keys.check("") is None
    listed = store.keys.list()
    assert [k.role for k in listed] == ["qa_lead", "supervisor", "admin"]
    store.keys.revoke(listed[1].id)
    assert store.keys.check(keys["supervisor"]) is None
    with pytest.raises(Conflict, match="last admin key"):  # no one could manage keys after it
        store.keys.revoke(keys["admin"])
    assert store.keys.check(keys["admin"]) == "admin"
    store.keys.create("admin", label="second admin")
    store.keys.revoke(keys["admin"])  # by the key itself
    assert store.keys.check(keys["admin"]) is None
    assert store.keys.check(keys["qa_lead"]) == "qa_lead"
    assert [k.revoked is not None for k in store.keys.list()] == [False, True, True, False]
    with pytest.raises(InputError, match="role"):
        store.keys.create("root")
    with store.engine.connect() as conn:
        stored = " ".join(
            str(v) for row in conn.execute(text("SELECT * FROM api_keys")) for v in row
        )
    assert not any(key in stored for key in keys.values())  # only hashes are kept


def test_racing_workers_leave_one_score_per_call_and_version(store, db_url, tmp_path):
    """Two batch runs (or server workers) scoring the same call at once: save_score_once lets
    exactly one of them write a score with a given rubric and labeller version."""
    cids = [add(store, 300 + i) for i in range(8)]
    stores = [Store.open(db_url, data_dir=tmp_path / "data") for _ in range(6)]
    try:
        for cid in cids:
            barrier = threading.Barrier(len(stores))
            got: list[int | None] = []

            def race(st, cid=cid, barrier=barrier, got=got):
                barrier.wait()
                got.append(st.calls.save_score_once(cid, call_score(70.0), labeller_version="lab1"))

            threads = [threading.Thread(target=race, args=(st,)) for st in stores]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sum(g is not None for g in got) == 1, got
            assert len(store.calls.get(cid).history) == 1
    finally:
        for st in stores:
            st.close()
    assert store.calls.get_agent("ann").n_scored == len(cids)
    # Another version is a new score, kept in the history; the same one again is not.
    assert store.calls.save_score_once(cids[0], call_score(80.0, version="r2"), labeller_version="lab1")
    assert store.calls.save_score_once(cids[0], call_score(80.0, version="r2"), labeller_version="lab1") is None
    assert len(store.calls.get(cids[0]).history) == 2


def test_a_key_revoked_elsewhere_stops_working_within_the_cache_time(store, db_url, tmp_path):
    key = store.keys.create("supervisor")
    store.keys.cache_s = 0.5
    assert store.keys.cached_role(key) is None  # never checked yet: the cache does not know it
    assert store.keys.check(key) == "supervisor"
    assert store.keys.cached_role(key) == "supervisor"
    other = Store.open(db_url, data_dir=tmp_path / "data")  # e.g. `qa keys revoke`
    try:
        other.keys.revoke(key)
    finally:
        other.close()
    assert store.keys.cached_role(key) == "supervisor"  # remembered for a moment...
    time.sleep(0.6)
    assert store.keys.cached_role(key) is None  # ...then asked again, and refused
    assert store.keys.check(key) is None
    # Revoked through this store: at once, cache or not; with the cache off, nothing is kept.
    k2 = store.keys.create("qa_lead")
    assert store.keys.check(k2) == "qa_lead"
    store.keys.revoke(k2)
    assert store.keys.cached_role(k2) is None and store.keys.check(k2) is None
    store.keys.cache_s = 0
    k3 = store.keys.create("admin")
    assert store.keys.check(k3) == "admin" and store.keys.cached_role(k3) is None


def test_row_times_are_utc_aware(store):
    cid = add(store, 1, t=datetime(2026, 3, 2, 12, 0, tzinfo=UTC).astimezone(tz=None), total=50.0)
    got = store.calls.get(cid)
    assert got.call_time == datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    assert got.call_time.tzinfo is not None and got.created.tzinfo is not None
    with store.engine.connect() as conn:
        assert conn.scalar(select(CallRow.week).where(CallRow.id == cid)) == "2026-W10"
    assert os.path.isabs(got.recording.path)


# --- findings for review and the transcript quality flag ------------------------------------------


def reviewed_score(total, *, review=0, confirmed=0, flagged=None, version="r1"):
    """A score whose arguing result has ``confirmed`` and ``review`` findings; ``flagged`` sets
    the quality record (None: a score without one, as stored before quality existed)."""
    findings = tuple(
        Finding("arguing", "arguing", Span(1.0 + i, 2.0 + i), ("u001",), f"said {i}", 0.9, 1.0, "confirmed")
        for i in range(confirmed)
    ) + tuple(
        Finding("arguing", "arguing", Span(5.0 + i, 6.0 + i), ("u002",), f"maybe {i}", 0.6, 1.0, "review")
        for i in range(review)
    )
    arguing = RubricResult("arguing", "t1", "arguing" if confirmed else "pass", 100.0 - 30 * confirmed, findings)
    quality = None
    if flagged is not None:
        reasons = ("the customer's words cover 20% of the customer's detected speech (threshold 50%)",) if flagged else ()
        quality = CallQuality(needs_review=flagged, reasons=reasons, metrics={"word_coverage_min": 0.2})
    return CallScore("ignored", total, (arguing,), rubric_version=version, quality=quality)


def test_review_findings_and_quality_are_stored_filtered_and_counted(store):
    def put(n, t, score):
        sha, _ = store.files.put(audio(n), filename=f"c{n}.wav")
        cid = store.calls.add(sha, agent_id="ann", call_time=when(t))
        store.calls.save_score(cid, score, labeller_version="lab1")
        return cid

    good = put(0, 0, reviewed_score(100.0, flagged=False))
    review = put(1, 1, reviewed_score(100.0, review=2, flagged=False))
    flagged = put(2, 2, reviewed_score(40.0, confirmed=2, review=1, flagged=True))
    old = put(3, 3, reviewed_score(70.0, confirmed=1))  # no quality record
    sha, _ = store.files.put(audio(4), filename="c4.wav")
    unscored = store.calls.add(sha, agent_id="ann", call_time=when(4))

    got = store.calls.get(flagged)
    assert got.needs_review is True and got.score.needs_review is True
    assert got.score.quality["reasons"][0].startswith("the customer's words cover 20%")
    statuses = [f["status"] for f in got.score.results[0]["findings"]]
    assert statuses == ["confirmed", "confirmed", "review"]
    assert store.calls.get(old).score.quality is None and store.calls.get(old).needs_review is None

    def ids(**kw):
        rows, total = store.calls.list(**kw)
        assert total == len(rows)
        return {r.id for r in rows}

    assert ids(needs_review=True) == {flagged}
    assert ids(needs_review=False) == {good, review, old, unscored}
    assert ids(findings="review") == {review, flagged}
    assert ids(findings="review", needs_review=False) == {review}
    assert next(r for r in store.calls.list()[0] if r.id == flagged).needs_review is True
    with pytest.raises(InputError):
        store.calls.list(findings="confirmed")

    card = store.scorecards.get("ann")
    assert card.n_flagged == 1 and card.exclude_flagged is False
    assert card.n_scored == 4 and card.mean_score == 77.5
    arg = card.per_rubric["arguing"]
    assert (arg.findings, arg.confirmed_findings, arg.review_findings) == (6, 3, 3)
    assert arg.pass_rate == 0.5
    worst = card.worst[0]
    assert worst.call_id == flagged and [f["status"] for f in worst.findings] == ["confirmed", "confirmed", "review"]

    clean = store.scorecards.get("ann", exclude_flagged=True)
    assert clean.n_flagged == 1 and clean.exclude_flagged is True
    assert clean.n_calls == 4 and clean.n_scored == 3 and clean.mean_score == 90.0
    assert clean.team_n_calls == 3 and clean.team_mean == 90.0
    assert clean.per_rubric["arguing"].pass_rate == round(2 / 3, 4)
    assert flagged not in clean.worst_calls

    # A new score without the flag clears it; the call's current score decides.
    store.calls.save_score(flagged, reviewed_score(40.0, confirmed=2, flagged=False, version="r2"), labeller_version="lab1")
    assert ids(needs_review=True) == set() and store.scorecards.get("ann").n_flagged == 0


# --- records and the pass-rate query -------------------------------------------------------------


def test_pass_counts_by_agent_agree_with_the_scorecards(store):
    """The agents page's pass counts and the scorecards' pass rates come from one query: per
    agent and item they count the same results, and the team rate is their sum."""
    add(store, 0, "ann", when(0), 80.0)
    add(store, 1, "ann", when(1), 40.0, interruption=("interrupted", 20.0, 2), resolution=("none", 0.0, 0))
    add(store, 2, "bob", when(2), 70.0, interruption=("uncertain", None, 0), resolution=("vague", 50.0, 1))
    add(store, 3, "bob", when(3))  # not scored: in no count
    store.calls.add_agent("cat")  # no calls at all
    counts = store.scorecards.pass_counts_by_agent()
    assert counts == {
        "ann": {"interruption": (1, 2), "resolution": (1, 2)},
        "bob": {"interruption": (0, 0), "resolution": (0, 1)},
    }
    for agent, items in counts.items():
        card = store.scorecards.get(agent, team_rates=True)
        assert {k: (v.passed, v.counted) for k, v in card.per_rubric.items()} == items
        for item, st in card.per_rubric.items():
            passed = sum(c[item][0] for c in counts.values())
            counted = sum(c[item][1] for c in counts.values())
            assert st.team_pass_rate == round(passed / counted, 4)


def test_records_are_frozen_and_serialise_in_the_api_order(store):
    cid = add(store, 1, total=55.0)
    got = store.calls.get(cid)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.agent_id = "bob"  # type: ignore[misc]
    d = got.to_dict()
    # The current score's record sits where the call's score column is; the rest follow.
    assert list(d) == [
        "id", "agent_id", "recording_sha256", "call_time", "queue", "customer_ref",
        "language_hint", "channel_layout", "duration", "language", "source", "created", "tz_offset",
        "score", "rubric_version", "scored_at", "needs_review", "review_score", "reviewed_at", "meta",
        "recording", "transcript", "history", "edits",
    ]  # fmt: skip
    assert d["score"]["score"] == 55.0 and isinstance(d["score"]["results"], list)
    assert d["history"] == [h.to_dict() for h in got.history] and isinstance(d["history"], list)
    assert d["score"]["capped_by"] == [] and d["transcript"] is None
    row = store.calls.list()[0][0].to_dict()
    assert list(row) == [k for k in d if k not in ("meta", "recording", "transcript", "history", "edits")]
    assert row["score"] == 55.0 and row["call_time"] == when(0)
