"""Human review of machine scores: verdicts per rubric item, disputes, agreement and calibration.

:mod:`qa.review.model` holds the shared types: what a reviewer said about one call, item by
item (:class:`ItemVerdict`), and a reviewed call as agreement and calibration read it
(:class:`ReviewedCall`).
"""
