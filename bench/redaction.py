"""PII detection recall and precision per entity type and language, on the team's PII test set.

    python bench/redaction.py [--split dev|heldout|both] [--errors N]

The set (``bench/pii/``, built by ``bench/pii/build.py``) holds transcripts with word timings in
English, Mandarin, Korean and Malay: every entity type, spoken and written, split across
utterances, and look-alikes that are not PII. ``heldout`` was written before the detector and is
never tuned on; ``dev`` is.

``--real`` also scores the SpokenWOZ calls of the real corpus (``bench/real/``, built by
``bench/real/prepare.py``; lower-case reference transcripts with word times): the team marked
their personal data in ``bench/pii/real_labels.jsonl`` (by word index, no text). Every
reference transcript without such data (the other languages' clips) counts for precision only.

Span level. A gold entity is *found* when every one of its words is covered by detected spans of
the same entity type (``recall``); it is *redacted* when every word is covered by a span of any
type (``redacted``: what reaches the stored text). A detected entity (a group of spans) is
*correct* when it shares a word with a gold entity of its type (``precision``). Targets (issue
15): recall >= 0.99 for card numbers, >= 0.95 for phones, e-mails and national IDs, precision
>= 0.90 for each. Also prints the time per call and, with ``--errors``, the misses.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa.redact import ENTITIES, detect  # noqa: E402
from qa.types import Call, Span, Utterance, Word  # noqa: E402

# Words inside a read-out number that carry none of it ("3 7 and 3 1 8"): they need no covering.
FILLERS = {"and", "uh", "um", "er", "dash", "then", ",", "嗯", "然后", "그리고", "dan"}
TARGETS = {"CARD_NUMBER": (0.99, 0.90), "PHONE": (0.95, 0.90), "EMAIL": (0.95, 0.90), "NATIONAL_ID": (0.95, 0.90)}
LANGS = ("en", "zh", "ko", "ms")


def load(split: str) -> list[dict]:
    path = ROOT / "bench" / "pii" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_call(row: dict) -> Call:
    utterances = []
    for i, u in enumerate(row["utterances"]):
        words = tuple(Word(Span(s, e), w) for s, e, w in u["words"])
        utterances.append(Utterance(f"u{i:03d}", u["role"], Span(u["start"], u["end"]), u["text"], words,
                                    language=row["language"]))
    end = max([u.span.end for u in utterances] + [0.0])
    return Call(row["id"], "bench", end + 1.0, "transcript", tuple(utterances), {"language": row["language"]})


def real_rows(data: Path) -> list[dict]:
    """The real corpus' SpokenWOZ calls as rows of the PII set: each party's words cut into
    utterances at pauses over 0.8 s, gold from ``real_labels.jsonl``."""
    labels = [json.loads(x) for x in (ROOT / "bench" / "pii" / "real_labels.jsonl").read_text().splitlines() if x.strip()]
    rows = []
    for path in sorted(data.glob("swoz-*.ref.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        pieces = []  # (start, party, [word indices])
        for party, words in ref["words"].items():
            for i, w in enumerate(words):
                if not pieces or pieces[-1][1] != party or w["s"] - words[i - 1]["e"] > 0.8:
                    pieces.append((w["s"], party, []))
                pieces[-1][2].append(i)
        pieces.sort()
        where = {}
        utterances = []
        for u, (_, party, idx) in enumerate(pieces):
            words = [ref["words"][party][i] for i in idx]
            for k, i in enumerate(idx):
                where[(party, i)] = (u, k)
            utterances.append({"role": party, "start": words[0]["s"], "end": words[-1]["e"],
                               "text": " ".join(w["w"] for w in words),
                               "words": [[w["s"], w["e"], w["w"]] for w in words]})
        gold = []
        for lab in (x for x in labels if x["id"] == ref["id"]):
            spots = [where[(lab["party"], i)] for i in range(*lab["words"])]
            by_utt: dict[int, list[int]] = defaultdict(list)
            for u, k in spots:
                by_utt[u].append(k)
            gold.append({"entity": lab["entity"], "pieces": [[u, min(ks), max(ks) + 1] for u, ks in sorted(by_utt.items())]})
        rows.append({"id": ref["id"], "language": "en", "utterances": utterances, "gold": gold})
    for path in sorted(data.glob("*.ref.json")):  # the other clips: text only, precision only
        ref = json.loads(path.read_text(encoding="utf-8"))
        turns = ref.get("turns") or [{"party": p, "start": 0.0, "end": ref["duration_s"], "text": t}
                                     for p, t in (ref.get("transcript") or {}).items() if isinstance(t, str)]
        if ref["id"].startswith("swoz-") or not turns:
            continue
        utterances = [{"role": "customer" if t["party"] == "A" else "agent", "start": t["start"], "end": t["end"],
                       "text": t["text"], "words": []} for t in turns]
        rows.append({"id": ref["id"], "language": ref["language"][:2], "utterances": utterances, "gold": []})
    return rows


def evaluate(rows: list[dict]) -> tuple[dict, list[str], float]:
    """Counts per (entity, language): gold, found, redacted, predicted, correct."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    seconds = 0.0
    for row in rows:
        lang = row["language"]
        call = to_call(row)
        t0 = time.perf_counter()
        spans = detect(call)
        seconds += time.perf_counter() - t0
        covered: dict[tuple[int, int], str] = {}
        groups: dict[int, list] = defaultdict(list)
        for s in spans:
            groups[s.group].append(s)
            for w in range(*s.words):
                covered[(s.utterance, w)] = s.entity
        gold_words = []
        for g in row["gold"]:
            words = {(u, w) for u, a, b in g["pieces"] for w in range(a, b)
                     if row["utterances"][u]["words"][w][2].lower() not in FILLERS}
            gold_words.append((g["entity"], words))
            c = counts[(g["entity"], lang)]
            c["gold"] += 1
            hit = all(covered.get(w) == g["entity"] for w in words)
            c["found"] += hit
            c["redacted"] += all(w in covered for w in words)
            if not hit:
                errors.append(f"MISS {g['entity']:<13} {row['id']}: {_show(row, words, covered)}")
        for members in groups.values():
            entity = members[0].entity
            words = {(s.utterance, w) for s in members for w in range(*s.words)}
            c = counts[(entity, lang)]
            c["predicted"] += 1
            ok = any(e == entity and words & gw for e, gw in gold_words)
            c["correct"] += ok
            if not ok:
                errors.append(f"FP   {entity:<13} {row['id']}: {_show(row, words, covered)}")
    return counts, errors, seconds


def _show(row: dict, words: set, covered: dict) -> str:
    parts = []
    for u, utt in enumerate(row["utterances"]):
        ws = []
        for w, (_, _, text) in enumerate(utt["words"]):
            mark = covered.get((u, w))
            text = f"<{text}>" if (u, w) in words else text
            ws.append(f"{text}[{mark[:4]}]" if mark else text)
        parts.append(f"{utt['role'][0]}: " + " ".join(ws))
    return " || ".join(parts)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(split: str, rows: list[dict], n_errors: int) -> None:
    counts, errors, seconds = evaluate(rows)
    negatives = sum(1 for r in rows if not r["gold"])
    print(f"\n== {split}: {len(rows)} transcripts ({negatives} look-alike only), "
          f"{1000 * seconds / max(1, len(rows)):.1f} ms per transcript")
    print(f"{'entity':<14}{'lang':<6}{'gold':>5}{'recall':>8}{'redacted':>9}{'pred':>6}{'precision':>10}  target")
    for entity in ENTITIES:
        total = defaultdict(int)
        for lang in LANGS:
            c = counts.get((entity, lang))
            if not c:
                continue
            for k, v in c.items():
                total[k] += v
            print(f"{entity:<14}{lang:<6}{c['gold']:>5}{_ratio(c['found'], c['gold']):>8}"
                  f"{_ratio(c['redacted'], c['gold']):>9}{c['predicted']:>6}{_ratio(c['correct'], c['predicted']):>10}")
        if total:
            target = TARGETS.get(entity)
            verdict = ""
            if target and total["gold"] and total["predicted"]:
                r, p = total["found"] / total["gold"], total["correct"] / total["predicted"]
                verdict = f"R>={target[0]} P>={target[1]}: " + ("met" if r >= target[0] and p >= target[1] else "NOT met")
            print(f"{entity:<14}{'all':<6}{total['gold']:>5}{_ratio(total['found'], total['gold']):>8}"
                  f"{_ratio(total['redacted'], total['gold']):>9}{total['predicted']:>6}"
                  f"{_ratio(total['correct'], total['predicted']):>10}  {verdict}")
    if n_errors:
        print(f"-- first {n_errors} of {len(errors)} errors")
        for line in errors[:n_errors]:
            print(line)


def random_numbers(n: int, seed: int = 15) -> None:
    """How often a random digit string with no cue around it is flagged, and as what: the price
    of recall first (a 16-digit number passes Luhn one time in ten)."""
    import random

    from qa.types import Call, Span, Utterance

    rng = random.Random(seed)
    print(f"\n== random digit strings, no cue ('it is <number>'), {n} per length, written in groups of 4")
    for length in (8, 10, 11, 12, 13, 15, 16, 18, 19):
        flagged: dict[str, int] = defaultdict(int)
        for _ in range(n):
            digits = "".join(rng.choice("0123456789") for _ in range(length))
            text = "it is " + " ".join(digits[i : i + 4] for i in range(0, length, 4))
            call = Call("r", "b", 5.0, "transcript", (Utterance("u0", "customer", Span(0.0, 4.0), text, (), "en"),),
                        {"language": "en"})
            for entity in {s.entity for s in detect(call)}:
                flagged[entity] += 1
        shares = ", ".join(f"{e} {v / n:.1%}" for e, v in sorted(flagged.items())) or "none"
        print(f"  {length:>2} digits: {shares}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    parser.add_argument("--errors", type=int, default=0, help="print the first N misses and false positives")
    parser.add_argument("--random", type=int, default=0, metavar="N",
                        help="also flag rates of N random digit strings per length said with no cue at all")
    parser.add_argument("--real", type=Path, nargs="?", const=ROOT / "bench" / "real" / "data", default=None,
                        help="also score the real corpus' SpokenWOZ calls (default: bench/real/data)")
    args = parser.parse_args()
    for split in (["dev", "heldout"] if args.split == "both" else [args.split]):
        report(split, load(split), args.errors)
    if args.real is not None:
        rows = real_rows(args.real)
        if not rows:
            sys.exit(f"no SpokenWOZ references in {args.real}: run bench/real/prepare.py first")
        report(f"real corpus ({args.real}): SpokenWOZ calls labelled, other clips precision only", rows, args.errors)
    if args.random:
        random_numbers(args.random)


if __name__ == "__main__":
    main()
