"""A real PostgreSQL for the tests: one server per session, a fresh schema per test.

Where the server comes from, in order:

1. ``QA_TEST_PG_URL`` — a server URL (any database on it; each test gets its own schema), or
   ``start`` to force a throwaway cluster, or ``skip`` to skip the PostgreSQL tests;
2. ``postgresql+psycopg://postgres@127.0.0.1:5432/test`` (what this machine and CI run);
3. a throwaway cluster: ``initdb`` + ``pg_ctl`` from ``$PATH`` or ``/usr/lib/postgresql/*/bin``,
   in a temporary directory, on a free loopback port, as the ``postgres`` user when running as
   root; stopped and deleted at the end of the session.

If none works, tests that need PostgreSQL are skipped with the reason (every attempt's error).
Use the fixtures by importing them into a test module: ``from tests.pg import pg_url``;
:func:`new_schema` and :func:`new_database` make more.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

__all__ = ["pg_server", "pg_url", "new_database", "new_schema", "DEFAULT_PG_URL"]

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _driver(url: str | URL) -> URL:
    u = make_url(url) if isinstance(url, str) else url
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u


def _probe(url: URL) -> str | None:
    """``None`` if a server answers at ``url``, else why not."""
    engine = create_engine(url, connect_args={"connect_timeout": 3}, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except Exception as exc:  # any failure just means "not this one"
        return (
            f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        )
    finally:
        engine.dispose()


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key)
    if found:
        return found[-1]
    return shutil.which(name)


def _version_key(path: str) -> tuple[int, ...]:
    part = Path(path).parts[-3]
    return tuple(int(x) for x in part.split(".") if x.isdigit()) or (0,)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Cluster:
    """A throwaway PostgreSQL cluster in a temporary directory."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("initdb/pg_ctl not found (install the postgresql server package)")
        self.pg_ctl = pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="qa-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the cluster as the postgres user.
            runuser = shutil.which("runuser")
            try:
                import pwd

                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user") from None
            if runuser is None:
                raise RuntimeError("running as root and runuser is not available")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self.prefix = [runuser, "-u", "postgres", "--"]
        self._run(
            [
                initdb,
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ]
        )
        opts = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "start"]
        )
        self.url = _driver(f"postgresql://postgres@127.0.0.1:{self.port}/postgres")

    def _run(self, cmd: list[str]) -> None:
        proc = subprocess.run(self.prefix + cmd, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise RuntimeError(
                f"{Path(cmd[0]).name} failed ({proc.returncode}): {proc.stderr.strip()[-800:]} {tail}"
            )

    def stop(self) -> None:
        subprocess.run(
            self.prefix + [self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[URL]:
    """A URL of a PostgreSQL server the tests may create databases on (see the module doc)."""
    env = os.environ.get("QA_TEST_PG_URL", "").strip()
    if env.lower() == "skip":
        pytest.skip("PostgreSQL tests skipped: QA_TEST_PG_URL=skip")
    tried: list[str] = []
    if env and env.lower() != "start":
        url = _driver(env)
        why = _probe(url)
        if why is None:
            yield url
            return
        pytest.skip(f"PostgreSQL at QA_TEST_PG_URL is not reachable: {why}")
    if env.lower() != "start":
        url = _driver(DEFAULT_PG_URL)
        why = _probe(url)
        if why is None:
            yield url
            return
        tried.append(f"{DEFAULT_PG_URL}: {why}")
    try:
        cluster = _Cluster()
    except Exception as exc:
        tried.append(f"throwaway cluster: {exc}")
        pytest.skip("no PostgreSQL for the tests; tried " + " | ".join(tried))
    try:
        yield cluster.url
    finally:
        cluster.stop()


@contextmanager
def new_database(server: URL, *, template: str | None = None) -> Iterator[str]:
    """Create a uniquely named database on ``server`` (empty, or a copy of ``template``), yield
    its URL, and drop it afterwards (``WITH (FORCE)``: leftover connections do not block it)."""
    name = f"qa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def new_schema(server: URL) -> Iterator[str]:
    """Create a uniquely named schema on ``server``, yield a URL whose connections use it (and
    only it: ``search_path``), and drop it afterwards. Much faster than a database per test."""
    name = f"qa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        url = server.update_query_dict({"options": f"-csearch_path={name}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url(pg_server: URL) -> Iterator[str]:
    """A URL of a new, empty schema of its own (see :func:`new_schema`), dropped after the test."""
    with new_schema(pg_server) as url:
        yield url
