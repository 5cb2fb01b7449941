"""Per-call results written to files: the ``--out`` export (:func:`write_results`, JSON Lines or
CSV) and the ``--failures`` CSV (:class:`FailureLog`, written as failures happen)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from qa import csvsafe
from qa.batch.results import CallResult
from qa.errors import InputError

__all__ = ["write_results", "FailureLog"]

_CSV_COLUMNS = (
    "path", "status", "call_id", "agent_id", "call_time", "duration", "language", "source",
    "score", "capped_by", "rubric_version", "labeller_version", "needs_review", "review_reasons",
)
_CSV_TAIL = (
    "findings", "review_findings", "transcribed", "seconds", "stage", "error", "where",
    "duplicate_of",
)  # fmt: skip
# Columns holding lists: one cell, items joined.
_CSV_LISTS = {"capped_by": ";", "review_reasons": "; "}


def write_results(results: Iterable[CallResult], path: str | os.PathLike[str]) -> int:
    """Write per-call results to ``path``: JSON Lines (``.jsonl``/``.ndjson``) or CSV (``.csv``,
    one ``<rubric>`` outcome and ``<rubric>_score`` column per rubric item; ``findings`` counts
    every finding, ``review_findings`` those for review; ``needs_review`` and
    ``review_reasons`` the transcript quality flag). Written to a
    temporary file and renamed, so a reader never sees half a file. Returns the row count."""
    p = Path(path)
    kind = p.suffix.lower()
    if kind not in (".jsonl", ".ndjson", ".csv"):
        raise InputError(f"{p}: the results file must end in .jsonl or .csv")
    rows = list(results)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            if kind == ".csv":
                rubrics = list(dict.fromkeys(r["rubric"] for row in rows for r in row.results))
                w = csvsafe.writer(fh)
                w.writerow([*_CSV_COLUMNS, *(c for n in rubrics for c in (n, f"{n}_score")), *_CSV_TAIL])
                for row in rows:
                    d = row.to_json()
                    by = {r["rubric"]: r for r in row.results}
                    w.writerow(
                        [
                            *(
                                _CSV_LISTS[c].join(d[c]) if c in _CSV_LISTS else _cell(d[c])
                                for c in _CSV_COLUMNS
                            ),
                            *(
                                _cell(by.get(n, {}).get(k))
                                for n in rubrics
                                for k in ("outcome", "score")
                            ),
                            sum(len(r.get("findings") or ()) for r in row.results),
                            sum(
                                1
                                for r in row.results
                                for f in r.get("findings") or ()
                                if f.get("status") == "review"
                            ),
                            *(_cell(d[c]) for c in _CSV_TAIL[2:]),
                        ]
                    )
            else:
                for row in rows:
                    fh.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float):
        return round(v, 3)
    return v


class FailureLog:
    """Failed files, one CSV row each, written as they happen (a kill keeps what was written)."""

    COLUMNS = ("path", "where", "stage", "error")

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path else None
        self.n = 0
        self._fh: TextIO | None = None

    def add(self, r: CallResult) -> None:
        """Write ``r``'s row now (the file is created, with its header, at the first)."""
        if self.path is None:
            return
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "w", encoding="utf-8", newline="")
            csvsafe.writer(self._fh).writerow(self.COLUMNS)
        csvsafe.writer(self._fh).writerow([r.path or r.call_id or "", r.where or "", r.stage or "", r.error or ""])
        self._fh.flush()
        self.n += 1

    def close(self) -> str | None:
        """Close the file and return its path; ``None`` when nothing failed (then a failures
        file an earlier run left at the same path is removed: its files were retried now)."""
        if self._fh is not None:
            self._fh.close()
            return str(self.path)
        if self.path is not None and self.path.is_file():
            # A failures file from an earlier run of this batch: its files were retried now.
            try:
                with open(self.path, encoding="utf-8") as fh:
                    ours = fh.readline().strip() == ",".join(self.COLUMNS)
                if ours:
                    self.path.unlink()
            except OSError:
                pass
        return None
