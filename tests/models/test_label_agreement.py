"""The second annotator's labels (models/data/real/second_pass.jsonl) and the agreement measures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import label_agreement as la  # noqa: E402


def test_kappa_and_f1_on_hand_worked_vectors() -> None:
    a = np.array([True, True, False, False])
    b = np.array([True, False, False, False])
    # observed 0.75; chance 0.5 * 0.25 + 0.5 * 0.75 = 0.5; kappa (0.75 - 0.5) / 0.5
    assert la.kappa(a, b) == pytest.approx(0.5)
    assert la.f1(a, b) == pytest.approx(2 / 3)
    assert la.kappa(a, a) == pytest.approx(1.0)
    assert la.kappa(a, ~a) == pytest.approx(-1.0)
    none = np.zeros(4, dtype=bool)
    assert la.kappa(none, none) is None and la.f1(none, none) is None


def test_the_second_pass_covers_real_dev_rows_with_known_labels() -> None:
    first = {}
    for line in (ROOT / "models" / "data" / "real" / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        first[r["id"]] = r
    rows = [json.loads(line) for line in la.SECOND.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert first[r["id"]]["split"] == "dev", r["id"]
        assert set(r["labels"]) <= set(la.LABELS), r
    langs = {first[r["id"]]["language"] for r in rows}
    assert {"en", "zh"} <= langs
