"""The records of PII detection: what was found, where, and the options that found it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENTITIES", "Finding", "PiiSpan", "RedactOptions", "placeholder"]

#: Every entity the detector reports; each is replaced in text by ``[ENTITY]``.
ENTITIES: tuple[str, ...] = (
    "CARD_NUMBER",
    "CVV",
    "EXPIRY",
    "BANK_ACCOUNT",
    "PHONE",
    "EMAIL",
    "NATIONAL_ID",
    "DATE_OF_BIRTH",
    "PERSON",
    "ADDRESS",
)


def placeholder(entity: str) -> str:
    """The text that stands in for ``entity`` in a redacted transcript, e.g. ``[PHONE]``."""
    if entity not in ENTITIES:
        raise ValueError(f"unknown PII entity {entity!r}; choose from {', '.join(ENTITIES)}")
    return f"[{entity}]"


@dataclass(frozen=True)
class PiiSpan:
    """One piece of personal data inside one utterance.

    ``words`` is the closed-open range of word indices in ``Utterance.words`` (for an utterance
    without word timings: of the words the detector cut from its text, evenly timed over its
    span); ``chars`` the closed-open character range in ``Utterance.text`` that the redacted text
    replaces; ``start_s``/``end_s`` the time covered by those words. An entity said across
    several utterances (a card number read in two breaths) is several spans with one ``group``.
    ``text`` is the original text: it is personal data and must not be stored or logged.
    """

    entity: str
    utterance: int
    words: tuple[int, int]
    start_s: float
    end_s: float
    text: str
    confidence: float
    detector: str
    chars: tuple[int, int] = (0, 0)
    group: int = 0

    def __post_init__(self) -> None:
        if self.entity not in ENTITIES:
            raise ValueError(f"unknown PII entity {self.entity!r}; choose from {', '.join(ENTITIES)}")
        if self.words[1] < self.words[0] or self.chars[1] < self.chars[0] or self.end_s < self.start_s:
            raise ValueError(f"PiiSpan ranges must not run backwards: {self!r}")

    def __repr__(self) -> str:  # never echo the personal data itself into logs or tracebacks
        return (
            f"PiiSpan({self.entity}, utterance={self.utterance}, words={self.words}, "
            f"{self.start_s:.2f}-{self.end_s:.2f}s, confidence={self.confidence:.2f}, "
            f"detector={self.detector!r}, group={self.group})"
        )


@dataclass(frozen=True)
class RedactOptions:
    """How PII is looked for. Echo it (``dataclasses.asdict``) next to any redacted result.

    ``phone_regions``: the numbering plans a national-format phone number may belong to.
    A spoken number continues into the speaker's next utterance when the pause is at most
    ``bridge_s`` and the other party said at most ``interruption_words`` words
    (``interruption_s`` seconds) in between. ``card_needs_luhn``: a 13-19 digit number is a
    card only when its Luhn check holds (``False``: also when the speaker calls it a card, at
    ``confidence`` 0.5). ``audio_margin_s`` pads each masked time span on both sides.
    """

    entities: tuple[str, ...] = ENTITIES
    phone_regions: tuple[str, ...] = ("MY", "SG", "KR", "CN", "US", "GB")
    bridge_s: float = 6.0
    interruption_words: int = 4
    interruption_s: float = 3.0
    card_needs_luhn: bool = True
    min_confidence: float = 0.0
    audio_margin_s: float = 0.15

    def __post_init__(self) -> None:
        unknown = set(self.entities) - set(ENTITIES)
        if unknown:
            raise ValueError(f"unknown PII entities {sorted(unknown)}; choose from {', '.join(ENTITIES)}")
        object.__setattr__(self, "entities", tuple(self.entities))
        object.__setattr__(self, "phone_regions", tuple(r.upper() for r in self.phone_regions))
        if self.audio_margin_s < 0 or self.bridge_s < 0:
            raise ValueError("audio_margin_s and bridge_s must not be negative")


@dataclass(frozen=True)
class Finding:
    """What a detector found, before it becomes spans: ``pieces`` are (utterance, first token,
    last token), one per utterance it was said in."""

    entity: str
    pieces: tuple[tuple[int, int, int], ...]  # (utterance, first token, last token)
    confidence: float
    detector: str
    trim: tuple[int, int] = (0, 0)  # characters left out at the start of the first token, end of the last
