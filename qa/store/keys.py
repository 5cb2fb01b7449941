"""API keys with roles: ``store.keys``. Only a key's sha256 is stored, never the key."""

from __future__ import annotations

import builtins
import hashlib
import secrets
import time
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qa.errors import InputError
from qa.store.audit import add_entry
from qa.store.engine import Database, utc_now
from qa.store.errors import Conflict, NotFound
from qa.store.records import Actor, ApiKeyInfo, KeyIdentity
from qa.store.schema import ROLES, ApiKey, ApiKeyTeam, Team
from qa.store.views import api_key_info

__all__ = ["ApiKeys", "bind_teams"]


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKeys:
    """Create, check, revoke and list API keys: ``store.keys``."""

    def __init__(self, db: Database) -> None:
        self._db = db
        #: Seconds a valid API key's role is remembered (0: ask the database every time). A key
        #: revoked through this store stops working at once; one revoked by another process
        #: (``qa keys revoke``, another server process) within this many seconds.
        self.cache_s: float = 5.0
        self._cache: dict[str, tuple[KeyIdentity, float]] = {}

    def create(
        self,
        role: str,
        *,
        label: str = "",
        teams: Iterable[str] = (),
        by: Actor | None = None,
    ) -> str:
        """A new API key for ``role``, bound to ``teams`` (none: unscoped, every team; each
        must exist, else :class:`~qa.errors.InputError`); returns the plaintext key (only its
        sha256 is stored). A ``key.create`` audit entry (by ``by``; ``None``: the command line
        or the server) commits with it."""
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
        key = "qa_" + secrets.token_urlsafe(32)
        with self._db.write() as s:
            row = ApiKey(key_hash=_hash_key(key), prefix=key[:10], role=role, label=label[:256])
            s.add(row)
            s.flush()
            bind_teams(s, row.id, teams)
            add_entry(
                s,
                "key.create",
                key_id=by.key_id if by else None,
                role=by.role if by else None,
                target_kind="key",
                target_id=str(row.id),
                detail={"role": role, "label": row.label, "prefix": row.prefix},
            )
        return key

    def check(self, key: str | None) -> str | None:
        """The role of a valid, unrevoked key, else ``None`` (see :meth:`identify`)."""
        who = self.identify(key)
        return who.role if who is not None else None

    def identify(self, key: str | None) -> KeyIdentity | None:
        """Who a valid, unrevoked key is (id, role, teams), else ``None``.

        A valid key is remembered for :attr:`cache_s` seconds, so a busy server does not ask
        the database on every request (see :meth:`cached_identity`).
        """
        if not key:
            return None
        digest = _hash_key(key)
        with self._db.read() as s:
            row = s.scalar(select(ApiKey).where(ApiKey.key_hash == digest))
            if row is None or row.revoked is not None:
                return None
            teams = tuple(
                s.scalars(
                    select(ApiKeyTeam.team_id)
                    .where(ApiKeyTeam.key_id == row.id)
                    .order_by(ApiKeyTeam.team_id)
                )
            )
            who = KeyIdentity(id=row.id, role=row.role, teams=teams)
        if self.cache_s > 0:
            if len(self._cache) >= 4096:  # many distinct keys: start afresh, stay bounded
                self._cache.clear()
            self._cache[digest] = (who, time.monotonic() + self.cache_s)
        return who

    def cached_identity(self, key: str | None) -> KeyIdentity | None:
        """Who ``key`` is if :meth:`identify` accepted it in the last :attr:`cache_s` seconds,
        else ``None`` (unknown: ask :meth:`identify`). Never touches the database, so an async
        request handler may call it."""
        if not key:
            return None
        hit = self._cache.get(_hash_key(key))
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def cached_role(self, key: str | None) -> str | None:
        """The role part of :meth:`cached_identity`."""
        who = self.cached_identity(key)
        return who.role if who is not None else None

    def forget(self) -> None:
        """Drop the remembered keys (after a change to a key's role, teams or revocation)."""
        self._cache.clear()

    def revoke(self, key_id: int | str, *, by: Actor | None = None) -> None:
        """Revoke a key by its id or by the plaintext key (:class:`NotFound` if unknown;
        :class:`Conflict` for the last admin key that is not revoked: no one could manage
        keys after it), with a ``key.revoke`` audit entry (by ``by``) in the same
        transaction."""
        try:
            with self._db.write() as s:
                if isinstance(key_id, int):
                    row = s.get(ApiKey, key_id)
                else:
                    row = s.scalar(select(ApiKey).where(ApiKey.key_hash == _hash_key(key_id)))
                if row is None:
                    raise NotFound(f"no API key {key_id if isinstance(key_id, int) else '(given)'}")
                if row.revoked is None and row.role == "admin":
                    # Locked, so two revocations at once cannot each leave the other's key last.
                    admins = s.scalars(
                        select(ApiKey.id)
                        .where(ApiKey.role == "admin", ApiKey.revoked.is_(None))
                        .with_for_update()
                    ).all()
                    if list(admins) == [row.id]:
                        raise Conflict(
                            f"API key {row.id} is the last admin key that is not revoked; "
                            "create another admin key first (qa keys create --role admin), "
                            "then revoke this one"
                        )
                add_entry(
                    s,
                    "key.revoke",
                    key_id=by.key_id if by else None,
                    role=by.role if by else None,
                    target_kind="key",
                    target_id=str(row.id),
                    detail={"role": row.role, "already_revoked": row.revoked is not None},
                )
                if row.revoked is None:
                    row.revoked = utc_now()
        finally:  # after the commit, so no check that read the old row can re-cache it
            self._cache.clear()

    def list(self) -> builtins.list[ApiKeyInfo]:
        """Every key (by id) with its prefix, role, label, created, revoked and teams."""
        with self._db.read() as s:
            bound: dict[int, builtins.list[str]] = {}
            for key_id, team in s.execute(
                select(ApiKeyTeam.key_id, ApiKeyTeam.team_id).order_by(ApiKeyTeam.team_id)
            ):
                bound.setdefault(key_id, []).append(team)
            return [
                api_key_info(k, bound.get(k.id, ()))
                for k in s.scalars(select(ApiKey).order_by(ApiKey.id))
            ]


def bind_teams(s: Session, key_id: int, teams: Iterable[str]) -> tuple[str, ...]:
    """Bind key ``key_id`` to exactly ``teams`` (replacing its bindings) in ``s``'s transaction;
    an unknown team is an :class:`~qa.errors.InputError`. Returns the teams, sorted."""
    wanted = tuple(sorted({str(t).strip() for t in teams if str(t).strip()}))
    if wanted:
        known = set(s.scalars(select(Team.id).where(Team.id.in_(wanted))))
        missing = [t for t in wanted if t not in known]
        if missing:
            raise InputError(
                f"no team {', '.join(missing)} (create it first: qa teams create ID)"
            )
    s.execute(delete(ApiKeyTeam).where(ApiKeyTeam.key_id == key_id))
    s.add_all(ApiKeyTeam(key_id=key_id, team_id=t) for t in wanted)
    return wanted
