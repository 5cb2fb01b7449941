"""store.teams and team scoping in the store's reads, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qa.errors import InputError
from qa.store import NotFound, Store
from tests.store.test_store import audio, call_score


def _add(store, n, agent, total, day=2):
    sha, _ = store.files.put(audio(n))
    cid = store.calls.add(sha, agent_id=agent, call_time=datetime(2026, 3, day, 10, tzinfo=UTC))
    outcome = "pass" if total > 50 else "interrupted"
    store.calls.save_score(
        cid, call_score(total, interruption=(outcome, total, 0)), labeller_version="t"
    )
    return cid


def test_teams_scope_agents_calls_scorecards_and_jobs(store):
    assert store.teams.create("north", name="North") and not store.teams.create("north", name="N")
    store.teams.create("south")
    with pytest.raises(InputError):
        store.teams.create("no spaces")
    a, b, c = _add(store, 1, "ann", 40.0), _add(store, 2, "bob", 100.0), _add(store, 3, "cy", 70.0)
    store.teams.assign("ann", "north")
    store.teams.assign("bob", "south")
    with pytest.raises(NotFound):
        store.teams.assign("ann", "west")
    assert [(t.id, t.name, t.n_agents) for t in store.teams.list()] == [
        ("north", "N", 1),
        ("south", "south", 1),
    ]

    north = ("north",)
    assert [x.id for x in store.calls.agents(teams=north)] == ["ann"]
    assert [x.id for x in store.calls.agents()] == ["ann", "bob", "cy"]
    assert store.calls.get_agent("ann", teams=north).team == "north"
    for read in (
        lambda: store.calls.get_agent("bob", teams=north),
        lambda: store.calls.get(b, teams=north),
        lambda: store.scorecards.get("cy", teams=north),
    ):
        with pytest.raises(NotFound):
            read()
    assert store.calls.get(a, teams=north).id == a and store.calls.get(c).id == c
    assert [x.id for x in store.calls.list(teams=north)[0]] == [a]
    assert store.calls.list(teams=())[1] == 0
    assert store.calls.in_scope(a, north) and not store.calls.in_scope(b, north)
    assert set(store.scorecards.pass_counts_by_agent(teams=north)) == {"ann"}
    card = store.scorecards.get("ann", teams=("north", "south"), team_rates=True)
    assert (card.team_mean, card.team_n_calls) == (70.0, 2)  # ann and bob, not cy
    assert card.per_rubric["interruption"].team_pass_rate == 0.5
    assert (
        store.scorecards.get("ann").team_mean == 70.0
        and store.scorecards.get("ann").team_n_calls == 3
    )

    store.jobs.create(kind="score", call_id=b, payload={})
    mine = store.jobs.create(kind="score", call_id=a, payload={})
    assert [j.id for j in store.jobs.list(teams=north)] == [mine]
    assert store.jobs.counts(teams=north)["queued"] == 1 and store.jobs.counts()["queued"] == 2


def test_binding_a_key_changes_its_scope_at_once(store):
    store.teams.create("north")
    key = store.keys.create("supervisor", teams=["north"])
    who = store.keys.identify(key)
    assert who.teams == ("north",) and store.keys.cached_identity(key).teams == ("north",)
    store.teams.create("south")
    assert store.teams.bind_key(who.id, ["south", "north"]) == ("north", "south")
    assert (
        store.keys.cached_identity(key) is None
    )  # forgotten: the next request reads the new scope
    assert store.keys.identify(key).teams == ("north", "south")
    store.teams.unbind_key(who.id, "north")
    assert store.teams.key_teams(who.id) == ("south",)
    assert [k.teams for k in store.keys.list()] == [("south",)]
    with pytest.raises(InputError, match="west"):
        store.teams.bind_key(who.id, ["west"])
    with pytest.raises(NotFound):
        store.teams.bind_key(999, ["north"])
    assert store.teams.bind_key(who.id, []) == () and store.keys.identify(key).teams == ()


def test_calls_keep_their_offset_and_weeks_are_the_site_zone(tmp_path):
    with Store.open(
        f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "d", timezone="Asia/Kuala_Lumpur"
    ) as store:
        sha, _ = store.files.put(audio(1))
        cid = store.calls.add(
            sha, agent_id="ann", call_time=datetime.fromisoformat("2026-03-02T02:00+08:00")
        )
        got = store.calls.get(cid)
        assert got.tz_offset == 480 and got.call_time == datetime(2026, 3, 1, 18, tzinfo=UTC)
        store.calls.save_score(cid, call_score(80.0), labeller_version="t")
        assert store.scorecards.get("ann").trend == (("2026-W10", 80.0, 1),)
        # Dates are local days (default: the site's); a zone given to the read wins.
        assert store.calls.list(date_from="2026-03-02")[1] == 1
        assert store.calls.list(date_to="2026-03-01")[1] == 0
        assert store.calls.list(date_to="2026-03-01", zone=UTC)[1] == 1
        sha2, _ = store.files.put(audio(2))
        naive = store.calls.add(sha2, agent_id="ann", call_time=datetime(2026, 3, 2, 10))
        assert store.calls.get(naive).tz_offset is None
    with pytest.raises(InputError, match="Mars/Base"):
        Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "d", timezone="Mars/Base")


def test_team_changes_are_audited_with_who_made_them(store):
    from qa.store import Actor

    admin = Actor(key_id=7, role="admin")
    store.teams.create("north", by=admin)
    store.teams.create("north", name="North floor", by=admin)
    store.teams.create("north", name="North floor")  # no change: no entry
    key = store.keys.create("supervisor")
    kid = store.keys.identify(key).id
    store.teams.bind_key(kid, ["north"], by=admin)
    store.teams.bind_key(kid, ["north"], by=admin)  # the same binding: no entry
    store.teams.unbind_key(kid, "north")
    store.teams.assign("ann", "north", by=admin)
    store.teams.assign("ann", "north", by=admin)  # already there: no entry
    got = [(e.action, e.target_id, e.key_id, e.detail) for e in reversed(store.audit.list())]
    assert got == [
        ("team.create", "north", 7, {}),
        ("team.rename", "north", 7, {"old": "north", "new": "North floor"}),
        ("key.create", str(kid), None, {"role": "supervisor", "label": "", "prefix": key[:10]}),
        ("key.teams", str(kid), 7, {"old": [], "new": ["north"]}),
        ("key.teams", str(kid), None, {"old": ["north"], "new": []}),
        ("agent.team", "ann", 7, {"old": None, "new": "north"}),
    ]
    with pytest.raises(InputError, match="agent_id"):
        store.teams.assign("a/b", "north")
