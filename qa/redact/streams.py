"""A call as per-speaker streams of tokens, and the digit runs in them with their context.

A speaker's stream is their utterances in order. A number read out runs on into the speaker's
next utterance when that one starts with digits soon after (``RedactOptions.bridge_s``) and the
other party said nothing but a short interjection in between ("okay", 嗯, 네) — people read
card numbers in breaths, and agents acknowledge each group.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from qa.redact.numerals import Sep, Unit, units
from qa.redact.records import RedactOptions
from qa.redact.tokens import Layout, Token, layout, tokenize
from qa.types import Call

__all__ = ["Prepared", "Run", "prepare", "digit_runs", "Placed"]


@dataclass(frozen=True)
class Placed:
    """A unit with the utterance it was said in."""

    unit: Unit
    utt: int


@dataclass
class Prepared:
    """Per utterance: its layout, tokens and digit units; per role, its utterance indices."""

    call: Call
    layouts: list[Layout]
    tokens: list[list[Token]]
    items: list[list[Unit | Sep]]
    by_role: dict[str, list[int]] = field(default_factory=dict)

    def token(self, utt: int, pos: int) -> Token:
        return self.tokens[utt][pos]

    def before(self, utt: int, pos: int, n: int, seconds: float = 10.0) -> list[Token]:
        """Up to ``n`` tokens of the same speaker before token ``pos`` of utterance ``utt``."""
        out = list(self.tokens[utt][max(0, pos - n) : pos])
        role = self.call.utterances[utt].role
        order = self.by_role[role]
        k = order.index(utt)
        start = self.call.utterances[utt].span.start
        while len(out) < n and k > 0:
            k -= 1
            prev = order[k]
            if start - self.call.utterances[prev].span.end > seconds:
                break
            out = list(self.tokens[prev][-(n - len(out)) :]) + out
        return out

    def after(self, utt: int, pos: int, n: int) -> list[Token]:
        return list(self.tokens[utt][pos + 1 : pos + 1 + n])

    def question(self, utt: int, seconds: float = 15.0) -> list[Token]:
        """The other party's last utterance before ``utt`` starts (empty when long ago)."""
        u = self.call.utterances[utt]
        best = None
        for i, other in enumerate(self.call.utterances):
            if other.role != u.role and other.span.start < u.span.start and u.span.start - other.span.end <= seconds:
                best = i
        return list(self.tokens[best]) if best is not None else []


def prepare(call: Call) -> Prepared:
    layouts = [layout(u) for u in call.utterances]
    tokens = [tokenize(i, lay) for i, lay in enumerate(layouts)]
    items = [units(toks, lay) for toks, lay in zip(tokens, layouts, strict=True)]
    by_role: dict[str, list[int]] = {}
    for i, u in enumerate(call.utterances):
        by_role.setdefault(u.role, []).append(i)
    return Prepared(call, layouts, tokens, items, by_role)


@dataclass
class Run:
    """Digit units said in one go; ``strong[k]`` marks a group boundary after unit ``k``."""

    placed: list[Placed]
    strong: list[bool]

    @property
    def value(self) -> str:
        return "".join(p.unit.value for p in self.placed)


def _bridgeable(prep: Prepared, a: int, b: int, options: RedactOptions, so_far: str = "") -> bool:
    ua, ub = prep.call.utterances[a], prep.call.utterances[b]
    if ub.span.start - ua.span.end > options.bridge_s:
        return False
    tail = [x for x in prep.items[a] if not (isinstance(x, Sep) and x.kind == "filler")]
    head = [x for x in prep.items[b] if not (isinstance(x, Sep) and x.kind == "filler")]
    if not tail or not head or not isinstance(tail[-1], Unit) or not isinstance(head[0], Unit):
        return False
    for i, u in enumerate(prep.call.utterances):
        if u.role != ua.role and ua.span.start < u.span.middle < ub.span.end:
            if len(prep.layouts[i].chars) > options.interruption_words or u.span.duration > options.interruption_s:
                return False
            said = "".join(x.value for x in prep.items[i] if isinstance(x, Unit) and not x.weak)
            # Digits in the interjection end the number, unless the agent is reading it back.
            if said and not (said in so_far or (len(said) >= 2 and said[:2] == so_far[:2])):
                return False
    return True


def digit_runs(prep: Prepared, options: RedactOptions, pause_s: float = 0.8) -> list[Run]:
    """Every run of at least three digits in the call, per speaker, across bridged utterances."""
    runs: list[Run] = []
    for order in prep.by_role.values():
        current: list[Placed] = []
        strong: list[bool] = []
        pending_strong = False

        def close() -> None:
            nonlocal current, strong
            current = [p for p in current if not p.unit.value.startswith("*")]
            strong = strong[: max(0, len(current) - 1)]
            digits = sum(ch.isdigit() for p in current for ch in p.unit.value)
            if digits >= 3:
                runs.append(Run(current, strong))
            current, strong = [], []

        for k, utt in enumerate(order):
            if k and not _bridgeable(prep, order[k - 1], utt, options, "".join(p.unit.value for p in current)):
                close()
            elif k:
                pending_strong = True
            for item in prep.items[utt]:
                if isinstance(item, Sep):
                    if item.kind == "break":
                        close()
                    else:
                        pending_strong = True
                    continue
                if current:
                    last = current[-1]
                    gap = prep.token(utt, item.first).time.start - prep.token(last.utt, last.unit.last).time.end
                    both_written = last.unit.written and item.written
                    strong.append(pending_strong or gap > pause_s or both_written)
                if current and current[-1].unit.value.startswith("*") and item.value[:1].isdigit():
                    held = current[-1]
                    current[-1] = Placed(replace(held.unit, value=item.value[0] * len(held.unit.value)), held.utt)
                current.append(Placed(item, utt))
                pending_strong = False
        close()
    return runs
