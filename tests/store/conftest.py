"""Fixtures of the store tests: each test gets a store on a new SQLite file and on a new
PostgreSQL schema of its own (tests/pg.py)."""

from __future__ import annotations

import pytest

from qa.store import Store
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A new SQLite file, or a new PostgreSQL schema of the test's own (tests/pg.py)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'qa.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url, tmp_path):
    s = Store.open(db_url, data_dir=tmp_path / "data")
    yield s
    s.close()
