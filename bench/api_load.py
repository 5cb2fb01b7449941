"""API latency and throughput with 100,000 scored calls in the database.

For SQLite and PostgreSQL (each in a fresh database/schema), in the same run:

1. bulk-load N synthetic scored calls (agents, recordings, calls, scores with findings, rubric
   results) with SQLAlchemy Core, then ``store.calls.rebuild_stats()``;
2. start a real ``qa serve`` process (no job workers) on a loopback port;
3. the baseline: the same queries called in-process on the store (no HTTP), one at a time;
4. the API: ``GET /v1/agents/{id}/scorecard`` and ``GET /v1/calls?agent=…`` from C concurrent
   clients for a fixed time, random agents and periods.

Prints p50/p99 latency (ms) and requests/s per endpoint. Target: scorecard p99 < 50 ms.

    .venv/bin/python bench/api_load.py [--calls 100000] [--agents 200] [--db sqlite,postgresql]
                                       [--concurrency 4] [--seconds 15] [--processes 1]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, text

from qa.store import Store
from qa.store.filters import iso_week
from qa.store.schema import Agent, CallRow, Recording, RubricResultRow, ScoreRow

ROOT = Path(__file__).resolve().parents[1]
ITEMS = {
    "interruption": ("none", "interrupted", "talk_over"),
    "arguing": ("none", "arguing"),
    "last_word": ("none", "last_word"),
    "empathy_before_apology": ("pass", "apology_first", "no_empathy", "no_apology", "neither"),
    "resolution": ("specific", "vague", "none"),
}
PASS = {"pass", "specific", "none"}
PG_SERVER = os.environ.get("QA_TEST_PG_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def load(store: Store, n_calls: int, n_agents: int, seed: int = 7) -> float:
    """Insert synthetic scored calls in batches; returns seconds taken."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    start = datetime(2026, 1, 5, tzinfo=UTC)
    agents = [f"agent-{i:04d}" for i in range(n_agents)]
    with store.engine.begin() as conn:
        conn.execute(insert(Agent), [{"id": a, "name": a.title()} for a in agents])
    batch = 5000
    score_id = 0
    for lo in range(0, n_calls, batch):
        recs, calls, scores, results = [], [], [], []
        for i in range(lo, min(n_calls, lo + batch)):
            sha = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
            when = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
            score_id += 1
            res, subs = [], []
            for item, outcomes in ITEMS.items():
                outcome = rng.choice(outcomes)
                sub = 100.0 if outcome in PASS else rng.choice((0.0, 20.0, 50.0))
                subs.append(sub)
                nf = 0 if outcome in PASS else rng.randint(1, 3)
                res.append(
                    {
                        "rubric": item, "version": "1.0", "outcome": outcome, "score": sub,
                        "findings": [
                            {"rubric": item, "kind": outcome, "start": 10.0 * k, "end": 10.0 * k + 2,
                             "utterance_ids": [f"u{k:03d}"], "evidence": "synthetic evidence", "confidence": 0.8}
                            for k in range(nf)
                        ],
                        "options": {}, "metrics": {},
                    }
                )  # fmt: skip
                results.append(
                    {"score_id": score_id, "call_id": sha[:16], "rubric": item, "version": "1.0",
                     "outcome": outcome, "sub_score": sub, "passed": outcome in PASS, "n_findings": nf}
                )  # fmt: skip
            total = round(sum(subs) / len(subs), 2)
            recs.append({"sha256": sha, "size": 1000, "path": f"audio/{sha[:2]}/{sha[2:4]}/{sha}.wav", "filename": "x.wav", "content_type": "audio/wav", "created": when})
            calls.append(
                {"id": sha[:16], "recording_sha256": sha, "agent_id": rng.choice(agents), "call_time": when,
                 "week": iso_week(when), "duration": 300.0, "language": "en", "source": "stereo", "meta": {},
                 "created": when, "score_id": score_id, "score": total, "rubric_version": "bench", "scored_at": when}
            )  # fmt: skip
            scores.append({"id": score_id, "call_id": sha[:16], "rubric_version": "bench", "labeller_version": "bench", "score": total, "capped_by": [], "results": res, "created": when})
        with store.engine.begin() as conn:
            conn.execute(insert(Recording), recs)
            conn.execute(insert(CallRow), calls)
            conn.execute(insert(ScoreRow), scores)
            conn.execute(insert(RubricResultRow), results)
    if store.dialect == "postgresql":
        with store.engine.begin() as conn:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('scores', 'id'), :n)"), {"n": score_id})
        # What a DBA does after a bulk load (and autovacuum does later on its own): statistics,
        # and the visibility map that lets the scorecard's covering indexes answer index-only.
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    store.calls.rebuild_stats()
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def queries(rng: random.Random, agents: list[str]) -> tuple[str, dict]:
    agent = rng.choice(agents)
    if rng.random() < 0.5:
        return agent, {}
    m = rng.randint(1, 9)
    return agent, {"from": f"2026-{m:02d}-01", "to": f"2026-{m + 1:02d}-01"}


def baseline(store: Store, agents: list[str], n: int = 300) -> dict[str, list[float]]:
    rng = random.Random(1)
    out: dict[str, list[float]] = {"scorecard": [], "calls": []}
    for _ in range(n):
        agent, period = queries(rng, agents)
        t = time.perf_counter()
        store.scorecards.get(agent, date_from=period.get("from"), date_to=period.get("to"))
        out["scorecard"].append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        store.calls.list(agent=agent, date_from=period.get("from"), date_to=period.get("to"), limit=50)
        out["calls"].append((time.perf_counter() - t) * 1000)
    return out


def hammer(base: str, key: str, agents: list[str], concurrency: int, seconds: float) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"scorecard": [], "calls": []}
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        rng = random.Random(100 + i)
        with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=30) as c:
            while time.monotonic() < stop:
                agent, period = queries(rng, agents)
                for name, path in (("scorecard", f"/v1/agents/{agent}/scorecard"), ("calls", "/v1/calls")):
                    params = dict(period) if name == "scorecard" else {"agent": agent, **period, "limit": 50}
                    t = time.perf_counter()
                    r = c.get(path, params=params)
                    ms = (time.perf_counter() - t) * 1000
                    with lock:
                        if r.status_code != 200:
                            errors.append(f"{r.status_code} {r.text[:100]}")
                        out[name].append(ms)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"  {len(errors)} non-200 answers, e.g. {errors[0]}")
    return out


def run(db: str, args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f"qa-bench-{db}-"))
    schema = None
    if db == "sqlite":
        url = f"sqlite:///{tmp}/qa.db"
    else:
        schema = f"qa_bench_{uuid.uuid4().hex[:8]}"
        from sqlalchemy import create_engine

        eng = create_engine(PG_SERVER)
        try:
            with eng.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
        except Exception as exc:  # noqa: BLE001 - report and go on with the other database
            print(f"[{db}] skipped: cannot reach PostgreSQL at {PG_SERVER}: {str(exc).splitlines()[0]}")
            return
        finally:
            eng.dispose()
        url = f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    store = Store.open(url, data_dir=tmp / "data")
    proc = None
    try:
        took = load(store, args.calls, args.agents)
        print(f"[{db}] loaded {args.calls:,} scored calls for {args.agents} agents in {took:.1f}s")
        agents = [f"agent-{i:04d}" for i in range(args.agents)]
        key = store.keys.create("supervisor", label="bench")
        base_lat = baseline(store, agents)
        port = free_port()
        env = {**os.environ, "QA_DATA_DIR": str(tmp / "data"), "QA_DATABASE_URL": url}
        proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("qa")), "serve", "--port", str(port), "--job-workers", "0", "--no-warm",
             "--processes", str(args.processes)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"[{db}] the server did not start")
            time.sleep(0.3)
        hammer(base, key, agents, 1, 2.0)  # warm the server's caches and connections
        one = hammer(base, key, agents, 1, args.seconds / 2)
        many = hammer(base, key, agents, args.concurrency, args.seconds)
        print(f"[{db}] {'endpoint':<10} {'mode':<26} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
        for name in ("scorecard", "calls"):
            rows = (
                ("in-process store (baseline)", base_lat[name], None),
                ("HTTP, 1 client", one[name], args.seconds / 2),
                (f"HTTP, {args.concurrency} clients", many[name], args.seconds),
            )
            for mode, lat, secs in rows:
                rps = f"{len(lat) / secs:8.0f}" if secs else f"{'—':>8}"
                print(f"[{db}] {name:<10} {mode:<26} {len(lat):>6} {pct(lat, 50):8.1f} {pct(lat, 99):8.1f} {rps}")
        p99 = pct(one["scorecard"], 99)
        print(f"[{db}] scorecard p99 (1 client) {p99:.1f} ms: {'meets' if p99 < 50 else 'MISSES'} the < 50 ms target")
    finally:
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        store.close()
        if schema:
            from sqlalchemy import create_engine

            eng = create_engine(PG_SERVER)
            with eng.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            eng.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--agents", type=int, default=200)
    ap.add_argument("--db", default="sqlite,postgresql")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--processes", type=int, default=1, help="qa serve --processes")
    args = ap.parse_args()
    print(f"qa API load: {args.calls:,} calls, {os.cpu_count()} CPUs, loopback HTTP, {args.processes} server process(es)")
    for db in args.db.split(","):
        run(db.strip(), args)


if __name__ == "__main__":
    main()
