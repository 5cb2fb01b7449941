"""Written forms found on the text itself: IBANs (``GB82 WEST 1234 5698 7654 32``, checked with
its mod-97 digits) and written e-mail addresses that the spoken-form reader would split."""

from __future__ import annotations

import re

from qa.redact import checks
from qa.redact.records import Finding
from qa.redact.streams import Prepared

__all__ = ["written_findings"]

_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")


def written_findings(prep: Prepared) -> list[Finding]:
    """IBANs and written e-mail addresses, as token ranges."""
    found: list[Finding] = []
    for u, lay in enumerate(prep.layouts):
        toks = prep.tokens[u]
        for pattern, entity, detector, confidence in (
            (_IBAN, "BANK_ACCOUNT", "iban", 0.95),
            (_EMAIL, "EMAIL", "email-written", 0.95),
        ):
            for m in pattern.finditer(lay.text):
                if entity == "BANK_ACCOUNT" and not checks.iban_ok(m.group()):
                    continue
                inside = [t.pos for t in toks if m.start() <= t.start and t.end <= m.end()]
                if inside:
                    found.append(Finding(entity, ((u, inside[0], inside[-1]),), confidence, detector))
    return found
