"""The engine interface (qa/batch/engines), run for real on the local engine with small, fast
tasks: every task once, in its slot; a worker sets up once and does many tasks; a worker that
dies or hangs fails only its own task and is replaced; workers that cannot start, or keep
dying, stop the run with the reason."""

from __future__ import annotations

import signal
import time

import pytest

from qa.batch.engines import ENGINES, Engine, Work, WorkersFailed, make_engine
from qa.batch.engines.local import LocalEngine
from qa.errors import InputError
from tests.batch import engine_work
from tests.conftest import ROOT


def work(tmp_path, setup=engine_work.setup) -> Work:
    return Work(
        setup=setup, run=engine_work.run, lost=engine_work.lost, config=str(tmp_path),
        close=engine_work.close,
    )


def run(engine: Engine, tasks) -> tuple[dict, int, list[float]]:
    results: dict = {}
    ticks: list[float] = []

    def on_result(index, result):
        assert index not in results, f"task {index} reported twice"
        results[index] = result

    used = engine.run(tasks, on_result, tick=lambda: ticks.append(time.monotonic()))
    return results, used, ticks


def test_every_task_once_each_worker_set_up_once(tmp_path):
    tasks = [("square", n) for n in range(12)]
    results, used, _ = run(LocalEngine(work(tmp_path), workers=2), tasks)
    assert used == 2
    assert [results[i][0] for i in range(12)] == [n * n for n in range(12)]
    pids = {r[1] for r in results.values()}
    assert 1 <= len(pids) <= 2
    # One state per worker: its count of tasks done runs 1, 2, 3 … across the tasks it took.
    for pid in pids:
        assert sorted(r[2] for r in results.values() if r[1] == pid) == list(
            range(1, sum(1 for r in results.values() if r[1] == pid) + 1)
        )
    # Told there was no more work, each worker (one may have been too late for any task)
    # closed its state and left before the run returned.
    closed = {int(p.stem): int(p.read_text()) for p in tmp_path.glob("*.closed")}
    assert len(closed) == used
    assert {pid: n for pid, n in closed.items() if n} == {
        pid: sum(1 for r in results.values() if r[1] == pid) for pid in pids
    }


def test_no_more_workers_than_tasks_and_nothing_to_do(tmp_path):
    results, used, _ = run(LocalEngine(work(tmp_path), workers=4), [("square", 3)])
    assert used == 1 and results == {0: (9, results[0][1], 1)}
    results, used, _ = run(LocalEngine(work(tmp_path), workers=4), [])
    assert results == {} and used == 0


@pytest.mark.parametrize(
    "task,how", [(("exit", 3), "exit status 3"), (("kill", signal.SIGKILL), "killed by signal 9")]
)
def test_a_worker_that_dies_fails_only_its_task_and_is_replaced(tmp_path, task, how):
    tasks = [("square", 1), task, ("square", 2), ("square", 3), ("square", 4)]
    results, _, _ = run(LocalEngine(work(tmp_path), workers=1), tasks)
    kind, lost_task, why, seconds = results[1]
    assert (kind, lost_task) == ("lost", task) and seconds >= 0
    assert why == f"the worker process died ({how}) while scoring this file"
    assert [results[i][0] for i in (0, 2, 3, 4)] == [1, 4, 9, 16]
    # The one worker died: a new one (another process) did the tasks after it.
    assert results[0][1] != results[2][1] == results[4][1]
    assert results[2][2] == 1  # the replacement set up afresh


def test_a_task_past_the_call_timeout_retires_its_worker(tmp_path):
    tasks = [("square", 2), ("sleep", 60), ("square", 3)]
    t0 = time.monotonic()
    results, _, ticks = run(LocalEngine(work(tmp_path), workers=1, call_timeout=0.5), tasks)
    assert time.monotonic() - t0 < 30  # the hung worker was killed, not waited for
    kind, lost_task, why, seconds = results[1]
    assert (kind, lost_task) == ("lost", ("sleep", 60))
    assert why == "took longer than the call timeout (0.5 s)" and seconds > 0.5
    assert results[0][0] == 4 and results[2][0] == 9
    assert results[2][1] != results[0][1]  # done by the replacement worker
    assert ticks  # the engine ticked while it waited


def test_workers_that_cannot_start_stop_the_run_with_the_reason(tmp_path):
    engine = LocalEngine(work(tmp_path, setup=engine_work.cannot_setup), workers=2)
    with pytest.raises(WorkersFailed) as err:
        run(engine, [("square", n) for n in range(5)])
    assert str(err.value) == (
        "batch workers could not start: internal error: RuntimeError: the model is missing"
    )


def test_workers_that_keep_dying_stop_the_run(tmp_path):
    """One worker may die 3 times in a row and be replaced; the 4th death stops the run."""
    tasks = [("exit", 1)] * 10
    seen: dict = {}
    engine = LocalEngine(work(tmp_path), workers=1)
    with pytest.raises(WorkersFailed, match=r"^batch workers kept dying; stopped with 6 file\(s\) left"):
        engine.run(tasks, seen.__setitem__)
    assert sorted(seen) == [0, 1, 2, 3]  # each task handed out got its (lost) result
    assert all(r[0] == "lost" and "exit status 1" in r[2] for r in seen.values())


def test_a_finished_task_resets_the_count_of_deaths(tmp_path):
    tasks = [t for _ in range(3) for t in (("exit", 1), ("exit", 1), ("exit", 1), ("square", 5))]
    results, _, _ = run(LocalEngine(work(tmp_path), workers=1), tasks)
    assert len(results) == 12
    assert [results[i][0] for i in (3, 7, 11)] == [25, 25, 25]
    assert sum(1 for r in results.values() if r[0] == "lost") == 9


def test_the_ray_engine_keeps_the_same_rules(tmp_path, monkeypatch):
    """The same schedule on Ray actors: a hung task's actor is retired and replaced, a dead
    actor fails only its task, and a task that raises fails alone while its actor goes on."""
    ray = pytest.importorskip("ray")
    from qa.batch.engines.ray import RayEngine

    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the actors load this module too
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        tasks = [("square", 2), ("sleep", 60), ("exit", 1), ("raise", "boom"), ("square", 3)]
        t0 = time.monotonic()
        results, used, _ = run(RayEngine(work(tmp_path), workers=2, call_timeout=3.0), tasks)
    finally:
        ray.shutdown()
    assert used == 2 and time.monotonic() - t0 < 50
    assert results[0][0] == 4 and results[4][0] == 9
    assert results[1][:3] == ("lost", ("sleep", 60), "took longer than the call timeout (3 s)")
    assert results[2][0] == "lost" and results[2][2].startswith(
        "the Ray worker died while scoring this file: "
    )
    assert results[3][0] == "lost" and results[3][2].startswith("internal error: ")
    assert "boom" in results[3][2]


def test_make_engine(tmp_path):
    assert ENGINES == ("local", "ray")
    local = make_engine("local", work(tmp_path), workers=3, call_timeout=2.0)
    assert isinstance(local, LocalEngine) and local.workers == 3 and local.call_timeout == 2.0
    assert make_engine("ray", work(tmp_path), workers=2).label == "Ray workers"  # Ray not imported yet
    with pytest.raises(InputError, match="unknown engine 'spark': choose local or ray"):
        make_engine("spark", work(tmp_path))
