"""Progress on stderr: one call's stages (:class:`ProgressLine`) and a batch's files or calls
(:class:`ProgressPrinter`, fed the :class:`~qa.batch.BatchProgress` snapshots a batch reports)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from qa.batch import BatchProgress

__all__ = ["ProgressLine", "ProgressPrinter", "clock"]

log = logging.getLogger("qa")


class ProgressLine:
    """Progress on stderr: a live line on a terminal, nothing when piped (logs say enough)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            log.debug("%s %.0f%%", stage, fraction * 100)
            return
        bar = "#" * int(fraction * 20)
        end = "\n" if fraction >= 1.0 else ""
        self.stream.write(f"\r[{bar:<20}] {fraction:4.0%} {stage:<12}{end}")
        self.stream.flush()


def clock(seconds: float | None) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour); ``--:--`` for ``None``."""
    if seconds is None:
        return "--:--"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class ProgressPrinter:
    """A progress bar on a terminal (one redrawn line); on a pipe or log, a plain line at most
    every ``every`` seconds. ``noun`` names what is counted."""

    def __init__(self, stream: TextIO, *, every: float = 30.0, noun: str = "files") -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.every = every
        self.noun = noun
        self._last = -1e9
        self._width = 0

    def line(self, p: BatchProgress) -> str:
        """The text of one progress line (``loading models…`` until the first result)."""
        frac = p.done / p.total if p.total else 1.0
        bar = "#" * int(frac * 20)
        parts = [f"[{bar:<20}] {p.done}/{p.total} {self.noun}"]
        if p.done == 0 and p.total:
            # Until the first result the workers are loading their models (seconds): say so
            # rather than a rate of 0 and an unknown ETA.
            parts.append(f"loading models… ({clock(p.elapsed)})" if p.elapsed else "loading models…")
            return " · ".join(parts)
        if p.audio_seconds:
            parts.append(f"{p.audio_seconds / 3600:.2f} h audio")
        parts.append(f"{p.calls_per_hour:,.0f} calls/h")
        if p.skipped:
            parts.append(f"{p.skipped} skipped")
        if p.failed:
            parts.append(f"{p.failed} failed")
        parts.append(f"ETA {clock(p.eta)}")
        return " · ".join(parts)

    def close(self) -> None:
        """End the progress line if one is open (before printing anything else)."""
        if self.tty and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def __call__(self, p: BatchProgress) -> None:
        text = self.line(p)
        finished = p.done >= p.total
        if self.tty:
            pad = max(0, self._width - len(text))
            self.stream.write("\r" + text + " " * pad + ("\n" if finished else ""))
            self._width = 0 if finished else len(text)
            self.stream.flush()
            return
        now = time.monotonic()
        if finished or now - self._last >= self.every:
            self._last = now
            self.stream.write(f"qa: {text}\n")
            self.stream.flush()
