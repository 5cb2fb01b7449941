"""What the rubric items share: sentences as the unit of judgment, label look-ups, findings."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from qa.types import Call, Finding, Role, Span, Utterance

__all__ = [
    "Sentence",
    "split_sentences",
    "label_hits",
    "make_finding",
    "finding_status",
    "quote",
    "options_dict",
    "is_backchannel_text",
    "is_lookup_text",
    "after_complaint",
]

_END = re.compile(r"[.!?。！？…]+[\"'”’)]*$")
_SPLIT = re.compile(r"(?<=[.!?。！？…])\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of one utterance: the unit the labeller judges and findings point to."""

    key: str  # "<utterance id>#<index>"
    utterance_id: str
    index: int
    role: Role
    text: str
    span: Span
    language: str | None = None


def _from_words(u: Utterance) -> list[Sentence]:
    out: list[Sentence] = []
    buf: list[Any] = []
    joiner = "" if (u.language or "") in ("zh", "ja") else " "

    def flush() -> None:
        if not buf:
            return
        text = joiner.join(w.text for w in buf).strip()
        if text:
            span = Span(buf[0].span.start, max(buf[0].span.start, buf[-1].span.end))
            out.append(
                Sentence(f"{u.id}#{len(out)}", u.id, len(out), u.role, text, span, u.language)
            )
        buf.clear()

    for w in u.words:
        buf.append(w)
        if _END.search(w.text):
            flush()
    flush()
    return out


def _from_text(u: Utterance) -> list[Sentence]:
    parts = [p.strip() for p in _SPLIT.split(u.text) if p.strip()]
    total = sum(len(p) for p in parts) or 1
    out: list[Sentence] = []
    t = u.span.start
    for i, p in enumerate(parts):
        end = t + u.span.duration * len(p) / total
        out.append(
            Sentence(f"{u.id}#{i}", u.id, i, u.role, p, Span(t, min(end, u.span.end)), u.language)
        )
        t = end
    return out


def split_sentences(call: Call) -> list[Sentence]:
    """Every utterance cut into sentences (at Whisper's punctuation), in time order."""
    out: list[Sentence] = []
    for u in call.utterances:
        sentences = _from_words(u) if u.words else _from_text(u)
        out.extend(
            sentences or [Sentence(f"{u.id}#0", u.id, 0, u.role, u.text, u.span, u.language)]
        )
    return out


def label_hits(
    sentences: Iterable[Sentence],
    labels: Any,
    label: str,
    threshold: float,
    role: Role | None = "agent",
) -> list[tuple[Sentence, float]]:
    """Sentences (of ``role``) whose probability for ``label`` reaches ``threshold``."""
    hits = []
    for s in sentences:
        if role is not None and s.role != role:
            continue
        p = float(labels.get(s.key, {}).get(label, 0.0))
        if p >= threshold:
            hits.append((s, p))
    return hits


def quote(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_finding(
    rubric: str,
    kind: str,
    sentences: Sequence[Sentence],
    *,
    confidence: float,
    weight: float = 1.0,
    evidence: str | None = None,
    span: Span | None = None,
    status: str = "confirmed",
) -> Finding:
    covered = span  # an explicit span (e.g. the overlap) is where the player should jump
    if covered is None:
        covered = sentences[0].span
        for s in sentences:
            covered = covered | s.span
    ids = tuple(dict.fromkeys(s.utterance_id for s in sentences))
    text = (
        evidence
        if evidence is not None
        else " / ".join(f"{s.role}: {quote(s.text)}" for s in sentences)
    )
    return Finding(
        rubric,
        kind,
        covered,
        ids,
        text,
        round(float(confidence), 3),
        round(float(weight), 3),
        status,
    )


def finding_status(confidence: float, confirm_at: float) -> str:
    """``confirmed`` at or above the item's operating point, else ``review`` (precision first:
    only confirmed findings count against the agent)."""
    return "confirmed" if confidence >= confirm_at else "review"


def options_dict(options: Any) -> dict[str, Any]:
    return dataclasses.asdict(options) if dataclasses.is_dataclass(options) else dict(options)


# Short acknowledgements that do not take the floor, in the four languages (lower-case, no
# punctuation). The labeller's `backchannel` label covers what this list misses.
BACKCHANNELS = frozenset(
    """
    mm mhm mm-hm mmhmm uh-huh uh huh hmm yeah yes yep right okay ok sure i see got it oh alright
    all right ah understood indeed exactly of course
    嗯 嗯嗯 对 对对 是 是的 好 好的 哦 明白 了解 行 没错 啊 嗯哼
    네 예 아 아네 아 네 그렇군요 음 맞아요 네네 알겠습니다 그렇죠
    ya ye okey ok baik faham betul oh begitu oh ya hmm ha ah ya ya
    """.split()
)
_STRIP = re.compile(r"[^\w\s'-]+", re.UNICODE)


def is_backchannel_text(text: str, max_words: int = 3) -> bool:
    """A short acknowledgement made only of backchannel tokens ("mm-hm", "对对", "네", "ya")."""
    cleaned = _STRIP.sub(" ", text.lower()).split()
    if not cleaned:
        return True  # nothing recognised: a murmur
    if len(cleaned) > max_words:
        return False
    return all(tok in BACKCHANNELS for tok in cleaned)


# An agent announcing a look-up ("let me pull up your order") is not offering a resolution; the
# labeller still scores some of these as vague offers, so the rubric leaves out sentences that
# are only that (a short sentence made of a look-up phrase and nothing else of substance).
_LOOKUP = re.compile(
    r"^(?:(?:ok(?:ay)?|alright|all right|right|sure|so|yes|yeah|well)[,.!]?\s+)*"
    r"(?:(?:let me|lemme|i'?ll|i will|i'?m going to|i am going to|allow me to)\s+(?:just\s+|quickly\s+)?"
    r"(?:check|look|have a look|take a look|pull up|bring up|see(?! what| if i can| about)|find|search|look up|look that up|"
    r"check that|verify|confirm|access)\b|(?:one|just a|give me a) (?:moment|second|sec|minute)\b|"
    r"(?:please )?hold on\b|bear with me\b)"
    r"|^(?:好的?[，,]?\s*)?(?:我|请您?稍等[，,]?我?)?(?:帮您|给您|这边)?(?:查一下|查询一下|看一下|查看一下|核实一下|确认一下)|^(?:请)?稍等"
    r"|^(?:네[,.]?\s*)?(?:잠시만|확인해\s*(?:보겠습니다|볼게요|드리겠습니다|드릴게요))"
    r"|^(?:(?:ok(?:ey)?|baik)[,.]?\s+)?(?:sebentar|tunggu sebentar|biar saya (?:semak|tengok|periksa)|saya (?:semak|periksa) (?:dulu|sekejap))",
    re.IGNORECASE,
)


def is_lookup_text(text: str, max_words: int = 10) -> bool:
    """A sentence that only announces a look-up or asks the customer to wait."""
    t = text.strip()
    short = len(t.split()) <= max_words if " " in t else len(t) <= 16
    return short and bool(_LOOKUP.search(t))


def after_complaint(sentences: Sequence[Sentence], seconds: float) -> set[str]:
    """Keys of the agent sentences said once the customer has spoken for ``seconds`` in all."""
    heard, after = 0.0, set()
    for s in sentences:
        if s.role == "customer":
            heard += s.span.duration
        elif heard >= seconds:
            after.add(s.key)
    return after

