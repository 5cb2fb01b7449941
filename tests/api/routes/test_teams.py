"""Teams: a key bound to teams sees and acts only on those teams' agents, calls, audio,
scorecards, CSVs and jobs (others' read as 404); admins and unbound keys see all. Through the
real API on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from api.worker import JOB_KIND
from tests.api.conftest import h, short_wav
from tests.api.test_pages import short_call, simple_score
from tests.conftest import tone, write_wav


def _call(store, tmp_path, name, agent, day, total, freq):
    wav = write_wav(tmp_path / f"{name}.wav", tone(1.0, freq))
    sha, _ = store.files.put(wav, filename=f"{name}.wav")
    cid = store.calls.add(sha, agent_id=agent, call_time=datetime(2026, 3, day, 10, tzinfo=UTC))
    store.calls.save_transcript(short_call(cid, agent))
    store.calls.save_score(cid, simple_score(total), labeller_version="t")
    return cid


def _seed(client, store, keys, tmp_path):
    admin = h(keys["admin"])
    for team in ("north", "south"):
        r = client.post("/v1/teams", headers=admin, json={"id": team, "name": team.title()})
        assert r.status_code == 201 and r.json()["n_agents"] == 0
    calls = {
        "ann": _call(store, tmp_path, "ann", "ann", 2, 40.0, 310),
        "bob": _call(store, tmp_path, "bob", "bob", 3, 100.0, 330),
        "cy": _call(store, tmp_path, "cy", "cy", 4, 70.0, 350),  # cy: in no team
    }
    for agent, team in (("ann", "north"), ("bob", "south")):
        r = client.put(f"/v1/agents/{agent}/team", headers=admin, json={"team": team})
        assert r.status_code == 200 and r.json()["team"] == team
    r = client.post("/v1/keys", headers=admin, json={"role": "supervisor", "teams": ["north"]})
    assert r.status_code == 201 and r.json()["teams"] == ["north"]
    return calls, r.json()["key"]


def test_a_key_bound_to_a_team_sees_only_its_agents_calls_audio_and_scorecards(api, tmp_path):
    client, store, keys = api
    calls, north = _seed(client, store, keys, tmp_path)
    sup = h(north)

    assert [a["id"] for a in client.get("/v1/agents", headers=sup).json()["items"]] == ["ann"]
    everyone = client.get("/v1/agents", headers=h(keys["supervisor"])).json()["items"]
    assert {a["id"]: a["team"] for a in everyone} == {"ann": "north", "bob": "south", "cy": None}
    assert [t["id"] for t in client.get("/v1/teams", headers=sup).json()["items"]] == ["north"]

    listed = client.get("/v1/calls", headers=sup).json()
    assert [c["id"] for c in listed["items"]] == [calls["ann"]] and listed["total"] == 1
    assert client.get("/v1/calls?agent=bob", headers=sup).json()["total"] == 0
    assert client.get(f"/v1/calls/{calls['ann']}", headers=sup).status_code == 200
    assert client.get(f"/v1/calls/{calls['ann']}/audio", headers=sup).status_code == 200
    for other in ("bob", "cy"):
        for path in (
            f"/v1/calls/{calls[other]}",
            f"/v1/calls/{calls[other]}/audio",
            f"/v1/agents/{other}",
            f"/v1/agents/{other}/scorecard",
            f"/v1/agents/{other}/scorecard?format=csv&part=worst",
        ):
            r = client.get(path, headers=sup)
            assert r.status_code == 404, path  # as if unknown: ids don't leak
            assert r.json()["error"] == "not_found"
        # Unbound keys and admins see everything.
        assert (
            client.get(f"/v1/calls/{calls[other]}", headers=h(keys["supervisor"])).status_code
            == 200
        )
        assert (
            client.get(f"/v1/calls/{calls[other]}/audio", headers=h(keys["admin"])).status_code
            == 200
        )

    # The team mean on a scoped scorecard is over the caller's teams only (ann alone: 40),
    # an unbound key's over everyone ((40 + 100 + 70) / 3).
    card = client.get("/v1/agents/ann/scorecard", headers=sup).json()
    assert card["team_mean"] == 40.0 and card["team_n_calls"] == 1
    assert (
        client.get("/v1/agents/ann/scorecard", headers=h(keys["admin"])).json()["team_mean"] == 70.0
    )
    rates = client.get("/v1/agents/ann/scorecard?team_rates=true", headers=sup).json()["per_rubric"]
    assert all(st["team_pass_rate"] == st["pass_rate"] for st in rates.values())

    # Its CSVs list team north's calls only.
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/v1/agents/ann/scorecard?format=csv&part=worst", headers=sup).text
            )
        )
    )
    assert [r["call_id"] for r in rows] == [calls["ann"]]

    # Jobs of other teams' calls are unknown to it too.
    other_job = store.jobs.create(kind=JOB_KIND, call_id=calls["bob"], payload={})
    own_job = store.jobs.create(kind=JOB_KIND, call_id=calls["ann"], payload={})
    assert client.get(f"/v1/jobs/{other_job}", headers=sup).status_code == 404
    assert client.get(f"/v1/jobs/{own_job}", headers=sup).status_code == 200
    assert [j["id"] for j in client.get("/v1/jobs", headers=sup).json()["items"]] == [own_job]
    assert client.get(f"/v1/jobs/{other_job}", headers=h(keys["supervisor"])).status_code == 200

    # Rebinding takes effect at once (the key cache is dropped): now it sees south's bob only.
    key_id = next(
        k["id"]
        for k in client.get("/v1/keys", headers=h(keys["admin"])).json()["items"]
        if k["teams"] == ["north"]
    )
    r = client.put(f"/v1/keys/{key_id}/teams", headers=h(keys["admin"]), json={"teams": ["south"]})
    assert r.status_code == 200 and r.json()["teams"] == ["south"]
    assert [a["id"] for a in client.get("/v1/agents", headers=sup).json()["items"]] == ["bob"]
    assert client.get(f"/v1/calls/{calls['ann']}", headers=sup).status_code == 404

    # Only admins manage teams; unknown teams are refused.
    assert client.post("/v1/teams", headers=h(keys["qa_lead"]), json={"id": "x"}).status_code == 403
    assert client.put("/v1/agents/ann/team", headers=sup, json={"team": "south"}).status_code == 403
    assert (
        client.put(
            "/v1/agents/ann/team", headers=h(keys["admin"]), json={"team": "west"}
        ).status_code
        == 404
    )
    r = client.post(
        "/v1/keys", headers=h(keys["admin"]), json={"role": "supervisor", "teams": ["west"]}
    )
    assert r.status_code == 422 and "west" in r.json()["message"]


def test_a_scoped_qa_lead_uploads_only_for_its_teams(api, tmp_path):
    client, store, keys = api
    calls, _ = _seed(client, store, keys, tmp_path)
    admin = h(keys["admin"])
    lead = client.post(
        "/v1/keys", headers=admin, json={"role": "qa_lead", "teams": ["north"]}
    ).json()["key"]
    both = client.post(
        "/v1/keys", headers=admin, json={"role": "qa_lead", "teams": ["north", "south"]}
    ).json()["key"]

    def upload(key, agent, name, freq, **data):
        wav = write_wav(tmp_path / name, tone(1.0, freq))
        with wav.open("rb") as fh:
            return client.post(
                "/v1/calls", headers=h(key), files={"audio": fh}, data={"agent_id": agent, **data}
            )

    r = upload(lead, "bob", "b.wav", 500)
    assert r.status_code == 403 and "not in your teams" in r.json()["message"]
    assert upload(lead, "ann", "a.wav", 510).status_code == 202
    # A new agent goes into the uploader's one team.
    assert upload(lead, "dan", "d.wav", 520).status_code == 202
    assert store.calls.get_agent("dan").team == "north"
    # A key bound to several teams names the team of a new agent, one of its own.
    r = upload(both, "eve", "e.wav", 530)
    assert r.status_code == 422 and "team" in r.json()["message"]
    assert upload(both, "eve", "e.wav", 530, team="south").status_code == 202
    assert store.calls.get_agent("eve").team == "south"
    assert upload(lead, "fay", "f.wav", 540, team="south").status_code == 403
    # The same bytes as another team's call: refused, without its call id.
    bob_audio = store.calls.get(calls["bob"]).recording.path
    with open(bob_audio, "rb") as fh:
        r = client.post(
            "/v1/calls", headers=h(lead), files={"audio": ("x.wav", fh)}, data={"agent_id": "ann"}
        )
    assert r.status_code == 403 and calls["bob"] not in r.text
    # An unbound QA lead uploads for anyone; its new agents are in no team.
    assert upload(keys["qa_lead"], "gus", "g.wav", 550).status_code == 202
    assert store.calls.get_agent("gus").team is None


# --- time zones ----------------------------------------------------------------------------------


def test_call_times_keep_their_offset_and_show_in_the_asked_zone(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from qa.store import Store

    store = Store.open(db_url, data_dir=tmp_path / "data", timezone="Asia/Kuala_Lumpur")
    app = create_app(Settings(warm_models=False, job_workers=0), store=store)
    key = store.keys.create("qa_lead")
    try:
        with TestClient(app) as client:
            wav = short_wav(tmp_path)
            with wav.open("rb") as fh:
                r = client.post(
                    "/v1/calls",
                    headers=h(key),
                    files={"audio": fh},
                    data={"agent_id": "ann", "call_time": "2026-03-02T08:05:00+08:00"},
                )
            assert r.status_code == 202, r.text
            cid = r.json()["call_id"]
            call = client.get(f"/v1/calls/{cid}", headers=h(key)).json()
            assert call["call_time"] == "2026-03-02T00:05:00+00:00" and call["tz_offset"] == 480
            local = client.get(f"/v1/calls/{cid}?tz=Asia/Kuala_Lumpur", headers=h(key)).json()
            assert local["call_time"] == "2026-03-02T08:05:00+08:00" and local["tz_offset"] == 480
            assert client.get(f"/v1/calls/{cid}?tz=Mars/Base", headers=h(key)).status_code == 422

            # A naive call time is in the site's zone (here Kuala Lumpur): the same instant.
            with short_wav(tmp_path, "b.wav", seconds=1.5).open("rb") as fh:
                r = client.post(
                    "/v1/calls",
                    headers=h(key),
                    files={"audio": fh},
                    data={"agent_id": "ann", "call_time": "2026-03-02T08:05:00"},
                )
            naive = client.get(f"/v1/calls/{r.json()['call_id']}", headers=h(key)).json()
            assert naive["call_time"] == "2026-03-02T00:05:00+00:00" and naive["tz_offset"] == 480

            # Dates are the site's days: 2026-03-02 local is 2026-03-01 16:00 to 03-02 16:00 UTC.
            assert (
                client.get("/v1/calls?from=2026-03-02&to=2026-03-02", headers=h(key)).json()[
                    "total"
                ]
                == 2
            )
            assert (
                client.get("/v1/calls?from=2026-03-02&tz=America/New_York", headers=h(key)).json()[
                    "total"
                ]
                == 0
            )
    finally:
        store.close()


def test_weekly_trend_uses_the_site_zone_and_the_csv_local_times(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from qa.store import Store

    store = Store.open(db_url, data_dir=tmp_path / "data", timezone="Asia/Kuala_Lumpur")
    app = create_app(
        Settings(warm_models=False, job_workers=0, timezone="Asia/Kuala_Lumpur"), store=store
    )
    key = store.keys.create("supervisor")
    try:
        wav = write_wav(tmp_path / "m.wav", tone(1.0, 440))
        sha, _ = store.files.put(wav)
        # Monday 2026-03-02 02:00 in Kuala Lumpur is Sunday 2026-03-01 18:00 UTC (ISO week 9).
        monday = datetime.fromisoformat("2026-03-02T02:00:00+08:00")
        cid = store.calls.add(sha, agent_id="ann", call_time=monday)
        store.calls.save_score(cid, simple_score(80.0), labeller_version="t")
        with TestClient(app) as client:
            card = client.get("/v1/agents/ann/scorecard", headers=h(key)).json()
            assert card["trend"] == [{"week": "2026-W10", "mean_score": 80.0, "n_calls": 1}]
            # The site's local day, not the UTC one; a period of whole local days.
            assert (
                client.get("/v1/agents/ann/scorecard?from=2026-03-02", headers=h(key)).json()[
                    "n_calls"
                ]
                == 1
            )
            assert (
                client.get("/v1/agents/ann/scorecard?to=2026-03-01", headers=h(key)).json()[
                    "n_calls"
                ]
                == 0
            )
            trend = client.get(
                "/v1/agents/ann/scorecard?format=csv&part=trend", headers=h(key)
            ).text
            assert "ann,2026-W10,80.0" in trend
            worst = client.get(
                "/v1/agents/ann/scorecard?format=csv&part=worst", headers=h(key)
            ).text
            assert "2026-03-02 02:00:00+08:00" in worst
            utc = client.get(
                "/v1/agents/ann/scorecard?format=csv&part=worst&tz=UTC", headers=h(key)
            ).text
            assert "2026-03-01 18:00:00+00:00" in utc
        # Had the site been on UTC, the call was in week 9; reweek moves it when the zone changes.
        assert store.calls.rebuild_weeks() == 0
        store.calls.zone = _utc()
        assert store.calls.rebuild_weeks() == 1
        assert store.scorecards.get("ann").trend == (("2026-W09", 80.0, 1),)
    finally:
        store.close()


def _utc():
    from qa.timezones import zone

    return zone("UTC")


def test_an_unknown_site_zone_fails_at_start(monkeypatch):
    import pytest

    from api.settings import Settings
    from qa.errors import InputError

    with pytest.raises(InputError, match="Mars/Base"):
        Settings(timezone="Mars/Base")
    monkeypatch.setenv("QA_TIMEZONE", "Mars/Base")
    with pytest.raises(InputError, match=r"\$QA_TIMEZONE"):
        Settings.from_env()
    monkeypatch.setenv("QA_TIMEZONE", "Asia/Kuala_Lumpur")
    assert Settings.from_env().timezone == "Asia/Kuala_Lumpur"


def test_the_review_queue_offers_a_bound_qa_lead_only_its_teams_agents(api, tmp_path):
    client, store, keys = api
    calls, _ = _seed(client, store, keys, tmp_path)
    r = client.post("/v1/keys", headers=h(keys["admin"]), json={"role": "qa_lead", "teams": ["north"]})
    lead = h(r.json()["key"])
    page = client.get("/review", headers=lead)
    assert page.status_code == 200
    assert '<option value="ann"' in page.text
    assert '<option value="bob"' not in page.text and '<option value="cy"' not in page.text
    assert calls["bob"] not in page.text
    # An unbound QA lead is offered every agent.
    everyone = client.get("/review", headers=h(keys["qa_lead"])).text
    assert all(f'<option value="{a}"' in everyone for a in ("ann", "bob", "cy"))
