"""The access log (one line per request, text or JSON, never the key) and the server's
retention purge (``QA_RETENTION_DAYS``), on a real FastAPI app over SQLite and PostgreSQL."""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from starlette.middleware.base import BaseHTTPMiddleware

from api.access_log import ACCESS_LOGGER, AccessLog
from api.app import create_app
from api.retention import purge_once
from api.settings import Settings
from qa.store import Store
from qa.store.engine import utc_now
from tests.api.conftest import h, open_api
from tests.api.routes.test_erase import stored_call
from tests.api.test_pages import add_call


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def access_lines():
    handler = Lines()
    logger = logging.getLogger(ACCESS_LOGGER)
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_each_request_is_one_line_with_the_key_id_never_the_key(db_url, tmp_path, access_lines, fmt):
    store, app = open_api(db_url, tmp_path, access_log=fmt, max_upload_bytes=1000)
    keys = {r: store.keys.create(r) for r in ("supervisor", "admin")}
    sup_id = store.keys.identify(keys["supervisor"]).id
    with TestClient(app) as client:
        assert client.get("/v1/agents", headers=h(keys["supervisor"])).status_code == 200
        assert client.get("/v1/keys", headers=h(keys["supervisor"])).status_code == 403
        assert client.get("/v1/agents", headers=h("qa_not-a-key")).status_code == 401
        assert client.get("/v1/agents?x=secret").status_code == 401
        big = client.post("/v1/calls", headers=h(keys["admin"]), content=b"x" * 100_000)
        assert big.status_code == 413
        client.cookies.set("qa_key", keys["supervisor"])
        assert client.get("/calls").status_code == 200  # a page
    store.close()
    assert len(access_lines) == 6
    assert not any(k in line for line in access_lines for k in keys.values())
    assert not any("secret" in line for line in access_lines)
    if fmt == "json":
        got = [json.loads(line) for line in access_lines]
        assert [(g["method"], g["path"], g["status"], g["key_id"]) for g in got] == [
            ("GET", "/v1/agents", 200, sup_id),
            ("GET", "/v1/keys", 403, sup_id),
            ("GET", "/v1/agents", 401, None),
            ("GET", "/v1/agents", 401, None),
            ("POST", "/v1/calls", 413, None),
            ("GET", "/calls", 200, sup_id),
        ]
        assert got[0]["role"] == "supervisor" and all(g["ms"] >= 0 for g in got)
    else:
        assert access_lines[0].split()[1:5] == ["GET", "/v1/agents", "200", f"key={sup_id}"]
        assert access_lines[1].split()[1:5] == ["GET", "/v1/keys", "403", f"key={sup_id}"]
        assert access_lines[2].split()[3:5] == ["401", "key=-"]
        assert all(line.endswith("ms") for line in access_lines)


def test_the_access_log_can_be_off_and_is_a_pure_asgi_middleware(tmp_path, access_lines):
    store, app = open_api(f"sqlite:///{tmp_path}/qa.db", tmp_path, access_log="off")
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
    assert access_lines == []
    assert not any(m.cls is AccessLog for m in app.user_middleware)
    store.close()
    store, app = open_api(f"sqlite:///{tmp_path}/qa2.db", tmp_path / "b", access_log="text")
    assert [m.cls for m in app.user_middleware][0] is AccessLog  # outermost
    assert not any(issubclass(m.cls, BaseHTTPMiddleware) for m in app.user_middleware)
    store.close()
    with pytest.raises(ValueError, match="access log"):
        Settings(access_log="loud")


def test_settings_read_the_access_log_and_retention_from_the_environment(monkeypatch):
    monkeypatch.setenv("QA_ACCESS_LOG", "JSON")
    monkeypatch.setenv("QA_RETENTION_DAYS", "365")
    s = Settings.from_env()
    assert (s.access_log, s.retention_days) == ("json", 365.0)
    monkeypatch.delenv("QA_ACCESS_LOG")
    monkeypatch.delenv("QA_RETENTION_DAYS")
    s = Settings.from_env()
    assert (s.access_log, s.retention_days) == ("text", None)  # retention is off by default


def test_retention_purges_old_calls_in_the_server(db_url, tmp_path):
    now = utc_now()
    store = Store.open(db_url, data_dir=tmp_path / "data")
    old = stored_call(store, tmp_path, "old", when=now - timedelta(days=400))
    recent = stored_call(store, tmp_path, "new", when=now - timedelta(days=10), freq=500.0)

    # Off by default: nothing is deleted.
    app = create_app(Settings(warm_models=False, job_workers=0), store=store)
    with TestClient(app):
        time.sleep(0.2)
    assert {c.id for c in store.calls.list()[0]} == {old, recent}

    # On: the lifespan purges at start-up, then every interval.
    settings = Settings(warm_models=False, job_workers=0, retention_days=365, retention_interval_s=0.05)
    with TestClient(create_app(settings, store=store)):
        deadline = time.monotonic() + 10
        while len(store.calls.list()[0]) != 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [c.id for c in store.calls.list()[0]] == [recent]
        # (Only the call: the loop may delete it before a transcript could be added.)
        late = add_call(store, tmp_path, "late", "ann", now - timedelta(days=500), 1.0, 700.0)
        while late in {c.id for c in store.calls.list()[0]} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [c.id for c in store.calls.list()[0]] == [recent]
    entries = store.audit.list(action="calls.purge")
    assert entries and all(e.key_id is None for e in entries)
    assert sum(e.detail["counts"]["calls"] for e in entries) == 2

    # Called directly.
    assert purge_once(store, 5).call_ids == (recent,)
    assert store.calls.list()[0] == []
    store.close()
