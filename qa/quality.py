"""Transcript quality: is a call's transcript (and who-said-what) good enough to trust its score?

:func:`assess_quality` reads only the :class:`~qa.types.Call` (its utterances and ``meta``), so a
stored transcript can be assessed again without audio. Each metric is compared with its threshold
in :class:`QualityOptions` (the ``[quality]`` table of the rubric configuration); a metric under
its threshold is a human-readable reason, and any reason makes the call ``needs_review``. A metric
the call has no data for is ``None`` and never a reason.

Metrics:

- ``word_coverage_<role>``: the share of the party's detected speech (``meta["speech"]``, the VAD
  regions) covered by recognised words; ``word_coverage_min`` the smaller of the two (a party who
  spoke but got almost no words is the problem, however well the other was recognised) and
  ``word_coverage`` both parties together.
- ``mean_logprob``: the recogniser's mean log-probability (``meta["asr"]["mean_logprob"]``).
- ``language_margin``: top-1 minus top-2 probability of the detected language
  (``meta["language_top"]``; only when ``meta["language_source"] == "detected"``).
- ``role_confidence``: how sure the agent/customer assignment of separated voices is (mono calls,
  ``meta["speakers"]["role_confidence"]``).
- ``channel_mismatch``: 1.0 when the words say the agent is on the other channel
  (``meta["speakers"]["channel_check"]["agrees"]`` is false), else 0.0.

``meta["quality_warnings"]`` (strings from earlier stages) are passed through as reasons.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qa.types import ROLES, Call, Span

__all__ = ["QualityOptions", "CallQuality", "assess_quality", "quality_from_dict"]


@dataclass(frozen=True)
class QualityOptions:
    """Thresholds under which a call's transcript needs review (``[quality]`` in the rubric)."""

    min_word_coverage: float = 0.5
    min_mean_logprob: float = -1.0
    min_language_margin: float = 0.2
    min_role_confidence: float = 0.6
    flag_channel_mismatch: bool = True
    # Whisper's word timings leave short gaps between words that are still speech: words this
    # close are joined before measuring what share of the speech they cover.
    word_join_gap_s: float = 0.3
    # A party with less detected speech than this is not judged for coverage (too little to say).
    min_speech_s: float = 1.0


@dataclass(frozen=True)
class CallQuality:
    """The quality record of one call: flagged or not, why, the metrics and the thresholds."""

    needs_review: bool
    reasons: tuple[str, ...] = ()
    metrics: Mapping[str, float | None] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)


def _merge(spans: Iterable[Span], gap: float = 0.0) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end + gap:
            out[-1] = out[-1] | s
        else:
            out.append(s)
    return out


def _covered(speech: list[Span], covering: list[Span]) -> float:
    """Seconds of ``speech`` inside ``covering`` (both merged: disjoint and sorted)."""
    total, j = 0.0, 0
    for s in speech:
        while j < len(covering) and covering[j].end <= s.start:
            j += 1
        k = j
        while k < len(covering) and covering[k].start < s.end:
            total += s.overlap(covering[k])
            k += 1
    return total


def _word_spans(call: Call, role: str) -> list[Span]:
    spans: list[Span] = []
    for u in call.utterances:
        if u.role != role:
            continue
        if u.words:
            spans.extend(w.span for w in u.words)
        elif u.text.strip():  # a transcript without word timings: the utterance
            spans.append(u.span)
    return spans


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _coverage(call: Call, opts: QualityOptions) -> dict[str, float | None]:
    speech_meta = call.meta.get("speech")
    out: dict[str, float | None] = {
        "word_coverage": None,
        **{f"word_coverage_{r}": None for r in ROLES},
        "word_coverage_min": None,
    }
    if not isinstance(speech_meta, Mapping):
        return out
    total_speech = total_covered = 0.0
    per_role: list[float] = []
    for role in ROLES:
        regions = speech_meta.get(role)
        if not regions:
            continue
        try:
            speech = _merge(Span(float(a), float(b)) for a, b in regions)
        except (TypeError, ValueError):
            continue
        seconds = sum(s.duration for s in speech)
        if seconds < opts.min_speech_s:
            continue
        words = _merge(_word_spans(call, role), gap=opts.word_join_gap_s)
        covered = _covered(speech, words)
        share = covered / seconds
        out[f"word_coverage_{role}"] = round(share, 4)
        per_role.append(share)
        total_speech += seconds
        total_covered += covered
    if per_role:
        out["word_coverage"] = round(total_covered / total_speech, 4)
        out["word_coverage_min"] = round(min(per_role), 4)
    return out


def _language_margin(meta: Mapping[str, Any]) -> tuple[float | None, list[tuple[str, float]]]:
    if meta.get("language_source") != "detected":
        return None, []
    top = meta.get("language_top")
    if not isinstance(top, Mapping) or not top:
        return None, []
    ranked = sorted(
        ((str(k), p) for k, v in top.items() if (p := _number(v)) is not None),
        key=lambda kv: kv[1],
        reverse=True,
    )
    if not ranked:
        return None, []
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return round(ranked[0][1] - second, 4), ranked[:2]


def assess_quality(call: Call, options: QualityOptions | Mapping[str, Any] | None = None) -> CallQuality:
    """The quality record of ``call``: every metric it has data for, against its threshold.

    Never raises for missing or malformed metadata: what cannot be measured is ``None`` and is
    not a reason to review.
    """
    from qa.config import coerce_options

    opts: QualityOptions = coerce_options(QualityOptions, options)
    meta = call.meta or {}
    reasons: list[str] = []
    metrics: dict[str, float | None] = _coverage(call, opts)

    low = [
        (role, share)
        for role in ROLES
        if (share := metrics[f"word_coverage_{role}"]) is not None and share < opts.min_word_coverage
    ]
    for role, share in low:
        reasons.append(
            f"the {role}'s words cover {share:.0%} of the {role}'s detected speech "
            f"(threshold {opts.min_word_coverage:.0%})"
        )

    asr = meta.get("asr")
    logprob = _number(asr.get("mean_logprob")) if isinstance(asr, Mapping) else None
    metrics["mean_logprob"] = None if logprob is None else round(logprob, 4)
    if logprob is not None and logprob < opts.min_mean_logprob:
        reasons.append(
            f"the recogniser was unsure of the words: mean log-probability {logprob:.2f} "
            f"(threshold {opts.min_mean_logprob:.2f})"
        )

    margin, ranked = _language_margin(meta)
    metrics["language_margin"] = margin
    if margin is not None and margin < opts.min_language_margin:
        runner_up = f" vs {ranked[1][0]} {ranked[1][1]:.2f}" if len(ranked) > 1 else ""
        reasons.append(
            f"the language is uncertain: {ranked[0][0]} {ranked[0][1]:.2f}{runner_up} "
            f"(margin {margin:.2f}, threshold {opts.min_language_margin:.2f})"
        )

    speakers = meta.get("speakers")
    speakers = speakers if isinstance(speakers, Mapping) else {}
    role_conf = _number(speakers.get("role_confidence"))
    metrics["role_confidence"] = None if role_conf is None else round(role_conf, 4)
    if role_conf is not None and role_conf < opts.min_role_confidence:
        reasons.append(
            f"who is the agent is uncertain: role confidence {role_conf:.2f} "
            f"(threshold {opts.min_role_confidence:.2f}); roles may be swapped"
        )

    check = speakers.get("channel_check")
    metrics["channel_mismatch"] = None
    if isinstance(check, Mapping) and isinstance(check.get("agrees"), bool):
        mismatch = not check["agrees"]
        metrics["channel_mismatch"] = 1.0 if mismatch else 0.0
        if mismatch and opts.flag_channel_mismatch:
            conf = _number(check.get("confidence"))
            sure = f" (confidence {conf:.2f})" if conf is not None else ""
            reasons.append(
                "what each channel says suggests the agent is on the other channel" + sure
            )

    warnings = meta.get("quality_warnings")
    if isinstance(warnings, (list, tuple)):
        reasons.extend(str(w) for w in warnings if str(w).strip())

    return CallQuality(
        needs_review=bool(reasons),
        reasons=tuple(reasons),
        metrics=metrics,
        options=dataclasses.asdict(opts),
    )


def quality_from_dict(data: Mapping[str, Any]) -> CallQuality:
    """Inverse of ``to_dict(quality)``."""
    reasons = tuple(str(r) for r in data.get("reasons") or ())
    return CallQuality(
        needs_review=bool(data.get("needs_review", bool(reasons))),
        reasons=reasons,
        metrics={str(k): _number(v) for k, v in (data.get("metrics") or {}).items()},
        options=dict(data.get("options") or {}),
    )
