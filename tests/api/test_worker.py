"""The job worker: jobs of dead server processes are put back, and a real server killed
mid-job scores every upload exactly once after a restart.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from api.worker import requeue_orphans, worker_name
from qa.store import Store
from tests.api.conftest import SAMPLE, h, short_wav
from tests.conftest import sample_audio

ROOT = Path(__file__).resolve().parents[2]


def test_requeue_orphans_puts_back_jobs_of_dead_server_processes(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data")
    try:
        sha, _ = store.files.put(short_wav(tmp_path).read_bytes(), filename="a.wav")
        call = store.calls.add(sha, agent_id="ann")
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()  # a pid that no longer runs
        host = socket.gethostname()
        alive = subprocess.Popen(["sleep", "60"])
        jobs = [store.jobs.create(kind="score", call_id=call) for _ in range(5)]
        workers = (
            f"{host}:{dead.pid}:x:0",  # a server process that is gone
            f"{host}:{os.getpid()}:an-earlier-boot:0",  # this pid, reused: an earlier process
            worker_name(0),  # this very process
            f"{host}:{alive.pid}:x:0",  # another live process
            "elsewhere:1:x:0",  # another host: left to the stale-heartbeat rule
        )
        try:
            for j, who in zip(jobs, workers, strict=True):
                claimed = store.jobs.claim_next(worker=who)
                assert claimed is not None and claimed.id == j
            requeued = requeue_orphans(store)
        finally:
            alive.kill()
        assert sorted(requeued) == sorted(jobs[:2])
        status = {j.id: j.status for j in store.jobs.list()}
        assert [status[j] for j in jobs] == ["queued", "queued", "running", "running", "running"]
        # A job that brought the server down three times is failed, not retried forever.
        store.jobs.update(jobs[1], status="done")
        for _ in range(2):
            store.jobs.claim_next(worker=f"{host}:{dead.pid}:x:0")
            requeue_orphans(store)
        store.jobs.claim_next(worker=f"{host}:{dead.pid}:x:0")
        assert requeue_orphans(store) == []
        failed = store.jobs.get(jobs[0])
        assert failed.status == "failed" and "3 attempts" in failed.error
    finally:
        store.close()


# --- a real server killed mid-job ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "QA_DATA_DIR": str(data_dir), "QA_JOB_STALE_AFTER": "600"}
    env.pop("QA_DATABASE_URL", None)
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("qa")), "serve", "--port", str(port)],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )


def _wait_up(client, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        try:
            if client.get("/healthz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"server did not start: {log.read_text()}")


def test_server_killed_mid_job_scores_every_upload_exactly_once_after_restart(tmp_path):
    import httpx

    data, port, log = tmp_path / "data", _free_port(), tmp_path / "server.log"
    with Store.open(None, data_dir=data) as store:
        key = store.keys.create("qa_lead")
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=h(key), timeout=30)
    proc = _serve(data, port, log)
    try:
        _wait_up(client, proc, log)
        with sample_audio(SAMPLE).open("rb") as fh:
            r = client.post("/v1/calls", files={"audio": (f"{SAMPLE}.wav", fh)}, data={"agent_id": "ann"})
        assert r.status_code == 202, r.text
        job_url, call_url = r.json()["job_url"], r.json()["call_url"]
        deadline = time.monotonic() + 60
        while (job := client.get(job_url).json())["status"] != "running" or job["progress"] <= 0:
            assert time.monotonic() < deadline and job["status"] in ("queued", "running"), job
            time.sleep(0.2)
        os.killpg(proc.pid, signal.SIGKILL)  # mid-transcription: no clean shutdown
        proc.wait(timeout=10)
        with Store.open(None, data_dir=data) as store:
            left = store.jobs.get(job["id"])
            assert left.status == "running" and left.attempts == 1
            assert store.calls.get(r.json()["call_id"]).score is None

        proc = _serve(data, port, log)
        _wait_up(client, proc, log)
        deadline = time.monotonic() + 240
        while (job := client.get(job_url).json())["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, job
            time.sleep(0.5)
        assert job["status"] == "done" and job["attempts"] == 2, job
        call = client.get(call_url).json()
        assert len(call["history"]) == 1 and call["score"]["score"] is not None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        client.close()
    with Store.open(None, data_dir=data) as store:
        assert len(store.jobs.list()) == 1
