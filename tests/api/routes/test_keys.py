"""API keys and roles: every route admits only the roles it names; admins manage keys."""

from __future__ import annotations

from tests.api.conftest import h, short_wav, stored_files

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
