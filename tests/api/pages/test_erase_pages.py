"""Editing and deleting a call from its page, and the audit log page, in a real browser
(Debian's chromium via Playwright) against a real server (the fixtures of test_pages)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from qa.store import NotFound
from tests.api.test_pages import browser, site, tab  # noqa: F401  (fixtures)


def test_a_qa_lead_corrects_a_calls_details_and_the_history_shows_it(tab, site):  # noqa: F811
    page = tab.page
    cid = site.calls["bob2"]
    # Supervisors see no form; QA leads no delete button.
    tab.open(f"/calls/{cid}", role="supervisor")
    assert page.locator("#edit-details").count() == 0 and page.locator("#delete-call").count() == 0
    tab.open(f"/calls/{cid}", role="qa_lead")
    assert page.locator("#delete-call").count() == 0
    assert not page.locator("#e-agent").is_visible()  # folded away until asked for
    page.click("#edit-details summary")
    assert page.input_value("#e-agent") == "bob" and page.input_value("#e-time").startswith("2026-03-11T11:00")
    page.fill("#e-agent", "cy")
    page.fill("#e-queue", "billing")
    page.fill("#e-customer", "C-42")
    page.click("#edit-save")
    page.wait_for_url(f"**/calls/{cid}?edited=3#edits")
    assert "Details saved" in page.locator("#edited-note").inner_text()
    assert "cy" in page.locator(".call-facts").inner_text() and "queue billing" in page.locator(".call-facts").inner_text()
    history = page.locator("#edit-history tbody tr")
    assert history.count() == 3
    agent_row = page.locator("#edit-history tr[data-field=agent_id]")
    assert agent_row.locator("td").nth(3).inner_text() == "bob" and agent_row.locator("td").nth(4).inner_text() == "cy"
    assert "QA lead" in history.first.inner_text()
    # The store moved the call and kept the audit entry.
    assert site.store.calls.get(cid).agent_id == "cy"
    assert site.store.calls.get_agent("cy").n_calls == 1 and site.store.calls.get_agent("bob").n_calls == 1
    assert site.store.audit.list(action="call.edit", target_id=cid)[0].role == "qa_lead"
    # Saving again unchanged changes nothing.
    page.click("#edit-details summary")
    page.click("#edit-save")
    page.wait_for_url(f"**/calls/{cid}?edited=0#edits")
    assert page.locator("#edit-history tbody tr").count() == 3
    tab.shot("call-edited")
    tab.assert_clean()


def test_an_admin_deletes_a_call_after_confirming_and_the_audit_log_shows_it(tab, site):  # noqa: F811
    page = tab.page
    cid = site.calls["ann3"]
    assert site.store.files.path(site.store.calls.get(cid).recording_sha256).is_file()
    tab.open(f"/calls/{cid}", role="admin")
    page.click("#delete-call")
    page.wait_for_url(f"**/calls/{cid}/delete")
    assert "Delete call" in page.locator("h1").inner_text()
    assert "ann" in page.locator(".confirm-delete").inner_text()
    # Cancel keeps it.
    page.click("#delete-cancel")
    page.wait_for_url(f"**/calls/{cid}")
    assert site.store.calls.get(cid).id == cid
    page.click("#delete-call")
    page.click("#delete-confirm")
    page.wait_for_url("**/calls?deleted=*")
    assert parse_qs(urlparse(page.url).query)["deleted"] == [cid]
    assert cid in page.locator("#deleted-note").inner_text()
    assert page.locator(f"#calls a[href='/calls/{cid}']").count() == 0
    with pytest.raises(NotFound):
        site.store.calls.get(cid)
    assert tab.open(f"/calls/{cid}").status == 404

    # The audit log (admins, linked from the nav) lists the deletion, filterable.
    tab.open("/agents")
    page.click("nav a:has-text('Audit log')")
    page.wait_for_url("**/audit")
    row = page.locator("#audit tr[data-action='call.delete']").first
    assert cid in row.inner_text() and "admin" in row.inner_text()
    page.fill("#a-action", "call.delete")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/audit?action=call.delete*")
    actions = page.locator("#audit tbody tr").evaluate_all("rows => rows.map(r => r.dataset.action)")
    assert actions and set(actions) == {"call.delete"}
    tab.shot("audit-log")
    tab.assert_clean(404)

    # Other roles: no link, and the page is refused.
    tab.open("/agents", role="qa_lead")
    assert page.locator("nav a", has_text="Audit log").count() == 0
    assert tab.open("/audit").status == 403
    assert tab.open(f"/calls/{site.calls['bob1']}/delete").status == 403
