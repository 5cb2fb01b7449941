"""``qa calibrate`` end to end on a synthetic review set with known truth, then ``qa rescore
--rubric`` applying the new configuration to a stored call (real subprocesses, a real store)."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import UTC, datetime, timedelta

import pytest

from qa.review.model import ReviewAction
from qa.store import Store
from qa.types import Call, CallScore, Finding, RubricResult, Span, Utterance, Word
from tests.cli.run import assert_clean_failure, qa

WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)
CONFIDENCES = (0.76, 0.8, 0.85, 0.88, 0.9, 0.93, 0.97)  # all confirmed at the default 0.75
TRUTH = 0.9  # reviewers: every interruption under 0.9 was not one, every one from 0.9 was


def utt(uid: str, role: str, start: float, end: float, text: str) -> Utterance:
    toks = text.split()
    step = (end - start) / len(toks)
    words = tuple(
        Word(Span(start + i * step, start + (i + 0.9) * step), t, 0.9) for i, t in enumerate(toks)
    )
    return Utterance(uid, role, Span(start, end), text, words, "en", 0 if role == "agent" else 1)  # type: ignore[arg-type]


def real_call(call_id: str) -> Call:
    """The agent comes in 0.25 s before the customer stops mid-sentence and holds the floor for
    2 s: an interruption with timing confidence 0.85 (confirmed at 0.75, for review at 0.9)."""
    return Call(
        call_id, "real", 14.5, "stereo",
        (utt("u000", "agent", 0.2, 2.5, "Thank you for calling Acme, how can I help?"),
         utt("u001", "customer", 3.0, 8.0, "The coat you sent me is the wrong one and the sleeves are"),
         utt("u002", "agent", 7.75, 10.0, "Let me check your order details right now for you."),
         utt("u003", "customer", 12.0, 14.0, "Okay, thank you.")),
        {"language": "en"},
    )  # fmt: skip


def synthetic_score() -> CallScore:
    found = tuple(
        Finding(
            "interruption",
            "interruption",
            Span(10.0 * i, 10.0 * i + 1),
            ("u001",),
            "…",
            c,
            1.0,
            "confirmed",
        )
        for i, c in enumerate(CONFIDENCES)
    )
    result = RubricResult(
        "interruption", "1.3", "interrupted", 0.0, found, options={"confirm_at_used": 0.75}
    )
    return CallScore("x", 0.0, (result,), rubric_version="synthetic")


def put(store: Store, name: str, agent: str, n: int) -> str:
    sha, _ = store.files.put(
        b"RIFF" + hashlib.sha256(name.encode()).digest() * 8, filename=f"{name}.wav"
    )
    return store.calls.add(sha, agent_id=agent, call_time=WHEN + timedelta(hours=n))


@pytest.fixture
def site(tmp_path):
    url, data = f"sqlite:///{tmp_path / 'qa.db'}", tmp_path / "data"
    with Store.open(url, data_dir=data) as store:
        real = put(store, "real", "real", 0)
        store.calls.save_transcript(real_call(real))
        for n in range(20):
            cid = put(store, f"synthetic{n}", "synth", n + 1)
            store.calls.save_score(cid, synthetic_score(), labeller_version="lab")
            marks = [
                ReviewAction(
                    "interruption", "finding_right" if c >= TRUTH else "finding_wrong", finding=i
                )
                for i, c in enumerate(CONFIDENCES)
            ]
            store.reviews.add(cid, marks, role="qa_lead")
    return url, data, real


def test_calibrate_raises_the_operating_point_and_rescore_applies_it(site, tmp_path):
    url, data, real = site
    where = ("--db", url, "--data-dir", data)
    first = qa("rescore", "--agent", "real", "--no-audio", "-q", *where)
    assert first.returncode == 0, first.stderr
    with Store.open(url, data_dir=data) as store:
        before = store.calls.get(real).score
    found = next(r for r in before.results if r["rubric"] == "interruption")["findings"]
    assert [(f["confidence"], f["status"]) for f in found] == [(0.85, "confirmed")]

    out = tmp_path / "calibrated.toml"
    res = qa("calibrate", "--target-precision", "0.9", "--out", out, *where)
    assert res.returncode == 0, res.stderr
    assert "20 reviewed call(s)" in res.stdout
    line = next(x for x in res.stdout.splitlines() if x.startswith("interruption"))
    assert line.split()[1:3] == ["0.75", "0.9"]  # confirm_at 0.75 → 0.9
    # Before → after: precision of the confirmed findings 3/7 → 1 (all reviewed calls).
    prec = next(
        x
        for x in res.stdout.splitlines()
        if x.strip().startswith("interruption") and "→" in x
    )
    assert " 42.9 →" in prec and "100.0" in prec
    cfg = tomllib.loads(out.read_text(encoding="utf-8"))
    assert cfg["items"]["interruption"]["options"]["confirm_at"] == 0.9
    assert cfg["version"].startswith("2026.12-4-cal")
    assert "arguing" in cfg["items"] and "confirm_at" not in cfg["items"]["arguing"].get(
        "options", {}
    )
    with Store.open(url, data_dir=data) as store:
        (entry,) = store.audit.list(action="calibrate")
    assert entry.detail["items"]["interruption"]["new"] == 0.9
    assert entry.detail["reviewed_calls"] == 20 and entry.target_kind == "rubric"

    again = qa("rescore", "--rubric", out, "--agent", "real", "--no-audio", "-q", *where)
    assert again.returncode == 0, again.stderr
    with Store.open(url, data_dir=data) as store:
        call = store.calls.get(real)
    after = call.score
    found = next(r for r in after.results if r["rubric"] == "interruption")["findings"]
    assert [(f["confidence"], f["status"]) for f in found] == [(0.85, "review")]
    assert after.rubric_version.startswith(cfg["version"] + "+")
    # History kept: the first score is still there, the new one is current.
    assert [s.id for s in call.history] == [after.id, before.id]
    assert before.rubric_version != after.rubric_version


def test_calibrate_with_no_reviews_writes_nothing(tmp_path):
    out = tmp_path / "x.toml"
    res = qa(
        "calibrate",
        "--db",
        f"sqlite:///{tmp_path / 'qa.db'}",
        "--data-dir",
        tmp_path / "d",
        "--out",
        out,
    )
    assert res.returncode == 1 and "nothing written" in res.stderr
    assert not out.exists()
    assert_clean_failure(
        qa("calibrate", "--target-precision", "1.5", "--data-dir", tmp_path / "d"),
        "--target-precision",
    )
    res = qa("calibrate", "--retrain", "--data-dir", tmp_path / "d", "--out", out)
    assert res.returncode == 1 and "no labeller heads written" in res.stderr, res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "d" / "labeller").exists()
