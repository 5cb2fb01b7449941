"""A call's transcript as the call page shows it: each utterance's text split into plain and
highlighted pieces, the findings that point at it, and one chip per rubric item."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from qa.redact.records import ENTITIES

__all__ = ["transcript_view", "overlaps", "pii_parts"]

# A redaction placeholder in a stored transcript, e.g. "[CARD_NUMBER]".
_PLACEHOLDER = re.compile(r"\[(" + "|".join(ENTITIES) + r")\]")


def pii_parts(text: str) -> list[dict[str, Any]]:
    """``text`` cut into parts: plain text (``pii`` ``None``) and redaction placeholders
    (``pii``: the entity, e.g. ``CARD_NUMBER``), for the page to mark the latter."""
    parts: list[dict[str, Any]] = []
    at = 0
    for m in _PLACEHOLDER.finditer(text):
        if m.start() > at:
            parts.append({"text": text[at : m.start()], "pii": None})
        parts.append({"text": m.group(0), "pii": m.group(1)})
        at = m.end()
    if at < len(text) or not parts:
        parts.append({"text": text[at:], "pii": None})
    return parts


def overlaps(a0: float, a1: float, b0: float, b1: float) -> bool:
    """Whether two time spans overlap; an instant overlaps a span that contains it."""
    return a0 < b1 and b0 < a1 or (a0 == a1 and b0 <= a0 <= b1)


def transcript_view(
    utterances: list[Mapping[str, Any]], findings: list[Mapping[str, Any]], language: str | None
) -> list[dict[str, Any]]:
    """Utterances ready to show: text split into plain and highlighted pieces.

    A finding highlights the words of its utterances that fall in its time span (the words are
    found in the text in order, so any script works); when the words can't be placed, or an
    utterance has none, the whole utterance is highlighted. Each utterance also lists the
    findings that point at it. (The page marks the placeholders of redacted personal data in
    each piece with :func:`pii_parts`.)
    """
    out = []
    for i, u in enumerate(utterances):
        uid = str(u.get("id") or f"u{i:03d}")
        u0, u1 = float(u.get("start") or 0.0), float(u.get("end") or 0.0)
        text = str(u.get("text") or "")
        mine = [
            f
            for f in findings
            if (uid in (f.get("utterance_ids") or ()))
            or (not f.get("utterance_ids") and overlaps(f["start"], f["end"], u0, u1))
        ]
        pieces: list[dict[str, Any]] = [{"text": text}]
        if mine:
            pieces = _highlight(text, u.get("words") or [], mine)
        out.append(
            {
                "id": uid,
                "role": u.get("role") if u.get("role") in ("agent", "customer") else "customer",
                "start": u0,
                "end": u1,
                "lang": u.get("language") or language or "",
                "pieces": pieces,
                "findings": mine,
                "chips": _first_per_rubric(mine),
                "speaker_confidence": u.get("speaker_confidence"),
            }
        )
    return out


def _first_per_rubric(findings: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One finding per rubric item (its first): an utterance's chips link to these."""
    first: dict[str, Mapping[str, Any]] = {}
    for f in findings:
        first.setdefault(str(f["rubric"]), f)
    return list(first.values())


def _highlight(
    text: str, word_list: list[Mapping[str, Any]], findings: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    # Place each word in the text: (char start, char end, word start, word end).
    placed = []
    pos = 0
    for w in word_list:
        token = str(w.get("text") or "").strip()
        if not token:
            continue
        j = text.find(token, pos)
        if j < 0:
            placed = []
            break
        placed.append((j, j + len(token), float(w.get("start") or 0.0), float(w.get("end") or 0.0)))
        pos = j + len(token)

    def mark_of(w0: float, w1: float) -> Mapping[str, Any] | None:
        for f in findings:
            if overlaps(w0, w1, float(f["start"]), float(f["end"])):
                return f
        return None

    marks = [(c0, c1, mark_of(w0, w1)) for c0, c1, w0, w1 in placed]
    if not any(m for _, _, m in marks):
        f = findings[0]
        return [{"text": text, "finding": f}]
    pieces: list[dict[str, Any]] = []
    pos = 0
    current: dict[str, Any] | None = None
    for c0, c1, f in marks:
        if f is not None and current is not None and current["finding"] is f:
            current["text"] += text[pos:c1]  # the gap between two marked words joins the mark
        else:
            if pos < c0:
                pieces.append({"text": text[pos:c0]})
            if f is None:
                current = None
                pieces.append({"text": text[c0:c1]})
            else:
                current = {"text": text[c0:c1], "finding": f}
                pieces.append(current)
        pos = c1
    if pos < len(text):
        pieces.append({"text": text[pos:]})
    return pieces
