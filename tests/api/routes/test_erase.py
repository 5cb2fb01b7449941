"""Correcting and deleting calls through the API (``PATCH``/``DELETE /v1/calls/{id}``), the
audit log they and key changes and downloads write, and ``GET /v1/audit``; SQLite and
PostgreSQL, real FastAPI."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.conftest import h, short_wav, stored_files
from tests.api.test_pages import short_call, simple_score


def stored_call(store, tmp_path, name="a", agent="ann", when=None, total=80.0, freq=300.0):
    from tests.api.test_pages import add_call

    cid = add_call(store, tmp_path, name, agent, when or datetime(2026, 3, 2, 9, tzinfo=UTC), 2.0, freq)
    store.calls.save_transcript(short_call(cid, agent))
    store.calls.save_score(cid, simple_score(total), labeller_version="lab")
    return cid


def key_id(store, key: str) -> int:
    return store.keys.identify(key).id


def test_patch_corrects_metadata_with_history_and_roles(api, tmp_path):
    client, store, keys = api
    cid = stored_call(store, tmp_path)
    other = stored_call(store, tmp_path, "b", "bob", datetime(2026, 3, 3, 9, tzinfo=UTC), 60.0, 410.0)

    # Supervisors may not; no key: 401; unknown call: 404.
    assert client.patch(f"/v1/calls/{cid}", headers=h(keys["supervisor"]), json={"queue": "x"}).status_code == 403
    assert client.patch(f"/v1/calls/{cid}", json={"queue": "x"}).status_code == 401
    assert client.patch("/v1/calls/nope", headers=h(keys["qa_lead"]), json={"queue": "x"}).status_code == 404
    for bad in ({"agent_id": None}, {"agent_id": ""}, {"duration": 3}, {"call_time": "soon"}, {"queue": "q" * 129}):
        r = client.patch(f"/v1/calls/{cid}", headers=h(keys["qa_lead"]), json=bad)
        assert r.status_code == 422 and r.json()["error"] == "invalid_request", bad
    assert store.audit.list(action="call.edit") == []

    r = client.patch(
        f"/v1/calls/{cid}",
        headers=h(keys["qa_lead"]),
        json={"agent_id": "bob", "call_time": "2026-03-20T08:15:00+01:00", "customer_ref": "C-7"},
    )
    assert r.status_code == 200
    body = r.json()
    assert (body["agent_id"], body["call_time"], body["customer_ref"]) == ("bob", "2026-03-20T07:15:00+00:00", "C-7")
    [edit] = body["edits"]
    assert edit["key_id"] == key_id(store, keys["qa_lead"]) and edit["role"] == "qa_lead"
    assert edit["changes"] == {
        "agent_id": {"old": "ann", "new": "bob"},
        "call_time": {"old": "2026-03-02T09:00:00+00:00", "new": "2026-03-20T07:15:00+00:00"},
        "customer_ref": {"old": None, "new": "C-7"},
    }
    assert client.get(f"/v1/calls/{cid}", headers=h(keys["supervisor"])).json()["edits"] == body["edits"]
    assert client.get(f"/v1/calls/{other}", headers=h(keys["supervisor"])).json()["edits"] == []
    # The totals moved with the call: ann has none left, bob has both.
    agents = {a["id"]: a for a in client.get("/v1/agents", headers=h(keys["supervisor"])).json()["items"]}
    assert (agents["ann"]["n_calls"], agents["ann"]["mean_score"]) == (0, None)
    assert (agents["bob"]["n_calls"], agents["bob"]["mean_score"]) == (2, 70.0)
    assert agents["bob"]["last_call"].startswith("2026-03-20T07:15")
    card = client.get("/v1/agents/bob/scorecard", headers=h(keys["supervisor"])).json()
    assert card["n_calls"] == 2 and [t["week"] for t in card["trend"]] == ["2026-W10", "2026-W12"]
    # Admins may too; an edit that changes nothing adds no history.
    r = client.patch(f"/v1/calls/{cid}", headers=h(keys["admin"]), json={"agent_id": "bob"})
    assert r.status_code == 200 and len(r.json()["edits"]) == 1


def test_delete_is_for_admins_and_leaves_an_audit_entry(api, tmp_path):
    client, store, keys = api
    cid = stored_call(store, tmp_path)
    keep = stored_call(store, tmp_path, "b", "ann", datetime(2026, 3, 1, 9, tzinfo=UTC), 60.0, 410.0)
    store.jobs.create(kind="score", call_id=cid, payload={})
    assert len(stored_files(store)) == 2
    for role in ("supervisor", "qa_lead"):
        assert client.delete(f"/v1/calls/{cid}", headers=h(keys[role])).status_code == 403
    r = client.delete(f"/v1/calls/{cid}", headers=h(keys["admin"]))
    assert r.status_code == 200
    assert r.json() == {
        "call_id": cid,
        "agent_id": "ann",
        "call_time": "2026-03-02T09:00:00Z",
        "counts": {
            "reviews": 0,
            "disputes": 0,
            "rubric_results": 5,
            "scores": 1,
            "transcripts": 1,
            "jobs": 1,
            "recordings": 1,
        },
        "files_left": 0,
    }
    assert client.get(f"/v1/calls/{cid}", headers=h(keys["admin"])).status_code == 404
    assert client.get(f"/v1/calls/{cid}/audio", headers=h(keys["admin"])).status_code == 404
    assert client.delete(f"/v1/calls/{cid}", headers=h(keys["admin"])).status_code == 404
    assert len(stored_files(store)) == 1
    assert [c["id"] for c in client.get("/v1/calls", headers=h(keys["admin"])).json()["items"]] == [keep]
    assert client.get("/v1/jobs", headers=h(keys["admin"])).json()["items"] == []
    ann = client.get("/v1/agents/ann", headers=h(keys["admin"])).json()
    assert (ann["n_calls"], ann["mean_score"]) == (1, 60.0)
    entry = client.get("/v1/audit?action=call.delete", headers=h(keys["admin"])).json()["items"][0]
    assert (entry["key_id"], entry["target_kind"], entry["target_id"]) == (key_id(store, keys["admin"]), "call", cid)
    assert set(entry["detail"]) == {"agent_id", "call_time", "counts"}
    assert "Sorry" not in str(entry)  # no transcript text


def test_a_duplicate_under_another_agent_is_a_conflict(api, tmp_path):
    client, store, keys = api
    wav = short_wav(tmp_path)
    lead = h(keys["qa_lead"])

    def upload(agent):
        return client.post("/v1/calls", headers=lead, files={"audio": ("a.wav", wav.read_bytes())}, data={"agent_id": agent})

    first = upload("ann")
    assert first.status_code == 202
    same = upload("ann")
    assert same.status_code == 200 and same.json()["duplicate"] is True
    other = upload("bob")
    assert other.status_code == 409
    assert other.json() == {
        "error": "conflict",
        "message": other.json()["message"],
        "call_id": first.json()["call_id"],
        "agent_id": "ann",
    }
    assert "ann" in other.json()["message"] and "bob" in other.json()["message"]
    assert [a.id for a in store.calls.agents()] == ["ann"] and len(store.jobs.list()) == 1


def test_downloads_and_key_changes_are_in_the_audit_log_for_admins(api, tmp_path):
    client, store, keys = api
    cid = stored_call(store, tmp_path)
    sup, admin = h(keys["supervisor"]), h(keys["admin"])
    assert client.get(f"/v1/calls/{cid}/audio", headers=sup).status_code == 200
    # A player's range requests: the first (from byte 0) counts, the rest do not.
    assert client.get(f"/v1/calls/{cid}/audio", headers={**sup, "Range": "bytes=0-"}).status_code == 206
    assert client.get(f"/v1/calls/{cid}/audio", headers={**sup, "Range": "bytes=500-999"}).status_code == 206
    made = client.post("/v1/keys", headers=admin, json={"role": "qa_lead", "label": "temp"}).json()
    assert client.delete(f"/v1/keys/{made['id']}", headers=admin).status_code == 204

    # Only admins read the log.
    for role in ("supervisor", "qa_lead"):
        assert client.get("/v1/audit", headers=h(keys[role])).status_code == 403
    assert client.get("/v1/audit").status_code == 401
    got = client.get("/v1/audit", headers=admin).json()
    actions = [e["action"] for e in got["items"]]
    assert actions[:4] == ["key.revoke", "key.create", "recording.download", "recording.download"]
    assert actions[4:] == ["key.create"] * 3  # the fixture's keys, from the command line
    sup_id, admin_id = key_id(store, keys["supervisor"]), key_id(store, keys["admin"])
    downloads = [e for e in got["items"] if e["action"] == "recording.download"]
    assert {(e["key_id"], e["role"], e["target_id"]) for e in downloads} == {(sup_id, "supervisor", cid)}
    revoke = got["items"][0]
    assert (revoke["key_id"], revoke["target_kind"], revoke["target_id"]) == (admin_id, "key", str(made["id"]))
    assert made["key"] not in str(got)

    # Filters: action, target, acting key, period; paging back with before_id.
    def ids(query):
        r = client.get(f"/v1/audit{query}", headers=admin)
        assert r.status_code == 200, r.text
        return [e["action"] for e in r.json()["items"]]

    assert ids("?action=key.create") == ["key.create"] * 4
    assert ids(f"?target=call:{cid}") == ["recording.download"] * 2
    assert ids(f"?target=key:{made['id']}") == ["key.revoke", "key.create"]
    assert ids(f"?target={cid}") == ["recording.download"] * 2
    assert ids(f"?key_id={sup_id}") == ["recording.download"] * 2
    assert ids("?from=2000-01-01&to=2000-12-31") == []
    today = datetime.now(UTC).date().isoformat()
    assert len(ids(f"?from={today}&to={today}")) == 7
    page1 = client.get("/v1/audit?limit=3", headers=admin).json()
    assert len(page1["items"]) == 3 and page1["next_before_id"] == page1["items"][-1]["id"]
    page2 = client.get(f"/v1/audit?limit=3&before_id={page1['next_before_id']}", headers=admin).json()
    page3 = client.get(f"/v1/audit?limit=3&before_id={page2['next_before_id']}", headers=admin).json()
    assert [len(p["items"]) for p in (page2, page3)] == [3, 1] and page3["next_before_id"] is None
    assert [e["id"] for p in (page1, page2, page3) for e in p["items"]] == [e["id"] for e in got["items"]]
    for bad in ("?from=yesterday", "?key_id=x", "?limit=0", "?before_id=0"):
        assert client.get(f"/v1/audit{bad}", headers=admin).status_code == 422, bad
