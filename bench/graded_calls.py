"""qa against the QA team's human grades of the real two-party calls (``bench/real/grades.jsonl``).

For every graded call in ``bench/real/grades.jsonl`` (see ``bench/real/GRADING.md`` for how the
grades were made) qa scores the recording end to end in the manifest's layout (stereo calls with
the agent channel from ``bench/real/manifest.jsonl``; mono recordings, such as the Korean read
dialogues, in qa's mono mode, where qa itself decides who is the agent and the comparison is by
role) and its outcomes are compared with the grader's:

- **item agreement**: per call, how many of the five items have the grader's outcome
  (qa's ``uncertain`` counts as a disagreement and is listed; qa's ``argument`` — an arguing
  chain — is the rubric's ``arguing``); pooled over calls, and per item over calls;
- **findings the graders reject**: a qa finding with ``status == "confirmed"`` on arguing,
  last_word, interruption (interruptions and talk-overs) or resolution whose time span overlaps
  no grader finding of the same item (a collar of ``--collar`` seconds around the grader's
  findings, as SpokenWOZ word times are interpolated within utterances). qa's findings for
  review (``status == "review"``, no penalty) are counted apart.

Targets the project set: item agreement >= 90 %, at most one rejected confirmed finding per call.

``--from-transcript`` scores the reference transcript (the source's words and times per party,
grouped into utterances the way the pipeline groups speech; the reference speech activity as
the call's speech regions) with ``qa.scoring.score_call`` instead of qa's own recognition, which
isolates the rubric from ASR. SpokenWOZ references have per-word times; Harper Valley and the
Korean dialogues have only per-utterance times (``turns``), so there each source utterance is
one timed unit (no word times; tags such as ``[noise]`` removed, noise-only utterances left out)
grouped the same way. The English references have no punctuation, so each of their utterances
is one sentence for the labeller; the Korean script lines keep theirs. The Korean dialogues are
scored as a transcript with exact roles (``source = "transcript"``), since their parties never
overlap.

The printout ends with a breakdown per source (``swoz`` SpokenWOZ, ``hvb`` Harper Valley, ``ko``
Korean read dialogues).

    .venv/bin/python bench/real/prepare.py     # once: builds bench/real/data/
    .venv/bin/python bench/graded_calls.py [--from-transcript] [--only ID] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REAL = ROOT / "bench" / "real"
DATA = REAL / "data"
MANIFEST = REAL / "manifest.jsonl"
GRADES = REAL / "grades.jsonl"

ITEMS: tuple[str, ...] = (
    "interruption",
    "arguing",
    "last_word",
    "empathy_before_apology",
    "resolution",
)
#: Items whose qa findings are checked against the grader's findings.
FINDING_ITEMS: tuple[str, ...] = ("arguing", "last_word", "interruption", "resolution")
#: qa outcomes that are the same judgment as a grader outcome under another name.
SAME_OUTCOME: dict[str, dict[str, str]] = {"arguing": {"argument": "arguing"}}
TARGET_AGREEMENT = 0.90
TARGET_REJECTED_PER_CALL = 1
#: Within one party's speech, a pause at least this long starts a new utterance (the pipeline's
#: ``turn_gap_s``); so does the other party speaking in between.
TURN_GAP_S = 0.8


# --- inputs -------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from None
    return rows


def party_roles(manifest: Mapping[str, Any], ref: Mapping[str, Any]) -> dict[str, str]:
    """The reference's party keys mapped to ``agent`` / ``customer``; empty without both roles.

    SpokenWOZ and Harper Valley references name their parties ``agent`` and ``customer``. The
    Korean read dialogues name them ``A`` / ``B`` and describe each in the manifest's ``roles``:
    a service scene has one party described as the customer, and the other party is then the
    agent (the front-desk clerk, the order line); a casual exchange has no customer and no roles.
    """
    parties = set(ref.get("words") or {}) | {str(t.get("party")) for t in ref.get("turns") or ()}
    if {"agent", "customer"} <= parties:
        return {"agent": "agent", "customer": "customer"}
    roles = manifest.get("roles") or {}
    keys = [k for k in roles if k in parties]
    customers = [k for k in keys if str(roles[k]).strip().lower().startswith("customer")]
    if len(keys) == 2 and len(customers) == 1:
        (other,) = [k for k in keys if k not in customers]
        return {other: "agent", customers[0]: "customer"}
    return {}


def two_party_ids(manifest: Sequence[Mapping[str, Any]]) -> list[str]:
    """Manifest recordings whose reference has an agent and a customer, with words (SpokenWOZ)
    or timed utterances (Harper Valley, the Korean service dialogues)."""
    out = []
    for m in manifest:
        ref_path = DATA / f"{m['id']}.ref.json"
        if not ref_path.exists():
            continue
        ref = json.loads(ref_path.read_text(encoding="utf-8"))
        if party_roles(m, ref):
            out.append(str(m["id"]))
    return out


def source_group(call_id: str) -> str:
    """The corpus a call comes from, for the per-source breakdown: ``swoz``, ``hvb``, ``ko``, …"""
    return call_id.split("-", 1)[0]


# --- the reference transcript as a call ---------------------------------------------------------


def reference_utterances(words: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """The reference words grouped into utterances: a party's words until a pause of
    ``TURN_GAP_S`` or the other party starting to speak."""
    timeline = sorted(
        (
            (float(w["s"]), float(w["e"]), str(w["w"]), role)
            for role, ws in words.items()
            for w in ws
        ),
        key=lambda t: (t[0], t[1]),
    )
    open_: dict[str, list[tuple[float, float, str, str]]] = {}
    last_start: dict[str, float] = {}
    done: list[list[tuple[float, float, str, str]]] = []
    for w in timeline:
        role = w[3]
        cur = open_.get(role)
        other_between = (
            any(t > cur[-1][1] for r, t in last_start.items() if r != role) if cur else False
        )
        if cur and w[0] - cur[-1][1] < TURN_GAP_S and not other_between:
            cur.append(w)
        else:
            if cur:
                done.append(cur)
            open_[role] = [w]
        last_start[role] = w[0]
    done.extend(ws for ws in open_.values() if ws)
    done.sort(key=lambda ws: (ws[0][0], ws[0][1]))
    utts = []
    for i, ws in enumerate(done):
        utts.append(
            {
                "id": f"u{i:03d}",
                "role": ws[0][3],
                "start": ws[0][0],
                "end": max(w[1] for w in ws),
                "text": " ".join(w[2] for w in ws),
                "words": [{"start": s, "end": e, "text": t} for s, e, t, _ in ws],
            }
        )
    return utts


#: Source annotations that are not speech: Harper Valley's ``[noise]``, ``[baby]``,
#: ``[laughter]``, ``[unintelligible]`` and ``<unk>``.
_TAG = re.compile(r"\[[^\]]*\]|<[^>]*>")


def turn_utterances(
    turns: Sequence[Mapping[str, Any]], roles: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Reference utterances from per-utterance ``turns`` (no word times): each source utterance
    is one timed unit, with its annotation tags removed (utterances left empty, e.g. ``[noise]``
    alone, are dropped), grouped like :func:`reference_utterances`. The utterances carry no
    ``words``: rubrics then read the utterance text."""
    units = {}
    for t in turns:
        role = roles.get(str(t.get("party")))
        text = " ".join(_TAG.sub(" ", str(t.get("text", ""))).split())
        if role and text:
            units.setdefault(role, []).append({"s": t["start"], "e": t["end"], "w": text})
    utts = reference_utterances(units)
    for u in utts:
        u.pop("words")
    return utts


def reference_call(
    call_id: str, ref: Mapping[str, Any], language: str, roles: Mapping[str, str]
) -> Any:
    from qa.types import call_from_dict

    if ref.get("words"):
        utterances = reference_utterances(ref["words"])
    else:
        utterances = turn_utterances(ref.get("turns") or (), roles)
    speech = {roles[k]: v for k, v in (ref.get("speech") or {}).items() if k in roles}
    # Stereo references time each party on its own channel; the mono read dialogues are a
    # transcript with exact roles (their parties never overlap).
    source = "stereo" if int(ref.get("channels") or 1) == 2 else "transcript"
    return call_from_dict(
        {
            "id": call_id,
            "duration": float(ref["duration_s"]),
            "source": source,
            "utterances": utterances,
            "meta": {"language": language, "speech": speech},
        }
    )


# --- comparison ----------------------------------------------------------------------------------


def normalise(item: str, outcome: str) -> str:
    return SAME_OUTCOME.get(item, {}).get(outcome, outcome)


def overlaps(
    finding: Mapping[str, Any], grader: Sequence[Mapping[str, Any]], collar: float
) -> bool:
    s, e = float(finding["start"]), float(finding["end"])
    return any(
        min(e, float(g["end"]) + collar) > max(s, float(g["start"]) - collar)
        or (s == e and float(g["start"]) - collar <= s <= float(g["end"]) + collar)
        for g in grader
    )


def compare(
    grade: Mapping[str, Any], results: Mapping[str, Mapping[str, Any]], collar: float
) -> dict[str, Any]:
    items: dict[str, Any] = {}
    rejected: list[dict[str, Any]] = []
    review: list[dict[str, Any]] = []
    for item in ITEMS:
        g = grade["items"][item]
        r = results.get(item)
        qa_outcome = str(r["outcome"]) if r else "missing"
        agree = normalise(item, qa_outcome) == g["outcome"]
        items[item] = {"grader": g["outcome"], "qa": qa_outcome, "agree": agree}
        if not r or item not in FINDING_ITEMS:
            continue
        for f in r.get("findings") or ():
            row = {
                "item": item,
                "kind": f.get("kind", ""),
                "start": f["start"],
                "end": f["end"],
                "confidence": f.get("confidence"),
                "evidence": str(f.get("evidence", ""))[:200],
                "matches_grader": overlaps(f, g.get("findings") or (), collar),
            }
            if f.get("status", "confirmed") == "confirmed":
                if not row["matches_grader"]:
                    rejected.append(row)
            else:
                review.append(row)
    return {
        "items": items,
        "agree": sum(1 for v in items.values() if v["agree"]),
        "uncertain": [k for k, v in items.items() if v["qa"] == "uncertain"],
        "rejected": rejected,
        "review": review,
    }


# --- running qa ----------------------------------------------------------------------------------


def score(call_id: str, manifest: Mapping[str, Any], from_transcript: bool) -> dict[str, Any]:
    from qa.types import to_dict

    ref = json.loads((DATA / f"{call_id}.ref.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    if from_transcript:
        from qa.scoring import score_call

        language = str(manifest.get("language") or ref.get("language"))
        call = reference_call(call_id, ref, language, party_roles(manifest, ref))
        result = score_call(call)
    else:
        from qa.pipeline import PipelineOptions, score_audio

        if manifest.get("layout") == "mono":
            # One channel, two voices: qa separates them and decides which is the agent.
            options = PipelineOptions(layout="mono")
        else:
            agent_channel = int(manifest["channels"]["agent"])
            options = PipelineOptions(layout="stereo", agent_channel=agent_channel)
        call, result = score_audio(DATA / f"{call_id}.wav", options, call_id=call_id)
    out = to_dict(result)
    return {
        "seconds": round(time.perf_counter() - t0, 1),
        "language": call.language,
        "source": call.source,
        "needs_review": bool(out.get("quality") and out["quality"].get("needs_review")),
        "results": {r["rubric"]: r for r in out["results"]},
        "score": out.get("score"),
    }


# --- report ------------------------------------------------------------------------------------


SHORT = {
    "interruption": "interr",
    "arguing": "arguing",
    "last_word": "last_wd",
    "empathy_before_apology": "empathy",
    "resolution": "resol",
}


def cell(v: Mapping[str, Any]) -> str:
    return v["grader"] if v["agree"] else f"{v['grader']}≠{v['qa']}"


def report(rows: Sequence[Mapping[str, Any]], mode: str) -> dict[str, Any]:
    n = len(rows)
    w = max([14, *(len(str(r["id"])) for r in rows)])
    print(f"\n== qa vs grader ({mode}): {n} graded calls ==")
    head = f"{'call':<{w}} {'agree':>5} " + " ".join(f"{SHORT[i]:<22}" for i in ITEMS)
    print(head + f" {'rej':>3} {'rev':>3}")
    for r in rows:
        c = r["compare"]
        print(
            f"{r['id']:<{w}} {c['agree']:>3}/5 "
            + " ".join(f"{cell(c['items'][i]):<22}" for i in ITEMS)
            + f" {len(c['rejected']):>3} {len(c['review']):>3}"
        )
    total = sum(r["compare"]["agree"] for r in rows)
    per_item = {i: sum(1 for r in rows if r["compare"]["items"][i]["agree"]) for i in ITEMS}
    rejected = [len(r["compare"]["rejected"]) for r in rows]
    review = [len(r["compare"]["review"]) for r in rows]
    agreement = total / (5 * n) if n else None
    print("\nper item agreement over calls:")
    for i in ITEMS:
        print(f"  {i:<24} {per_item[i]}/{n} ({per_item[i] / n:.0%})" if n else f"  {i}: -")
    ok_agree = agreement is not None and agreement >= TARGET_AGREEMENT
    ok_rej = all(x <= TARGET_REJECTED_PER_CALL for x in rejected)
    print(
        f"\npooled item agreement: {total}/{5 * n} = "
        + (f"{agreement:.1%}" if agreement is not None else "-")
        + f"   target >= {TARGET_AGREEMENT:.0%}: {'MET' if ok_agree else 'NOT MET'}"
    )
    print(
        f"rejected confirmed findings: {sum(rejected)} in all, max {max(rejected, default=0)} per call"
        f"   target <= {TARGET_REJECTED_PER_CALL} per call: {'MET' if ok_rej else 'NOT MET'}"
    )
    print(
        f"qa findings for review (no penalty): {sum(review)} in all, of them "
        f"{sum(1 for r in rows for f in r['compare']['review'] if not f['matches_grader'])} "
        "outside any grader finding"
    )
    uncertain = [(r["id"], i) for r in rows for i in r["compare"]["uncertain"]]
    if uncertain:
        print(
            "qa 'uncertain' (counted as disagreement): "
            + ", ".join(f"{c}:{i}" for c, i in uncertain)
        )
    listed = [(r["id"], f) for r in rows for f in r["compare"]["rejected"]]
    if listed:
        print(
            "\nfindings the graders reject (confirmed, overlapping no grader finding of the item):"
        )
        for cid, f in listed:
            print(
                f"  {cid:<{w}} {f['item']:<13} {f['kind']:<24} {f['start']:7.2f}-{f['end']:7.2f}"
                f"  conf {f['confidence']}  {f['evidence'][:110]}"
            )
    rev = [(r["id"], f) for r in rows for f in r["compare"]["review"]]
    if rev:
        print("\nqa findings for review:")
        for cid, f in rev:
            mark = "matches grader" if f["matches_grader"] else "no grader finding"
            print(
                f"  {cid:<{w}} {f['item']:<13} {f['kind']:<24} {f['start']:7.2f}-{f['end']:7.2f}"
                f"  conf {f['confidence']}  ({mark})  {f['evidence'][:90]}"
            )
    by_source = per_source(rows)
    print("\nper source (calls, pooled item agreement, per item, rejected confirmed findings):")
    for src, v in by_source.items():
        items = " ".join(f"{SHORT[i]} {v['per_item'][i]}/{v['calls']}" for i in ITEMS)
        print(
            f"  {src:<5} {v['calls']:>2} calls  {v['items_agreeing']}/{5 * v['calls']}"
            f" = {v['item_agreement']:.1%}   {items}   rejected {v['rejected']}"
            f" (max {v['max_rejected_per_call']} per call)"
        )
    return {
        "mode": mode,
        "calls": n,
        "item_agreement": agreement,
        "items_agreeing": total,
        "per_item_agreement": {i: (per_item[i] / n if n else None) for i in ITEMS},
        "rejected_confirmed_findings": sum(rejected),
        "max_rejected_per_call": max(rejected, default=0),
        "review_findings": sum(review),
        "uncertain": [{"id": c, "item": i} for c, i in uncertain],
        "targets": {"item_agreement": ok_agree, "rejected_per_call": ok_rej},
        "per_source": by_source,
    }


def per_source(rows: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Agreement and rejected findings per corpus (:func:`source_group`), in first-seen order."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        groups.setdefault(source_group(str(r["id"])), []).append(r)
    out = {}
    for src, rs in groups.items():
        agree = sum(r["compare"]["agree"] for r in rs)
        rejected = [len(r["compare"]["rejected"]) for r in rs]
        out[src] = {
            "calls": len(rs),
            "items_agreeing": agree,
            "item_agreement": agree / (5 * len(rs)),
            "per_item": {i: sum(1 for r in rs if r["compare"]["items"][i]["agree"]) for i in ITEMS},
            "rejected": sum(rejected),
            "max_rejected_per_call": max(rejected),
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--from-transcript", action="store_true", help="score the reference transcript, not ASR"
    )
    ap.add_argument("--grades", type=Path, default=GRADES)
    ap.add_argument("--only", action="append", default=[], help="call id (repeatable)")
    ap.add_argument("--collar", type=float, default=0.25, help="seconds around grader findings")
    ap.add_argument("--out", type=Path, help="write the per-call comparison and totals as JSON")
    args = ap.parse_args(argv)

    if not DATA.exists():
        print(
            "bench/real/data/ is missing: run .venv/bin/python bench/real/prepare.py",
            file=sys.stderr,
        )
        return 2
    manifest = {str(m["id"]): m for m in read_jsonl(MANIFEST)}
    grades = read_jsonl(args.grades)
    ungraded = sorted(set(two_party_ids(list(manifest.values()))) - {str(g["id"]) for g in grades})
    if ungraded:
        print(f"note: two-party calls without grades (not scored): {', '.join(ungraded)}")
    mode = "reference transcript" if args.from_transcript else "audio end to end"
    rows: list[dict[str, Any]] = []
    for g in grades:
        cid = str(g["id"])
        if args.only and cid not in args.only:
            continue
        if cid not in manifest or not (DATA / f"{cid}.ref.json").exists():
            print(f"{cid}: not in the manifest or not prepared; skipped", file=sys.stderr)
            continue
        missing = [i for i in ITEMS if i not in g.get("items", {})]
        if missing:
            print(f"{cid}: grade lacks {', '.join(missing)}; skipped", file=sys.stderr)
            continue
        scored = score(cid, manifest[cid], args.from_transcript)
        comparison = compare(g, scored["results"], args.collar)
        print(
            f"{cid}: scored in {scored['seconds']} s, {comparison['agree']}/5 items agree"
            + (", transcript flagged needs_review" if scored["needs_review"] else ""),
            flush=True,
        )
        rows.append({"id": cid, "grader": g.get("grader"), **scored, "compare": comparison})
    totals = report(rows, mode)
    if args.out:
        payload = {
            "totals": totals,
            "calls": [
                {
                    "id": r["id"],
                    "grader": r["grader"],
                    "seconds": r["seconds"],
                    "language": r["language"],
                    "source": r["source"],
                    "needs_review": r["needs_review"],
                    "score": r["score"],
                    **r["compare"],
                }
                for r in rows
            ],
        }
        args.out.write_text(
            json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
