"""Hand-built reviewed calls for the agreement and calibration tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from qa.review.model import HumanFinding, ItemVerdict, ReviewedCall

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def mfinding(
    start: float, end: float, confidence: float, status: str = "confirmed"
) -> dict[str, Any]:
    """A machine finding as a stored result holds it."""
    return {"start": start, "end": end, "confidence": confidence, "status": status,
            "utterance_ids": ["u001"], "evidence": "agent: …", "kind": "arguing"}  # fmt: skip


def reviewed(
    n: int,
    rubric: str,
    outcome: str,
    findings: list[dict[str, Any]] | tuple = (),
    *,
    human: str | None = None,
    wrong: tuple[int, ...] = (),
    right: tuple[int, ...] = (),
    added: tuple[HumanFinding, ...] = (),
    language: str = "en",
    sampled: bool = False,
    confirm_at_used: float | None = None,
) -> ReviewedCall:
    """Call ``n`` whose machine result for ``rubric`` is ``outcome`` with ``findings``, reviewed
    as ``human`` (the human outcome; ``None``: outcome not judged) with findings marked."""
    options = {} if confirm_at_used is None else {"confirm_at_used": confirm_at_used}
    result = {"rubric": rubric, "outcome": outcome, "score": 100.0, "findings": list(findings),
              "options": options}  # fmt: skip
    verdict = ItemVerdict(rubric, outcome=human, wrong=wrong, right=right, added=added)
    return ReviewedCall(
        call_id=f"call{n:04d}",
        agent_id="ann",
        language=language,
        call_time=T0 + timedelta(hours=n),
        score_id=n,
        machine=(result,),
        verdicts={rubric: verdict},
        sampled=sampled,
    )
