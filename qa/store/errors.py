"""The store's errors (all are :class:`~qa.errors.QAError`: the CLI and the API report them)."""

from __future__ import annotations

from qa.errors import InputError, QAError

__all__ = ["NotFound", "TooLarge", "Conflict"]


class NotFound(QAError):
    """An unknown call, agent, recording, job or API key."""

    exit_code = 2


class TooLarge(InputError):
    """A recording larger than the configured limit."""


class Conflict(QAError):
    """A change the store's current state does not allow (the API answers 409)."""

    exit_code = 1
