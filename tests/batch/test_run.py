"""Batch runs (qa/batch/run.py, through ``qa batch`` and ``qa rescore``): a real archive of short
calls cut from the samples, scored with real models — stopped with Ctrl-C, killed with SIGKILL
part-way and resumed, re-run as a no-op, exported, scored again through Ray (into PostgreSQL)
and re-scored with an edited rubric.

The archive is transcribed once by the interrupted/killed/resumed runs (a module fixture); the
other tests read its database or copy it.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qa.archive import Discovery, discover
from qa.batch import rescore, run_batch
from qa.cli.summary import format_summary
from tests.batch.files import PATTERN, touch
from tests.conftest import ROOT, SAMPLES
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

CLIP_S = 22.0


def _clip(src: str, dst: Path, seconds: float = CLIP_S) -> Path:
    import soundfile as sf

    from qa.audio import decode_audio

    audio = decode_audio(SAMPLES / src)
    sf.write(str(dst), audio.samples[:, : int(seconds * audio.sample_rate)].T, audio.sample_rate)
    return dst


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> dict:
    """Three short real calls, a corrupt and an empty file, a duplicate, and a manifest with
    two bad rows."""
    root = tmp_path_factory.mktemp("batch")
    arch = root / "archive"
    (arch / "east").mkdir(parents=True)
    coat = _clip("en_stereo_wrong_coat.wav", arch / "agent-ann_20260214-0930_c1.wav")
    plums = _clip("en_stereo_plums.flac", arch / "east" / "plums.flac")  # agent on channel 1
    mono = _clip("en_mono_good.wav", arch / "east" / "mono-call.wav")
    shutil.copyfile(coat, arch / "east" / "copy-of-c1.wav")
    touch(arch / "corrupt.wav", b"RIFF\x00\x00\x00\x00WAVEfmt " + os.urandom(300))
    touch(arch / "empty.wav", b"")
    manifest = root / "calls.csv"
    manifest.write_text(
        "path,agent_id,call_time,channel_layout,language,campaign\n"
        "archive/east/plums.flac,agent-joe,2026-02-15T10:10:00Z,stereo-agent-right,en,spring\n"
        "archive/gone.wav,agent-x,2026-02-15,,,\n"
        "archive/corrupt.wav,agent-y,last tuesday,,,\n",
        encoding="utf-8",
    )
    return {"root": root, "archive": arch, "manifest": manifest, "coat": coat, "plums": plums, "mono": mono}


def _qa(*args, **kw) -> subprocess.Popen:
    # Run from the archive's folder: this checkout's qa, not whichever one is installed.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.Popen(
        [sys.executable, "-m", "qa", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **kw,
    )


def _batch_args(a: dict, data: Path, *extra) -> list:
    return [
        "batch", a["archive"], "--manifest", a["manifest"], "--name-pattern", PATTERN,
        "--data-dir", data, "--workers", 2, "--threads", 1, "-q", *extra,
    ]


def _db(data: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data / 'qa.db'}?mode=ro", uri=True, timeout=30)


def _count(data: Path, table: str) -> int:
    if not (data / "qa.db").exists():
        return 0
    try:
        with _db(data) as c:
            return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _summary_counts(text: str) -> dict[str, int]:
    import re

    first = text.splitlines()[0] if text else ""
    return {k: int(n) for n, k in re.findall(r"(\d+) (scored|skipped|failed|invalid|duplicate)", first)}


def _wait_for_scores(proc: subprocess.Popen, data: Path, n: int) -> None:
    deadline = time.monotonic() + 600
    while _count(data, "scores") < n:
        assert proc.poll() is None, f"batch ended before it was stopped: {proc.communicate()}"
        assert time.monotonic() < deadline, f"{n} call(s) not scored within 10 minutes"
        time.sleep(0.2)


def _sigint_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def resumed(archive) -> dict:
    """`qa batch` stopped with Ctrl-C once a call is scored, run again and killed with SIGKILL
    once another is, then run a third time to the end."""
    data = archive["root"] / "var"
    failures = archive["root"] / "failures.csv"
    args = _batch_args(archive, data, "--failures", failures)
    # Ctrl-C in a terminal signals the whole process group. The batch gets Ctrl-C's default
    # action, as from a terminal: a test run started in the background (nohup, `cmd &`) hands its
    # children SIGINT ignored, and Python then never raises KeyboardInterrupt.
    first = _qa(*args, cwd=archive["root"], start_new_session=True, preexec_fn=_sigint_as_in_a_terminal)
    _wait_for_scores(first, data, 1)
    os.killpg(first.pid, signal.SIGINT)
    int_out, int_err = first.communicate(timeout=120)
    at_interrupt = _count(data, "scores")
    second = _qa(*args, cwd=archive["root"])
    _wait_for_scores(second, data, min(3, at_interrupt + 1))
    workers = _children(second.pid)
    second.send_signal(signal.SIGKILL)
    second.communicate()
    time.sleep(1.0)
    at_kill = {t: _count(data, t) for t in ("calls", "transcripts", "scores")}
    survivors = [p for p in workers if _alive(p)]
    time.sleep(2.0)
    after_wait = _count(data, "scores")
    rerun = _qa(*args, "--out", archive["root"] / "results.jsonl", cwd=archive["root"])
    out, err = rerun.communicate(timeout=900)
    return {
        "data": data, "failures": failures, "workers": workers, "survivors": survivors,
        "interrupt_rc": first.returncode, "interrupt_out": int_out, "interrupt_err": int_err,
        "at_interrupt": at_interrupt, "at_kill": at_kill, "after_wait": after_wait,
        "rc": rerun.returncode, "out": out, "err": err,
    }


def test_ctrl_c_stops_cleanly_and_says_how_to_finish(resumed):
    assert resumed["interrupt_rc"] == 130, resumed["interrupt_err"]
    out = resumed["interrupt_out"]
    assert out.startswith("interrupted: ") and " of 7 file(s)" in out.splitlines()[0]
    assert "run the same command again" in out
    # A call saved just as Ctrl-C came may be missing from the summary, never the other way.
    assert _summary_counts(out)["scored"] <= resumed["at_interrupt"]
    assert resumed["at_interrupt"] >= 1
    assert "Traceback" not in resumed["interrupt_err"]


def test_kill_minus_9_then_rerun_scores_every_call_exactly_once(resumed):
    assert resumed["workers"], "the batch should have had worker processes"
    assert resumed["survivors"] == [], "workers outlived the killed batch process"
    assert resumed["after_wait"] == resumed["at_kill"]["scores"], "something kept scoring after the kill"
    assert resumed["rc"] == 1, resumed["err"]  # finished, with failures to look at
    counts = _summary_counts(resumed["out"])
    done_before = resumed["at_kill"]["scores"]
    assert done_before > resumed["at_interrupt"] or done_before == 3
    assert counts["skipped"] == done_before and counts["scored"] == 3 - done_before, resumed["out"]
    assert counts["failed"] == 1 and counts["invalid"] == 2 and counts["duplicate"] == 1
    data = resumed["data"]
    with _db(data) as c:
        assert c.execute("SELECT count(*) FROM calls").fetchone()[0] == 3
        per_call = dict(c.execute("SELECT call_id, count(*) FROM scores GROUP BY call_id").fetchall())
        assert sorted(per_call.values()) == [1, 1, 1]  # no call scored twice
        transcripts = dict(c.execute("SELECT call_id, count(*) FROM transcripts GROUP BY call_id"))
        assert sorted(transcripts.values()) == [1, 1, 1]  # a saved transcript was reused
        assert c.execute("SELECT count(*) FROM calls WHERE score_id IS NULL").fetchone()[0] == 0
        assert c.execute("SELECT count(*) FROM recordings").fetchone()[0] == 3


def test_failures_are_listed_per_file_and_row(resumed):
    rows = list(csv.DictReader(resumed["failures"].open(encoding="utf-8")))
    by_name = {Path(r["path"]).name: r for r in rows}
    assert set(by_name) == {"corrupt.wav", "empty.wav", "gone.wav"}
    # corrupt.wav is both a bad manifest row (its time) and a file found in the folder walk:
    # the manifest row is what counts for it, so it is reported once, with its line.
    assert by_name["corrupt.wav"]["where"] == "manifest line 4"
    assert "'last tuesday' is not a date/time" in by_name["corrupt.wav"]["error"]
    assert by_name["gone.wav"]["where"] == "manifest line 3" and "no such file" in by_name["gone.wav"]["error"]
    assert by_name["empty.wav"]["stage"] == "decode" and "empty" in by_name["empty.wav"]["error"]
    assert "failed (all in" in resumed["out"] and "empty.wav" in resumed["out"]


def test_metadata_from_the_manifest_and_file_names(resumed, archive):
    from qa.store import Store

    with Store.open(None, data_dir=resumed["data"]) as store:
        calls = {Path(c.recording.filename).name: c for c in map(store.calls.get, _ids(store))}
    plums, coat, mono = calls["plums.flac"], calls["agent-ann_20260214-0930_c1.wav"], calls["mono-call.wav"]
    assert plums.agent_id == "agent-joe" and plums.call_time == datetime(2026, 2, 15, 10, 10, tzinfo=UTC)
    assert plums.meta["manifest"] == {"campaign": "spring"}
    assert plums.transcript.meta["speakers"]["agent_channel"] == 1  # stereo-agent-right
    assert plums.language_hint == "en" and plums.channel_layout == "stereo"
    assert coat.agent_id == "agent-ann" and coat.call_time == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert coat.meta["name"] == {"id": "c1"} and coat.meta["batch"]["call_time_source"] == "file name"
    assert mono.agent_id == "unknown" and mono.source == "diarized"
    assert mono.meta["batch"]["call_time_source"] == "file modification time"
    assert "scored under agent 'unknown'" in resumed["out"] and "mono-call.wav" in resumed["out"]
    for c in calls.values():  # the audio is kept, content-addressed, in the data dir
        assert Path(c.recording.path).is_file() and c.score.results


def _ids(store) -> list[str]:
    return [r.id for r in store.calls.list(limit=1000)[0]]


def test_rerun_is_a_no_op_and_exports_the_whole_archive(resumed, archive):
    data = resumed["data"]
    before = {t: _count(data, t) for t in ("recordings", "calls", "transcripts", "scores", "agents")}
    proc = _qa(*_batch_args(archive, data, "--out", archive["root"] / "again.csv"), cwd=archive["root"])
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err
    counts = _summary_counts(out)
    assert counts["scored"] == 0 and counts["skipped"] == 3, out
    assert {t: _count(data, t) for t in before} == before
    # Both exports cover every file of the archive: the calls with their stored scores.
    with _db(data) as c:
        stored = dict(c.execute("SELECT id, score FROM calls"))
    first = [json.loads(x) for x in (archive["root"] / "results.jsonl").read_text().splitlines()]
    table = list(csv.DictReader((archive["root"] / "again.csv").open(encoding="utf-8")))
    calls = {"plums.flac", "agent-ann_20260214-0930_c1.wav", "mono-call.wav"}
    others = {"copy-of-c1.wav": "duplicate", "empty.wav": "failed", "gone.wav": "invalid", "corrupt.wav": "invalid"}
    for rows, call_status in ((first, {"scored", "skipped"}), (table, {"skipped"})):
        status = {Path(r["path"]).name: r["status"] for r in rows}
        assert set(status) == calls | set(others)
        assert {status[n] for n in calls} <= call_status
        assert {n: status[n] for n in others} == others
    for r in first:
        if r["status"] in ("scored", "skipped"):
            assert r["score"] == stored[r["call_id"]] and len(r["results"]) == 5
    for r in table:
        if r["call_id"]:
            assert float(r["score"]) == pytest.approx(stored[r["call_id"]], abs=1e-3)
            assert r["resolution"] in ("specific", "vague", "none")


def test_a_hung_call_fails_alone_and_the_batch_goes_on(archive, tmp_path):
    """A worker past --call-timeout is killed and replaced; only its file fails."""
    found = discover([archive["coat"], archive["archive"] / "empty.wav"])
    report = run_batch(
        found, data_dir=tmp_path / "var", workers=1, threads=1, call_timeout=0.5,
        failures=tmp_path / "f.csv",
    )
    status = {Path(r.path).name: r for r in report.results}
    assert status["agent-ann_20260214-0930_c1.wav"].status == "failed"
    assert "call timeout" in status["agent-ann_20260214-0930_c1.wav"].error
    assert status["empty.wav"].status == "failed" and status["empty.wav"].stage == "decode"
    assert report.count("failed") == 2 and not report.interrupted
    assert len(list(csv.DictReader((tmp_path / "f.csv").open()))) == 2
    assert "call timeout" in format_summary(report)


def test_ray_engine_gives_the_local_engine_results(resumed, archive, pg_url, tmp_path):  # noqa: F811
    ray = pytest.importorskip("ray")
    from qa.store import Store

    found = discover([archive["archive"]], manifest=archive["manifest"], name_pattern=PATTERN)
    keep = {"plums.flac", "agent-ann_20260214-0930_c1.wav"}
    subset = Discovery(tuple(i for i in found.items if Path(i.path).name in keep))
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        report = run_batch(subset, db=pg_url, data_dir=tmp_path / "shared", engine="ray", workers=2, threads=1)
    finally:
        ray.shutdown()
    assert report.engine == "ray" and report.count("scored") == 2, format_summary(report)
    with Store.open(pg_url, data_dir=tmp_path / "shared") as remote, Store.open(
        None, data_dir=resumed["data"]
    ) as local:
        for r in report.results:
            a, b = remote.calls.get(r.call_id), local.calls.get(r.call_id)
            assert (a.agent_id, a.call_time) == (b.agent_id, b.call_time)
            assert a.score.score == b.score.score == r.score
            assert [u["text"] for u in a.transcript.utterances] == [
                u["text"] for u in b.transcript.utterances
            ]
            outcomes = [(x["rubric"], x["outcome"], x["score"]) for x in a.score.results]
            assert outcomes == [(x["rubric"], x["outcome"], x["score"]) for x in b.score.results]
            assert a.score.rubric_version == b.score.rubric_version


def test_rescore_after_a_rubric_edit_keeps_history(resumed, tmp_path):
    from qa.config import load_rubric_config
    from qa.scoring import combine
    from qa.store import Store
    from qa.types import RubricResult

    data = tmp_path / "var"
    data.mkdir()
    with sqlite3.connect(resumed["data"] / "qa.db") as src, sqlite3.connect(data / "qa.db") as dst:
        src.backup(dst)  # a consistent copy (WAL included); recordings are not needed for this
    shutil.copytree(resumed["data"] / "audio", data / "audio")
    shipped = load_rubric_config()
    edited = tmp_path / "rubric.toml"
    edited.write_text(
        'version = "2026.12-lead-edit"\ncritical_cap = 30.0\n'
        "[items.interruption]\nweight = 3.0\n[items.arguing]\nweight = 1.5\ncritical = true\n"
        "critical_below = 60.0\n[items.last_word]\nweight = 0.5\n"
        "[items.empathy_before_apology]\nweight = 1.0\n[items.resolution]\nweight = 4.0\n",
        encoding="utf-8",
    )
    cfg = load_rubric_config(edited)
    report = rescore(data_dir=data, rubric=edited, workers=1)
    assert report.count("scored") == 3 and report.count("failed") == 0
    with Store.open(None, data_dir=data) as store:
        for cid in _ids(store):
            info = store.calls.get(cid)
            assert [h.rubric_version for h in info.history] == [
                cfg.full_version, shipped.full_version,
            ]  # newest first; the earlier score is kept
            current = info.score
            # Weights change the call score, not what the items found (same transcript).
            results = tuple(
                RubricResult(r["rubric"], r["version"], r["outcome"], r["score"], ()) for r in current.results
            )
            assert current.score == combine(results, cfg)[0]
            old = store.calls.get(cid).history[1]
            assert old.score == resumed_score(resumed, cid)
    again = rescore(data_dir=data, rubric=edited)
    assert again.count("scored") == 0 and again.count("skipped") == 3
    # One agent only, through the command line.
    edited.write_text(edited.read_text().replace("2026.12-lead-edit", "2026.12-second"), encoding="utf-8")
    from qa.cli import main

    assert main(["rescore", "--data-dir", str(data), "--rubric", str(edited), "--agent", "agent-ann", "-q"]) == 0
    with Store.open(None, data_dir=data) as store:
        versions = {cid: store.calls.get(cid).score.rubric_version.split("+")[0] for cid in _ids(store)}
    assert sorted(versions.values()) == ["2026.12-lead-edit", "2026.12-lead-edit", "2026.12-second"]


def resumed_score(resumed, call_id: str) -> float | None:
    with _db(resumed["data"]) as c:
        return c.execute("SELECT score FROM calls WHERE id = ?", (call_id,)).fetchone()[0]
