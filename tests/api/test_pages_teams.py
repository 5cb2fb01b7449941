"""The pages for a supervisor bound to a team, on a site in Asia/Kuala_Lumpur: only the team's
agents and calls (another team's call, audio and scorecard are 404), times in the site's zone
or the one chosen on /timezone, in a real browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from api.app import create_app
from api.deps import COOKIE
from api.settings import Settings
from qa.store import Store
from tests.api.test_pages import (
    CHROMIUM_ARGS,
    Site,
    add_call,
    chromium_path,
    short_call,
    simple_score,
)

KL = "Asia/Kuala_Lumpur"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    import uvicorn

    tmp = tmp_path_factory.mktemp("pages-teams")
    store = Store.open(f"sqlite:///{tmp / 'qa.db'}", data_dir=tmp / "data", timezone=KL)
    app = create_app(Settings(warm_models=False, job_workers=0, timezone=KL), store=store)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    for team in ("north", "south"):
        store.teams.create(team)
    calls = {}
    for name, agent, when, freq in (
        ("ann", "ann", "2026-03-02T08:05:00+08:00", 310),
        ("bob", "bob", "2026-03-03T09:00:00+08:00", 330),
    ):
        calls[name] = cid = add_call(
            store, tmp, name, agent, datetime.fromisoformat(when), 2.0, freq
        )
        store.calls.save_transcript(short_call(cid, agent))
        store.calls.save_score(cid, simple_score(75.0), labeller_version="t")
    store.teams.assign("ann", "north")
    store.teams.assign("bob", "south")
    keys = {
        "north": store.keys.create("supervisor", teams=["north"]),
        "admin": store.keys.create("admin"),
    }
    site = Site(f"http://127.0.0.1:{sock.getsockname()[1]}", store, keys, tmp, calls)
    yield site
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    store.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = chromium_path()
    if path is None:
        pytest.skip(
            "chromium is not installed: scripts/setup.sh installs Debian's chromium (as root)"
        )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context()
    context.add_cookies([{"name": COOKIE, "value": site.keys["north"], "url": site.url}])
    p = context.new_page()
    p.set_default_timeout(10_000)
    yield p
    context.close()


def test_a_team_supervisor_sees_only_its_team_in_local_time(page, site):
    ann, bob = site.calls["ann"], site.calls["bob"]
    page.goto(site.url + "/agents")
    agents = page.locator("#agents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.agent)")
    assert agents == ["ann"]

    page.goto(site.url + "/calls")
    rows = page.locator("#calls tbody tr").evaluate_all("rows => rows.map(r => r.dataset.call)")
    assert rows == [ann]
    assert page.locator(f"tr[data-call='{ann}'] time").inner_text() == "2026-03-02 08:05 +08:00"
    assert "Asia/Kuala_Lumpur" in page.locator("footer").inner_text()
    # The site's local day: 2026-03-02 in Kuala Lumpur holds the call (UTC 03-02 00:05).
    page.goto(site.url + "/calls?from=2026-03-02&to=2026-03-02")
    assert page.locator("#calls tbody tr").count() == 1

    page.goto(site.url + f"/calls/{ann}")
    assert page.locator("#call-time").inner_text() == "2026-03-02 08:05 +08:00"

    # Another team's call, its audio and its agent's scorecard are unknown here.
    for path in (f"/calls/{bob}", "/agents/bob"):
        r = page.goto(site.url + path)
        assert r.status == 404, path
    audio = page.request.get(site.url + f"/v1/calls/{bob}/audio")
    assert audio.status == 404
    assert page.request.get(site.url + f"/v1/calls/{ann}/audio").status == 200

    # The scorecard's CSV links carry the display zone: local times, team north only.
    page.goto(site.url + "/agents/ann")
    href = page.locator("a[download]", has_text="worst calls").get_attribute("href")
    csv = page.request.get(site.url + href).text()
    assert ann in csv and bob not in csv and "2026-03-02 08:05:00+08:00" in csv


def test_the_display_zone_is_chosen_per_browser(page, site):
    ann = site.calls["ann"]
    page.goto(site.url + f"/calls/{ann}")
    page.click("footer a[href^='/timezone']")
    page.wait_for_url("**/timezone**")
    page.select_option("#tz", "UTC")
    page.click("form[action='/timezone'] button[type=submit]")
    page.wait_for_url(f"**/calls/{ann}")
    assert page.locator("#call-time").inner_text().startswith("2026-03-02 00:05 UTC")
    # The call's own offset, as given at upload, is still shown beside it.
    assert (
        page.locator("#call-own-time").inner_text()
        == "(2026-03-02 08:05 +08:00 where the call was)"
    )
    assert page.locator("#tz-name").inner_text() == "UTC"
    # Dates in filters are the display zone's days now: 2026-03-01 (UTC) holds nothing.
    page.goto(site.url + "/calls?from=2026-03-02&to=2026-03-02")
    assert page.locator("#calls tbody tr").count() == 1
    page.goto(site.url + "/calls?from=2026-03-01&to=2026-03-01")
    assert page.locator("#calls tbody tr").count() == 0
