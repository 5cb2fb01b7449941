"""The data types that flow through the pipeline.

All times are float seconds from the start of the recording; they are rounded to
milliseconds only when serialised (:func:`to_dict`). Every type is a frozen dataclass:
stages return new objects and never mutate their inputs.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Role",
    "Span",
    "Word",
    "Utterance",
    "Call",
    "Finding",
    "RubricResult",
    "CallScore",
    "RubricStats",
    "Scorecard",
    "FINDING_STATUSES",
    "to_dict",
    "call_from_dict",
    "finding_from_dict",
    "result_from_dict",
    "score_from_dict",
]

Role = Literal["agent", "customer"]
ROLES: tuple[Role, Role] = ("agent", "customer")
#: A finding against the agent is ``confirmed`` (it counts: outcome and sub-score) or ``review``
#: (a weaker candidate: shown and counted, never penalised). Evidence for the agent is confirmed.
FINDING_STATUSES: tuple[str, str] = ("confirmed", "review")


@dataclass(frozen=True, order=True)
class Span:
    """A closed-open time interval ``[start, end)`` in seconds from the call start.

    Ordered by (start, end) and hashable. ``a & b`` is the overlap (or ``None``),
    ``a | b`` the smallest span covering both, ``t in a`` tests a time, ``b in a`` a span.
    """

    start: float
    end: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and math.isfinite(self.end)):
            raise ValueError(f"Span times must be finite, got {self.start!r}, {self.end!r}")
        if self.end < self.start:
            raise ValueError(f"Span end {self.end} is before its start {self.start}")

    @property
    def duration(self) -> float:
        return self.end - self.start

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2

    def __and__(self, other: Span) -> Span | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Span(start, end) if end > start else None

    def __or__(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Span):
            return self.start <= item.start and item.end <= self.end
        if isinstance(item, (int, float)):
            return self.start <= item < self.end
        return False

    def overlap(self, other: Span) -> float:
        """Seconds shared with ``other`` (0.0 when disjoint)."""
        return max(0.0, min(self.end, other.end) - max(self.start, other.start))

    def shifted(self, seconds: float) -> Span:
        return Span(self.start + seconds, self.end + seconds)

    def clipped(self, bounds: Span) -> Span | None:
        return self & bounds


@dataclass(frozen=True)
class Word:
    span: Span
    text: str
    probability: float = 1.0


@dataclass(frozen=True)
class Utterance:
    """One stretch of speech by one party, with its transcript and word timings."""

    id: str
    role: Role
    span: Span
    text: str
    words: tuple[Word, ...] = ()
    language: str | None = None
    channel: int | None = None
    speaker_confidence: float = 1.0


@dataclass(frozen=True)
class Call:
    """A transcribed call: utterances of both parties in time order."""

    id: str
    agent_id: str
    duration: float
    source: Literal["stereo", "diarized", "transcript"]
    utterances: tuple[Utterance, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(0.0, self.duration)

    def by_role(self, role: Role) -> tuple[Utterance, ...]:
        return tuple(u for u in self.utterances if u.role == role)

    def speech(self, role: Role) -> tuple[Span, ...]:
        """Where ``role`` was speaking: the VAD regions if recorded, else its utterance spans."""
        regions = (self.meta.get("speech") or {}).get(role)
        if regions is not None:
            return tuple(Span(float(a), float(b)) for a, b in regions)
        return tuple(u.span for u in self.by_role(role))

    @property
    def language(self) -> str | None:
        """The call's language: from meta if set, else the most common utterance language."""
        if self.meta.get("language"):
            return str(self.meta["language"])
        counts: dict[str, float] = {}
        for u in self.utterances:
            if u.language:
                counts[u.language] = counts.get(u.language, 0.0) + u.span.duration
        return max(counts, key=counts.__getitem__) if counts else None


@dataclass(frozen=True)
class Finding:
    """One piece of evidence behind a rubric judgment: where, who said what, how sure."""

    rubric: str
    kind: str
    span: Span
    utterance_ids: tuple[str, ...] = ()
    evidence: str = ""
    confidence: float = 1.0
    weight: float = 1.0
    status: str = "confirmed"

    def __post_init__(self) -> None:
        if self.status not in FINDING_STATUSES:
            raise ValueError(f"Finding status must be one of {FINDING_STATUSES}, got {self.status!r}")

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass(frozen=True)
class RubricResult:
    rubric: str
    version: str
    outcome: str
    score: float | None
    findings: tuple[Finding, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    metrics: Mapping[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    note: str = ""

    @property
    def counted(self) -> bool:
        """Whether this result enters the call score (uncertain/skipped results do not)."""
        return self.score is not None

    @property
    def confirmed_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "confirmed")

    @property
    def review_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "review")


@dataclass(frozen=True)
class CallScore:
    """A call's rubric results combined; ``quality`` is the transcript quality assessment
    (:class:`qa.quality.CallQuality`: ``needs_review`` with its reasons), ``None`` when the
    score was made without one."""

    call_id: str
    score: float | None
    results: tuple[RubricResult, ...]
    rubric_version: str = ""
    capped_by: tuple[str, ...] = ()
    quality: Any = None

    def result(self, rubric: str) -> RubricResult:
        for r in self.results:
            if r.rubric == rubric:
                return r
        raise KeyError(f"no result for rubric {rubric!r}; have {[r.rubric for r in self.results]}")


@dataclass(frozen=True)
class RubricStats:
    """One rubric item's figures in a :class:`Scorecard`.

    ``n`` results, of them ``counted`` (with a sub-score: in the pass rate) and ``passed``;
    ``pass_rate`` (passed / counted) and ``mean_score`` (of the counted), ``None`` when nothing
    counted; ``outcomes`` ({outcome: n}); ``findings`` (total), of them ``confirmed_findings``
    (counted against the agent) and ``review_findings``; ``team_pass_rate`` (every agent's, the
    same period) when asked for.
    """

    n: int
    counted: int
    passed: int
    pass_rate: float | None
    mean_score: float | None
    outcomes: Mapping[str, int]
    findings: int
    confirmed_findings: int
    review_findings: int
    team_pass_rate: float | None = None


@dataclass(frozen=True)
class Scorecard:
    agent_id: str
    period: Span | tuple[str, str]
    n_calls: int
    mean_score: float | None
    per_rubric: Mapping[str, RubricStats]
    trend: tuple[tuple[str, float, int], ...] = ()  # (ISO week, mean score, calls it rests on)
    worst_calls: tuple[str, ...] = ()


# --- serialisation -----------------------------------------------------------------------


def _round(value: float) -> float:
    return round(float(value), 3)


def to_dict(obj: Any) -> Any:
    """Plain-JSON form of any of these types; times rounded to milliseconds."""
    if isinstance(obj, Span):
        return {"start": _round(obj.start), "end": _round(obj.end)}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name == "span" and isinstance(value, Span):
                out["start"] = _round(value.start)
                out["end"] = _round(value.end)
            else:
                out[f.name] = to_dict(value)
        return out
    if isinstance(obj, Mapping):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, float):
        return obj if not math.isfinite(obj) else round(obj, 6)
    return obj


def _words_from(items: Iterable[Mapping[str, Any]]) -> tuple[Word, ...]:
    return tuple(
        Word(
            Span(float(w["start"]), float(w["end"])),
            str(w.get("text", w.get("word", ""))),
            float(w.get("probability", 1.0)),
        )
        for w in items
    )


def call_from_dict(data: Mapping[str, Any]) -> Call:
    """Inverse of ``to_dict(call)``; also accepts a minimal transcript (role/start/end/text).

    Accepts ``{"call": {...}}`` (the ``qa score --json`` form) too. Raises ``InputError`` naming
    the first utterance that is malformed.
    """
    from qa.errors import InputError

    if isinstance(data, Mapping) and isinstance(data.get("call"), Mapping):
        data = data["call"]
    if not isinstance(data, Mapping) or not isinstance(data.get("utterances"), list):
        raise InputError('a transcript is a JSON object with an "utterances" list')
    utterances = []
    for i, u in enumerate(data["utterances"]):
        where = f"utterance {i}" + (f" ({u.get('id')})" if isinstance(u, Mapping) and u.get("id") else "")
        if not isinstance(u, Mapping):
            raise InputError(f"{where}: must be an object")
        if u.get("role") not in ROLES:
            raise InputError(f"{where}: role must be 'agent' or 'customer', got {u.get('role')!r}")
        try:
            span = Span(float(u["start"]), float(u["end"]))
            words = _words_from(u.get("words") or ())
        except KeyError as exc:
            raise InputError(f"{where}: missing {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise InputError(f"{where}: bad time ({exc})") from None
        if not isinstance(u.get("text", ""), str):
            raise InputError(f"{where}: text must be a string")
        utterances.append(
            Utterance(
                id=str(u.get("id", f"u{i:03d}")),
                role=u["role"],
                span=span,
                text=str(u.get("text", "")),
                words=words,
                language=u.get("language"),
                channel=u.get("channel"),
                speaker_confidence=float(u.get("speaker_confidence", 1.0)),
            )
        )
    utterances.sort(key=lambda u: (u.span.start, u.span.end))
    if len({u.id for u in utterances}) != len(utterances):
        raise InputError("utterance ids must be unique")
    duration = data.get("duration")
    if duration is None:
        duration = max((u.span.end for u in utterances), default=0.0)
    source = data.get("source", "transcript")
    if source not in ("stereo", "diarized", "transcript"):
        raise InputError(f"source must be stereo, diarized or transcript, got {source!r}")
    meta = dict(data.get("meta") or {})
    if "language" not in meta and data.get("language"):
        meta["language"] = data["language"]
    return Call(
        id=str(data.get("id", "call")),
        agent_id=str(data.get("agent_id", "unknown")),
        duration=float(duration),
        source=source,
        utterances=tuple(utterances),
        meta=meta,
    )


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """Inverse of ``to_dict(finding)``. A finding stored before findings had a status (no
    ``status`` key) is read as ``confirmed``: that is how it was scored."""
    return Finding(
        rubric=str(data.get("rubric", "")),
        kind=str(data.get("kind", "")),
        span=Span(float(data["start"]), float(data["end"])),
        utterance_ids=tuple(str(i) for i in data.get("utterance_ids") or ()),
        evidence=str(data.get("evidence", "")),
        confidence=float(data.get("confidence", 1.0)),
        weight=float(data.get("weight", 1.0)),
        status=str(data.get("status") or "confirmed"),
    )


def result_from_dict(data: Mapping[str, Any]) -> RubricResult:
    """Inverse of ``to_dict(result)`` (findings through :func:`finding_from_dict`)."""
    score = data.get("score")
    return RubricResult(
        rubric=str(data.get("rubric", "")),
        version=str(data.get("version", "")),
        outcome=str(data.get("outcome", "")),
        score=None if score is None else float(score),
        findings=tuple(finding_from_dict(f) for f in data.get("findings") or ()),
        options=dict(data.get("options") or {}),
        metrics=dict(data.get("metrics") or {}),
        confidence=float(data.get("confidence", 1.0)),
        note=str(data.get("note", "")),
    )


def score_from_dict(data: Mapping[str, Any]) -> CallScore:
    """Inverse of ``to_dict(score)``; accepts ``{"score": {...}}`` (the ``qa score --json``
    form) too. Old scores without findings' status or a quality record read as confirmed
    findings and ``quality=None``."""
    from qa.quality import quality_from_dict

    if isinstance(data.get("score"), Mapping):
        data = data["score"]
    value = data.get("score")
    quality = data.get("quality")
    return CallScore(
        call_id=str(data.get("call_id", "")),
        score=None if value is None else float(value),
        results=tuple(result_from_dict(r) for r in data.get("results") or ()),
        rubric_version=str(data.get("rubric_version", "")),
        capped_by=tuple(str(c) for c in data.get("capped_by") or ()),
        quality=quality_from_dict(quality) if isinstance(quality, Mapping) else None,
    )
