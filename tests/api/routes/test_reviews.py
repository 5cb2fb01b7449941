"""Reviews and disputes through HTTP: who may do what, what is stored, the audit log."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from qa.types import CallScore, Finding, RubricResult, Span
from tests.api.conftest import h


def seed(store) -> str:
    sha, _ = store.files.put(b"RIFF" + hashlib.sha256(b"r").digest() * 8, filename="r.wav")
    cid = store.calls.add(sha, agent_id="ann", call_time=datetime(2026, 3, 2, 10, tzinfo=UTC))
    arguing = Finding("arguing", "arguing", Span(3.0, 4.0), ("u001",), "agent: no", 0.9)
    score = CallScore(
        "x",
        50.0,
        (
            RubricResult("arguing", "1", "arguing", 70.0, (arguing,), options={"penalty": 30.0}),
            RubricResult("resolution", "1", "none", 0.0),
            RubricResult("last_word", "1", "pass", 100.0),
            RubricResult("interruption", "1", "pass", 100.0),
            RubricResult("empathy_before_apology", "1", "pass", 100.0),
        ),
        rubric_version="r1",
    )
    store.calls.save_score(cid, score, labeller_version="lab")
    return cid


def test_a_supervisor_cannot_review_but_can_dispute(api):
    client, store, keys = api
    cid = seed(store)
    body = {"actions": [{"rubric": "resolution", "action": "set_outcome", "outcome": "specific"}]}
    r = client.post(f"/v1/calls/{cid}/reviews", json=body, headers=h(keys["supervisor"]))
    assert r.status_code == 403 and r.json()["error"] == "forbidden"
    assert store.reviews.for_call(cid) == [] and store.calls.get(cid).review_score is None

    r = client.post(
        f"/v1/calls/{cid}/disputes",
        json={"rubric": "arguing", "finding": 0, "comment": "the customer started it"},
        headers=h(keys["supervisor"]),
    )
    assert r.status_code == 201, r.text
    dispute = r.json()
    assert dispute["role"] == "supervisor" and dispute["resolved_at"] is None
    assert dispute["finding"] == 0 and dispute["agent_id"] == "ann"
    sup_id = store.keys.identify(keys["supervisor"]).id
    assert dispute["key_id"] == sup_id

    # Supervisors read reviews and disputes.
    r = client.get(f"/v1/calls/{cid}/reviews", headers=h(keys["supervisor"]))
    assert r.status_code == 200 and [d["id"] for d in r.json()["disputes"]] == [dispute["id"]]
    r = client.get(f"/v1/calls/{cid}/disputes", headers=h(keys["supervisor"]))
    assert [d["comment"] for d in r.json()] == ["the customer started it"]
    opened = store.audit.list(action="dispute.open")
    assert len(opened) == 1 and opened[0].key_id == sup_id and opened[0].role == "supervisor"


def test_a_qa_lead_reviews_and_resolves_a_dispute(api):
    client, store, keys = api
    cid = seed(store)
    d = client.post(
        f"/v1/calls/{cid}/disputes", json={"comment": "whole call"}, headers=h(keys["admin"])
    ).json()
    body = {
        "actions": [
            {"rubric": "resolution", "action": "set_outcome", "outcome": "specific"},
            {"rubric": "arguing", "action": "finding_wrong", "finding": 0, "resolves": d["id"]},
            {
                "rubric": "last_word",
                "action": "finding_added",
                "start": 10.0,
                "end": 11.2,
                "utterance_ids": ["u005"],
                "quote": "read the instructions",
                "comment": "missed",
            },
        ]
    }
    r = client.post(f"/v1/calls/{cid}/reviews", json=body, headers=h(keys["qa_lead"]))
    assert r.status_code == 201, r.text
    got = r.json()
    assert got["score"] == 50.0 and got["resolved"] == [d["id"]]
    # Default rubric weights (arguing 1.5, resolution 1.5, the rest 1): arguing 100,
    # resolution 100, last word 65 (one remark, penalty 35), 100, 100.
    assert got["review_score"] == round((1.5 * 100 + 1.5 * 100 + 65 + 100 + 100) / 6, 2)
    assert [x["role"] for x in got["reviews"]] == ["qa_lead"] * 3
    assert got["reviews"][2]["added"]["quote"] == "read the instructions"

    call = client.get(f"/v1/calls/{cid}", headers=h(keys["supervisor"])).json()
    assert call["score"]["score"] == 50.0 and call["review_score"] == got["review_score"]
    assert call["reviewed_at"] is not None
    listed = client.get("/v1/calls", headers=h(keys["supervisor"])).json()["items"][0]
    assert listed["score"] == 50.0 and listed["review_score"] == got["review_score"]

    hist = client.get(f"/v1/calls/{cid}/reviews", headers=h(keys["qa_lead"])).json()
    assert hist["verdicts"]["resolution"]["outcome"] == "specific"
    assert hist["verdicts"]["arguing"]["wrong"] == [0]
    assert hist["disputes"][0]["resolved_at"] is not None
    assert [e.action for e in store.audit.list(target_id=cid)] == [
        "review.add",
        "dispute.resolve",
        "dispute.open",
    ]
    card = client.get("/v1/agents/ann/scorecard", headers=h(keys["supervisor"])).json()
    assert card["mean_score"] == got["review_score"]
    assert card["per_rubric"]["resolution"]["outcomes"] == {"specific": 1}
    csv = client.get(
        "/v1/agents/ann/scorecard?format=csv&part=worst", headers=h(keys["supervisor"])
    ).text
    assert csv.splitlines()[0].endswith(",review_score")
    assert csv.splitlines()[1].endswith(f",{got['review_score']}")


def test_bad_reviews_are_422_and_unknown_calls_404(api):
    client, store, keys = api
    cid = seed(store)
    bad = [
        {"rubric": "resolution", "action": "set_outcome", "outcome": "great"},
        {"rubric": "arguing", "action": "finding_wrong", "finding": 3},
        {"rubric": "arguing", "action": "dance"},
        {"rubric": "arguing", "action": "finding_added", "start": 5, "end": 2},
    ]
    for action in bad:
        r = client.post(
            f"/v1/calls/{cid}/reviews", json={"actions": [action]}, headers=h(keys["admin"])
        )
        assert r.status_code == 422, (action, r.text)
    r = client.post(f"/v1/calls/{cid}/reviews", json={"actions": []}, headers=h(keys["admin"]))
    assert r.status_code == 422
    r = client.post(
        "/v1/calls/nope/reviews",
        json={"actions": [{"rubric": "arguing", "action": "confirm"}]},
        headers=h(keys["admin"]),
    )
    assert r.status_code == 404
    r = client.post(f"/v1/calls/{cid}/disputes", json={"comment": ""}, headers=h(keys["admin"]))
    assert r.status_code == 422
    assert client.post(f"/v1/calls/{cid}/reviews", json={"actions": []}).status_code == 401
    assert store.reviews.for_call(cid) == [] and store.audit.list(target_kind="call") == []
