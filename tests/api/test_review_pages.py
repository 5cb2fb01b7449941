"""Reviewing and disputing a call in a real browser (Debian's chromium through Playwright), on
the server and seeded store of tests/api/test_pages.py.

A QA lead corrects an outcome, marks a finding wrong and adds a missed one by selecting words in
the transcript: the call's reviewed score and the agent's scorecard change. A supervisor sees no
review tools but disputes a finding; the QA lead resolves it. With ``QA_UPDATE_SCREENSHOTS=1``
the screenshots of the review tools are written to ``docs/screenshots/`` (the README shows
them); otherwise to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.api import test_pages
from tests.api.test_pages import Tab, wait_js

# The running server over the seeded store, the browser and a fresh tab per test.
site = test_pages.site
browser = test_pages.browser
tab = test_pages.tab

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def shots(tmp_path) -> Path:
    return DOCS if os.environ.get("QA_UPDATE_SCREENSHOTS") else tmp_path


def shot(tab: Tab, where: Path, name: str, selector: str | None = None) -> None:
    where.mkdir(parents=True, exist_ok=True)
    target = tab.page.locator(selector) if selector else tab.page
    kwargs = {} if selector else {"full_page": True}
    target.screenshot(path=str(where / f"{name}.png"), **kwargs)
    assert (where / f"{name}.png").stat().st_size > 1000


def reviewed_score(page) -> str:
    return page.locator("#review-score .score").inner_text().split("/")[0].strip()


def saved(page, action) -> None:
    """Run ``action`` (a submit) and wait for the page to reload with the review."""
    with page.expect_navigation():
        action()
    page.wait_for_load_state("load")


def test_a_qa_lead_corrects_marks_and_adds_and_the_scores_change(tab, site, shots):
    page = tab.page
    cid = site.calls["main"]
    store = site.store
    tab.open("/agents/ann", role="qa_lead")
    before_mean = page.locator("#mean-score .score").inner_text()
    assert before_mean.startswith("58")  # (29.2 + 85 + 60) / 3

    tab.open(f"/calls/{cid}")
    assert page.locator("#call-score .tile-label").inner_text().lower() == "call score"
    assert page.locator(".review-form").count() == 5
    assert page.locator("#add-finding").is_visible()

    # 1. Empathy before apology: the machine said "neither"; the lead sets "pass".
    form = page.locator("#review-empathy_before_apology")
    form.locator("select[name=outcome]").select_option("pass")
    form.locator("textarea[name=comment]").fill("empathy at 0:15, apology after")
    saved(page, lambda: form.locator("button[type=submit]").click())
    assert page.locator("#call-score .tile-label").inner_text().lower() == "reviewed score"
    # (50 + 1.5·0 + 30 + 100 + 1.5·100) / 6 = 55, still capped at 40 by arguing at 0.
    assert reviewed_score(page) == "40"
    assert "machine 29 " in page.locator("#machine-score").inner_text()
    card = page.locator("#r-empathy_before_apology")
    assert card.locator(".reviewed-verdict").get_attribute("data-reviewed-outcome") == "pass"
    assert card.locator(".outcome").first.get_attribute("data-outcome") == "neither"  # machine's

    # 2. The arguing finding is wrong: arguing passes (100), nothing caps the call.
    page.locator('.finding-wrong[form="review-arguing"][data-index="0"]').check()
    saved(page, lambda: page.locator("#review-arguing button[type=submit]").click())
    assert reviewed_score(page) == "80"  # (50 + 150 + 30 + 100 + 150) / 6
    assert page.locator("#r-arguing .finding-judged-wrong").count() == 1
    assert "judged wrong" in page.locator("#f-arguing-0").inner_text().lower()

    # 3. A missed arguing remark: select the words in the transcript, name the item, add it.
    page.evaluate(
        """() => {
          const p = document.querySelector('#u005 .utt-text');
          const text = p.textContent, at = text.indexOf('Next time');
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          let node, seen = 0, start = null, end = null;
          const stop = at + 'Next time read the instructions'.length;
          while ((node = walker.nextNode())) {
            const n = node.textContent.length;
            if (start === null && at < seen + n) start = [node, at - seen];
            if (end === null && stop <= seen + n) end = [node, stop - seen];
            seen += n;
          }
          const r = document.createRange();
          r.setStart(start[0], start[1]); r.setEnd(end[0], end[1]);
          const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
          p.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }"""
    )
    adder = page.locator("#add-finding")
    wait_js(page, "document.querySelector('#add-finding input[name=quote]').value !== ''")
    assert adder.locator("input[name=quote]").input_value() == "Next time read the instructions"
    start = float(adder.locator("input[name=start]").input_value())
    end = float(adder.locator("input[name=end]").input_value())
    assert 17.5 < start < end <= 21.0
    assert adder.locator("input[name=utterance_ids]").input_value() == "u005"
    adder.locator("select[name=rubric]").select_option("arguing")
    adder.locator("input[name=comment]").fill("talks down to the customer")
    shot(tab, shots, "review-add-finding", "#add-finding")
    saved(page, lambda: adder.locator("button[type=submit]").click())
    # arguing: one remark (penalty 30) → 70; (50 + 105 + 30 + 100 + 150) / 6 = 72.5
    assert reviewed_score(page) == "72"  # 72.5, shown whole
    added = page.locator("#r-arguing .finding-added")
    assert added.count() == 1 and "Next time read the instructions" in added.inner_text()
    history = page.locator("#review-history tbody tr")
    assert history.count() == 3  # newest first: added, wrong, set outcome (with the comment)
    assert "finding added" in history.nth(0).inner_text()
    assert "empathy at 0:15" in history.nth(2).inner_text()
    assert "qa lead" in history.nth(2).inner_text()
    shot(tab, shots, "review-call")
    shot(tab, shots, "review-item", "#r-arguing")

    # The store kept the machine's score and the history; the scorecard uses the review.
    detail = store.calls.get(cid)
    assert detail.score.score == 29.2 and detail.review_score == 72.5
    entries = store.audit.list(target_id=cid)
    assert [e.action for e in entries if e.action != "recording.download"] == ["review.add"] * 3
    tab.open("/agents/ann")
    assert (
        page.locator("#mean-score .score").inner_text().startswith("72")
    )  # (72.5 + 85 + 60) / 3 = 72.5
    worst = page.locator(f'.worst-call[data-call="{cid}"]')
    assert "reviewed · machine 29" in worst.inner_text()
    tab.open("/calls?agent=ann")
    assert "reviewed · machine 29" in page.locator(f'tr[data-call="{cid}"]').inner_text()
    tab.assert_clean()


def test_a_supervisor_disputes_and_a_qa_lead_resolves(tab, site, shots):
    page = tab.page
    cid = site.calls["ann2"]
    tab.open(f"/calls/{cid}", role="supervisor")
    assert page.locator(".review-form").count() == 0 and page.locator("#add-finding").count() == 0
    form = page.locator("#dispute-form")
    form.locator("select[name=target]").select_option("resolution")
    form.locator("input[name=comment]").fill("the agent booked a visit: specific")
    saved(page, lambda: form.locator("button[type=submit]").click())
    disputes = page.locator("#open-disputes .dispute")
    assert disputes.count() == 1 and "booked a visit" in disputes.inner_text()
    assert page.locator(".resolve-form").count() == 0  # supervisors do not resolve
    shot(tab, shots, "review-dispute", "#disputes")

    tab.open(f"/calls/{cid}", role="qa_lead")
    item = page.locator("#review-resolution")
    item.locator("select[name=outcome]").select_option("specific")
    saved(page, lambda: item.locator("button[type=submit]").click())
    resolve = page.locator(".resolve-form").first
    resolve.locator("input[name=comment]").fill("set to specific")
    saved(page, lambda: resolve.locator("button[type=submit]").click())
    assert page.locator("#open-disputes").count() == 0
    assert "1 resolved" in page.locator("#disputes details summary").inner_text()
    actions = [
        e.action
        for e in site.store.audit.list(target_id=cid)
        if e.action != "recording.download"  # the page's player fetched the audio
    ]
    assert actions == ["review.add", "dispute.resolve", "review.add", "dispute.open"]
    tab.assert_clean()
