"""``qa label``: good input, malformed input, errors that name the line."""

import json

from tests.cli.run import qa


def test_label_jsonl_bad_lines_are_named_and_others_labelled(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "I'm so sorry for the mix-up.", "language": "en"}),
                "{not json",
                json.dumps({"id": "c"}),
                json.dumps({"id": "d", "text": "我理解您的心情。", "language": "zh"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = qa("label", "--input", src, "--output", out)
    assert res.returncode != 0  # some lines were bad
    assert "line 2" in res.stderr and "line 3" in res.stderr and "Traceback" not in res.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "d"]
    assert "apology" in rows[0]["labels"] and "empathy" in rows[1]["labels"]
    assert set(rows[0]["scores"]) >= {"empathy", "apology", "arguing", "backchannel"}


def test_label_missing_input_fails_cleanly(tmp_path):
    res = qa("label", "--input", tmp_path / "nope.jsonl")
    assert res.returncode != 0 and res.stderr.startswith("qa: error:") and "Traceback" not in res.stderr
