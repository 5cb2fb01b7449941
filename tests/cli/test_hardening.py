"""Hardening of the files and commands: safe CSV exports, agent ids in manifests and on the
command line, word timings only with ``--words``, ``--language`` errors, the last admin key,
and the batch progress line while models load."""

from __future__ import annotations

import csv
import io
import json

from qa import csvsafe
from qa.archive import read_manifest
from qa.batch import write_results
from qa.batch.export import FailureLog
from qa.batch.results import BatchProgress, CallResult
from qa.cli.progress import ProgressPrinter
from qa.store import Store
from tests.cli.run import assert_clean_failure, qa
from tests.conftest import SAMPLES

FORMULA = "=SUM(1+2)"


def test_csvsafe_quotes_formula_text_and_leaves_numbers():
    assert [csvsafe.safe_cell(v) for v in ("=1+1", "+1", "-x", "@a", "\tx", "\rx", "ann", "", "a=b")] == [
        "'=1+1", "'+1", "'-x", "'@a", "'\tx", "'\rx", "ann", "", "a=b",
    ]  # fmt: skip
    assert [csvsafe.safe_cell(v) for v in (-3.5, -2, None, True)] == [-3.5, -2, None, True]
    buf = io.StringIO()
    csvsafe.writer(buf, lineterminator="\n").writerow(["-3.5", -3.5, FORMULA])
    assert buf.getvalue() == "'-3.5,-3.5,'=SUM(1+2)\n"  # text quoted, the number stays a number


def test_batch_and_rescore_csv_exports_are_neutralised(tmp_path):
    row = CallResult(
        path="-archive/=x.wav", status="failed", call_id="c1", agent_id=FORMULA, score=-3.5,
        results=({"rubric": "arguing", "outcome": "@cmd", "score": -1.25, "findings": []},),
        error="=HYPERLINK(\"http://x\")", where="manifest line 2",
    )  # fmt: skip
    out = tmp_path / "results.csv"
    assert write_results([row], out) == 1
    [got] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert got["agent_id"] == "'" + FORMULA and got["path"] == "'-archive/=x.wav"
    assert got["arguing"] == "'@cmd" and got["error"].startswith("'=HYPERLINK")
    assert got["score"] == "-3.5" and got["arguing_score"] == "-1.25"  # numbers stay numbers
    log = FailureLog(tmp_path / "failures.csv")
    log.add(row)
    log.close()
    [failed] = list(csv.DictReader((tmp_path / "failures.csv").open(encoding="utf-8")))
    assert failed["path"] == "'-archive/=x.wav" and failed["error"].startswith("'=")


def test_manifest_rows_with_unsafe_agent_ids_are_problems(tmp_path):
    for name in ("a.wav", "b.wav", "c.wav"):
        (tmp_path / name).write_bytes(name.encode() * 10)
    (tmp_path / "calls.csv").write_text(
        f"path,agent_id\na.wav,team/ann\nb.wav,.x\nc.wav,{FORMULA}\n", encoding="utf-8"
    )
    items, problems = read_manifest(tmp_path / "calls.csv")
    assert [i.agent_id for i in items] == [FORMULA]
    by_line = {p.where: p.error for p in problems}
    assert "agent id 'team/ann' may not contain '/'" in by_line["manifest line 2"]
    assert "may not start with '.'" in by_line["manifest line 3"]


def _words(u: dict) -> list[dict]:
    tokens = u["text"].split()
    step = (u["end"] - u["start"]) / len(tokens)
    return [
        {
            "start": u["start"] + i * step,
            "end": u["start"] + (i + 0.9) * step,
            "text": t,
            "probability": 0.9,
        }
        for i, t in enumerate(tokens)
    ]


def _transcript(tmp_path):
    exp = json.loads((SAMPLES / "en_stereo_plums.expected.json").read_text(encoding="utf-8"))
    data = {"utterances": [
        {"role": u["role"], "start": u["start"], "end": u["end"], "text": u["text"], "words": _words(u)}
        for u in exp["utterances"]
    ]}  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_word_timings_only_with_words_and_agent_ids_checked(tmp_path):
    path = _transcript(tmp_path)
    plain = qa("score-transcript", path, "-q")
    assert plain.returncode == 0, plain.stderr
    assert "rubric results" in plain.stdout and "words:" not in plain.stdout
    timed = qa("score-transcript", path, "-q", "--words")
    assert timed.returncode == 0 and "words:" in timed.stdout and "@" in timed.stdout
    bad = qa("score-transcript", path, "--agent", "team/ann")
    assert bad.returncode == 2
    assert_clean_failure(bad, "--agent: may not contain '/'")


def test_language_errors_name_the_allowed_languages(tmp_path):
    audio = SAMPLES / "en_stereo_plums.flac"
    for command in ("score", "transcribe"):
        for value in ("xx", "x1"):
            res = qa(command, audio, "--language", value)
            assert res.returncode == 2, (command, value, res.stderr)
            assert_clean_failure(res, "en, zh, ko")
            assert "internal error" not in res.stderr


def test_cli_refuses_to_revoke_the_last_admin_key(tmp_path):
    db = f"sqlite:///{tmp_path}/qa.db"
    with Store.open(db, data_dir=tmp_path) as store:
        store.keys.create("admin")
        [key] = store.keys.list()
    res = qa("keys", "revoke", str(key.id), "--db", db, "--data-dir", tmp_path)
    assert res.returncode == 1
    assert_clean_failure(res, "last admin key")
    with Store.open(db, data_dir=tmp_path) as store:
        assert store.keys.list()[0].revoked is None


def test_batch_progress_says_loading_models_until_the_first_result():
    printer = ProgressPrinter(io.StringIO())
    waiting = BatchProgress(
        total=9, done=0, scored=0, skipped=0, failed=0, audio_seconds=0.0, elapsed=15.0, eta=None
    )
    line = printer.line(waiting)
    assert "0/9 files" in line and "loading models… (00:15)" in line
    assert "ETA" not in line and "calls/h" not in line
    going = BatchProgress(
        total=9, done=1, scored=1, skipped=0, failed=0, audio_seconds=60.0, elapsed=20.0, eta=160.0
    )
    line = printer.line(going)
    assert "loading models" not in line and "ETA 02:40" in line
