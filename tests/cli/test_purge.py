"""``qa purge`` and ``qa keys`` as a user runs them: a real subprocess on a real SQLite store;
what they delete and the audit entries they leave."""

from __future__ import annotations

from datetime import timedelta

import pytest

from qa.cli.purge import parse_age
from qa.errors import InputError
from qa.store import Store
from qa.store.engine import utc_now
from tests.api.routes.test_erase import stored_call
from tests.cli.run import assert_clean_failure, qa


def test_purge_deletes_calls_older_than_the_age_with_a_dry_run_first(tmp_path):
    db, data = f"sqlite:///{tmp_path / 'qa.db'}", tmp_path / "data"
    now = utc_now()
    with Store.open(db, data_dir=data) as store:
        old = [
            stored_call(
                store, tmp_path, f"o{i}", when=now - timedelta(days=400 + i), freq=300.0 + 50 * i
            )
            for i in range(2)
        ]
        recent = stored_call(store, tmp_path, "new", when=now - timedelta(days=30), freq=900.0)
    where = ("--db", db, "--data-dir", data)

    dry = qa("purge", "--older-than", "365d", "--dry-run", *where)
    assert dry.returncode == 0, dry.stderr
    assert "would delete 2 calls, 2 scores" in dry.stdout
    with Store.open(db, data_dir=data) as store:
        assert len(store.calls.list()[0]) == 3

    res = qa("purge", "--older-than", "52w", *where)
    assert res.returncode == 0, res.stderr
    assert "deleted 2 calls" in res.stdout and "recording files removed: 2" in res.stdout
    assert res.stderr.count("qa: purge: ") == 2 and "2/2 deleted call" in res.stderr
    with Store.open(db, data_dir=data) as store:
        assert [c.id for c in store.calls.list()[0]] == [recent]
        assert {e.target_id for e in store.audit.list(action="call.delete")} == set(old)
        assert store.audit.list(action="calls.purge")[0].detail["counts"]["calls"] == 2

    assert_clean_failure(qa("purge", "--older-than", "a year", *where), "not an age")


def test_parse_age():
    assert parse_age("365d") == timedelta(days=365)
    assert parse_age("2w") == timedelta(days=14)
    assert parse_age("12h") == timedelta(hours=12)
    assert parse_age("30") == timedelta(days=30)
    for bad in ("", "0d", "-1d", "1y"):
        with pytest.raises(InputError):
            parse_age(bad)


def test_keys_created_and_revoked_on_the_command_line_are_audited(tmp_path):
    where = ("--db", f"sqlite:///{tmp_path / 'qa.db'}", "--data-dir", tmp_path / "data")
    made = qa("keys", "create", "--role", "supervisor", "--label", "night", *where)
    assert made.returncode == 0, made.stderr
    with Store.open(where[1], data_dir=where[3]) as store:
        kid = store.keys.identify(made.stdout.strip()).id
    assert qa("keys", "revoke", kid, *where).returncode == 0
    with Store.open(where[1], data_dir=where[3]) as store:
        entries = store.audit.list(target_kind="key", target_id=str(kid))
    assert [(e.action, e.key_id) for e in entries] == [("key.revoke", None), ("key.create", None)]
    assert entries[1].detail["label"] == "night" and made.stdout.strip() not in str(entries)
