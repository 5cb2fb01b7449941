"""The web API: keys and roles, uploads end to end with real models, bad input, restarts.

Storage-level behaviour is in test_store.py; these tests go through HTTP (FastAPI's in-process
client, or a real `qa serve` process where a restart is the point) against SQLite and a real
PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from api.worker import requeue_orphans, worker_name
from qa.store import Store
from tests.conftest import sample_audio, tone, write_wav
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "en_stereo_wrong_coat"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/qa.db"
    return request.getfixturevalue("pg_url")


def open_api(db_url, tmp_path, **settings):
    store = Store.open(db_url, data_dir=tmp_path / "data")
    s = Settings(**{"warm_models": False, "job_workers": 0, **settings})
    return store, create_app(s, store=store)


@pytest.fixture
def api(db_url, tmp_path):
    """A read/upload API without job workers, and one key per role."""
    store, app = open_api(db_url, tmp_path, max_upload_bytes=400_000)
    keys = {role: store.keys.create(role) for role in ("qa_lead", "supervisor", "admin")}
    with TestClient(app) as client:
        yield client, store, keys
    store.close()


def h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def short_wav(tmp_path: Path, name: str = "short.wav", seconds: float = 1.0, channels: int = 2) -> Path:
    x = tone(seconds, 300.0)
    return write_wav(tmp_path / name, np.stack([x] * channels) if channels == 2 else x)


def stored_files(store: Store) -> list[Path]:
    return sorted(p for p in store.files.audio_dir.rglob("*") if p.is_file())


# --- keys and roles ------------------------------------------------------------------------------


def test_keys_and_roles_gate_every_route(api, tmp_path):
    client, store, keys = api
    wav = short_wav(tmp_path)

    r = client.get("/v1/agents")
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    assert "API key" in r.json()["message"] and r.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/agents", headers=h("qa_not-a-key")).status_code == 401
    for role in ("supervisor", "qa_lead", "admin"):
        assert client.get("/v1/agents", headers=h(keys[role])).status_code == 200, role
    # The same key as a bearer token.
    assert client.get("/v1/agents", headers={"Authorization": f"Bearer {keys['supervisor']}"}).status_code == 200

    # A supervisor views but may not upload; nothing is stored for the refused upload.
    with wav.open("rb") as fh:
        r = client.post("/v1/calls", headers=h(keys["supervisor"]), files={"audio": fh}, data={"agent_id": "ann"})
    assert r.status_code == 403 and "supervisor" in r.json()["message"]
    assert stored_files(store) == []

    # Only admins manage keys.
    assert client.post("/v1/keys", headers=h(keys["qa_lead"]), json={"role": "supervisor"}).status_code == 403
    assert client.get("/v1/keys", headers=h(keys["supervisor"])).status_code == 403
    r = client.post("/v1/keys", headers=h(keys["admin"]), json={"role": "supervisor", "label": "night shift"})
    assert r.status_code == 201
    new = r.json()
    assert new["key"].startswith(new["prefix"]) and new["role"] == "supervisor"
    assert client.get("/v1/agents", headers=h(new["key"])).status_code == 200
    listed = client.get("/v1/keys", headers=h(keys["admin"])).json()["items"]
    assert all("key" not in k and "key_hash" not in k for k in listed)
    assert client.post("/v1/keys", headers=h(keys["admin"]), json={"role": "owner"}).status_code == 422

    # A revoked key stops working at once.
    assert client.delete(f"/v1/keys/{new['id']}", headers=h(keys["admin"])).status_code == 204
    assert client.get("/v1/agents", headers=h(new["key"])).status_code == 401
    assert client.delete("/v1/keys/999999", headers=h(keys["admin"])).status_code == 404


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


def test_unknown_things_are_404_and_bad_queries_422(api):
    client, _store, keys = api
    key = h(keys["supervisor"])
    for path in ("/v1/calls/nope", "/v1/calls/nope/audio", "/v1/agents/nobody", "/v1/agents/nobody/scorecard", "/v1/jobs/nope"):
        r = client.get(path, headers=key)
        assert r.status_code == 404, path
        assert r.json()["error"] == "not_found" and r.json()["message"], path
    assert client.get("/v1/nothing-here", headers=key).status_code == 404
    for path, needle in (
        ("/v1/calls?from=2026-13-01", "from"),
        ("/v1/calls?to=last%20tuesday", "to"),
        ("/v1/calls?limit=0", "limit"),
        ("/v1/calls?min_score=101", "min_score"),
        ("/v1/agents?sort=height", "sort"),
        ("/v1/jobs?status=sleeping", "status"),
    ):
        r = client.get(path, headers=key)
        assert r.status_code == 422, path
        assert needle in r.json()["message"], (path, r.json())


def test_requeue_orphans_puts_back_jobs_of_dead_server_processes(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data")
    try:
        sha, _ = store.files.put(short_wav(tmp_path).read_bytes(), filename="a.wav")
        call = store.calls.add(sha, agent_id="ann")
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()  # a pid that no longer runs
        host = socket.gethostname()
        alive = subprocess.Popen(["sleep", "60"])
        jobs = [store.jobs.create(kind="score", call_id=call) for _ in range(5)]
        workers = (
            f"{host}:{dead.pid}:x:0",  # a server process that is gone
            f"{host}:{os.getpid()}:an-earlier-boot:0",  # this pid, reused: an earlier process
            worker_name(0),  # this very process
            f"{host}:{alive.pid}:x:0",  # another live process
            "elsewhere:1:x:0",  # another host: left to the stale-heartbeat rule
        )
        try:
            for j, who in zip(jobs, workers, strict=True):
                claimed = store.jobs.claim_next(worker=who)
                assert claimed is not None and claimed.id == j
            requeued = requeue_orphans(store)
        finally:
            alive.kill()
        assert sorted(requeued) == sorted(jobs[:2])
        status = {j.id: j.status for j in store.jobs.list()}
        assert [status[j] for j in jobs] == ["queued", "queued", "running", "running", "running"]
        # A job that brought the server down three times is failed, not retried forever.
        store.jobs.update(jobs[1], status="done")
        for _ in range(2):
            store.jobs.claim_next(worker=f"{host}:{dead.pid}:x:0")
            requeue_orphans(store)
        store.jobs.claim_next(worker=f"{host}:{dead.pid}:x:0")
        assert requeue_orphans(store) == []
        failed = store.jobs.get(jobs[0])
        assert failed.status == "failed" and "3 attempts" in failed.error
    finally:
        store.close()


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
            r2 = client.post("/v1/calls", headers=h(lead), files={"audio": ("again.wav", raw)}, data={"agent_id": "bob"})
            assert r2.status_code == 200
            assert (r2.json()["call_id"], r2.json()["job_id"], r2.json()["duplicate"]) == (body["call_id"], body["job_id"], True)
            assert r2.json()["agent_id"] == "ann"
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
            assert card["trend"] == [{"week": "2026-W10", "mean_score": pytest.approx(score, abs=0.01)}]
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


# --- a real server killed mid-job ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "QA_DATA_DIR": str(data_dir), "QA_JOB_STALE_AFTER": "600"}
    env.pop("QA_DATABASE_URL", None)
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("qa")), "serve", "--port", str(port)],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )


def _wait_up(client, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        try:
            if client.get("/healthz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"server did not start: {log.read_text()}")


def test_server_killed_mid_job_scores_every_upload_exactly_once_after_restart(tmp_path):
    import httpx

    data, port, log = tmp_path / "data", _free_port(), tmp_path / "server.log"
    with Store.open(None, data_dir=data) as store:
        key = store.keys.create("qa_lead")
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=h(key), timeout=30)
    proc = _serve(data, port, log)
    try:
        _wait_up(client, proc, log)
        with sample_audio(SAMPLE).open("rb") as fh:
            r = client.post("/v1/calls", files={"audio": (f"{SAMPLE}.wav", fh)}, data={"agent_id": "ann"})
        assert r.status_code == 202, r.text
        job_url, call_url = r.json()["job_url"], r.json()["call_url"]
        deadline = time.monotonic() + 60
        while (job := client.get(job_url).json())["status"] != "running" or job["progress"] <= 0:
            assert time.monotonic() < deadline and job["status"] in ("queued", "running"), job
            time.sleep(0.2)
        os.killpg(proc.pid, signal.SIGKILL)  # mid-transcription: no clean shutdown
        proc.wait(timeout=10)
        with Store.open(None, data_dir=data) as store:
            left = store.jobs.get(job["id"])
            assert left.status == "running" and left.attempts == 1
            assert store.calls.get(r.json()["call_id"]).score is None

        proc = _serve(data, port, log)
        _wait_up(client, proc, log)
        deadline = time.monotonic() + 240
        while (job := client.get(job_url).json())["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, job
            time.sleep(0.5)
        assert job["status"] == "done" and job["attempts"] == 2, job
        call = client.get(call_url).json()
        assert len(call["history"]) == 1 and call["score"]["score"] is not None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        client.close()
    with Store.open(None, data_dir=data) as store:
        assert len(store.jobs.list()) == 1


def test_server_connections_get_tcp_nodelay_even_on_a_socket_from_fromfd():
    """``qa serve --processes N`` hands its workers a socket rebuilt with ``fromfd()`` (protocol
    0), on which asyncio does not set TCP_NODELAY: replies then waited ~40 ms for delayed ACKs."""
    import asyncio
    import socket

    from uvicorn.config import Config
    from uvicorn.server import ServerState

    from api.app import NoDelayH11Protocol

    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    conn = socket.fromfd(accepted.fileno(), socket.AF_INET, socket.SOCK_STREAM)  # proto 0
    try:
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0

        class Transport(asyncio.Transport):
            def get_extra_info(self, name, default=None):
                return {"socket": conn, "peername": ("127.0.0.1", 1), "sockname": ("127.0.0.1", 2)}.get(
                    name, default
                )

        config = Config(app=lambda *a: None)
        config.load()
        loop = asyncio.new_event_loop()
        try:
            proto = NoDelayH11Protocol(config, ServerState(), app_state={}, _loop=loop)
            proto.connection_made(Transport())
        finally:
            loop.close()
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        for s in (conn, accepted, client, listener):
            s.close()


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
