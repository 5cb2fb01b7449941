# ruff: noqa: F811  (pytest fixtures imported from test_pages are parameters here)
"""The review queue and agreement pages in a real browser (Debian's chromium via Playwright),
against the same running server and seeded store as ``test_pages.py``, plus reviewed calls.

The two screenshots the README shows are taken here: ``QA_UPDATE_SCREENSHOTS=1`` writes them to
``docs/screenshots/`` (review-queue.png, agreement.png); otherwise to a temporary folder.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest

from qa.quality import CallQuality
from qa.review.model import HumanFinding, ReviewAction
from qa.review.sample import in_sample
from qa.types import CallScore
from tests.api.test_pages import (  # noqa: F401  (fixtures)
    add_call,
    browser,
    short_call,
    simple_score,
    site,
    tab,
)

RATE = 0.25  # a larger random sample than the default 5 %, so the few seeded calls show one
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def reviewed_site(site):
    """The site with more scored calls, some reviewed, one disputed."""
    store = site.store
    extra = {}
    for n in range(14):
        agent = ("ann", "bob", "cy")[n % 3]
        name = f"rv{n}"
        when = datetime(2026, 3, 4 + n % 10, 9 + n % 7, tzinfo=UTC)
        cid = add_call(store, site.tmp, name, agent, when, 2.0, 500 + n * 13)
        store.calls.save_transcript(short_call(cid, agent))
        outcomes = {"arguing": ("arguing", 70.0)} if n % 2 else {}
        if n % 5 == 0:
            outcomes["resolution"] = ("vague", 50.0)
        score = simple_score(80.0, **outcomes)
        if n >= 10:  # unreviewed: their arguing remarks are for review, one transcript is flagged
            score = for_review(score, flagged=n == 12)
        store.calls.save_score(cid, score, labeller_version="labeller-test")
        extra[name] = cid
    for n in range(10):
        cid = extra[f"rv{n}"]
        actions = [ReviewAction("arguing", "confirm"), ReviewAction("resolution", "confirm")]
        if n in (3, 7):  # the arguing remark was not one
            actions = [ReviewAction("arguing", "set_outcome", outcome="pass"),
                       ReviewAction("arguing", "finding_wrong", finding=0), ReviewAction("resolution", "confirm")]  # fmt: skip
        if n == 4:  # a remark the machine missed
            actions.append(
                ReviewAction("arguing", "finding_added", added=HumanFinding(1.0, 1.9, ("u001",)))
            )
        store.reviews.add(cid, actions, key_id=None, role="qa_lead")
    store.reviews.open_dispute(
        site.calls["bob1"], comment="the agent did offer a refund", rubric="resolution"
    )
    site.calls.update(extra)
    return site


def for_review(score: CallScore, flagged: bool) -> CallScore:
    results = tuple(
        dataclasses.replace(
            r,
            findings=tuple(
                dataclasses.replace(f, status="review", confidence=0.6) for f in r.findings
            ),
        )
        for r in score.results
    )
    quality = CallQuality(needs_review=True, reasons=("low word coverage",)) if flagged else None
    return dataclasses.replace(score, results=results, quality=quality)


def _shot(tab, name: str, tmp_path: Path) -> Path:
    where = SCREENSHOTS if os.environ.get("QA_UPDATE_SCREENSHOTS") else tmp_path
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{name}.png"
    tab.page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def test_queue_page_lists_disputed_first_marks_the_sample_and_filters(
    tab, reviewed_site, tmp_path, monkeypatch
):
    monkeypatch.setenv("QA_REVIEW_SAMPLE_RATE", str(RATE))
    site = reviewed_site
    page = tab.page
    tab.open("/review", role="qa_lead")
    assert page.locator("main h1").inner_text() == "Review queue"
    assert page.locator("nav a", has_text="Review").get_attribute("aria-current") == "page"
    rows = page.locator("#queue tbody tr")
    ids = rows.evaluate_all("rows => rows.map(r => r.dataset.call)")
    # The disputed call first; reviewed calls are not listed.
    assert ids[0] == site.calls["bob1"]
    assert "disputed" in rows.first.locator(".chip").first.inner_text()
    assert not {site.calls[f"rv{n}"] for n in range(10)} & set(ids)
    # Every sampled call is marked "random sample", and only those.
    sampled = rows.evaluate_all(
        "rows => rows.filter(r => r.classList.contains('row-sample')).map(r => r.dataset.call)"
    )
    assert set(sampled) == {c for c in ids if in_sample(c, RATE)}
    # Then the flagged call, then those with findings for review.
    tiers = rows.evaluate_all("rows => rows.map(r => r.dataset.reasons.split(' ')[0])")
    tiered = [t for t in tiers if t != "random_sample"]
    assert tiered == sorted(tiered, key=["disputed", "needs_review", "findings_for_review"].index)
    assert tiered[:2] == ["disputed", "needs_review"] and tiered.count("findings_for_review") >= 3
    for cid in sampled:
        assert "random sample" in page.locator(f"tr[data-call='{cid}']").inner_text()
    _shot(tab, "review-queue", tmp_path)

    # Filter by agent: the form keeps the choice, the list narrows.
    page.select_option("#q-agent", "bob")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/review?agent=bob*")
    agents = page.locator("#queue tbody tr td:nth-child(3)").all_inner_texts()
    assert agents and set(agents) == {"bob"}
    # A supervisor may not see the queue.
    response = tab.open("/review", role="supervisor")
    assert response.status == 403
    assert page.locator("nav a", has_text="Review").count() == 0
    tab.assert_clean(403)


def test_agreement_page_shows_both_populations_and_flags_few_calls(
    tab, reviewed_site, tmp_path, monkeypatch
):
    monkeypatch.setenv("QA_REVIEW_SAMPLE_RATE", str(RATE))
    page = tab.page
    tab.open("/agreement", role="admin")
    assert page.locator("main h1").inner_text() == "Agreement with reviews"
    assert "random-sample figures are not" in page.locator("main").inner_text()
    row = page.locator("#agreement-all tr[data-item='arguing']")
    assert row.locator("td").first.inner_text() == "10"  # ten reviewed calls
    # Outcomes: 8 of 10 agree (calls 3 and 7 were set to pass).
    assert row.locator("[data-figure=agreement] .fig").inner_text().startswith("80")
    assert row.locator("[data-figure=agreement] .fig-few").count() == 1  # fewer than 30 calls
    assert row.locator("[data-figure=agreement] .ci").inner_text()  # an interval is shown
    assert page.locator("#sample-title").is_visible()
    assert page.locator("details[data-language]").count() >= 1
    csv_href = page.locator("a[download]").get_attribute("href")
    assert urlparse(csv_href).path == "/v1/agreement" and "format=csv" in csv_href
    _shot(tab, "agreement", tmp_path)
    tab.assert_clean()
