"""Errors a user can act on. The CLI prints their message and exits non-zero, never a traceback."""

from __future__ import annotations

__all__ = ["QAError", "AudioError", "ModelError", "InputError"]


class QAError(Exception):
    """Base of every error whose message is meant for the user."""

    exit_code = 1


class AudioError(QAError):
    """The recording cannot be used: empty, not audio, truncated, too long, silent…"""

    exit_code = 3


class InputError(QAError):
    """A bad argument or a malformed input file (transcript, JSONL, manifest)."""

    exit_code = 2


class ModelError(QAError):
    """A model is missing, damaged, or cannot be loaded offline."""

    exit_code = 4
