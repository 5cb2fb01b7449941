"""Shared fixtures of the API tests: an app over SQLite and a real PostgreSQL, keys per role.

Storage-level behaviour is in tests/store/test_store.py; these tests go through HTTP (FastAPI's in-process
client, or a real `qa serve` process where a restart is the point).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from qa.store import Store
from tests.conftest import tone, write_wav
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

SAMPLE = "en_stereo_wrong_coat"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/qa.db"
    return request.getfixturevalue("pg_url")


def open_api(db_url, tmp_path, **settings):
    store = Store.open(db_url, data_dir=tmp_path / "data")
    s = Settings(**{"warm_models": False, "job_workers": 0, **settings})
    return store, create_app(s, store=store)


@pytest.fixture
def api(db_url, tmp_path):
    """A read/upload API without job workers, and one key per role."""
    store, app = open_api(db_url, tmp_path, max_upload_bytes=400_000)
    keys = {role: store.keys.create(role) for role in ("qa_lead", "supervisor", "admin")}
    with TestClient(app) as client:
        yield client, store, keys
    store.close()


def h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def short_wav(
    tmp_path: Path, name: str = "short.wav", seconds: float = 1.0, channels: int = 2
) -> Path:
    x = tone(seconds, 300.0)
    return write_wav(tmp_path / name, np.stack([x] * channels) if channels == 2 else x)


def stored_files(store: Store) -> list[Path]:
    return sorted(p for p in store.files.audio_dir.rglob("*") if p.is_file())
