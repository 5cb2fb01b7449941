"""Reviews and disputes (``store.reviews``) on SQLite and PostgreSQL: history, verdicts, the
reviewed score on the call, the totals and the scorecard, re-scoring, disputes, the audit log."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from qa.config import ItemConfig, RubricConfig
from qa.errors import InputError
from qa.review.model import HumanFinding, ReviewAction
from qa.store import NotFound
from qa.store.engine import utc_now
from qa.store.schema import Agent
from qa.types import CallScore, Finding, RubricResult, Span

CONFIG = RubricConfig(
    version="t",
    items={
        "arguing": ItemConfig(weight=1.0),
        "resolution": ItemConfig(weight=1.0),
    },
)
WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)


def finding(rubric, kind, start, status="confirmed", weight=1.0):
    return Finding(
        rubric, kind, Span(start, start + 1.0), ("u001",), f"said at {start}", 0.9, weight, status
    )


def machine_score(*, arguing_findings=1):
    """arguing: `arguing_findings` confirmed remarks (penalty 30 each) and one for review;
    resolution: vague (50). Call score: the mean of the two."""
    found = tuple(finding("arguing", "arguing", 1.0 + i) for i in range(arguing_findings))
    found += (finding("arguing", "arguing", 20.0, status="review"),)
    arguing = 100.0 - 30.0 * arguing_findings
    results = (
        RubricResult(
            "arguing",
            "1",
            "arguing" if arguing_findings else "pass",
            arguing,
            found,
            options={"penalty": 30.0},
        ),
        RubricResult(
            "resolution",
            "1",
            "vague",
            50.0,
            (finding("resolution", "vague_offer", 30.0),),
            options={"score_specific": 100.0, "score_vague": 50.0, "score_none": 0.0},
        ),
    )
    return CallScore("x", round((arguing + 50.0) / 2, 2), results, rubric_version="r1")


def add_call(store, n=1, agent="ann"):
    data = b"RIFF" + hashlib.sha256(str(n).encode()).digest() * 8
    sha, _ = store.files.put(data, filename=f"c{n}.wav")
    cid = store.calls.add(sha, agent_id=agent, call_time=WHEN + timedelta(minutes=n))
    store.calls.save_score(cid, machine_score(), labeller_version="lab")
    return cid


def test_a_review_keeps_the_machine_result_and_changes_the_effective_score(store):
    cid = add_call(store)
    other = add_call(store, 2)
    assert store.calls.get(cid).score.score == 60.0  # (70 + 50) / 2
    assert store.calls.get_agent("ann").mean_score == 60.0
    before = store.scorecards.get("ann")
    assert before.per_rubric["resolution"].outcomes == {"vague": 2}

    done = store.reviews.add(
        cid,
        [
            ReviewAction("resolution", "set_outcome", outcome="specific", comment="booked it"),
            ReviewAction("arguing", "finding_wrong", finding=0),
            ReviewAction(
                "arguing",
                "finding_added",
                added=HumanFinding(40.0, 41.5, ("u007",), "that's your problem"),
            ),
            ReviewAction(None, "comment", comment="good call overall"),
        ],
        key_id=7,
        role="qa_lead",
        config=CONFIG,
    )
    # arguing: the confirmed remark was wrong, one was missed: still 70; resolution: 100.
    assert done.score == 60.0 and done.review_score == 85.0
    assert [r.action for r in done.reviews] == [
        "set_outcome",
        "finding_wrong",
        "finding_added",
        "comment",
    ]
    assert done.reviews[2].added == {
        "start": 40.0,
        "end": 41.5,
        "utterance_ids": ["u007"],
        "quote": "that's your problem",
        "kind": "missed",
    }

    detail = store.calls.get(cid)
    assert detail.score.score == 60.0  # the machine's, untouched
    assert detail.score.results[1]["outcome"] == "vague"
    assert detail.review_score == 85.0 and detail.reviewed_at is not None
    rows, _ = store.calls.list(min_score=80)
    assert [r.id for r in rows] == [cid] and rows[0].score == 60.0
    assert [r.id for r in store.calls.list(reviewed=False)[0]] == [other]

    # The totals and the scorecard use the reviewed score and outcomes.
    assert store.calls.get_agent("ann").mean_score == 72.5
    card = store.scorecards.get("ann")
    assert card.mean_score == 72.5
    assert card.per_rubric["resolution"].outcomes == {"specific": 1, "vague": 1}
    assert card.per_rubric["resolution"].pass_rate == 0.5
    assert card.worst[-1].call_id == cid and card.worst[-1].review_score == 85.0
    assert card.team_mean == 72.5
    store.calls.rebuild_stats()  # recomputing from the calls agrees with the running totals
    assert store.calls.get_agent("ann").mean_score == 72.5
    assert store.scorecards.get("ann").team_mean == 72.5

    verdicts = store.reviews.verdicts(cid)
    assert set(verdicts) == {"arguing", "resolution"}
    assert verdicts["resolution"].outcome == "specific"
    assert verdicts["arguing"].outcome is None and verdicts["arguing"].wrong == (0,)
    assert verdicts["arguing"].added[0].quote == "that's your problem"

    history = store.reviews.for_call(cid)
    assert [r.action for r in history][0] == "comment"  # newest first
    assert {r.key_id for r in history} == {7} and {r.role for r in history} == {"qa_lead"}

    audit = store.audit.list(action="review.add")
    assert len(audit) == 1 and audit[0].target_id == cid and audit[0].key_id == 7
    assert audit[0].detail["review_score"] == 85.0

    # A later review wins item by item: the remark was right after all, arguing is 40 now.
    later = store.reviews.add(
        cid,
        [ReviewAction("arguing", "finding_right", finding=0), ReviewAction("arguing", "confirm")],
        key_id=8,
        role="admin",
        config=CONFIG,
    )
    assert later.review_score == 70.0  # arguing: confirmed "arguing", 2 remarks: 40; resolution 100
    v = store.reviews.verdicts(cid)["arguing"]
    assert v.outcome == "arguing" and v.right == (0,) and v.wrong == ()
    assert store.calls.get_agent("ann").mean_score == 65.0


def test_passing_and_uncertain_outcomes_and_machine_pass_with_added_findings(store):
    cid = add_call(store)
    r = store.reviews.add(
        cid, [ReviewAction("arguing", "set_outcome", outcome="pass")], config=CONFIG
    )
    assert r.review_score == 75.0  # arguing: pass = 100
    r = store.reviews.add(
        cid,
        [
            ReviewAction("arguing", "finding_wrong", finding=0),
            ReviewAction("arguing", "finding_right", finding=1),
        ],
        config=CONFIG,
    )
    assert r.review_score == 75.0  # the human outcome still says pass


def test_findings_alone_decide_a_penalty_items_outcome(store):
    cid = add_call(store)
    r = store.reviews.add(cid, [ReviewAction("arguing", "finding_wrong", finding=0)], config=CONFIG)
    assert r.review_score == 75.0
    card = store.scorecards.get("ann")
    assert card.per_rubric["arguing"].outcomes == {"pass": 1}


def test_comment_only_review_marks_the_call_reviewed_without_changing_its_score(store):
    cid = add_call(store)
    r = store.reviews.add(cid, [ReviewAction(None, "comment", comment="listened")], config=CONFIG)
    assert r.review_score == 60.0
    assert store.reviews.verdicts(cid) == {}
    assert store.calls.get(cid).reviewed_at is not None
    assert store.calls.get_agent("ann").mean_score == 60.0


@pytest.mark.parametrize(
    "action, message",
    [
        (ReviewAction("resolution", "set_outcome", outcome="brilliant"), "not one of"),
        (ReviewAction("nope", "confirm"), "not an item"),
        (ReviewAction("arguing", "finding_wrong", finding=5), "no finding 5"),
        (ReviewAction("arguing", "finding_wrong"), "by its index"),
        (ReviewAction("arguing", "sing"), "unknown review action"),
        (ReviewAction("arguing", "finding_added"), "start and end"),
        (ReviewAction("arguing", "finding_added", added=HumanFinding(5.0, 4.0)), "start < end"),
        (ReviewAction("arguing", "confirm", resolves=999), "no dispute 999"),
    ],
)
def test_bad_actions_write_nothing(store, action, message):
    cid = add_call(store)
    with pytest.raises(InputError, match=message):
        store.reviews.add(
            cid, [ReviewAction("arguing", "confirm"), action], key_id=1, config=CONFIG
        )
    assert store.reviews.for_call(cid) == []
    assert store.calls.get(cid).reviewed_at is None
    assert store.audit.list() == []


def test_unknown_and_unscored_calls(store):
    with pytest.raises(NotFound):
        store.reviews.add("nope", [ReviewAction("arguing", "confirm")], config=CONFIG)
    sha, _ = store.files.put(b"RIFFxx" * 20, filename="u.wav")
    cid = store.calls.add(sha, agent_id="ann")
    with pytest.raises(InputError, match="no score"):
        store.reviews.add(cid, [ReviewAction("arguing", "confirm")], config=CONFIG)
    assert store.reviews.verdicts(cid) == {}


def test_rescoring_clears_the_reviewed_score_and_keeps_the_history(store):
    cid = add_call(store)
    store.reviews.add(
        cid, [ReviewAction("resolution", "set_outcome", outcome="none")], config=CONFIG
    )
    assert store.calls.get(cid).review_score == 35.0
    assert store.calls.get_agent("ann").mean_score == 35.0
    store.calls.save_score(cid, machine_score(arguing_findings=0), labeller_version="lab2")
    c = store.calls.get(cid)
    assert c.review_score is None and c.reviewed_at is None and c.score.score == 75.0
    assert store.calls.get_agent("ann").mean_score == 75.0
    assert store.reviews.verdicts(cid) == {}
    assert len(store.reviews.for_call(cid)) == 1
    assert store.reviews.reviewed_calls() == []


def test_reviewed_calls_for_calibration(store):
    a = add_call(store, 1, agent="ann")
    b = add_call(store, 2, agent="bob")
    add_call(store, 3, agent="ann")  # never reviewed
    with store.engine.begin() as conn:
        conn.execute(Agent.__table__.insert().values(id="cat", name="cat"))
    store.reviews.add(a, [ReviewAction("resolution", "confirm")], config=CONFIG)
    store.reviews.add(b, [ReviewAction("arguing", "finding_wrong", finding=0)], config=CONFIG)
    got = store.reviews.reviewed_calls()
    assert [c.call_id for c in got] == [a, b]
    assert got[0].verdicts["resolution"].outcome == "vague"
    assert got[0].machine[0]["rubric"] == "arguing" and got[0].machine[0]["findings"]
    assert got[1].verdicts["arguing"].wrong == (0,) and got[1].sampled is False
    today = utc_now().date()
    assert len(store.reviews.reviewed_calls(today, today)) == 2
    assert store.reviews.reviewed_calls(today + timedelta(days=1)) == []
    assert store.reviews.reviewed_calls(language="en") == []
    assert store.reviews.reviewed_calls(teams=["t1"]) == []


def test_disputes_open_list_and_resolve_by_a_review(store):
    cid = add_call(store)
    with pytest.raises(InputError, match="comment"):
        store.reviews.open_dispute(cid, comment="  ")
    with pytest.raises(InputError, match="no finding"):
        store.reviews.open_dispute(cid, rubric="arguing", finding=9, comment="x")
    whole = store.reviews.open_dispute(
        cid, comment="the agent was fine", key_id=3, role="supervisor"
    )
    one = store.reviews.open_dispute(
        cid, rubric="arguing", finding=0, comment="not arguing", key_id=3, role="supervisor"
    )
    assert whole.rubric is None and one.finding == 0 and one.agent_id == "ann"
    assert [d.id for d in store.reviews.open_disputes()] == [whole.id, one.id]
    assert store.reviews.open_disputes(agent="bob") == []
    r = store.reviews.add(
        cid,
        [ReviewAction("arguing", "finding_wrong", finding=0, resolves=one.id, comment="agreed")],
        key_id=7,
        role="qa_lead",
        config=CONFIG,
    )
    assert r.resolved == (one.id,)
    assert [d.id for d in store.reviews.open_disputes()] == [whole.id]
    closed = {d.id: d for d in store.reviews.disputes(cid)}[one.id]
    assert closed.resolved_at is not None and closed.resolved_by == 7
    assert closed.resolved_review == r.reviews[0].id
    with pytest.raises(InputError, match="already resolved"):
        store.reviews.add(cid, [ReviewAction("arguing", "confirm", resolves=one.id)], config=CONFIG)
    actions = [e.action for e in store.audit.list(target_id=cid)]
    assert actions == ["review.add", "dispute.resolve", "dispute.open", "dispute.open"]
