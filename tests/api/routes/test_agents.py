"""Agents and scorecards: findings for review and the transcript quality flag in the call
lists, a call, the scorecard (JSON and CSV) and its exclude_flagged switch.
"""

from __future__ import annotations

import csv
import io

from tests.api.conftest import h

# --- findings for review and the transcript quality flag ------------------------------------------


def test_review_findings_and_needs_review_filters_and_scorecard(api):
    from datetime import UTC, datetime

    from qa.quality import CallQuality
    from qa.types import CallScore, Finding, RubricResult, Span

    client, store, keys = api
    sup = h(keys["supervisor"])

    def put(n, score, findings, flagged):
        sha, _ = store.files.put(b"RIFF" + bytes([n]) * 64, filename=f"c{n}.wav")
        cid = store.calls.add(sha, agent_id="ann", call_time=datetime(2026, 3, 2 + n, 10, tzinfo=UTC))
        result = RubricResult(
            "arguing", "1.1", "arguing" if "confirmed" in findings else "pass", score,
            tuple(Finding("arguing", "arguing", Span(1.0 + i, 2.0 + i), ("u001",), "said", 0.7, 1.0, st)
                  for i, st in enumerate(findings)),
        )  # fmt: skip
        reasons = ("the language is uncertain: en 0.48 vs ms 0.39 (margin 0.09, threshold 0.20)",) if flagged else ()
        quality = CallQuality(needs_review=flagged, reasons=reasons, metrics={"language_margin": 0.09})
        store.calls.save_score(cid, CallScore("x", score, (result,), "r1", quality=quality), labeller_version="l1")
        return cid

    plain = put(0, 100.0, (), False)
    review = put(1, 100.0, ("review",), False)
    flagged = put(2, 40.0, ("confirmed", "confirmed", "review"), True)

    def ids(query):
        r = client.get(f"/v1/calls?{query}", headers=sup)
        assert r.status_code == 200, r.text
        return {c["id"] for c in r.json()["items"]}

    assert ids("findings=review") == {review, flagged}
    assert ids("needs_review=true") == {flagged}
    assert ids("needs_review=false") == {plain, review}
    assert ids("") == {plain, review, flagged}
    assert client.get("/v1/calls?findings=maybe", headers=sup).status_code == 422

    call = client.get(f"/v1/calls/{flagged}", headers=sup).json()
    assert call["needs_review"] is True
    assert call["score"]["quality"]["needs_review"] is True
    assert "language is uncertain" in call["score"]["quality"]["reasons"][0]
    assert [f["status"] for f in call["score"]["results"][0]["findings"]] == ["confirmed", "confirmed", "review"]

    card = client.get("/v1/agents/ann/scorecard", headers=sup).json()
    assert card["n_flagged"] == 1 and card["exclude_flagged"] is False and card["mean_score"] == 80.0
    arg = card["per_rubric"]["arguing"]
    assert (arg["confirmed_findings"], arg["review_findings"]) == (2, 2)
    clean = client.get("/v1/agents/ann/scorecard?exclude_flagged=true", headers=sup).json()
    assert clean["n_flagged"] == 1 and clean["exclude_flagged"] is True
    assert clean["mean_score"] == 100.0 and clean["n_scored"] == 2
    assert clean["per_rubric"]["arguing"]["pass_rate"] == 1.0

    rows = list(csv.DictReader(io.StringIO(client.get("/v1/agents/ann/scorecard?format=csv", headers=sup).text)))
    overall = next(r for r in rows if r["item"] == "overall")
    assert overall["needs_review"] == "1" and overall["flagged_excluded"] == "false"
    item = next(r for r in rows if r["item"] == "arguing")
    assert (item["confirmed_findings"], item["review_findings"]) == ("2", "2")
    csv_clean = client.get("/v1/agents/ann/scorecard?format=csv&exclude_flagged=true", headers=sup).text
    assert next(r for r in csv.DictReader(io.StringIO(csv_clean)) if r["item"] == "overall")["mean_score"] == "100.0"
    worst = list(csv.DictReader(io.StringIO(client.get("/v1/agents/ann/scorecard?format=csv&part=worst", headers=sup).text)))
    assert {r["call_id"]: r["review_findings"] for r in worst}[flagged] == "1"
