"""The API answers byte for byte as recorded in ``snapshots/responses-{sqlite,postgresql}.json``.

The recording was made by the code before the routes moved into ``api/routes`` and gained
response models; a change to what the API sends shows here as a diff. When a change is meant
(a new field, a new route), record again and review the diff:
``QA_UPDATE_SNAPSHOTS=1 python -m pytest tests/api/test_snapshots.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from qa.store import Store
from tests.api.snapshots import make_deterministic, record
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_responses_are_as_recorded(db, tmp_path, monkeypatch, request):
    url = f"sqlite:///{tmp_path}/qa.db" if db == "sqlite" else request.getfixturevalue("pg_url")
    make_deterministic(monkeypatch)
    store = Store.open(url, data_dir=tmp_path / "data")
    app = create_app(
        Settings(warm_models=False, job_workers=0, max_upload_bytes=300_000), store=store
    )
    try:
        with TestClient(app) as client:
            got = record(client, store, tmp_path)
    finally:
        store.close()
    snapshot = SNAPSHOTS / f"responses-{db}.json"
    if os.environ.get("QA_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(snapshot.read_text(encoding="utf-8"))
    assert [e["request"] for e in got] == [e["request"] for e in want]
    differ = [g["request"] for g, w in zip(got, want, strict=True) if g != w]
    assert not differ, f"{len(differ)} responses differ: {differ}"
    assert got == want
