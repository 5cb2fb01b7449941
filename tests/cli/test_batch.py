"""``qa batch`` on the command line: arguments refused before any work."""

from __future__ import annotations


def test_batch_command_line_errors(tmp_path):
    from qa.cli import main

    assert main(["batch", "--data-dir", str(tmp_path)]) == 2  # nothing to score
    assert main(["batch", str(tmp_path / "nope"), "--data-dir", str(tmp_path)]) == 2
    assert main(["batch", str(tmp_path), "--out", "r.txt", "--data-dir", str(tmp_path)]) == 2
    assert main(["batch", str(tmp_path), "--manifest", str(tmp_path / "m.csv"), "--data-dir", str(tmp_path)]) == 2
