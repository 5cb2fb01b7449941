"""Agents, calls, their transcripts and their score history: ``store.calls``.

- **Idempotent.** The same recording gives the same call (its id is the first 16 hex digits of
  the sha256, as the pipeline names calls).
- **Score history.** Re-scoring adds a ``scores`` row; the newest one is the call's *current*
  score (``calls.score_id``), which lists, filters and scorecards use (:mod:`qa.store.scores`).
- Adding calls and scores updates the running totals (:mod:`qa.store.totals`) in the same
  transaction.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from qa.errors import InputError
from qa.rubrics import check_outcome_filter, stored_outcome_names
from qa.store import erase, scores, totals
from qa.store.audit import add_entry
from qa.store.engine import Database, utc_now
from qa.store.errors import NotFound
from qa.store.files import RecordingFiles, check_sha256
from qa.store.filters import (
    When,
    as_utc,
    call_filters,
    flagged,
    in_teams,
    iso_week,
    not_flagged,
)
from qa.store.records import (
    Actor,
    AgentInfo,
    CallDetail,
    CallSummary,
    DeletedCall,
    PurgeSummary,
)
from qa.store.schema import (
    Agent,
    CallRow,
    Recording,
    RubricResultRow,
    ScoreRow,
    Team,
    Transcript,
)
from qa.store.views import agent_info, call_detail, call_summary
from qa.timezones import offset_minutes
from qa.types import Call, CallScore, call_from_dict, to_dict

__all__ = ["Calls", "served_recording", "original_removed"]


def _check_agent_id(agent_id: str) -> str:
    if not isinstance(agent_id, str) or not agent_id.strip():
        raise InputError("an agent id is required")
    if len(agent_id) > 128:
        raise InputError("an agent id is at most 128 characters")
    return agent_id.strip()


def _asr_version(call: Call) -> str:
    asr = call.meta.get("asr") if isinstance(call.meta.get("asr"), Mapping) else {}
    return "/".join(str(asr[k]) for k in ("backend", "model") if asr.get(k))


def served_recording(meta: Mapping[str, Any] | None) -> str | None:
    """The sha256 of the recording a call serves instead of its original (its redacted copy,
    from the call's ``meta["redaction"]["audio"]``), or ``None``: the original."""
    red = (meta or {}).get("redaction")
    sha = red.get("audio") if isinstance(red, Mapping) else None
    return sha if isinstance(sha, str) and sha else None


def original_removed(meta: Mapping[str, Any] | None) -> bool:
    """Whether the call's original recording was replaced by a redacted copy and not kept."""
    red = (meta or {}).get("redaction")
    return bool(served_recording(meta)) and isinstance(red, Mapping) and not red.get("original_kept")


class Calls:
    """Agents, calls, transcripts and scores: ``store.calls``. Every method is one transaction."""

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        *,
        zone: tzinfo = UTC,
        files: RecordingFiles | None = None,
    ) -> None:
        self._db = db
        self._data_dir = data_dir
        #: The site's zone: new calls' ``week`` is their local ISO week in it.
        self.zone = zone
        self._files = files if files is not None else RecordingFiles(db, data_dir)

    # --- agents -----------------------------------------------------------------------------

    def add_agent(self, agent_id: str, *, name: str | None = None) -> bool:
        """Create an agent if it is new (``True``); an existing one only gets ``name`` updated."""
        agent_id = _check_agent_id(agent_id)
        with self._db.write() as s:
            row = s.get(Agent, agent_id)
            if row is None:
                s.add(Agent(id=agent_id, name=name or agent_id))
                return True
            if name:
                row.name = name
            return False

    def agents(self, *, teams: tuple[str, ...] | None = None) -> builtins.list[AgentInfo]:
        """Every agent (by id) with its team, number of calls, scored calls, mean current
        score and last call; ``teams``: only the agents in those teams (``None``: all)."""
        q = select(Agent).order_by(Agent.id)
        if teams is not None:
            q = q.where(Agent.team_id.in_(teams))
        with self._db.read() as s:
            return [agent_info(a) for a in s.scalars(q)]

    def get_agent(self, agent_id: str, *, teams: tuple[str, ...] | None = None) -> AgentInfo:
        """One agent, as in :meth:`agents` (:class:`NotFound` if unknown, or not in
        ``teams``)."""
        with self._db.read() as s:
            a = s.get(Agent, agent_id)
            if a is None or (teams is not None and a.team_id not in teams):
                raise NotFound(f"no agent {agent_id}")
            return agent_info(a)

    # --- calls ------------------------------------------------------------------------------

    def add(
        self,
        recording: str,
        *,
        agent_id: str,
        call_time: datetime | None = None,
        queue: str | None = None,
        customer_ref: str | None = None,
        language_hint: str | None = None,
        channel_layout: str | None = None,
        duration: float | None = None,
        meta: Mapping[str, Any] | None = None,
        agent_name: str | None = None,
        agent_team: str | None = None,
    ) -> str:
        """The call for a stored recording (by sha256); creates it and the agent if new (in
        ``agent_team``, which must exist; an existing agent's team is left as it is).

        The same recording again returns the existing call unchanged (whatever the other
        arguments say). ``call_time`` defaults to now; an aware one keeps its UTC offset
        (``tz_offset``), a naive one is UTC with no offset recorded. The call's ``week`` is its
        ISO week in the site's zone (:attr:`zone`). The call id is the first 16 hex digits of
        the sha256, as the pipeline names calls.
        """
        check_sha256(recording)
        agent_id = _check_agent_id(agent_id)
        tz_offset = offset_minutes(call_time)
        when = as_utc(call_time) if call_time is not None else utc_now()
        for attempt in range(2):
            try:
                with self._db.write() as s:
                    if s.get(Recording, recording) is None:
                        raise NotFound(f"no recording {recording}: store it with files.put")
                    found = s.scalar(
                        select(CallRow.id).where(CallRow.recording_sha256 == recording)
                    )
                    if found is not None:
                        return found
                    if s.get(Agent, agent_id) is None:
                        if agent_team is not None and s.get(Team, agent_team) is None:
                            raise NotFound(f"no team {agent_team}")
                        s.add(Agent(id=agent_id, name=agent_name or agent_id, team_id=agent_team))
                        s.flush()
                    call_id = recording[:16]
                    if s.get(CallRow, call_id) is not None:  # a 64-bit prefix collision
                        call_id = recording
                    totals.count(s, agent_id, when, calls=1)
                    s.add(
                        CallRow(
                            id=call_id,
                            recording_sha256=recording,
                            agent_id=agent_id,
                            call_time=when,
                            week=iso_week(when, self.zone),
                            tz_offset=tz_offset,
                            queue=queue,
                            customer_ref=customer_ref,
                            language_hint=language_hint,
                            channel_layout=channel_layout,
                            duration=duration,
                            meta=dict(meta or {}),
                        )
                    )
                    return call_id
            except IntegrityError:
                # A concurrent add of the same recording or agent (PostgreSQL; SQLite writers
                # queue) won the race: look again once; anything else is a real error.
                found = self.for_recording(recording)
                if found is not None:
                    return found
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def for_recording(self, sha256: str) -> str | None:
        """The id of the call made from this recording, if any."""
        with self._db.read() as s:
            return s.scalar(select(CallRow.id).where(CallRow.recording_sha256 == sha256))

    def save_transcript(self, call: Call, *, version: str | None = None) -> int:
        """Store a transcript of ``call.id`` (a new version; the newest is current).

        Also records the call's duration, language and layout on the call row. ``version``
        defaults to the ASR backend/model named in ``call.meta["asr"]``.
        """
        if version is None:
            version = _asr_version(call)
        with self._db.write() as s:
            row = s.get(CallRow, call.id)
            if row is None:
                raise NotFound(f"no call {call.id}")
            t = self._transcript_row(row, call, version)
            s.add(t)
            s.flush()
            return t.id

    def save_redacted(
        self,
        call: Call,
        score: CallScore,
        *,
        labeller_version: str,
        redaction: Mapping[str, Any],
        version: str | None = None,
    ) -> int | None:
        """Save a redacted transcript of ``call.id``, its score and the call's ``redaction``
        record (``meta["redaction"]`` on the call: ``mode``, ``audio`` (the redacted copy's
        sha256, or ``None``), ``original_kept``) in one transaction, so a call is never left
        with a redacted transcript and no score (which a re-run would score on the redacted
        text). As :meth:`save_score_once`: ``None`` and nothing written if the call already has
        a score with this rubric and labeller version; else the score's id."""
        version = version if version is not None else _asr_version(call)
        with self._db.write() as s:
            sid = scores.save_in(s, call.id, score, labeller_version=labeller_version, once=True)
            if sid is None:
                return None
            row = s.get(CallRow, call.id)
            assert row is not None  # save_in raised NotFound otherwise
            s.add(self._transcript_row(row, call, version))
            row.meta = {**dict(row.meta or {}), "redaction": dict(redaction)}
            return sid

    @staticmethod
    def _transcript_row(row: CallRow, call: Call, version: str) -> Transcript:
        row.duration = float(call.duration)
        row.language = (call.language or None) and str(call.language)[:16]
        row.source = call.source
        return Transcript(
            call_id=call.id,
            version=version[:128],
            utterances=to_dict(list(call.utterances)),
            meta=to_dict(dict(call.meta)),
        )

    def save_score(self, call_id: str, score: CallScore, *, labeller_version: str) -> int:
        """Add a score for ``call_id`` to its history and make it the current one.

        Fills ``rubric_results`` (one row per rubric item) for scorecards. ``call_id`` wins over
        ``score.call_id`` (a transcript scored offline may carry a placeholder id). Returns the
        score's id.
        """
        sid = scores.save(self._db, call_id, score, labeller_version=labeller_version, once=False)
        assert sid is not None
        return sid

    def save_score_once(
        self, call_id: str, score: CallScore, *, labeller_version: str
    ) -> int | None:
        """:meth:`save_score` unless the call already has a score with the same rubric and
        labeller version (then ``None``, nothing written). Race-free: the call's row is locked
        (PostgreSQL) or the write transaction is exclusive (SQLite) while checking, so two
        workers or two batch runs scoring the same call at once leave exactly one score."""
        return scores.save(self._db, call_id, score, labeller_version=labeller_version, once=True)

    def rebuild_stats(self) -> None:
        """Recompute the agents' and days' running totals from the calls (after a bulk load
        that bypassed :meth:`add` / :meth:`save_score`, or to repair them)."""
        with self._db.write() as s:
            totals.rebuild(s)

    def rebuild_weeks(self, *, batch: int = 5000) -> int:
        """Recompute every call's ``week`` in the site's zone (:attr:`zone`), after the zone
        changed; returns how many calls changed week. Reads the calls in id order, ``batch``
        at a time, each batch one transaction."""
        changed = 0
        after = ""
        while True:
            with self._db.write() as s:
                rows = s.execute(
                    select(CallRow.id, CallRow.call_time, CallRow.week)
                    .where(CallRow.id > after)
                    .order_by(CallRow.id)
                    .limit(batch)
                ).all()
                if not rows:
                    return changed
                for cid, when, week in rows:
                    new = iso_week(when, self.zone)
                    if new != week:
                        s.execute(update(CallRow).where(CallRow.id == cid).values(week=new))
                        changed += 1
                after = rows[-1][0]

    def is_scored(
        self, call_id: str, *, rubric_version: str, labeller_version: str | None = None
    ) -> bool:
        """Whether ``call_id`` has a score made with this rubric (and labeller) version."""
        q = select(ScoreRow.id).where(
            ScoreRow.call_id == call_id, ScoreRow.rubric_version == rubric_version
        )
        if labeller_version is not None:
            q = q.where(ScoreRow.labeller_version == labeller_version)
        with self._db.read() as s:
            return s.scalar(q.limit(1)) is not None

    def in_scope(self, call_id: str, teams: tuple[str, ...] | None) -> bool:
        """Whether the call exists and its agent is in ``teams`` (``None``: any)."""
        with self._db.read() as s:
            found = s.scalar(select(CallRow.id).where(CallRow.id == call_id, *in_teams(teams)))
            return found is not None

    def get(self, call_id: str, *, teams: tuple[str, ...] | None = None) -> CallDetail:
        """A call with its recording, newest transcript, current score (with every rubric
        result and its findings) and score history (newest first, without results).
        :class:`NotFound` if unknown, or if its agent is not in ``teams`` (``None``: any)."""
        with self._db.read() as s:
            c = s.get(CallRow, call_id)
            if c is None or (teams is not None and not self._agent_in(s, c.agent_id, teams)):
                raise NotFound(f"no call {call_id}")
            history = s.scalars(
                select(ScoreRow).where(ScoreRow.call_id == call_id).order_by(ScoreRow.id.desc())
            ).all()
            return call_detail(
                c,
                s.get(Recording, served_recording(c.meta) or c.recording_sha256),
                self._newest_transcript(s, call_id),
                history,
                self._data_dir,
                edits=erase.call_edits(s, call_id),
            )

    # --- corrections and erasure (qa.store.erase) ------------------------------------------------

    def edit(
        self, call_id: str, changes: Mapping[str, Any], *, by: Actor | None = None
    ) -> dict[str, dict[str, Any]]:
        """Correct a call's metadata (``agent_id``, ``call_time``, ``queue``,
        ``customer_ref``) with its audit entry and the running totals, in one transaction;
        returns ``{field: {"old", "new"}}`` of what changed (nothing written if nothing did)."""
        with self._db.write() as s:
            return erase.edit_call(s, call_id, changes, by=by, zone=self.zone)

    def delete(self, call_id: str, *, by: Actor | None = None, reason: str = "") -> DeletedCall:
        """Delete a call, its transcripts, scores, rubric results and jobs, and its recordings
        (the original and any redacted copy), with a ``call.delete`` audit entry and the
        running totals, in one transaction; the recording files are removed after it commits
        (one that cannot be is logged and listed in ``files_left``)."""
        with self._db.write() as s:
            done, paths = erase.delete_call(s, call_id, by=by, reason=reason)
        removed, left = erase.remove_files(self._files, paths)
        return dataclasses.replace(done, files_removed=tuple(removed), files_left=tuple(left))

    def purge(
        self,
        older_than: datetime,
        *,
        dry_run: bool = False,
        by: Actor | None = None,
        progress: erase.Progress | None = None,
    ) -> PurgeSummary:
        """Delete every call whose call time is before ``older_than`` (retention), each as
        :meth:`delete` does (its own transaction, so an interrupted purge keeps what it did),
        then add a ``calls.purge`` audit entry with the totals. ``dry_run``: only count."""
        with self._db.read() as s:
            planned = erase.calls_older_than(s, older_than)
        if dry_run:
            return erase.summarise(older_than, True, [], planned=planned)
        done: builtins.list[DeletedCall] = []
        for cid, _ in planned:
            try:
                d = self.delete(cid, by=by, reason="retention")
            except NotFound:  # deleted meanwhile
                continue
            done.append(d)
            if progress is not None:
                progress(len(done), len(planned), d)
        summary = erase.summarise(older_than, False, done)
        with self._db.write() as s:
            add_entry(
                s,
                "calls.purge",
                key_id=by.key_id if by else None,
                role=by.role if by else None,
                target_kind="calls",
                detail={
                    "older_than": summary.cutoff.isoformat(),
                    "counts": dict(summary.counts),
                    "files_left": len(summary.files_left),
                },
            )
        return summary

    @staticmethod
    def _agent_in(s: Session, agent_id: str, teams: tuple[str, ...]) -> bool:
        return s.scalar(select(Agent.team_id).where(Agent.id == agent_id)) in teams

    @staticmethod
    def _newest_transcript(s: Session, call_id: str) -> Transcript | None:
        return s.scalars(
            select(Transcript)
            .where(Transcript.call_id == call_id)
            .order_by(Transcript.id.desc())
            .limit(1)
        ).first()

    def load(self, call_id: str) -> Call:
        """The :class:`~qa.types.Call` from the newest transcript (to re-score without ASR)."""
        with self._db.read() as s:
            c = s.get(CallRow, call_id)
            if c is None:
                raise NotFound(f"no call {call_id}")
            t = self._newest_transcript(s, call_id)
            if t is None:
                raise NotFound(f"call {call_id} has no transcript yet")
            return call_from_dict(
                {
                    "id": c.id,
                    "agent_id": c.agent_id,
                    "duration": c.duration,
                    "source": c.source or "transcript",
                    "utterances": list(t.utterances),
                    "meta": dict(t.meta or {}),
                }
            )

    def list(
        self,
        *,
        agent: str | None = None,
        date_from: When = None,
        date_to: When = None,
        min_score: float | None = None,
        max_score: float | None = None,
        outcome: str | None = None,
        needs_review: bool | None = None,
        findings: str | None = None,
        reviewed: bool | None = None,
        limit: int = 50,
        offset: int = 0,
        teams: tuple[str, ...] | None = None,
        zone: tzinfo | None = None,
    ) -> tuple[builtins.list[CallSummary], int]:
        """Calls newest first, filtered; returns ``(calls on this page, total matching)``.

        Dates: a date includes its whole day in ``zone`` (default: the site's zone); a
        date-time bound is inclusive (a naive one is in ``zone`` too). ``teams``: only the calls
        of agents in those teams (``None``: every call). Score bounds are inclusive, apply to the
        reviewed score where there is one, and exclude unscored calls. ``outcome`` matches the
        current score's rubric
        results: ``"pass"`` (any item) or ``"rubric:outcome"`` (``"resolution:none"``).
        ``needs_review=True``: calls whose current score flags the transcript for review;
        ``False``: the others (unflagged, unscored, or scored before quality was recorded).
        ``findings="review"``: calls whose current score has findings for review.
        ``reviewed=True``: calls whose current score was reviewed; ``False``: the others.
        """
        if not 0 < limit <= 1000:
            raise InputError("limit must be between 1 and 1000")
        if offset < 0:
            raise InputError("offset must be >= 0")
        conds = call_filters(
            agent=agent,
            date_from=date_from,
            date_to=date_to,
            teams=teams,
            zone=zone or self.zone,
        )
        if min_score is not None:
            conds.append(totals.effective_score() >= min_score)
        if max_score is not None:
            conds.append(totals.effective_score() <= max_score)
        if outcome:
            rubric, _, name = check_outcome_filter(outcome).rpartition(":")
            sub = [RubricResultRow.outcome.in_(stored_outcome_names(rubric, name))]
            if rubric:
                sub.append(RubricResultRow.rubric == rubric)
            # IN (not EXISTS): read off the (rubric, outcome, score_id) index, then calls by score_id.
            conds.append(CallRow.score_id.in_(select(RubricResultRow.score_id).where(*sub)))
        if needs_review is not None:
            conds.append(flagged() if needs_review else not_flagged())
        if findings is not None:
            if findings != "review":
                raise InputError(f"findings must be 'review', got {findings!r}")
            conds.append(
                CallRow.score_id.in_(
                    select(RubricResultRow.score_id).where(RubricResultRow.n_review > 0)
                )
            )
        if reviewed is not None:
            conds.append(
                CallRow.reviewed_at.is_not(None) if reviewed else CallRow.reviewed_at.is_(None)
            )
        with self._db.read() as s:
            total = s.scalar(select(func.count()).select_from(CallRow).where(*conds)) or 0
            rows = s.scalars(
                select(CallRow)
                # A summary shows no metadata: its JSON is neither sent nor parsed.
                .options(defer(CallRow.meta, raiseload=True))
                .where(*conds)
                .order_by(CallRow.call_time.desc(), CallRow.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return [call_summary(c) for c in rows], int(total)
