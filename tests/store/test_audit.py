"""The audit log and key identities (``store.audit``, ``store.keys.identify``) on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from qa.store.engine import utc_now


def test_entries_come_back_newest_first_and_filter(store):
    before = utc_now() - timedelta(seconds=1)
    store.audit.record("key.create", key_id=1, role="admin", target_kind="key", target_id="2")
    store.audit.record(
        "call.delete",
        key_id=1,
        role="admin",
        target_kind="call",
        target_id="c1",
        detail={"agent": "ann"},
    )
    store.audit.record("recording.download", target_kind="call", target_id="c1")
    rows = store.audit.list()
    assert [r.action for r in rows] == ["recording.download", "call.delete", "key.create"]
    assert rows[1].detail == {"agent": "ann"} and rows[1].key_id == 1 and rows[1].role == "admin"
    assert rows[0].key_id is None and rows[0].at >= before
    assert [r.action for r in store.audit.list(target_kind="call", target_id="c1")] == [
        "recording.download",
        "call.delete",
    ]
    assert [r.action for r in store.audit.list(action="key.create")] == ["key.create"]
    assert [r.action for r in store.audit.list(before_id=rows[0].id, limit=1)] == ["call.delete"]
    assert store.audit.list(since=utc_now() + timedelta(hours=1)) == []
    assert rows[1].to_dict()["target_id"] == "c1"


def test_identify_gives_the_key_id_role_and_forgets_a_revoked_key(store):
    key = store.keys.create("supervisor", label="sup")
    who = store.keys.identify(key)
    assert who is not None and who.role == "supervisor" and who.teams == ()
    assert who.id == store.keys.list()[-1].id
    assert store.keys.cached_identity(key) == who
    store.keys.revoke(who.id)
    assert store.keys.identify(key) is None and store.keys.cached_identity(key) is None
    assert store.keys.identify("qa_nope") is None and store.keys.identify(None) is None
