"""The human and machine forms of a transcript and its score, as ``qa transcribe``, ``qa score``
and ``qa score-transcript`` print them."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

__all__ = ["add_words_option", "print_call", "print_score", "emit_scored"]


def _fmt_time(t: float) -> str:
    m, s = divmod(max(0.0, t), 60)
    return f"{int(m):02d}:{s:05.2f}"


def add_words_option(p: Any) -> None:
    """``--words``: also print each word's timing (the human form; ``--json`` always has them)."""
    p.add_argument("--words", action="store_true", help="also print every word with its start and end time")


def print_call(call: Any, out: TextIO, *, words: bool = False) -> None:
    """The human form of a transcript; ``words``: each utterance's words with their times."""
    meta = call.meta
    layout = meta.get("layout", call.source)
    if layout == "stereo":
        where = f"stereo, agent on channel {meta.get('speakers', {}).get('agent_channel', 0)}"
    elif layout == "transcript":
        where = "from a transcript"
    else:
        where = f"mono, voices separated (role confidence {meta.get('speakers', {}).get('role_confidence', '?')})"
    lang = meta.get("language") or call.language or "?"
    out.write(
        f"call {call.id} · agent {call.agent_id} · {call.duration:.1f} s · {where} · "
        f"language {lang} ({meta.get('language_source', '?')}, p={meta.get('language_probability', 0):.2f})\n"
    )
    for note in meta.get("notes", ()):
        out.write(f"note: {note}\n")
    if not call.utterances:
        out.write("(no speech recognised)\n")
    for u in call.utterances:
        out.write(
            f"{u.id} [{_fmt_time(u.span.start)}–{_fmt_time(u.span.end)}] {u.role.upper():<8} "
            f"({u.language or '?'}) {u.text}\n"
        )
        if words:
            timed = " ".join(f"{w.text}@{w.span.start:.2f}-{w.span.end:.2f}" for w in u.words)
            out.write(f"      words: {timed}\n")


def print_score(score: Any, out: TextIO) -> None:
    """The human form of a score: each rubric item's outcome, sub-score and findings, the call
    score, and the transcript-quality flag."""
    out.write("\nrubric results")
    out.write(f" (rubric {score.rubric_version})\n" if score.rubric_version else "\n")
    if not score.results:
        out.write("  no rubric items are registered yet: transcript only\n")
    for r in score.results:
        sub = "—" if r.score is None else f"{r.score:5.1f}"
        n_review = len(r.review_findings)
        review = f"  ({n_review} for review)" if n_review else ""
        out.write(f"  {r.rubric:<24} {r.outcome:<16} {sub}{review}\n")
        for f in r.findings:
            mark = "[for review] " if f.status == "review" else ""
            out.write(
                f"      {mark}{f.kind} [{_fmt_time(f.span.start)}–{_fmt_time(f.span.end)}] "
                f"{', '.join(f.utterance_ids)} \"{f.evidence}\" (confidence {f.confidence:.2f})\n"
            )
        if r.note:
            out.write(f"      note: {r.note}\n")
    total = "—" if score.score is None else f"{score.score:.1f}"
    capped = f" (capped by critical item: {', '.join(score.capped_by)})" if score.capped_by else ""
    out.write(f"call score: {total}{capped}\n")
    quality = getattr(score, "quality", None)
    if quality is not None and quality.needs_review:
        out.write(f"NEEDS REVIEW: {'; '.join(quality.reasons)}\n")


def emit_scored(call: Any, score: Any, *, as_json: bool, words: bool = False) -> None:
    """A scored call on stdout: ``{"call", "score"}`` JSON, or the transcript (word timings
    with ``words``) and the score."""
    from qa.types import to_dict

    if as_json:
        json.dump({"call": to_dict(call), "score": to_dict(score)}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_call(call, sys.stdout, words=words)
        print_score(score, sys.stdout)
