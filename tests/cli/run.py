"""Running ``qa`` as a user does: a real subprocess (``python -m qa``), real files."""

from __future__ import annotations

import subprocess
import sys


def qa(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "qa", *map(str, args)], capture_output=True, text=True, timeout=300, input=stdin
    )


def assert_clean_failure(res, match):
    assert res.returncode != 0
    assert "Traceback" not in res.stderr, res.stderr
    assert res.stderr.startswith("qa: error: "), res.stderr
    assert match in res.stderr, res.stderr
    assert res.stdout == ""  # nothing half-written
