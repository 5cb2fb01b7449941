"""API keys with roles: ``store.keys``. Only a key's sha256 is stored, never the key."""

from __future__ import annotations

import builtins
import hashlib
import secrets
import time

from sqlalchemy import select

from qa.errors import InputError
from qa.store.engine import Database, utc_now
from qa.store.errors import Conflict, NotFound
from qa.store.records import ApiKeyInfo, KeyIdentity
from qa.store.schema import ROLES, ApiKey, ApiKeyTeam
from qa.store.views import api_key_info

__all__ = ["ApiKeys"]


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

    def create(self, role: str, *, label: str = "") -> str:
        """A new API key for ``role``; returns the plaintext key (only its sha256 is stored)."""
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
        key = "qa_" + secrets.token_urlsafe(32)
        with self._db.write() as s:
            s.add(ApiKey(key_hash=_hash_key(key), prefix=key[:10], role=role, label=label[:256]))
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

    def revoke(self, key_id: int | str) -> None:
        """Revoke a key by its id or by the plaintext key (:class:`NotFound` if unknown;
        :class:`Conflict` for the last admin key that is not revoked: no one could manage
        keys after it)."""
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
                if row.revoked is None:
                    row.revoked = utc_now()
        finally:  # after the commit, so no check that read the old row can re-cache it
            self._cache.clear()

    def list(self) -> builtins.list[ApiKeyInfo]:
        """Every key (by id) with its prefix, role, label, created and revoked."""
        with self._db.read() as s:
            return [api_key_info(k) for k in s.scalars(select(ApiKey).order_by(ApiKey.id))]
