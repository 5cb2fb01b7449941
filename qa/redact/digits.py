"""Numbers read out or written: card numbers, CVV, expiry, bank accounts, phones, national IDs.

Every window of a digit run that starts and ends on a group boundary (or on the run's ends) is
tried against each entity's validity rule; the nearest context cue before the run (else just
after it, else in the other party's last question) decides between valid readings and vetoes
look-alikes (an order, ticket or invoice number is not a card even when its Luhn check holds).
Windows are then chosen greedily by score, never overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.redact import checks
from qa.redact.context import Cue, find_cues
from qa.redact.numerals import Unit
from qa.redact.records import Finding, RedactOptions
from qa.redact.streams import Placed, Prepared, Run

__all__ = ["number_findings", "region_order", "run_cues"]


LANGUAGE_REGIONS = {"en": ("US", "GB", "SG", "MY"), "zh": ("CN", "SG", "MY"), "ko": ("KR",), "ms": ("MY", "SG")}


def region_order(language: str | None, regions: tuple[str, ...]) -> tuple[str, ...]:
    """``regions`` with the call language's own markets first."""
    first = [r for r in LANGUAGE_REGIONS.get((language or "")[:2], ()) if r in regions]
    return tuple(first + [r for r in regions if r not in first])


@dataclass(frozen=True)
class RunCues:
    primary: str | None  # the nearest cue's category
    near: frozenset[str]  # every category cued around the run


def run_cues(prep: Prepared, run: Run) -> RunCues:
    """The cues around ``run``: before it (same speaker), after it, in the other party's question."""
    first, last = run.placed[0], run.placed[-1]
    said = prep.before(first.utt, first.unit.first, 12)
    own = find_cues([t for t in said if t.utt == first.utt])
    before = find_cues(said)
    after = find_cues(prep.after(last.utt, last.unit.last, 8), before=False)
    asked = find_cues(prep.question(first.utt))
    near = frozenset(c.category for c in before + after + asked)
    # The other party's question outranks what the speaker said in an earlier turn: "my phone
    # is …" / "and the card number?" / "it is 4532 …" is a card.
    for group in (own, after, asked, before):
        close: list[Cue] = [c for c in group if c.distance <= 40]
        if close:
            return RunCues(close[0].category, near)
    return RunCues(None, near)


def _windows(run: Run) -> list[tuple[int, int]]:
    n = len(run.placed)
    cuts = [0] + [k + 1 for k, s in enumerate(run.strong) if s] + [n]
    wins = {(a, b) for i, a in enumerate(cuts) for b in cuts[i + 1 :]}
    # Spoken digits carry no group marks: also try a prefix or suffix that leaves at most six
    # digits over (a card number read straight on into its expiry date or CVV).
    sizes = [sum(c.isdigit() for c in p.unit.value) for p in run.placed]
    total = sum(sizes)
    for k in range(1, n):
        head = sum(sizes[:k])
        if total - head <= 6:
            wins.add((0, k))
        if head <= 6:
            wins.add((k, n))
    return sorted(wins)


def _score(value: str, cues: RunCues, options: RedactOptions, regions: tuple[str, ...]) -> list[tuple[str, float, str]]:
    """(entity, score, detector) readings of one window's value."""
    p, near = cues.primary, cues.near
    out: list[tuple[str, float, str]] = []

    def cue(category: str, base: float) -> float:
        return base + (0.3 if p == category else 0.1 if category in near else 0.0) - (0.2 if p not in (None, category) else 0.0)

    digits = value.lstrip("+")
    if value.isdigit():
        if checks.card_ok(value) and (checks.card_prefix_ok(value) or p == "card"):
            out.append(("CARD_NUMBER", cue("card", 0.85), "luhn"))
        elif not options.card_needs_luhn and p == "card" and 13 <= len(value) <= 19:
            out.append(("CARD_NUMBER", 0.5, "card-context"))
        if checks.mykad_ok(value):
            out.append(("NATIONAL_ID", cue("id", 0.8), "mykad"))
        if checks.rrn_ok(value):
            out.append(("NATIONAL_ID", cue("id", 0.85), "kr-rrn"))
        # No checksum: these need their cue nearby (nearest or not: "luput kad" cues both).
        if "account" in near and 6 <= len(value) <= 20:
            out.append(("BANK_ACCOUNT", cue("account", 0.55), "account-context"))
        if len(value) in (3, 4) and "cvv" in near:
            out.append(("CVV", cue("cvv", 0.5), "cvv-context"))
        if len(value) in (4, 6) and "expiry" in near and checks.month_ok(value[:2]):
            out.append(("EXPIRY", cue("expiry", 0.5), "expiry-context"))
    if checks.prc_ok(value.upper()):
        out.append(("NATIONAL_ID", cue("id", 0.9), "prc-ric"))
    if checks.nric_ok(value):
        out.append(("NATIONAL_ID", cue("id", 0.9), "sg-nric"))
    if digits.isdigit() and 7 <= len(digits) <= 15:
        region = checks.phone_ok(value, regions)
        if region and (p == "phone" or "phone" in near or value.startswith("+") or _strong_phone(digits, region)):
            out.append(("PHONE", cue("phone", 0.7), f"phonenumbers-{region}"))
        elif p == "phone":
            # Called a phone number but valid in no plan (a dropped trunk 0, a misheard digit).
            out.append(("PHONE", 0.6, "phone-context"))
    # A number without a checksum of its own (MyKad, phone, account) does not stand against a
    # cue for something else: "my card number is 4111 1111 1111 1112" holds no MyKad.
    weak = ("mykad", "phonenumbers", "account-context")
    other = p in ("card", "phone", "id", "account", "cvv", "expiry")
    return [r for r in out if r[1] > 0.3 and not (other and r[2].startswith(weak) and _CATEGORY[r[0]] != p)]


_CATEGORY = {"CARD_NUMBER": "card", "NATIONAL_ID": "id", "PHONE": "phone", "BANK_ACCOUNT": "account", "CVV": "cvv",
             "EXPIRY": "expiry"}


def _strong_phone(digits: str, region: str) -> bool:
    """A national mobile number that needs no cue: its trunk prefix and length say what it is."""
    return (
        (region == "MY" and digits.startswith("01"))
        or (region == "KR" and digits.startswith("01") and len(digits) == 11)
        or (region == "CN" and len(digits) == 11 and digits[0] == "1")
        or (region == "GB" and digits.startswith("07") and len(digits) == 11)
    )


def number_findings(prep: Prepared, runs: list[Run], options: RedactOptions) -> list[Finding]:
    """The entities in the call's digit runs."""
    regions = region_order(prep.call.language, options.phone_regions)
    found: list[Finding] = []
    unassigned: list[Run] = []
    for run in runs:
        cues = run_cues(prep, run)
        if cues.primary == "neg":
            continue  # never a repeat of PII either
        candidates = []
        for a, b in _windows(run):
            whole_run = (a, b) == (0, len(run.placed))
            for value in _readings(run.placed[a:b]):
                # Part of a longer number is only read as an entity its cue names.
                readings = [r for r in _score(value, cues, options, regions)
                            if whole_run or _CATEGORY[r[0]] in cues.near]
                for entity, score, detector in readings:
                    whole = 0.05 * (b - a) / len(run.placed)  # ranks a reading of the whole run first
                    candidates.append((score + whole, score, a, b, entity, detector))
                if readings:
                    break
        taken: set[int] = set()
        for _, score, a, b, entity, detector in sorted(candidates, key=lambda c: (-c[0], c[2])):
            if taken.intersection(range(a, b)) or entity not in options.entities:
                continue
            taken.update(range(a, b))
            found.append(Finding(entity, _pieces(run.placed[a:b]), min(1.0, score), detector))
        if not taken:
            unassigned.append(run)
    return found + _repeats(prep, unassigned, found, options)


def _repeats(prep: Prepared, runs: list[Run], found: list[Finding], options: RedactOptions,
             within_s: float = 60.0) -> list[Finding]:
    """Runs that repeat a number found nearby are that number too: a read-back in part
    ("370 … 370318 …") or whole with one digit heard differently. Read-backs of read-backs count."""
    known = []
    for f in found:
        value = "".join(x.unit.value for r in _runs_of(prep, f) for x in r)
        known.append((value, prep.call.utterances[f.pieces[0][0]].span.start, f.entity))
    out: list[Finding] = []
    pending = list(runs)
    for _ in range(2):
        left = []
        for run in pending:
            value = "".join(ch for p in run.placed for ch in p.unit.value if ch.isdigit())
            at = prep.call.utterances[run.placed[0].utt].span.start
            match = next((entity for whole, start, entity in known if abs(at - start) <= within_s
                          and entity in options.entities and _same_number(value, whole)), None)
            if match:
                out.append(Finding(match, _pieces(run.placed), 0.6, "repeat"))
                known.append((value, at, match))
            else:
                left.append(run)
        pending = left
    return out


def _same_number(part: str, whole: str) -> bool:
    if len(part) >= 3 and part in whole:
        return True
    return len(part) >= 7 and abs(len(part) - len(whole)) <= 1 and _one_edit(part, whole)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one inserted, deleted or changed digit."""
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def _runs_of(prep: Prepared, f: Finding) -> list[list[Placed]]:
    return [[Placed(x, u) for x in prep.items[u] if isinstance(x, Unit) and a <= x.first and x.last <= b]
            for u, a, b in f.pieces]


def _readings(placed: list[Placed], limit: int = 32) -> list[str]:
    """The window's value, then its other readings (each unit's ``alt`` in turn), at most ``limit``."""
    values = [""]
    for x in placed:
        options = [x.unit.value] + ([x.unit.alt] if x.unit.alt else [])
        values = [v + o for v in values for o in options][:limit]
    return values


def _pieces(placed: list[Placed]) -> tuple[tuple[int, int, int], ...]:
    pieces: list[tuple[int, int, int]] = []
    for x in placed:
        if pieces and pieces[-1][0] == x.utt:
            pieces[-1] = (x.utt, pieces[-1][1], x.unit.last)
        else:
            pieces.append((x.utt, x.unit.first, x.unit.last))
    return tuple(pieces)
