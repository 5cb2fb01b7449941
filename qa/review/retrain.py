"""Reviewed calls → labelled sentences for the labeller (``qa calibrate --retrain``).

The items that read the labeller turn one labelled sentence into one finding, so a reviewer's
judgment of the finding is a judgment of the sentence for that label (:data:`FINDING_LABELS`):

- a machine finding judged **right** (:func:`qa.review.agreement.judged_findings`: marked right,
  overlapped by an added finding, or a confirmed finding of a confirmed outcome) → the sentence
  *has* the label; judged **wrong** → it has *not*; unjudged findings give nothing;
- a finding the reviewer **added** → the agent sentences it covers (of its utterances, within its
  span; those matching its quote when there is one, else the quote itself) *have* the label.

The sentence text is taken from the call's stored transcript, cut as the items cut it
(:func:`qa.rubrics.common.split_sentences`). Within one call the last judgment of a sentence for a
label wins. Items judged on timing (``interruption``) or on call-level rules (bookings, answered
requests) give no sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from qa.labeller import normalize_text
from qa.review.agreement import judged_findings
from qa.review.model import HumanFinding, ReviewedCall
from qa.rubrics.common import Sentence, split_sentences
from qa.store.errors import NotFound
from qa.types import Call

__all__ = ["FINDING_LABELS", "label_of", "reviewed_sentences"]

#: Per rubric item, the labeller label each finding kind stands for (key ``None``: every kind,
#: including the kinds reviewers give added findings). Kept in step with the items' modules
#: (``label_hits(..., "<label>", ...)``); a test checks the items and labels exist.
FINDING_LABELS: Mapping[str, Mapping[str | None, str]] = {
    "arguing": {None: "arguing"},
    "last_word": {None: "condescension"},
    "empathy_before_apology": {"first_empathy": "empathy", "first_apology": "apology"},
    "resolution": {
        "specific_offer": "resolution_specific",
        # An offer scored vague that names a when: specific by the guide (what and when).
        "dated_offer": "resolution_specific",
        "vague_offer": "resolution_vague",
    },
}


def label_of(rubric: str, kind: str | None) -> str | None:
    """The labeller label a finding of ``rubric`` of this ``kind`` stands for, if any."""
    table = FINDING_LABELS.get(rubric)
    if table is None:
        return None
    return table.get(kind or "", table.get(None))


def _overlap(s: Sentence, start: float, end: float) -> float:
    return min(s.span.end, end) - max(s.span.start, start)


def _sentence_of(f: Mapping[str, Any], sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence a machine finding was made from: of its utterances, the one its evidence
    quotes and its span covers best."""
    ids = set(f.get("utterance_ids") or ())
    cands = [s for s in sentences if s.utterance_id in ids] if ids else list(sentences)
    if not cands:
        return None
    start = float(f.get("start") or 0.0)
    end = max(start, float(f.get("end") or start))
    evidence = str(f.get("evidence") or "")
    return max(
        cands,
        key=lambda s: (s.text in evidence, _overlap(s, start, end), -abs(s.span.start - start)),
    )


def _added_texts(h: HumanFinding, sentences: Sequence[Sentence]) -> list[str]:
    """The agent sentences an added finding covers (see the module's docstring)."""
    ids = set(h.utterance_ids)
    agent = [s for s in sentences if s.role == "agent" and (not ids or s.utterance_id in ids)]
    cands = [s for s in agent if _overlap(s, h.start, h.end) > 0] or (agent if ids else [])
    quote = normalize_text(h.quote).lower()
    if not quote:
        return [s.text for s in cands]
    matching = [
        s.text
        for s in cands
        if normalize_text(s.text).lower() in quote or quote in normalize_text(s.text).lower()
    ]
    return matching or [h.quote]


def _call_sentences(
    rc: ReviewedCall, items: Sequence[str], sentences: Sequence[Sentence], skipped: Counter[str]
) -> list[Any]:
    """The labelled sentences of one reviewed call (the last judgment of a sentence wins)."""
    from models.site import ReviewedSentence

    got: dict[tuple[str, str], ReviewedSentence] = {}

    def add(label: str, text: str, positive: bool, source: str) -> None:
        text = normalize_text(text)
        if text:
            got[(label, text)] = ReviewedSentence(text, label, positive, rc.call_id, source)

    for rubric in items:
        result = next((r for r in rc.machine if r.get("rubric") == rubric), None) or {}
        findings = list(result.get("findings") or ())
        for jf in judged_findings(rc, rubric):
            if jf.right is None or jf.index >= len(findings):
                continue
            f = findings[jf.index]
            label = label_of(rubric, f.get("kind"))
            if label is None:
                skipped[f"{rubric} finding of kind {f.get('kind')}"] += 1
                continue
            s = _sentence_of(f, sentences)
            if s is None:
                skipped["finding whose sentence is not in the transcript"] += 1
                continue
            add(label, s.text, jf.right, "finding_right" if jf.right else "finding_wrong")
        for h in rc.verdicts[rubric].added:
            label = label_of(rubric, h.kind)
            if label is None:
                skipped[f"{rubric} added finding of kind {h.kind or 'missed'}"] += 1
                continue
            for text in _added_texts(h, sentences):
                add(label, text, True, "finding_added")
    return list(got.values())


def reviewed_sentences(
    calls: Sequence[ReviewedCall], load_call: Callable[[str], Call]
) -> tuple[list[Any], Counter[str]]:
    """The labelled sentences (:class:`models.site.ReviewedSentence`) the reviews of ``calls``
    give, and a count of what was left out and why. ``load_call(call_id)`` gives the call's
    stored transcript (``store.calls.load``)."""
    out: list[Any] = []
    skipped: Counter[str] = Counter()
    for rc in calls:
        items = [r for r in rc.verdicts if r in FINDING_LABELS]
        if not items:
            continue
        try:
            sentences = split_sentences(load_call(rc.call_id))
        except NotFound:  # no transcript any more
            skipped["call without a transcript"] += 1
            continue
        out.extend(_call_sentences(rc, items, sentences, skipped))
    return out, skipped
