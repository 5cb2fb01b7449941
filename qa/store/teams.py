"""Teams: ``store.teams``. Agents belong to at most one team; API keys may be bound to teams.

A supervisor's or QA lead's key bound to teams sees only the agents of those teams, and their
calls, recordings and scorecards (the other stores' ``teams`` arguments); an unbound key, and
every admin key, sees everything. Binding changes drop the keys' cache
(:meth:`qa.store.keys.ApiKeys.forget`), so they take effect at once in this process.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qa.errors import InputError
from qa.names import check_agent_id
from qa.store.audit import add_entry
from qa.store.engine import Database
from qa.store.errors import NotFound
from qa.store.keys import ApiKeys, bind_teams
from qa.store.records import Actor, TeamInfo
from qa.store.schema import Agent, ApiKey, ApiKeyTeam, Team

__all__ = ["Teams", "check_team_id"]

_TEAM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def check_team_id(team_id: str) -> str:
    """A team id: 1–64 letters, digits, ``.``, ``_`` or ``-`` (not starting with a sign)."""
    team_id = (team_id or "").strip()
    if not _TEAM_ID.match(team_id):
        raise InputError(f"a team id is 1 to 64 letters, digits, '.', '_' or '-'; got {team_id!r}")
    return team_id


def _by(by: Actor | None) -> dict[str, object]:
    return {"key_id": by.key_id, "role": by.role} if by is not None else {}


class Teams:
    """Create and list teams, put agents in them, bind keys to them: ``store.teams``."""

    def __init__(self, db: Database, keys: ApiKeys) -> None:
        self._db = db
        self._keys = keys

    def create(
        self, team_id: str, *, name: str | None = None, by: Actor | None = None
    ) -> bool:
        """Create a team (``True``); an existing one only gets ``name`` updated (``False``).
        Either is a ``team.create`` / ``team.rename`` audit entry (by ``by``)."""
        team_id = check_team_id(team_id)
        with self._db.write() as s:
            row = s.get(Team, team_id)
            if row is None:
                s.add(Team(id=team_id, name=(name or team_id)[:256]))
                add_entry(s, "team.create", **_by(by), target_kind="team", target_id=team_id)
                return True
            if name and name[:256] != row.name:
                add_entry(
                    s,
                    "team.rename",
                    **_by(by),
                    target_kind="team",
                    target_id=team_id,
                    detail={"old": row.name, "new": name[:256]},
                )
                row.name = name[:256]
            return False

    def list(self, *, teams: tuple[str, ...] | None = None) -> builtins.list[TeamInfo]:
        """Every team (by id) with its number of agents; ``teams``: only those."""
        q = (
            select(Team, func.count(Agent.id))
            .outerjoin(Agent, Agent.team_id == Team.id)
            .group_by(Team.id, Team.name, Team.created)
            .order_by(Team.id)
        )
        if teams is not None:
            q = q.where(Team.id.in_(teams))
        with self._db.read() as s:
            return [
                TeamInfo(id=t.id, name=t.name, created=t.created, n_agents=int(n))
                for t, n in s.execute(q)
            ]

    def get(self, team_id: str) -> TeamInfo:
        """One team (:class:`~qa.store.NotFound` if unknown)."""
        found = [t for t in self.list(teams=(team_id,))]
        if not found:
            raise NotFound(f"no team {team_id}")
        return found[0]

    def assign(
        self,
        agent_id: str,
        team_id: str | None,
        *,
        create_agent: bool = True,
        by: Actor | None = None,
    ) -> bool:
        """Put an agent in a team (``None``: in no team). An unknown agent is created (with no
        calls) when ``create_agent``, so a team can be set up before its calls arrive; else
        :class:`~qa.store.NotFound`. An unknown team is :class:`~qa.store.NotFound`. Returns
        whether the agent was created. A change is an ``agent.team`` audit entry (by ``by``)."""
        agent_id = check_agent_id(agent_id)
        with self._db.write() as s:
            if team_id is not None and s.get(Team, team_id) is None:
                raise NotFound(f"no team {team_id}")
            row = s.get(Agent, agent_id)
            created = row is None
            if row is None:
                if not create_agent:
                    raise NotFound(f"no agent {agent_id}")
                row = Agent(id=agent_id, name=agent_id)
                s.add(row)
            if created or row.team_id != team_id:
                add_entry(
                    s,
                    "agent.team",
                    **_by(by),
                    target_kind="agent",
                    target_id=agent_id,
                    detail={"old": None if created else row.team_id, "new": team_id},
                )
            row.team_id = team_id
            return created

    def bind_key(
        self, key_id: int, teams: Iterable[str], *, by: Actor | None = None
    ) -> tuple[str, ...]:
        """Bind a key to exactly ``teams`` (empty: unbind it, so it sees every team); returns
        the teams, with a ``key.teams`` audit entry (by ``by``). :class:`~qa.store.NotFound`
        for an unknown key, an :class:`~qa.errors.InputError` for an unknown team."""
        try:
            with self._db.write() as s:
                if s.get(ApiKey, key_id) is None:
                    raise NotFound(f"no API key {key_id}")
                old = _bound(s, key_id)
                new = bind_teams(s, key_id, teams)
                if new != old:
                    add_entry(
                        s,
                        "key.teams",
                        **_by(by),
                        target_kind="key",
                        target_id=str(key_id),
                        detail={"old": list(old), "new": list(new)},
                    )
                return new
        finally:  # after the commit: no request may keep the old scope
            self._keys.forget()

    def unbind_key(self, key_id: int, team_id: str, *, by: Actor | None = None) -> None:
        """Take one team from a key's binding (a key left with none sees every team), with a
        ``key.teams`` audit entry (by ``by``)."""
        try:
            with self._db.write() as s:
                row = s.get(ApiKeyTeam, (key_id, team_id))
                if row is not None:
                    old = _bound(s, key_id)
                    s.delete(row)
                    add_entry(
                        s,
                        "key.teams",
                        **_by(by),
                        target_kind="key",
                        target_id=str(key_id),
                        detail={"old": list(old), "new": [t for t in old if t != team_id]},
                    )
        finally:
            self._keys.forget()

    def key_teams(self, key_id: int) -> tuple[str, ...]:
        """The teams a key is bound to (empty: every team)."""
        with self._db.read() as s:
            return _bound(s, key_id)


def _bound(s: Session, key_id: int) -> tuple[str, ...]:
    return tuple(
        s.scalars(
            select(ApiKeyTeam.team_id).where(ApiKeyTeam.key_id == key_id).order_by(ApiKeyTeam.team_id)
        )
    )

