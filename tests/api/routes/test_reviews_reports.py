"""``GET /v1/review-queue`` and ``GET /v1/agreement`` (JSON and CSV) through HTTP, on SQLite and
PostgreSQL: roles, the queue's reasons, figures worked out by hand, team scope."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from qa.review.model import HumanFinding, ReviewAction
from qa.review.sample import in_sample
from qa.store.schema import Agent, ApiKeyTeam, Team
from qa.types import CallScore, Finding, RubricResult, Span
from tests.api.conftest import h

WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)


def machine(arguing: tuple[float, ...] = (), review: tuple[float, ...] = ()) -> CallScore:
    found = tuple(
        Finding(
            "arguing", "arguing", Span(2.0 * i, 2.0 * i + 1), ("u001",), "…", c, 1.0, "confirmed"
        )
        for i, c in enumerate(arguing)
    ) + tuple(
        Finding("arguing", "arguing", Span(50.0 + i, 50.5 + i), ("u002",), "…", c, 1.0, "review")
        for i, c in enumerate(review)
    )
    results = (
        RubricResult("arguing", "1", "arguing" if arguing else "pass", 70.0 if arguing else 100.0, found,
                     options={"confirm_at_used": 0.85}),
        RubricResult("resolution", "1", "specific", 100.0, ()),
    )  # fmt: skip
    return CallScore("x", 85.0, results, rubric_version="r1")


def add(store, n, agent="ann", **kw) -> str:
    sha, _ = store.files.put(
        b"RIFF" + hashlib.sha256(f"r{n}".encode()).digest() * 8, filename=f"{n}.wav"
    )
    cid = store.calls.add(
        sha, agent_id=agent, call_time=WHEN + timedelta(hours=n), language_hint="en"
    )
    store.calls.save_score(cid, machine(**kw), labeller_version="lab")
    return cid


def test_roles_queue_and_agreement(api):
    client, store, keys = api
    a = add(store, 1, arguing=(0.9,))  # confirmed: right
    b = add(store, 2, arguing=(0.9, 0.86))  # second marked wrong
    c = add(store, 3, review=(0.5,))  # for review, unreviewed: queued
    d = add(store, 4, agent="bob", arguing=(0.95,))
    store.reviews.add(a, [ReviewAction("arguing", "confirm")])
    store.reviews.add(
        b, [ReviewAction("arguing", "confirm"), ReviewAction("arguing", "finding_wrong", finding=1)]
    )
    store.reviews.add(d, [ReviewAction("arguing", "set_outcome", outcome="pass"),
                          ReviewAction("arguing", "finding_wrong", finding=0),
                          ReviewAction("resolution", "confirm")])  # fmt: skip
    store.reviews.add(c, [ReviewAction("arguing", "confirm"),
                          ReviewAction("arguing", "finding_added", added=HumanFinding(80.0, 81.0))])  # fmt: skip
    e = add(store, 5, review=(0.4, 0.5))
    store.reviews.open_dispute(a, comment="it was a question, not an argument", rubric="arguing")

    for path in ("/v1/review-queue", "/v1/agreement"):
        assert client.get(path, headers=h(keys["supervisor"])).status_code == 403
        assert client.get(path).status_code == 401

    r = client.get("/v1/review-queue", headers=h(keys["qa_lead"]))
    assert r.status_code == 200
    body = r.json()
    tiered = [i for i in body["items"] if i["reasons"][0] != "random_sample"]
    assert [i["call_id"] for i in tiered] == [a, e]  # a disputed again; e has findings for review
    assert tiered[0]["reasons"][0] == "disputed" and tiered[1]["review_findings"] == 2
    assert all(i["sampled"] == in_sample(i["call_id"]) for i in body["items"])
    assert body["sample_rate"] == 0.05 and body["total"] == len(body["items"])
    assert client.get("/v1/review-queue?limit=0", headers=h(keys["qa_lead"])).status_code == 422

    r = client.get("/v1/agreement", headers=h(keys["admin"]))
    assert r.status_code == 200
    rep = r.json()
    assert rep["all"]["n_calls"] == 4 and rep["min_calls"] == 30 and "random" in rep["note"]
    arg = next(i for i in rep["all"]["items"] if i["rubric"] == "arguing")
    # Outcomes: a, b, c agree; d does not (arguing → pass). Confirmed findings: a right, b one
    # right one wrong, d wrong: precision 2/4. True findings: the 2 right plus c's added one.
    assert arg["agreement"]["value"] == 0.75 and arg["agreement"]["n_calls"] == 4
    assert arg["precision"]["value"] == 0.5 and arg["recall"]["value"] == round(2 / 3, 4)
    assert (arg["true_positives"], arg["false_positives"], arg["misses"]) == (2, 2, 1)
    assert arg["precision"]["few"] is True
    assert set(rep["all"]["by_language"]) == {"en"}
    assert rep["sample"]["n_calls"] == sum(in_sample(x) for x in (a, b, c, d))

    r = client.get("/v1/agreement?format=csv", headers=h(keys["qa_lead"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    prec = next(x for x in rows if x["population"] == "all" and x["language"] == "all"
                and x["item"] == "arguing" and x["figure"] == "precision")  # fmt: skip
    assert float(prec["value"]) == 0.5 and prec["few_calls"] == "true"
    assert client.get("/v1/agreement?from=nonsense", headers=h(keys["qa_lead"])).status_code == 422

    # A key bound to bob's team sees only bob's calls in both.
    scoped = store.keys.create("qa_lead", label="team two")
    scoped_id = next(k.id for k in store.keys.list() if k.label == "team two")
    with Session(store.engine) as s:
        s.add(Team(id="t2", name="Two"))
        s.flush()
        s.get(Agent, "bob").team_id = "t2"
        s.add(ApiKeyTeam(key_id=scoped_id, team_id="t2"))
        s.commit()
    assert client.get("/v1/agreement", headers=h(scoped)).json()["all"]["n_calls"] == 1
    assert client.get("/v1/review-queue", headers=h(scoped)).json()["items"] == []
