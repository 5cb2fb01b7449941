"""Find the personal data in a call: every detector over the call, overlaps settled."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qa.config import coerce_options
from qa.redact.address import address_findings
from qa.redact.apply import to_spans
from qa.redact.dates import date_findings
from qa.redact.digits import number_findings
from qa.redact.email import email_findings
from qa.redact.names import name_findings, repeated_names
from qa.redact.records import Finding, PiiSpan, RedactOptions
from qa.redact.streams import digit_runs, prepare
from qa.redact.written import written_findings
from qa.types import Call

__all__ = ["detect"]


def detect(call: Call, options: RedactOptions | Mapping[str, Any] | None = None) -> list[PiiSpan]:
    """Every piece of personal data in ``call``'s utterances, as spans sorted by utterance and
    position. No two spans share a word; when detectors disagree the more confident one wins
    (ties: card, national ID, bank account, CVV, expiry, phone, e-mail, birth date, address,
    person). Works on words with timings, or on text alone (words timed evenly)."""
    opts: RedactOptions = coerce_options(RedactOptions, options)
    prep = prepare(call)
    findings: list[Finding] = []
    findings += number_findings(prep, digit_runs(prep, opts), opts)
    findings += written_findings(prep)
    findings += email_findings(prep)
    findings += date_findings(prep)
    names = name_findings(prep)
    findings += names + repeated_names(prep, names)
    findings += address_findings(prep)
    findings = [f for f in findings if f.entity in opts.entities]
    return to_spans(prep, findings, opts.min_confidence)
