"""CSV that is safe to open in a spreadsheet: every CSV the product writes goes through here.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be
taken for a formula by Excel, LibreOffice or Google Sheets (CSV injection). Following OWASP's
rule, such a cell is written with a single quote in front (``=SUM(1+2)`` → ``'=SUM(1+2)``).
Only text is changed: numbers (``int``, ``float``) are written as they are, so a negative
score stays a number; a number that arrives as text (``"-3.5"``) is quoted like any other text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

__all__ = ["FORMULA_PREFIXES", "safe_cell", "safe_row", "SafeWriter", "writer"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet could run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of ``row`` through :func:`safe_cell`."""
    return [safe_cell(v) for v in row]


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell (see the module's docstring)."""

    def __init__(self, fh: Any, **kwargs: Any) -> None:
        self._w = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._w.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: Any, **kwargs: Any) -> SafeWriter:
    """A :class:`SafeWriter` on ``fh`` (the same keyword arguments as ``csv.writer``)."""
    return SafeWriter(fh, **kwargs)
