"""``qa score-transcript``: a transcript from another ASR, malformed input, the review flag."""

import json

import pytest

from tests.cli.run import qa
from tests.conftest import expected, sample_ids


def _transcript(exp):
    return {
        "utterances": [
            {"role": u["role"], "start": u["start"], "end": u["end"], "text": u["text"]} for u in exp["utterances"]
        ]
    }


@pytest.mark.skipif(not sample_ids(), reason="no samples")
def test_score_transcript_from_another_asr(tmp_path):
    sid = next(s for s in sample_ids() if expected(s)["language"] == "en" and expected(s)["layout"] == "stereo")
    p = tmp_path / "t.json"
    p.write_text(json.dumps(_transcript(expected(sid))), encoding="utf-8")
    res = qa("score-transcript", p, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    names = [r["rubric"] for r in data["score"]["results"]]
    assert names == ["interruption", "arguing", "last_word", "empathy_before_apology", "resolution"]
    arguing = next(r for r in data["score"]["results"] if r["rubric"] == "arguing")
    assert "no audio" in arguing["note"]  # audio-only signals are skipped with a note, not faked


@pytest.mark.parametrize(
    "content,match",
    [
        ("{", "not valid JSON (line 1"),
        ('{"utterances": "x"}', '"utterances" list'),
        ('{"utterances": [{"role": "boss", "start": 0, "end": 1, "text": "hi"}]}', "utterance 0: role"),
        ('{"utterances": [{"role": "agent", "start": 2, "end": 1, "text": "hi"}]}', "utterance 0: bad time"),
        ('{"utterances": [{"role": "agent", "end": 1, "text": "hi"}]}', "missing 'start'"),
    ],
)
def test_score_transcript_malformed(tmp_path, content, match):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    res = qa("score-transcript", p)
    assert res.returncode == 2 and match in res.stderr and "Traceback" not in res.stderr, res.stderr


def test_score_transcript_prints_needs_review_and_findings_for_review(tmp_path):
    data = {
        "utterances": [
            {"role": "agent", "start": 0.0, "end": 2.5, "text": "Thank you for calling, how can I help?"},
            {"role": "customer", "start": 3.0, "end": 5.0, "text": "My blender broke."},
            {"role": "agent", "start": 6.0, "end": 9.0, "text": "I'm really sorry for the trouble this has caused you."},
        ],
        "meta": {"speech": {"agent": [[0.0, 2.5], [6.0, 9.0]], "customer": [[3.0, 20.0]]}},
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    res = qa("score-transcript", path)
    assert res.returncode == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if x.startswith("NEEDS REVIEW: "))
    assert "customer's words cover 12%" in line and "threshold 50%" in line
    out = json.loads(qa("score-transcript", path, "--json").stdout)
    assert out["score"]["quality"]["needs_review"] is True
    assert out["score"]["quality"]["metrics"]["word_coverage_customer"] == pytest.approx(2 / 17, abs=1e-3)
    for r in out["score"]["results"]:
        assert {"confirmed_findings", "review_findings"} <= set(r["metrics"])
        assert all(f["status"] in ("confirmed", "review") for f in r["findings"])
