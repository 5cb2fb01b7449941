"""Exports (qa/batch/export.py): per-call results as JSON Lines and CSV."""

from __future__ import annotations

import csv
import json

import pytest

from qa.batch import CallResult, write_results
from qa.errors import InputError


def test_results_export_jsonl_and_csv(tmp_path):
    rows = [
        CallResult(
            path="/a/x.wav", status="scored", call_id="c1", agent_id="ann", score=72.5,
            capped_by=("arguing",),
            results=(
                {"rubric": "arguing", "outcome": "arguing", "score": 40.0, "findings": [{"kind": "arguing"}]},
                {"rubric": "resolution", "outcome": "specific", "score": 100.0, "findings": []},
            ),
        ),
        CallResult(path="/a/y.wav", status="failed", stage="decode", error="not audio"),
    ]
    assert write_results(rows, tmp_path / "r.jsonl") == 2
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert lines[0]["results"][0]["findings"] == [{"kind": "arguing"}] and lines[1]["error"] == "not audio"
    write_results(rows, tmp_path / "r.csv")
    table = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert table[0]["arguing"] == "arguing" and table[0]["arguing_score"] == "40.0"
    assert table[0]["capped_by"] == "arguing" and table[0]["findings"] == "1"
    assert table[1]["resolution"] == "" and table[1]["stage"] == "decode"
    with pytest.raises(InputError, match=r"\.jsonl or \.csv"):
        write_results(rows, tmp_path / "r.txt")
    assert not list(tmp_path.glob(".*.tmp"))


def test_results_export_review_findings_and_the_quality_flag(tmp_path):
    reasons = ("the customer's words cover 20% of the customer's detected speech (threshold 50%)", "hold music")
    rows = [
        CallResult(
            path="/a/x.wav", status="scored", call_id="c1", score=100.0, needs_review=True, review_reasons=reasons,
            results=(
                {"rubric": "arguing", "outcome": "pass", "score": 100.0,
                 "findings": [{"kind": "arguing", "status": "review"}, {"kind": "arguing", "status": "review"}]},
                {"rubric": "last_word", "outcome": "last_word", "score": 65.0,
                 "findings": [{"kind": "last_word", "status": "confirmed"}]},
            ),
        ),
        CallResult(path="/a/y.wav", status="scored", call_id="c2", score=90.0, needs_review=False),
    ]  # fmt: skip
    write_results(rows, tmp_path / "r.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert lines[0]["needs_review"] is True and lines[0]["review_reasons"] == list(reasons)
    assert lines[0]["results"][0]["findings"][0]["status"] == "review"
    assert lines[1]["needs_review"] is False and lines[1]["review_reasons"] == []
    write_results(rows, tmp_path / "r.csv")
    table = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert table[0]["needs_review"] == "True" and table[0]["review_reasons"] == "; ".join(reasons)
    assert table[0]["findings"] == "3" and table[0]["review_findings"] == "2"
    assert table[1]["needs_review"] == "False" and table[1]["review_reasons"] == ""
