"""Redaction modes: ``off``, ``text`` and ``text+audio``, and the site setting that picks one.

The mode is a site setting (``$QA_REDACTION``, default ``off``) that each command and the
upload API can override (``--redact MODE``, the form field ``redact``). Keeping the original
recording beside its redacted copy (``text+audio``) is a separate admin choice,
``$QA_KEEP_ORIGINAL_AUDIO=1`` or ``--keep-original-audio``, off by default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qa.config import coerce_options
from qa.errors import InputError
from qa.redact.records import RedactOptions

__all__ = ["MODES", "Redaction", "check_mode"]

#: The redaction modes, weakest first.
MODES: tuple[str, ...] = ("off", "text", "text+audio")


def check_mode(mode: str | None) -> str:
    """``mode`` as one of :data:`MODES` (case and surrounding spaces ignored; ``None``: off);
    anything else is an :class:`~qa.errors.InputError` that lists the modes."""
    m = "off" if mode is None else str(mode).strip().lower()
    if m not in MODES:
        raise InputError(f"unknown redaction mode {mode!r}: choose one of {', '.join(MODES)}")
    return m


def _env_bool(name: str) -> bool | None:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return None
    return raw.strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class Redaction:
    """How a call's stored transcript and recording are redacted.

    ``mode``: ``off`` (nothing), ``text`` (the stored transcript and findings carry
    ``[ENTITY]`` placeholders; the original words are never stored) or ``text+audio`` (also a
    copy of the recording with the personal data's time spans replaced by a ``tone_hz`` sine at
    ``tone_level`` of full scale on every channel, which is the one stored and served; the
    original bytes are deleted once the call is scored unless ``keep_original_audio``).
    ``options``: what is looked for (:class:`~qa.redact.RedactOptions`; its
    ``audio_margin_s`` pads each masked span).
    """

    mode: str = "off"
    keep_original_audio: bool = False
    tone_hz: float = 1000.0
    tone_level: float = 0.1
    options: RedactOptions = field(default_factory=RedactOptions)

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", check_mode(self.mode))
        object.__setattr__(self, "options", coerce_options(RedactOptions, self.options))
        if not 0 < self.tone_hz < 8000 or not 0 < self.tone_level <= 1:
            raise InputError("the redaction tone must be below 8 kHz, its level in (0, 1]")

    @property
    def text(self) -> bool:
        """Whether transcripts are redacted (``text`` or ``text+audio``)."""
        return self.mode != "off"

    @property
    def audio(self) -> bool:
        """Whether the recording is redacted too (``text+audio``)."""
        return self.mode == "text+audio"

    @classmethod
    def from_env(
        cls, mode: str | None = None, keep_original_audio: bool | None = None, **other: Any
    ) -> Redaction:
        """``mode`` (else ``$QA_REDACTION``, else ``off``) and ``keep_original_audio`` (else
        ``$QA_KEEP_ORIGINAL_AUDIO``, else ``False``)."""
        env_keep = _env_bool("QA_KEEP_ORIGINAL_AUDIO")
        return cls(
            mode=check_mode(mode if mode is not None else (os.environ.get("QA_REDACTION") or None)),
            keep_original_audio=bool(
                keep_original_audio if keep_original_audio is not None else env_keep
            ),
            **other,
        )

    @classmethod
    def of(cls, value: Redaction | Mapping[str, Any] | str | None) -> Redaction:
        """A :class:`Redaction` from itself, a dict of its fields, a mode name, or ``None``
        (``off``)."""
        if isinstance(value, str):
            return cls(mode=value)
        return coerce_options(cls, value)
