"""Hardening through HTTP: safe CSV, agent id rules, download names, no server paths, the upload
limit for chunked bodies, silent recordings, job progress, outcome filters, the last admin key,
renamed outcomes, the trend's call counts and the call page's counts.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from datetime import UTC, datetime

import numpy as np
import pytest

from api.deps import COOKIE
from api.pages.calls import results_view
from api.worker import JOB_KIND
from qa.types import CallScore, RubricResult
from tests.api.conftest import h, open_api, short_wav, stored_files
from tests.api.test_pages import add_call, finding, short_call, simple_score
from tests.conftest import tone, write_wav

FORMULA = "=SUM(1+2)"


def _seed(store, tmp_path, agent: str = FORMULA, *, scored: bool = True) -> str:
    """A stored call (a different tone each, so different bytes), scored 60 unless not."""
    n = store.calls.list()[1]
    cid = add_call(
        store, tmp_path, f"c{n}", agent, datetime(2026, 3, 2, 9, tzinfo=UTC), 2.0, 300 + 10 * n
    )
    store.calls.save_transcript(short_call(cid, agent))
    if scored:
        store.calls.save_score(
            cid, simple_score(60.0, resolution=("vague", 50.0)), labeller_version="t"
        )
    return cid


# --- 1. safe CSV ---------------------------------------------------------------------------------


def test_scorecard_csv_neutralises_formula_cells_and_keeps_numbers(api, tmp_path):
    client, store, keys = api
    cid = _seed(store, tmp_path)
    sup = h(keys["supervisor"])
    for part in ("items", "trend", "worst"):
        r = client.get(
            f"/v1/agents/{FORMULA}/scorecard", params={"format": "csv", "part": part}, headers=sup
        )
        assert r.status_code == 200, r.text
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert rows and all(row["agent_id"] == "'" + FORMULA for row in rows), (part, r.text)
        assert not any(
            cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values()
        )
        # The download name carries no quote or path either.
        disposition = r.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="scorecard-') and "/" not in disposition
    worst = list(
        csv.DictReader(
            io.StringIO(
                client.get(
                    f"/v1/agents/{FORMULA}/scorecard?format=csv&part=worst", headers=sup
                ).text
            )
        )
    )
    assert worst[0]["call_id"] == cid and float(worst[0]["score"]) == 60.0  # numbers stay numbers


# --- 7. agent ids, download names, server paths --------------------------------------------------


def test_unsafe_agent_ids_are_refused_at_upload_and_valid_ones_kept(api, tmp_path):
    client, store, keys = api
    wav = short_wav(tmp_path)
    lead = h(keys["qa_lead"])

    def upload(agent: str, name: str = "good.wav", path=wav):
        return client.post(
            "/v1/calls",
            headers=lead,
            files={"audio": (name, path.read_bytes(), "audio/wav")},
            data={"agent_id": agent},
        )

    for agent, needle in (
        ("team/ann", "'/'"),
        ("team\\ann", "'/'"),
        (".hidden", "start with '.'"),
        ("ann\tbob", "control characters"),
        ("ann\u2028bob", "control characters"),
        ("x" * 129, "128 characters"),
    ):
        r = upload(agent)
        assert r.status_code == 422, (agent, r.text)
        assert r.json()["message"].startswith("agent_id: ") and needle in r.json()["message"], (
            r.json()
        )
    assert stored_files(store) == [] and store.calls.list()[1] == 0

    r = upload("  " + FORMULA + " ")  # odd but harmless: kept (and neutralised in CSV)
    assert r.status_code == 202 and r.json()["agent_id"] == FORMULA
    card = client.get(f"/v1/agents/{FORMULA}/scorecard", headers=h(keys["supervisor"]))
    assert card.status_code == 200 and card.json()["agent_id"] == FORMULA


def test_audio_download_name_is_sanitised(api, tmp_path):
    client, store, keys = api
    lead, sup = h(keys["qa_lead"]), h(keys["supervisor"])
    for i, (sent, plain) in enumerate(
        (
            ("../../../../tmp/x.wav", "x.wav"),
            ('통화 "a";b\r\n.wav', "_"),
            ("C:\\calls\\y.wav", "y.wav"),
        )
    ):
        wav = write_wav(
            tmp_path / f"d{i}.wav", np.stack([tone(1.0, 300 + 50 * i), tone(1.0, 500 + 50 * i)])
        )
        r = client.post(
            "/v1/calls",
            headers=lead,
            files={"audio": (sent, wav.read_bytes(), "audio/wav")},
            data={"agent_id": "ann"},
        )
        assert r.status_code == 202, r.text
        a = client.get(f"/v1/calls/{r.json()['call_id']}/audio", headers=sup)
        assert a.status_code == 200 and a.content == wav.read_bytes()
        cd = a.headers["content-disposition"]
        assert cd.startswith('inline; filename="') and "filename*=UTF-8''" in cd
        assert ".." not in cd and "/" not in cd.split("filename*")[0] and "\\" not in cd
        assert "\r" not in cd and "\n" not in cd and cd.count('"') == 2
        assert plain in cd.split(";")[1]


def test_no_server_paths_in_call_job_and_page_responses(api, tmp_path):
    from sqlalchemy import text

    client, store, keys = api
    cid, failed = (
        _seed(store, tmp_path, agent="ann"),
        _seed(store, tmp_path, agent="ann", scored=False),
    )
    where = str(store.data_dir)
    meta = {
        "batch": {"source_path": f"{tmp_path}/archive/a.wav", "where": "archive/a.wav"},
        "audio": {"path": f"{where}/audio/ab/cd.wav", "duration": 2.0},
        "asr": {"model": f"{tmp_path}/models/whisper-base"},
    }
    with store.engine.begin() as conn:  # metadata as batch and older versions stored it
        for call_id in (cid, failed):
            conn.execute(
                text("UPDATE calls SET meta = :m WHERE id = :i"),
                {"m": json.dumps(meta), "i": call_id},
            )
    job = store.jobs.create(kind=JOB_KIND, call_id=failed, payload={})
    store.jobs.update(job, status="failed", error=f"{where}/audio/ab/cd.wav: the audio is corrupt")
    sup = h(keys["supervisor"])
    bodies = {
        "call": client.get(f"/v1/calls/{cid}", headers=sup),
        "failed call": client.get(f"/v1/calls/{failed}", headers=sup),
        "job": client.get(f"/v1/jobs/{job}", headers=sup),
        "jobs": client.get("/v1/jobs", headers=sup),
    }
    client.cookies.set(COOKIE, keys["supervisor"])
    bodies["page"] = client.get(f"/calls/{cid}")
    bodies["failed page"] = client.get(f"/calls/{failed}")
    bodies["list page"] = client.get("/calls")
    client.cookies.clear()
    for name, r in bodies.items():
        assert r.status_code == 200, (name, r.text)
        assert where not in r.text and str(tmp_path) not in r.text, (name, r.text)
        assert '"path"' not in r.text and "source_path" not in r.text, name
    call = bodies["call"].json()
    assert call["meta"]["batch"] == {"where": "archive/a.wav"}
    assert call["meta"]["asr"]["model"] == "whisper-base"
    assert bodies["job"].json()["error"] == "cd.wav: the audio is corrupt"
    assert bodies["failed call"].json()["job"]["error"] == "cd.wav: the audio is corrupt"
    assert "cd.wav: the audio is corrupt" in bodies["failed page"].text


# --- 8. smaller faults ---------------------------------------------------------------------------


@pytest.fixture
def live(tmp_path):
    """A real uvicorn server with a 300 kB upload limit (chunked bodies need a real server)."""
    import uvicorn

    store, app = open_api(f"sqlite:///{tmp_path}/qa.db", tmp_path, max_upload_bytes=300_000)
    key = store.keys.create("qa_lead")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield sock.getsockname()[1], key, store
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    store.close()


def test_chunked_upload_over_the_limit_gets_413_before_the_body_ends(live):
    port, key, store = live
    c = socket.create_connection(("127.0.0.1", port), timeout=10)
    b = "XB"
    c.sendall(
        (f"POST /v1/calls HTTP/1.1\r\nHost: t\r\nX-API-Key: {key}\r\nTransfer-Encoding: chunked\r\n"
         f"Content-Type: multipart/form-data; boundary={b}\r\n\r\n").encode()
    )  # fmt: skip
    head = (f'--{b}\r\nContent-Disposition: form-data; name="agent_id"\r\n\r\nann\r\n--{b}\r\n'
            f'Content-Disposition: form-data; name="audio"; filename="a.wav"\r\n\r\n').encode()  # fmt: skip

    def chunk(data: bytes) -> None:
        c.sendall(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    chunk(head)
    sent, reply = len(head), b""
    c.settimeout(0.05)
    while sent < 5_000_000 and not reply:  # never the last chunk: the body does not end
        try:
            chunk(b"\1" * 65536)
            sent += 65536
        except OSError:
            break
        try:
            reply = c.recv(65536)
        except TimeoutError:
            pass
    c.settimeout(5)
    while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
        more = c.recv(65536)
        if not more:
            break
        reply += more
    c.close()
    status_line, _, rest = reply.partition(b"\r\n")
    assert status_line.split()[1] == b"413", reply[:300]
    assert b"upload limit" in rest
    assert sent < 600_000  # answered soon after the limit, not after the whole body
    assert stored_files(store) == []


def test_silent_recordings_are_refused_at_upload(api, tmp_path):
    client, store, keys = api
    lead = h(keys["qa_lead"])
    speech = tone(2.0, 300.0)
    silent = np.zeros_like(speech)
    cases = {
        "left_silent.wav": (
            np.stack([silent, speech]),
            {},
            422,
            "channel 0 of this stereo recording is silent",
        ),
        "right_silent.wav": (np.stack([speech, silent]), {"layout": "stereo"}, 422, "channel 1"),
        "all_silent.wav": (np.stack([silent, silent]), {}, 422, "silent"),
        "mono_silent.wav": (silent, {}, 422, "silent"),
    }
    for name, (samples, data, status, needle) in cases.items():
        wav = write_wav(tmp_path / name, samples)
        r = client.post(
            "/v1/calls",
            headers=lead,
            files={"audio": (name, wav.read_bytes(), "audio/wav")},
            data={"agent_id": "ann", **data},
        )
        assert r.status_code == status, (name, r.text)
        assert needle in r.json()["message"] and str(store.data_dir) not in r.json()["message"]
    assert stored_files(store) == [] and store.jobs.list() == []
    # Read as mono, a recording with one silent channel is fine: the mix carries the call.
    wav = write_wav(tmp_path / "as_mono.wav", np.stack([speech, silent]))
    r = client.post(
        "/v1/calls",
        headers=lead,
        files={"audio": ("as_mono.wav", wav.read_bytes())},
        data={"agent_id": "ann", "layout": "mono"},
    )
    assert r.status_code == 202, r.text
    assert "peaks" not in json.dumps(
        client.get(f"/v1/calls/{r.json()['call_id']}", headers=lead).json()["meta"]
    )


def test_job_progress_only_grows_and_is_rounded(api, tmp_path):
    client, store, keys = api
    job = store.jobs.create(kind=JOB_KIND, call_id=None, payload={})
    seen = []
    for p in (0.1, 0.333333333, 0.51, 0.33, 0.5099999, 0.9 * 0.7):
        seen.append(store.jobs.update(job, progress=p).progress)
    assert seen == [0.1, 0.33, 0.51, 0.51, 0.51, 0.63]
    assert client.get(f"/v1/jobs/{job}", headers=h(keys["supervisor"])).json()["progress"] == 0.63
    assert store.jobs.update(job, status="done").progress == 1.0


def test_unknown_outcome_filters_are_422_in_the_api_and_pages(api, tmp_path):
    client, store, keys = api
    _seed(store, tmp_path, agent="ann")
    sup = h(keys["supervisor"])
    for value, needle in (
        ("foo:bar", "'foo:bar' is not a filter"),
        ("resolution:bogus", "no outcome 'bogus'; its outcomes are specific, vague, none"),
        ("nonsense", "is not a filter"),
    ):
        r = client.get("/v1/calls", params={"outcome": value}, headers=sup)
        assert r.status_code == 422 and needle in r.json()["message"], (value, r.text)
    assert client.get("/v1/calls?outcome=resolution:vague", headers=sup).json()["total"] == 1
    assert client.get("/v1/calls?outcome=pass", headers=sup).json()["total"] == 1
    client.cookies.set(COOKIE, keys["supervisor"])
    page = client.get("/calls", params={"outcome": "foo:bar"})
    client.cookies.clear()
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    assert "is not a filter" in page.text


def test_the_last_admin_key_cannot_be_revoked(api):
    client, store, keys = api
    admin = h(keys["admin"])
    me = next(
        k for k in client.get("/v1/keys", headers=admin).json()["items"] if k["role"] == "admin"
    )
    r = client.delete(f"/v1/keys/{me['id']}", headers=admin)
    assert r.status_code == 409 and r.json()["error"] == "conflict"
    assert "last admin key" in r.json()["message"]
    assert client.get("/v1/keys", headers=admin).status_code == 200  # still works
    other = client.post("/v1/keys", headers=admin, json={"role": "admin"}).json()
    assert client.delete(f"/v1/keys/{me['id']}", headers=admin).status_code == 204
    assert client.delete(f"/v1/keys/{other['id']}", headers=h(other["key"])).status_code == 409


def test_old_argument_outcome_reads_as_arguing(api, tmp_path):
    client, store, keys = api
    cid = add_call(store, tmp_path, "old", "ann", datetime(2026, 3, 3, 9, tzinfo=UTC), 2.0, 410)
    store.calls.save_transcript(short_call(cid, "ann"))
    old = simple_score(40.0, arguing=("argument", 0.0))  # stored before the rename
    store.calls.save_score(cid, old, labeller_version="t")
    _seed(store, tmp_path, agent="ann")
    new = add_call(store, tmp_path, "new", "ann", datetime(2026, 3, 4, 9, tzinfo=UTC), 2.0, 420)
    store.calls.save_transcript(short_call(new, "ann"))
    store.calls.save_score(new, simple_score(50.0, arguing=("arguing", 70.0)), labeller_version="t")
    sup = h(keys["supervisor"])
    card = client.get("/v1/agents/ann/scorecard", headers=sup).json()
    assert card["per_rubric"]["arguing"]["outcomes"] == {"arguing": 2, "pass": 1}
    call = client.get(f"/v1/calls/{cid}", headers=sup).json()
    assert {r["rubric"]: r["outcome"] for r in call["score"]["results"]}["arguing"] == "arguing"
    ids = {
        c["id"]
        for c in client.get("/v1/calls?outcome=arguing:arguing", headers=sup).json()["items"]
    }
    assert ids == {cid, new}
    assert client.get("/v1/calls?outcome=arguing:argument", headers=sup).json()["total"] == 2


def test_trend_points_say_how_many_calls_they_rest_on(api, tmp_path):
    client, store, keys = api
    for _ in range(3):
        _seed(store, tmp_path, agent="ann")
    sup = h(keys["supervisor"])
    card = client.get("/v1/agents/ann/scorecard", headers=sup).json()
    assert card["trend"] == [{"week": "2026-W10", "mean_score": 60.0, "n_calls": 3}]
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/v1/agents/ann/scorecard?format=csv&part=trend", headers=sup).text
            )
        )
    )
    assert rows == [{"agent_id": "ann", "week": "2026-W10", "mean_score": "60.0", "n_calls": "3"}]
    client.cookies.set(COOKIE, keys["supervisor"])
    page = client.get("/agents/ann")
    client.cookies.clear()
    assert page.status_code == 200
    assert 'class="chart-n"' in page.text and ">n=3</text>" in page.text
    assert "2026-W10: 60.0 from 3 calls" in page.text


def test_call_page_counts_agree_with_the_findings_listed():
    findings = tuple(
        finding(
            "resolution",
            "vague_offer",
            1.0 + i,
            1.5 + i,
            ("u001",),
            f"agent: maybe {i}",
            0.9 - i / 10,
        )
        for i in range(3)
    )
    result = RubricResult(
        "resolution",
        "1.0",
        "vague",
        50.0,
        findings,
        metrics={"vague_offers": 9, "specific_offers": 0, "bookings_confirmed": 1},
    )
    from qa.types import to_dict

    cards, flat = results_view([to_dict(result)])
    metrics = dict(cards[0]["metrics"])
    assert len(cards[0]["findings"]) == 3
    assert metrics["vague offers"] == "9 (3 clearest listed below)"
    assert metrics["specific offers"] == "0" and metrics["bookings confirmed"] == "1"
    # Where every counted finding is listed, the count stands alone.
    whole = RubricResult("resolution", "1.0", "vague", 50.0, findings, metrics={"vague_offers": 3})
    assert dict(results_view([to_dict(whole)])[0][0]["metrics"])["vague offers"] == "3"
    assert CallScore  # (imported for the seeded scores' type)
