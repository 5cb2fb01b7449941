"""What the store returns: frozen, typed records (never ORM rows, never bare dicts).

Every record has :meth:`Record.to_dict`: the plain form the API sends as JSON (fields in
declaration order, nested records as dicts, tuples as lists, values unrounded; dates and times
stay ``datetime`` for the JSON encoder). Sequences are tuples; the JSON payloads inside them, as
stored in the database (each utterance, rubric result and finding, metadata, job payloads), are
the plain dicts they were stored as: the records are frozen, those dicts are the caller's to
leave alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from qa.types import Scorecard

__all__ = [
    "Record",
    "RecordingInfo",
    "RecordingRef",
    "TranscriptInfo",
    "ScoreSummary",
    "ScoreDetail",
    "CallColumns",
    "CallSummary",
    "CallDetail",
    "AgentInfo",
    "TeamInfo",
    "WorstCall",
    "AgentScorecard",
    "JobInfo",
    "ApiKeyInfo",
    "KeyIdentity",
    "AuditRecord",
    "ReviewRecord",
    "DisputeRecord",
    "ReviewResult",
    "Actor",
    "CallEdit",
    "DeletedCall",
    "PurgeSummary",
    "plain",
]


def plain(value: Any) -> Any:
    """``value`` with every record turned into a dict and every tuple into a list (recursively);
    nothing else is changed (no rounding, no string conversion)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


class Record:
    """Base of the store's records (a mixin: it adds no fields)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data (see the module's docstring)."""
        out: dict[str, Any] = plain(self)
        return out


# --- recordings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordingInfo(Record):
    """A stored recording: its bytes are at ``path`` (absolute)."""

    sha256: str
    size: int
    path: Path
    filename: str
    content_type: str
    created: datetime


@dataclass(frozen=True)
class RecordingRef(Record):
    """The recording behind a call, as a call shows it: ``size`` and ``path`` (absolute) are
    ``None`` and the names empty if its row is missing."""

    sha256: str
    size: int | None
    filename: str
    content_type: str
    path: str | None


# --- calls -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranscriptInfo(Record):
    """A stored transcript: ``utterances`` as :func:`qa.types.to_dict` wrote them."""

    id: int
    version: str
    utterances: tuple[Mapping[str, Any], ...]
    meta: Mapping[str, Any]
    created: datetime


@dataclass(frozen=True)
class ScoreSummary(Record):
    """One score in a call's history. ``needs_review``: the transcript-quality flag, ``None``
    for a score made without a quality record."""

    id: int
    rubric_version: str
    labeller_version: str
    score: float | None
    capped_by: tuple[str, ...]
    created: datetime
    needs_review: bool | None


@dataclass(frozen=True)
class ScoreDetail(ScoreSummary):
    """A call's current score with every rubric result (each finding with its ``status``) and
    the quality record (:class:`qa.quality.CallQuality` as a dict, or ``None``)."""

    results: tuple[Mapping[str, Any], ...] = ()
    quality: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class CallEdit(Record):
    """One correction of a call's metadata, from the audit log: when, by which key (``None``:
    the command line) and ``changes``: ``{field: {"old": value, "new": value}}`` (times as ISO
    strings)."""

    id: int
    at: datetime
    key_id: int | None
    role: str | None
    changes: Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class CallColumns(Record):
    """What every view of a call starts with: the call's own columns, in the API's order."""

    id: str
    agent_id: str
    recording_sha256: str
    call_time: datetime
    queue: str | None
    customer_ref: str | None
    language_hint: str | None
    channel_layout: str | None
    duration: float | None
    language: str | None
    source: str | None
    created: datetime
    #: The UTC offset (minutes east) the call time was given with at upload; ``None``: none.
    tz_offset: int | None


@dataclass(frozen=True)
class CallSummary(CallColumns):
    """A call as lists show it. ``score``, ``rubric_version``, ``scored_at`` and
    ``needs_review`` are the current score's (``None`` while unscored); ``score`` is the
    machine's. ``review_score`` / ``reviewed_at``: the current score as reviewed and when it
    last was (``None``: not reviewed); lists and scorecards use ``review_score`` where set."""

    score: float | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None
    review_score: float | None
    reviewed_at: datetime | None


@dataclass(frozen=True)
class CallDetail(CallColumns):
    """A call with everything about it, in the order the API shows it: the fields of
    :class:`CallSummary` except that ``score`` is the current :class:`ScoreDetail` (``None``
    while unscored; its number is ``score.score``, the machine's; ``review_score`` the reviewed
    one), then ``meta``, the recording, the newest transcript (``None`` before transcription)
    and the score ``history`` (newest first)."""

    score: ScoreDetail | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None
    review_score: float | None
    reviewed_at: datetime | None
    meta: Mapping[str, Any]
    recording: RecordingRef
    transcript: TranscriptInfo | None
    history: tuple[ScoreSummary, ...]
    edits: tuple[CallEdit, ...] = ()


@dataclass(frozen=True)
class AgentInfo(Record):
    """An agent with its running totals: calls, scored calls, the mean of the current scores
    (``None`` when none is a number) and the time of the latest call; ``team``: the team's id
    (``None``: in no team)."""

    id: str
    name: str
    n_calls: int
    n_scored: int
    mean_score: float | None
    last_call: datetime | None
    created: datetime
    team: str | None = None


@dataclass(frozen=True)
class TeamInfo(Record):
    """A team: its id, name, when it was made and how many agents are in it."""

    id: str
    name: str
    created: datetime
    n_agents: int = 0


# --- scorecards ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorstCall(Record):
    """One of a scorecard's lowest-scoring calls (by the reviewed score where there is one),
    with every finding of its current score (each with its result's ``outcome`` and its own
    ``status``). ``score`` is the machine's, ``review_score`` the reviewed one (or ``None``)."""

    call_id: str
    score: float | None
    call_time: datetime
    findings: tuple[Mapping[str, Any], ...]
    review_score: float | None = None


@dataclass(frozen=True)
class AgentScorecard(Scorecard, Record):
    """A :class:`~qa.types.Scorecard` with the team comparison and the worst calls' findings.

    ``per_rubric[name]`` is a :class:`~qa.types.RubricStats` (its ``team_pass_rate`` filled when
    asked for). ``trend`` is ``((iso week, mean score, calls with a score), ...)``. ``worst`` repeats
    ``worst_calls`` with each call's score, time and findings. ``n_flagged`` counts the period's
    calls whose transcript needs review; with ``exclude_flagged`` they are left out of every
    other number (the team's too).
    """

    n_scored: int = 0
    team_mean: float | None = None
    team_n_calls: int = 0
    worst: tuple[WorstCall, ...] = ()
    n_flagged: int = 0
    exclude_flagged: bool = False


# --- jobs and keys ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class JobInfo(Record):
    """A queued unit of work. ``progress`` is 0 to 1; ``worker`` names who holds (or last held)
    it; ``updated`` is its last heartbeat."""

    id: str
    kind: str
    status: str
    progress: float
    error: str | None
    call_id: str | None
    payload: Mapping[str, Any]
    attempts: int
    worker: str | None
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class ApiKeyInfo(Record):
    """An API key as it may be shown: its first characters (``prefix``), never the key."""

    id: int
    prefix: str
    role: str
    label: str
    created: datetime
    revoked: datetime | None
    #: The teams the key is bound to (empty: unscoped, every team).
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyIdentity(Record):
    """Who a valid key is: its id, role and the teams it is bound to (empty: every team)."""

    id: int
    role: str
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditRecord(Record):
    """One audit entry: who (key id and role; None: the command line or the server), did what
    (``action``), to what (``target_kind``/``target_id``), when; ``detail`` never holds content."""

    id: int
    at: datetime
    key_id: int | None
    role: str | None
    action: str
    target_kind: str
    target_id: str
    detail: dict[str, Any]


# --- reviews and disputes --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewRecord(Record):
    """One stored review action (a row of a call's review history): who (key id and role), when,
    on which score and item, and what (see :class:`qa.review.model.ReviewAction`). ``added``
    is the missed finding of a ``finding_added`` (``start``, ``end``, ``utterance_ids``,
    ``quote``, ``kind``), else ``None``."""

    id: int
    call_id: str
    score_id: int
    rubric: str | None
    action: str
    outcome: str | None
    finding: int | None
    added: Mapping[str, Any] | None
    comment: str
    resolves: int | None
    key_id: int | None
    role: str | None
    created: datetime


@dataclass(frozen=True)
class DisputeRecord(Record):
    """A dispute of a call (``rubric`` ``None``), an item, or one machine finding of it
    (``finding``: its index); open while ``resolved_at`` is ``None``."""

    id: int
    call_id: str
    agent_id: str
    score_id: int | None
    rubric: str | None
    finding: int | None
    comment: str
    key_id: int | None
    role: str | None
    created: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    resolved_review: int | None


@dataclass(frozen=True)
class ReviewResult(Record):
    """What adding a review did: the rows added, the call's machine and reviewed scores, the
    items that capped the reviewed score, and the disputes it resolved."""

    call_id: str
    reviews: tuple[ReviewRecord, ...]
    score: float | None
    review_score: float | None
    capped_by: tuple[str, ...]
    resolved: tuple[int, ...] = ()
@dataclass(frozen=True)
class Actor(Record):
    """Who asks for a change, as the audit log names them: a key's id and role (both ``None``:
    the command line or the server itself)."""

    key_id: int | None = None
    role: str | None = None


# --- erasure ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedCall(Record):
    """A deleted call: whose it was, when, how many rows of each kind went (``counts``) and
    the recording files removed after the commit (``files_removed``) or left behind because
    removing them failed (``files_left``; the database is deleted either way)."""

    call_id: str
    agent_id: str
    call_time: datetime
    counts: Mapping[str, int]
    files_removed: tuple[str, ...] = ()
    files_left: tuple[str, ...] = ()


@dataclass(frozen=True)
class PurgeSummary(Record):
    """What a retention purge did (or, with ``dry_run``, would do): the calls older than
    ``cutoff``, the rows of each kind and the files removed."""

    cutoff: datetime
    dry_run: bool
    call_ids: tuple[str, ...]
    counts: Mapping[str, int]
    files_removed: int = 0
    files_left: tuple[str, ...] = ()
