"""Calls: uploads refused with reasons (nothing kept), and a real upload scored once by the
server's own worker and served with its evidence, audio, lists and scorecard.
"""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import SAMPLE, h, open_api, short_wav, stored_files
from tests.conftest import sample_audio

# --- bad input -----------------------------------------------------------------------------------


def test_bad_uploads_are_refused_with_reasons_and_store_nothing(api, tmp_path):
    client, store, keys = api
    key = h(keys["qa_lead"])

    def upload(path: Path | None, **data):
        files = {"audio": (path.name, path.read_bytes(), "application/octet-stream")} if path else None
        return client.post("/v1/calls", headers=key, files=files, data={"agent_id": "ann", **data})

    big = short_wav(tmp_path, "big.wav", seconds=20.0)  # 1.28 MB > the 400 kB limit
    r = upload(big)
    assert r.status_code == 413 and "limit" in r.json()["message"]

    text = tmp_path / "notes.wav"
    text.write_text("this is not a recording\n" * 20)
    r = upload(text)
    assert r.status_code == 415 and "notes.wav" in r.json()["message"]
    assert str(store.data_dir) not in r.json()["message"]  # no server paths in messages

    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    r = upload(empty)
    assert r.status_code == 422 and "empty" in r.json()["message"]

    whole = short_wav(tmp_path, "whole.wav", seconds=3.0).read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    r = upload(cut)
    assert r.status_code == 422 and "truncated" in r.json()["message"]

    mono = short_wav(tmp_path, "mono.wav", channels=1)
    r = upload(mono, layout="stereo")
    assert r.status_code == 422 and "two-channel" in r.json()["message"]

    good = short_wav(tmp_path, "good.wav")
    for data, needle in (
        ({"agent_id": ""}, "agent_id"),
        ({"agent_id": "   "}, "agent_id"),
        ({"agent_channel": "2"}, "agent_channel"),
        ({"layout": "surround"}, "layout"),
        ({"language": "english please"}, "language"),
        ({"language": "fr"}, "not one qa scores"),
        ({"agent_channel": "left-ish"}, "agent_channel"),
        ({"call_time": "yesterday-ish"}, "call_time"),
    ):
        r = upload(good, **data)
        assert r.status_code == 422, (data, r.text)
        assert needle in r.json()["message"], (data, r.json())
    r = client.post("/v1/calls", headers=key, data={"agent_id": "ann"})
    assert r.status_code == 422 and "audio" in r.json()["message"]
    r = client.post("/v1/calls", headers=key, files={"audio": ("good.wav", good.read_bytes())})
    assert r.status_code == 422 and "agent_id" in r.json()["message"]

    # Nothing of any refused upload was kept: no recordings, no calls, no jobs, no temp files.
    assert stored_files(store) == []
    assert store.calls.list()[1] == 0 and store.jobs.list() == []
    assert list((store.data_dir / "incoming").glob("*")) == []


# --- a real upload, scored by the server's own worker --------------------------------------------


def test_upload_is_scored_once_and_served_with_evidence(tmp_path):
    store, app = open_api(f"sqlite:///{tmp_path}/qa.db", tmp_path, job_workers=1, warm_models=True)
    lead, sup = store.keys.create("qa_lead"), store.keys.create("supervisor")
    audio = sample_audio(SAMPLE)
    raw = audio.read_bytes()
    try:
        with TestClient(app) as client:
            assert client.get("/healthz").json()["models"]  # loaded at start-up, not per request
            with audio.open("rb") as fh:
                r = client.post(
                    "/v1/calls",
                    headers=h(lead),
                    files={"audio": (audio.name, fh, "audio/wav")},
                    data={"agent_id": "ann", "call_time": "2026-03-04T10:15:00Z", "queue": "billing", "customer_ref": "C-1"},
                )
            assert r.status_code == 202, r.text
            body = r.json()
            assert r.headers["location"] == body["job_url"] == f"/v1/jobs/{body['job_id']}"
            seen = set()
            deadline = time.monotonic() + 240
            while True:
                job = client.get(body["job_url"], headers=h(sup)).json()
                seen.add(job["status"])
                if job["status"] in ("done", "failed") or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            assert job["status"] == "done", job
            assert job["progress"] == 1.0 and job["result"] == "scored" and job["error"] is None

            call = client.get(f"/v1/calls/{body['call_id']}", headers=h(sup)).json()
            assert call["agent_id"] == "ann" and call["queue"] == "billing" and call["customer_ref"] == "C-1"
            assert call["call_time"].startswith("2026-03-04T10:15:00")
            assert "path" not in call["recording"] and call["recording"]["filename"] == audio.name
            utts = call["transcript"]["utterances"]
            assert {u["role"] for u in utts} == {"agent", "customer"} and all(u["words"] for u in utts)
            results = {r["rubric"]: r for r in call["score"]["results"]}
            assert set(results) == {"interruption", "arguing", "last_word", "empathy_before_apology", "resolution"}
            findings = [f for r in results.values() for f in r["findings"]]
            assert findings
            ids = {u["id"] for u in utts}
            for f in findings:
                assert 0 <= f["start"] <= f["end"] <= call["duration"] + 0.5
                assert f["evidence"] and set(f["utterance_ids"]) <= ids
            assert len(call["history"]) == 1 and call["job"]["status"] == "done"

            # The recording, whole and by Range (what the player asks for).
            a = client.get(call["audio_url"], headers=h(sup))
            assert a.status_code == 200 and a.content == raw and a.headers["content-type"].startswith("audio/")
            part = client.get(call["audio_url"], headers={**h(sup), "Range": "bytes=1000-1999"})
            assert part.status_code == 206 and part.content == raw[1000:2000]
            assert part.headers["content-range"] == f"bytes 1000-1999/{len(raw)}"
            assert client.get(call["audio_url"], headers={**h(sup), "Range": f"bytes={len(raw) + 10}-"}).status_code == 416

            # The same bytes again: the same call and job, nothing new queued or scored.
            r2 = client.post("/v1/calls", headers=h(lead), files={"audio": ("again.wav", raw)}, data={"agent_id": "ann"})
            assert r2.status_code == 200
            assert (r2.json()["call_id"], r2.json()["job_id"], r2.json()["duplicate"]) == (body["call_id"], body["job_id"], True)
            assert r2.json()["agent_id"] == "ann"
            # Under another agent: 409 naming the call and its agent, nothing attributed.
            r3 = client.post("/v1/calls", headers=h(lead), files={"audio": ("again.wav", raw)}, data={"agent_id": "bob"})
            assert r3.status_code == 409
            assert (r3.json()["error"], r3.json()["call_id"], r3.json()["agent_id"]) == ("conflict", body["call_id"], "ann")
            assert store.calls.get(body["call_id"]).agent_id == "ann"
            assert len(store.jobs.list()) == 1

            # Lists, filters, scorecards.
            score = call["score"]["score"]
            page = client.get("/v1/calls?agent=ann&from=2026-03-01&to=2026-03-31", headers=h(sup)).json()
            assert page["total"] == 1 and page["items"][0]["id"] == body["call_id"] and page["next_offset"] is None
            assert client.get("/v1/calls?from=2026-04-01", headers=h(sup)).json()["total"] == 0
            assert client.get(f"/v1/calls?min_score={min(100, score + 1)}", headers=h(sup)).json()["total"] == 0
            outcome = results["resolution"]["outcome"]
            assert client.get(f"/v1/calls?outcome=resolution:{outcome}", headers=h(sup)).json()["total"] == 1
            agents = client.get("/v1/agents?sort=score&order=desc", headers=h(sup)).json()["items"]
            assert [a["id"] for a in agents] == ["ann"] and agents[0]["mean_score"] == pytest.approx(score, abs=0.01)

            card = client.get("/v1/agents/ann/scorecard?from=2026-03-01&to=2026-03-31", headers=h(sup)).json()
            assert card["n_calls"] == 1 and card["mean_score"] == pytest.approx(score, abs=0.01)
            assert card["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
            assert set(card["per_rubric"]) == set(results)
            assert card["trend"] == [{"week": "2026-W10", "mean_score": pytest.approx(score, abs=0.01), "n_calls": 1}]
            assert card["worst"][0]["call_id"] == body["call_id"] and card["worst"][0]["findings"]
            csv_r = client.get("/v1/agents/ann/scorecard?format=csv", headers=h(sup))
            assert csv_r.headers["content-type"].startswith("text/csv")
            assert "attachment" in csv_r.headers["content-disposition"]
            rows = list(csv.DictReader(io.StringIO(csv_r.text)))
            assert {r["item"] for r in rows} == {"overall", *results}
            for r in rows:
                if r["item"] != "overall":
                    st = card["per_rubric"][r["item"]]
                    assert int(r["results"]) == st["n"] and int(r["passed"]) == st["passed"]
            trend = list(csv.DictReader(io.StringIO(client.get("/v1/agents/ann/scorecard?format=csv&part=trend", headers=h(sup)).text)))
            assert [t["week"] for t in trend] == ["2026-W10"]
    finally:
        store.close()
