"""``qa teams create|assign|list``, ``qa keys create ROLE --team`` and ``qa reweek`` as a user
runs them (a real subprocess, a real SQLite store)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from qa.store import Store
from tests.cli.run import assert_clean_failure, qa
from tests.conftest import tone, write_wav


def test_teams_and_team_bound_keys_from_the_command_line(tmp_path):
    data = ["--data-dir", tmp_path / "var"]
    assert qa("teams", "create", "north", "--name", "North floor", *data).returncode == 0
    res = qa("teams", "assign", "ann", "north", *data)
    assert res.returncode == 0 and "ann (new) is in team north" in res.stdout
    listed = qa("teams", "list", *data)
    assert listed.returncode == 0 and "north" in listed.stdout and "1 agent " in listed.stdout
    assert_clean_failure(qa("teams", "assign", "ann", "west", *data), "no team west")

    res = qa("keys", "create", "supervisor", "--team", "north", *data)
    assert res.returncode == 0, res.stderr
    key = res.stdout.strip()
    assert_clean_failure(qa("keys", "create", "qa_lead", "--team", "west", *data), "no team west")
    with Store.open(None, data_dir=tmp_path / "var") as store:
        who = store.keys.identify(key)
        assert (who.role, who.teams) == ("supervisor", ("north",))
        assert store.calls.get_agent("ann").team == "north"
    assert "north" in qa("keys", "list", *data).stdout


def test_reweek_moves_calls_to_the_site_zone_weeks(tmp_path, monkeypatch):
    with Store.open(None, data_dir=tmp_path / "var") as store:  # a UTC site
        sha, _ = store.files.put(write_wav(tmp_path / "a.wav", tone(0.5)))
        store.calls.add(
            sha, agent_id="ann", call_time=datetime.fromisoformat("2026-03-02T02:00+08:00")
        )
    monkeypatch.setenv("QA_TIMEZONE", "Asia/Kuala_Lumpur")
    res = qa("reweek", "--data-dir", tmp_path / "var")
    assert res.returncode == 0 and "1 call(s)" in res.stderr, res.stderr
    with Store.open(None, data_dir=tmp_path / "var") as store:
        assert store.calls.list()[0][0].tz_offset == 480
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT week FROM calls")).scalar() == "2026-W10"
    monkeypatch.setenv("QA_TIMEZONE", "Mars/Base")
    assert_clean_failure(qa("reweek", "--data-dir", tmp_path / "var"), "QA_TIMEZONE")
