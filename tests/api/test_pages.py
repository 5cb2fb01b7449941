"""The web pages in a real browser (Debian's chromium driven by Playwright) against a real server.

A uvicorn server runs in a background thread on a loopback port with a SQLite store in a temporary
directory. Calls are put into the store directly (a real short WAV, a transcript, a score with
findings), so nothing here transcribes audio; the test plays the job worker where a job has to
move. Set ``QA_PAGES_SCREENSHOTS=DIR`` to keep a screenshot of every page the tests look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import COOKIE
from api.settings import Settings
from api.worker import JOB_KIND
from qa.store import Store
from qa.types import Call, CallScore, Finding, RubricResult, Span, Utterance, Word
from tests.conftest import tone, write_wav

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SR = 16_000


def chromium_path() -> str | None:
    """Debian's chromium (scripts/setup.sh installs it), or ``$QA_CHROMIUM``."""
    for candidate in (
        os.environ.get("QA_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


# --- the calls in the store ----------------------------------------------------------------------

# The call the browser plays: (id, role, start, end, text).
MAIN_UTTERANCES = (
    ("u000", "customer", 0.5, 6.0, "Hi, the coat you sent me is the wrong one, it has no epaulets at all."),
    ("u001", "agent", 5.6, 8.0, "OK, OK, hold on. Let me pull up your order."),
    ("u002", "customer", 8.5, 11.0, "I ordered the long trench coat."),
    ("u003", "agent", 11.5, 14.5, "That's not true. You must have ordered the wrong one."),
    ("u004", "customer", 15.0, 17.0, "I am really upset about this."),
    ("u005", "agent", 17.5, 21.0, "I'll send a replacement today. Next time read the instructions."),
    ("u006", "customer", 21.2, 23.5, "Fine. Goodbye."),
)
MAIN_SECONDS = 24.0
ARGUING_START = 11.5


def utterance(uid: str, role: str, start: float, end: float, text: str, language: str = "en") -> Utterance:
    tokens = text.split()
    step = (end - start) / len(tokens)
    words = tuple(
        Word(Span(start + i * step, start + (i + 0.9) * step), tok, 0.9) for i, tok in enumerate(tokens)
    )
    return Utterance(uid, role, Span(start, end), text, words, language, 0 if role == "agent" else 1)  # type: ignore[arg-type]


def main_call(call_id: str, agent: str) -> Call:
    return Call(
        id=call_id,
        agent_id=agent,
        duration=MAIN_SECONDS,
        source="stereo",
        utterances=tuple(utterance(*u) for u in MAIN_UTTERANCES),
        meta={"language": "en", "asr": {"backend": "faster-whisper", "model": "base"}},
    )


def finding(rubric: str, kind: str, start: float, end: float, uids: tuple[str, ...], evidence: str, conf: float) -> Finding:
    return Finding(rubric, kind, Span(start, end), uids, evidence, conf)


def main_score() -> CallScore:
    return CallScore(
        call_id="ignored",
        score=29.2,
        rubric_version="2026.11-1+test",
        capped_by=("arguing",),
        results=(
            RubricResult("interruption", "1.0", "interrupted", 50.0, (
                finding("interruption", "interruption_narration", 5.6, 6.0, ("u000", "u001"),
                        'agent started at 5.60s while the customer was speaking. Agent: "OK, OK, hold on"', 0.98),
            ), metrics={"interruptions": 1, "per_10_min": 25.0, "narration": [0.5, 6.0]}),
            RubricResult("arguing", "1.0", "arguing", 0.0, (
                finding("arguing", "arguing", ARGUING_START, 14.5, ("u003",),
                        "agent: That's not true. You must have ordered the wrong one.", 0.87),
            ), metrics={"remarks": 1}),
            RubricResult("last_word", "1.0", "last_word", 30.0, (
                finding("last_word", "last_word_after_resolution", 19.3, 21.0, ("u005",),
                        "agent: Next time read the instructions. (after a resolution was offered)", 0.61),
            )),
            RubricResult("empathy_before_apology", "1.0", "neither", 20.0, (), confidence=0.6),
            RubricResult("resolution", "1.0", "specific", 100.0, (
                finding("resolution", "specific_offer", 17.5, 19.2, ("u005",),
                        "agent: I'll send a replacement today.", 0.93),
            )),
        ),
    )  # fmt: skip


def simple_score(total: float | None, **outcomes: tuple[str, float | None]) -> CallScore:
    """A score whose items have these (outcome, sub-score); unnamed items pass with 100."""
    items = {
        "interruption": ("pass", 100.0),
        "arguing": ("pass", 100.0),
        "last_word": ("pass", 100.0),
        "empathy_before_apology": ("pass", 100.0),
        "resolution": ("specific", 100.0),
        **outcomes,
    }
    results = []
    for name, (outcome, sub) in items.items():
        bad = sub is not None and outcome not in ("pass", "specific")
        found = (finding(name, outcome, 3.0, 4.0, ("u001",), f"agent: {outcome} remark", 0.8),) if bad else ()
        results.append(RubricResult(name, "1.0", outcome, sub, found))
    return CallScore(call_id="ignored", score=total, results=tuple(results), rubric_version="2026.11-1+test")


def short_call(call_id: str, agent: str) -> Call:
    return Call(
        id=call_id,
        agent_id=agent,
        duration=2.0,
        source="stereo",
        utterances=(utterance("u000", "customer", 0.1, 0.9, "My order is late."),
                    utterance("u001", "agent", 1.0, 1.9, "Sorry, let me check.")),
    )  # fmt: skip


def add_call(store: Store, tmp: Path, name: str, agent: str, when: datetime, seconds: float, freq: float) -> str:
    """A real stereo WAV (a different tone per call, so different bytes) stored as a call."""
    left, right = tone(seconds, freq, 0.2), tone(seconds, freq * 1.5, 0.2)
    wav = write_wav(tmp / f"{name}.wav", np.stack([left, right]))
    sha, _ = store.files.put(wav, filename=f"{name}.wav")
    return store.calls.add(sha, agent_id=agent, call_time=when, queue="complaints", duration=seconds)


@dataclass
class Site:
    url: str
    store: Store
    keys: dict[str, str]
    tmp: Path
    calls: dict[str, str] = field(default_factory=dict)


def _seed(store: Store, tmp: Path) -> dict[str, str]:
    calls: dict[str, str] = {}
    # ann: three scored calls in three ISO weeks (2026-03-02 is the Monday of week 10).
    calls["main"] = cid = add_call(store, tmp, "main", "ann", datetime(2026, 3, 2, 9, 30, tzinfo=UTC), MAIN_SECONDS, 220)
    store.calls.save_transcript(main_call(cid, "ann"))
    store.calls.save_score(cid, main_score(), labeller_version="labeller-test")
    for name, day, total, outcomes in (
        ("ann2", 10, 85.0, {"resolution": ("vague", 50.0)}),
        ("ann3", 17, 60.0, {"interruption": ("uncertain", None), "empathy_before_apology": ("apology_first", 60.0),
                            "resolution": ("none", 0.0)}),
        ("bob1", 3, 90.0, {}),
        ("bob2", 11, 95.0, {}),
    ):  # fmt: skip
        agent = name[:3]
        calls[name] = cid = add_call(store, tmp, name, agent, datetime(2026, 3, day, 11, tzinfo=UTC), 2.0, 300 + day * 7)
        store.calls.save_transcript(short_call(cid, agent))
        store.calls.save_score(cid, simple_score(total, **outcomes), labeller_version="labeller-test")
    return calls


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    """A running server (no job workers, no models) over a seeded SQLite store."""
    import uvicorn

    tmp = tmp_path_factory.mktemp("pages")
    store = Store.open(f"sqlite:///{tmp / 'qa.db'}", data_dir=tmp / "data")
    app = create_app(Settings(warm_models=False, job_workers=0), store=store)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    keys = {role: store.keys.create(role, label="test") for role in ("supervisor", "qa_lead", "admin")}
    site = Site(f"http://127.0.0.1:{port}", store, keys, tmp)
    site.calls = _seed(store, tmp)
    yield site
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    store.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    path = chromium_path()
    if path is None:
        pytest.skip("chromium is not installed: scripts/setup.sh installs Debian's chromium (as root)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Tab:
    """A browser page with the JavaScript errors and failed requests it has seen."""

    page: object
    site: Site
    errors: list[str]

    def open(self, path: str, role: str | None = None):
        if role is not None:
            self.page.context.add_cookies([{"name": COOKIE, "value": self.site.keys[role], "url": self.site.url}])
        return self.page.goto(self.site.url + path)

    def assert_clean(self, *expected_statuses: int) -> None:
        """No script errors, and no failed request other than the error statuses expected."""
        allowed = tuple(f"status of {code} " for code in expected_statuses)
        assert [e for e in self.errors if not (allowed and any(a in e for a in allowed))] == []

    def shot(self, name: str) -> None:
        where = os.environ.get("QA_PAGES_SCREENSHOTS")
        if where:
            Path(where).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(where) / f"{name}.png"), full_page=True)


@pytest.fixture
def tab(browser, site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.set_default_timeout(10_000)
    yield Tab(page, site, errors)
    context.close()


def player_time(page) -> float:
    return page.evaluate("document.getElementById('player').currentTime")


def wait_js(page, expression: str, timeout: float = 8.0) -> None:
    """Wait until a JavaScript expression is true. (Playwright's wait_for_function evaluates
    strings inside the page, which the pages' Content-Security-Policy rightly forbids.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g}s: {expression}")
        time.sleep(0.05)


# --- sign-in -------------------------------------------------------------------------------------


def test_sign_in_rejects_a_bad_key_and_a_good_one_opens_the_page_asked_for(tab, site):
    page = tab.page
    # Not signed in: the page asked for sends to the sign-in page, which remembers it.
    tab.open("/calls")
    assert urlparse(page.url).path == "/signin"
    assert parse_qs(urlparse(page.url).query)["next"] == ["/calls"]

    page.fill("#key", "qa_this-is-not-a-key")
    page.click("button[type=submit]")
    error = page.locator("#signin-error")
    assert error.is_visible()
    assert "not valid" in error.inner_text()
    assert page.get_attribute("#key", "aria-invalid") == "true"
    assert urlparse(page.url).path == "/signin"
    assert not any(c["name"] == COOKIE for c in page.context.cookies())
    tab.shot("signin-error")

    page.fill("#key", site.keys["supervisor"])
    page.click("button[type=submit]")
    page.wait_for_url("**/calls")
    assert page.locator("h1").inner_text() == "Calls"
    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["value"] == site.keys["supervisor"]
    assert page.evaluate("document.cookie") == ""  # scripts can't read the key
    assert page.locator(".role-badge").inner_text() == "supervisor"

    # Sign out: the cookie goes, pages send to the sign-in page again.
    page.click("text=Sign out")
    page.wait_for_url("**/signin?signed_out=1")
    assert "signed out" in page.locator(".alert-info").inner_text()
    assert not any(c["name"] == COOKIE for c in page.context.cookies())
    tab.open("/agents")
    assert urlparse(page.url).path == "/signin"
    tab.assert_clean(401)  # the refused key


# --- agents --------------------------------------------------------------------------------------


def agent_order(page, among=("ann", "bob")) -> list[str]:
    rows = page.locator("#agents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.agent)")
    return [a for a in rows if a in among]


def test_agents_list_sorts_when_a_column_heading_is_clicked(tab, site):
    page = tab.page
    tab.open("/agents", role="supervisor")
    assert agent_order(page) == ["ann", "bob"]  # by id at first
    ann = page.locator("#agents tr[data-agent=ann]")
    assert ann.locator("td").nth(0).inner_text() == "3"  # calls
    assert "58" in ann.locator("td").nth(2).inner_text()  # mean of 29.2, 85, 60
    tab.shot("agents")

    page.click("#agents th >> text=Mean score")
    page.wait_for_url("**/agents?sort=score&order=desc")
    assert agent_order(page) == ["bob", "ann"]
    assert page.get_attribute("#agents th[aria-sort]", "aria-sort") == "descending"
    page.click("#agents th >> text=Mean score")
    page.wait_for_url("**/agents?sort=score&order=asc")
    assert agent_order(page) == ["ann", "bob"]
    # An agent with no scored calls comes last either way.
    store = site.store
    if "nobody-scored" not in [a.id for a in store.calls.agents()]:
        add_call(store, site.tmp, "unscored", "nobody-scored", datetime(2026, 3, 4, tzinfo=UTC), 1.0, 555)
    page.reload()
    assert agent_order(page, ("ann", "bob", "nobody-scored"))[-1] == "nobody-scored"

    # Per-item pass rates: ann passed empathy-before-apology on 1 of 3 calls, bob on both.
    page.click("#agents th >> text=Empathy")
    page.wait_for_url("**sort=rate%3Aempathy_before_apology&order=desc")
    assert agent_order(page) == ["bob", "ann"]
    rates = page.locator("#agents tr[data-agent=ann] td.rate-col").all_inner_texts()
    assert rates == ["50%", "67%", "67%", "33%", "33%"]
    page.click("#agents th >> text=Calls")
    page.wait_for_url("**sort=calls&order=desc")
    assert agent_order(page) == ["ann", "bob"]  # 3 calls before 2
    tab.assert_clean()


# --- scorecard -----------------------------------------------------------------------------------


def test_scorecard_shows_the_trend_per_item_rates_and_worst_calls(tab, site):
    page = tab.page
    tab.open("/agents", role="supervisor")
    page.click("#agents >> text=ann")
    page.wait_for_url("**/agents/ann")
    assert page.locator("h1").inner_text() == "ann"
    assert page.locator("#n-calls").inner_text() == "3"
    assert page.locator("#n-scored").inner_text() == "3"

    # The weekly trend: one point per ISO week, in order, higher scores drawn higher.
    points = page.locator("svg.chart circle")
    assert points.count() == 3
    titles = [points.nth(i).locator("title").text_content() for i in range(3)]
    assert titles == ["2026-W10: 29.2 from 1 call", "2026-W11: 85.0 from 1 call", "2026-W12: 60.0 from 1 call"]
    assert page.locator("svg.chart text.chart-n").all_text_contents() == ["n=1"] * 3  # calls per point
    ys = [float(points.nth(i).get_attribute("cy")) for i in range(3)]
    assert ys[1] < ys[2] < ys[0]

    # Per-item pass rates and counts.
    def row(item):
        return page.locator(f"#items tr[data-item={item}]")

    assert row("arguing").locator(".pass-rate").inner_text().strip() == "67%"
    assert "2 / 3" in row("arguing").inner_text()
    assert row("interruption").locator(".pass-rate").inner_text().strip() == "50%"
    assert "not judged" in row("interruption").inner_text()  # the uncertain result
    assert row("resolution").locator(".pass-rate").inner_text().strip() == "33%"
    assert "vague 1" in row("resolution").inner_text()
    assert page.locator("#items tbody tr").count() == 5

    # Worst calls, lowest first, with their evidence.
    worst = page.locator("#worst-calls > li")
    assert worst.evaluate_all("els => els.map(e => e.dataset.call)") == [
        site.calls["main"], site.calls["ann3"], site.calls["ann2"]
    ]
    assert "That's not true" in worst.nth(0).inner_text()
    tab.shot("scorecard")

    # A worst call's evidence opens the call with the player cued at it.
    page.click(f"#worst-calls a[href='/calls/{site.calls['main']}#t={ARGUING_START}']")
    page.wait_for_url(f"**/calls/{site.calls['main']}#t={ARGUING_START}")
    wait_js(page, f"Math.abs(document.getElementById('player').currentTime - {ARGUING_START}) < 0.3")
    assert "active" in page.get_attribute("#f-arguing-0", "class")

    # A period with nothing in it says so.
    tab.open("/agents/ann?from=2027-01-01")
    assert "No calls in this period" in page.locator(".empty").inner_text()
    tab.assert_clean()


# --- the call page -------------------------------------------------------------------------------


def test_call_page_clicking_a_finding_moves_the_player_there_and_plays(tab, site):
    page = tab.page
    cid = site.calls["main"]
    tab.open(f"/calls/{cid}", role="supervisor")
    wait_js(page, "document.getElementById('player').readyState >= 1")
    assert player_time(page) == 0
    assert page.evaluate("document.getElementById('player').duration") == pytest.approx(MAIN_SECONDS, abs=0.05)

    # The five results with their outcomes, and the call's score with its cap.
    outcomes = page.locator(".result .outcome").evaluate_all("els => els.map(e => e.dataset.outcome)")
    assert outcomes == ["interrupted", "arguing", "last_word", "neither", "specific"]
    assert page.locator("#call-score .score").inner_text().startswith("29")
    assert "arguing" in page.locator("#call-score .capped").inner_text()
    assert "No findings" in page.locator("#r-empathy_before_apology").inner_text()

    # A finding shows its evidence, time and confidence.
    arguing = page.locator("#f-arguing-0")
    text = arguing.inner_text()
    assert "You must have ordered the wrong one" in text
    assert "0:11.5–0:14.5" in text and "87% confidence" in text

    # The transcript by role, the findings' words highlighted in their utterances.
    assert page.locator("#transcript .utt").count() == len(MAIN_UTTERANCES)
    assert page.locator("#u003 .utt-role").inner_text().lower() == "agent"
    assert page.locator("#u002 .utt-role").inner_text().lower() == "customer"
    assert page.locator("#u003 mark.hl-arguing").inner_text() == "That's not true. You must have ordered the wrong one."
    assert page.locator("#u005 mark.hl-resolution").inner_text() == "I'll send a replacement today."
    assert page.locator("#u005 mark.hl-last_word").inner_text() == "Next time read the instructions."
    assert page.locator("#u004 mark").count() == 0
    assert page.locator("#u005 .utt-meta .chip").all_inner_texts() == ["Offered resolution", "Last word"]
    tab.shot("call")

    # Click the finding: the player jumps to its start and plays from there.
    arguing.click()
    assert player_time(page) == pytest.approx(ARGUING_START, abs=0.3)
    assert "active" in arguing.get_attribute("class")
    assert "utt-active" in page.get_attribute("#u003", "class")
    wait_js(
        page,
        f"(() => {{ const a = document.getElementById('player');"
        f" return !a.paused && a.currentTime > {ARGUING_START} + 0.2; }})()"
    )
    tab.shot("call-playing")

    # Another finding, then a highlighted word, then a transcript time: each seeks there.
    page.click("#f-last_word-0")
    assert player_time(page) == pytest.approx(19.3, abs=0.3)
    page.click("#u001 mark.hl-interruption")
    assert player_time(page) == pytest.approx(5.6, abs=0.3)
    page.click("#u006 .utt-time")
    assert player_time(page) == pytest.approx(21.2, abs=0.3)
    page.evaluate("document.getElementById('player').pause()")
    tab.assert_clean()


def test_a_call_being_scored_shows_its_job_progress_then_its_results(tab, site):
    page = tab.page
    store = site.store
    cid = add_call(store, site.tmp, "pending", "eve", datetime(2026, 3, 18, tzinfo=UTC), 2.0, 640)
    job = store.jobs.create(kind=JOB_KIND, call_id=cid, payload={"layout": "auto"})
    store.jobs.update(job, status="running", progress=0.4)

    tab.open(f"/calls/{cid}", role="supervisor")
    assert "Being scored" in page.locator("#job").inner_text()
    assert page.locator("#job-status").inner_text() == "Running: 40% done."
    assert page.evaluate("document.getElementById('job-progress').value") == pytest.approx(0.4)
    assert page.locator(".result").count() == 0
    tab.shot("call-pending")

    # The page follows the job …
    store.jobs.update(job, progress=0.7)
    wait_js(page, "document.getElementById('job-progress').value > 0.69")
    assert page.locator("#job-status").inner_text() == "Running: 70% done."
    # … and shows the results once the job is done.
    store.calls.save_transcript(short_call(cid, "eve"))
    store.calls.save_score(cid, simple_score(70.0, arguing=("arguing", 40.0)), labeller_version="labeller-test")
    store.jobs.update(job, status="done")
    page.wait_for_selector(".result")
    assert page.locator("#job").count() == 0
    assert page.locator("#call-score .score").inner_text().startswith("70")
    assert page.locator(".result").count() == 5

    # A failed job shows its error.
    cid2 = add_call(store, site.tmp, "broken", "eve", datetime(2026, 3, 19, tzinfo=UTC), 2.0, 660)
    job2 = store.jobs.create(kind=JOB_KIND, call_id=cid2)
    store.jobs.update(job2, status="failed", error="stereo recording with a silent channel 1")
    tab.open(f"/calls/{cid2}")
    assert "silent channel 1" in page.locator("#job-error").inner_text()
    tab.assert_clean()


# --- upload --------------------------------------------------------------------------------------


def test_a_supervisor_gets_no_upload_form(tab, site):
    page = tab.page
    tab.open("/agents", role="supervisor")
    assert page.locator("nav a", has_text="Upload").count() == 0
    response = tab.open("/upload")
    assert response.status == 403
    assert page.locator("#upload-form").count() == 0
    assert "can't upload" in page.locator(".error-message").inner_text()
    tab.shot("upload-supervisor")
    tab.assert_clean(403)


def test_the_upload_form_shows_the_api_error_for_a_file_that_is_not_audio(tab, site):
    page = tab.page
    calls_before = site.store.calls.list(limit=1000)[1]
    tab.open("/upload", role="qa_lead")
    assert page.locator("nav a", has_text="Upload").count() == 1
    page.set_input_files("#audio", files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a recording\n" * 50}])
    page.fill("#agent_id", "ann")
    with page.expect_response("**/v1/calls") as answer:
        page.click("#upload-button")
    assert answer.value.status == 415
    api_message = answer.value.json()["message"]
    error = page.locator("#upload-error")
    error.wait_for(state="visible")
    assert error.inner_text() == api_message
    assert api_message.startswith("notes.txt: ")  # the API names the file it refused
    assert page.locator("#upload-done").is_hidden() and page.locator("#job-row").is_hidden()
    assert page.is_enabled("#upload-button")  # free to try another file
    tab.shot("upload-415")
    assert site.store.calls.list(limit=1000)[1] == calls_before
    tab.assert_clean(415)  # the browser reports the refused upload; nothing else failed


def test_the_upload_form_sends_the_file_then_follows_the_job_to_the_call(tab, site):
    page = tab.page
    wav = write_wav(site.tmp / "upload.wav", np.stack([tone(1.5, 410.0), tone(1.5, 615.0)]))
    tab.open("/upload", role="qa_lead")
    page.set_input_files("#audio", str(wav))
    page.fill("#agent_id", "uploader-test")
    page.fill("#queue", "refunds")
    page.fill("#call_time", "2026-03-20T14:30:00")
    page.select_option("#layout", "stereo")
    page.select_option("#agent_channel", "1")
    with page.expect_response("**/v1/calls") as answer:
        page.click("#upload-button")
    assert answer.value.status == 202
    body = answer.value.json()
    wait_js(page, "document.getElementById('upload-progress').value === 1")
    assert page.locator("#upload-pct").inner_text() == "100%"
    page.wait_for_selector("#job-row:not([hidden])")
    wait_js(page, "document.getElementById('upload-message').textContent.startsWith('Queued')")

    # What the form sent arrived with the call and its job.
    call = site.store.calls.get(body["call_id"])
    assert (call.agent_id, call.queue, call.channel_layout) == ("uploader-test", "refunds", "stereo")
    assert call.call_time == datetime(2026, 3, 20, 14, 30, tzinfo=UTC)
    assert site.store.jobs.get(body["job_id"]).payload["agent_channel"] == 1

    # The test plays the worker: the page follows the job's progress to the end.
    site.store.jobs.update(body["job_id"], status="running", progress=0.5)
    wait_js(page, "document.getElementById('job-progress').value === 0.5")
    assert page.locator("#job-pct").inner_text() == "50%"
    tab.shot("upload-progress")
    site.store.jobs.update(body["job_id"], status="done")
    page.locator("#upload-done").wait_for(state="visible")
    link = page.locator("#call-link")
    assert link.get_attribute("href") == f"/calls/{body['call_id']}"
    tab.shot("upload-done")
    link.click()
    page.wait_for_url(f"**/calls/{body['call_id']}")
    assert page.locator("h1").inner_text() == f"Call {body['call_id'][:8]}"
    tab.assert_clean()


def test_every_page_renders_cleanly_for_each_role(tab, site):
    """Smoke: each page loads (no script errors) for the roles that may see it."""
    page = tab.page
    for role in ("supervisor", "qa_lead", "admin"):
        tab.open("/", role=role)
        assert urlparse(page.url).path == "/agents"
        for path in ("/agents", "/agents/bob", "/calls", "/calls?agent=ann&outcome=arguing%3Aarguing", f"/calls/{site.calls['bob1']}"):
            response = tab.open(path)
            assert response.status == 200, (role, path)
            assert page.locator("main h1").count() == 1
        assert page.locator("nav a", has_text="Upload").count() == (role != "supervisor")
    tab.open("/calls?agent=ann&outcome=arguing%3Aarguing")
    assert page.locator("#calls tbody tr").count() == 1  # only the main call has arguing
    tab.shot("calls-filtered")
    tab.assert_clean()


# --- without a browser: redirects, errors, empty states ---------------------------------------------


@pytest.fixture
def client(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'qa.db'}", data_dir=tmp_path / "data")
    app = create_app(Settings(warm_models=False, job_workers=0), store=store)
    with TestClient(app, follow_redirects=False) as c:
        yield c, store
    store.close()


def test_pages_redirect_to_sign_in_and_show_errors_as_readable_pages(client, tmp_path):
    c, store = client
    r = c.get("/agents?sort=score")
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=%2Fagents%3Fsort%3Dscore"
    assert c.get("/").headers["location"] == "/signin"

    key = store.keys.create("supervisor")
    r = c.post("/signin", data={"key": key, "next": "//evil.example/x"})
    assert r.status_code == 303 and r.headers["location"] == "/agents"  # no open redirect
    cookie = r.headers["set-cookie"]
    assert f"{COOKIE}={key}" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    c.cookies.set(COOKIE, key)

    # Empty states.
    r = c.get("/agents")
    assert r.status_code == 200 and "No calls scored yet" in r.text
    assert "Ask a QA lead" in r.text
    assert "No calls scored yet" in c.get("/calls").text
    # Pages are HTML with a strict policy: scripts and styles from this server only.
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"

    # Errors are pages with a message, not JSON.
    r = c.get("/calls/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no call nope" in r.text
    assert c.get("/agents/nobody").status_code == 404
    add_call(store, tmp_path, "one", "ann", datetime(2026, 3, 2, tzinfo=UTC), 1.0, 300)
    r = c.get("/agents/ann?from=yesterday")
    assert r.status_code == 422 and "is not a date" in r.text
    r = c.get("/agents/ann?from=2026-03-05&to=2026-03-01")
    assert r.status_code == 422 and "after" in r.text
    r = c.get("/agents/ann")
    assert r.status_code == 200 and "No calls scored yet" in r.text
    assert "not scored" in c.get("/calls").text  # no score, no job

    # A revoked key: back to the sign-in page, which says why, and the cookie is cleared.
    store.keys.revoke(key)
    r = c.get("/calls")
    assert r.status_code == 303 and "expired=1" in r.headers["location"]
    assert f'{COOKIE}=""' in r.headers["set-cookie"] or "Max-Age=0" in r.headers["set-cookie"]
    c.cookies.clear()
    assert "no longer valid" in c.get(r.headers["location"]).text

    # The pages stay out of the API's schema.
    paths = c.get("/openapi.json").json()["paths"]
    assert "/v1/calls" in paths and not any(p in paths for p in ("/agents", "/calls/{call_id}", "/signin"))

    # Static files ship with the app; nothing else is served from there.
    r = c.get("/static/app.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert c.get("/static/pages.py").status_code == 404
    assert c.get("/static/..%2Fpages.py").status_code == 404


# --- findings for review and the transcript quality flag ------------------------------------------


def test_review_findings_are_marked_and_a_flagged_call_shows_its_reasons(tab, site):
    from qa.quality import CallQuality

    page = tab.page
    cid = add_call(site.store, site.tmp, "dee1", "dee", datetime(2026, 3, 4, 9, tzinfo=UTC), MAIN_SECONDS, 410)
    site.store.calls.save_transcript(main_call(cid, "dee"))
    reason = "the customer's words cover 24% of the customer's detected speech (threshold 50%)"
    score = CallScore(
        call_id="ignored", score=90.0, rubric_version="2026.12-1+test",
        results=(
            RubricResult("arguing", "1.1", "arguing", 70.0, (
                finding("arguing", "arguing", ARGUING_START, 14.5, ("u003",), "agent: That's not true.", 0.97),
            )),
            RubricResult("last_word", "1.1", "pass", 100.0, (
                Finding("last_word", "last_word", Span(19.3, 21.0), ("u005",),
                        "agent: Next time read the instructions.", 0.62, 1.0, "review"),
            )),
        ),
        quality=CallQuality(needs_review=True, reasons=(reason,), metrics={"word_coverage_min": 0.24}),
    )  # fmt: skip
    site.store.calls.save_score(cid, score, labeller_version="labeller-test")
    other = add_call(site.store, site.tmp, "dee2", "dee", datetime(2026, 3, 5, 9, tzinfo=UTC), 2.0, 530)
    site.store.calls.save_transcript(short_call(other, "dee"))
    site.store.calls.save_score(other, simple_score(60.0, resolution=("none", 0.0)), labeller_version="labeller-test")

    # The call: a warning banner with the reasons; the review finding badged and drawn apart.
    tab.open(f"/calls/{cid}", role="supervisor")
    banner = page.locator("#quality-banner")
    assert banner.is_visible() and "Needs review" in banner.inner_text()
    assert page.locator("#quality-reasons li").all_inner_texts() == [reason]
    review = page.locator("#f-last_word-0")
    assert review.get_attribute("data-status") == "review" and "finding-review" in review.get_attribute("class")
    assert review.locator(".badge-review").inner_text().lower() == "for review"
    assert page.locator("#r-last_word .review-count").inner_text() == "1 for review"
    confirmed = page.locator("#f-arguing-0")
    assert confirmed.get_attribute("data-status") == "confirmed" and confirmed.locator(".badge-review").count() == 0
    assert "hl-review" in page.locator("#u005 mark.hl-last_word").get_attribute("class")
    assert "hl-review" not in page.locator("#u003 mark.hl-arguing").get_attribute("class")
    # the two kinds of highlight look different
    styles = page.evaluate(
        "[...document.querySelectorAll('#u003 mark, #u005 mark.hl-last_word')]"
        ".map(m => getComputedStyle(m).outlineStyle + ' ' + getComputedStyle(m).backgroundColor)"
    )
    assert styles[0] != styles[1] and styles[1].startswith("dashed")
    tab.shot("call-review")
    page.goto(f"{site.url}/calls/{other}")
    assert page.locator("#quality-banner").count() == 0

    # The calls list: filters for flagged transcripts and for findings to review; flagged rows marked.
    tab.open("/calls?agent=dee")
    assert page.locator(f"#calls tr[data-call='{cid}']").get_attribute("class") == "row-flagged"
    assert "needs review" in page.locator(f"#calls tr[data-call='{cid}']").inner_text()
    assert page.locator(f"#calls tr[data-call='{other}'] .chip-flag").count() == 0
    page.select_option("#f-needs-review", "true")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**needs_review=true**")
    assert page.locator("#calls tbody tr").evaluate_all("els => els.map(e => e.dataset.call)") == [cid]
    tab.open("/calls?agent=dee&findings=review")
    assert page.locator("#calls tbody tr").evaluate_all("els => els.map(e => e.dataset.call)") == [cid]
    assert page.locator("#f-findings").input_value() == "review"

    # The scorecard: the flagged count, per-item review counts, and the switch that leaves them out.
    tab.open("/agents/dee")
    assert page.locator("#n-flagged").inner_text() == "1" and page.locator("#mean-score").inner_text().startswith("75")
    assert page.locator("#items tr[data-item=last_word] .findings-review").inner_text() == "1"
    page.check("#exclude_flagged")
    page.click("form.period button[type=submit]")
    page.wait_for_url("**exclude_flagged=true**")
    assert page.locator("#n-scored").inner_text() == "1"
    assert page.locator("#mean-score").inner_text().startswith("60")
    assert page.locator("#exclude_flagged").is_checked()
    assert "exclude_flagged=true" in page.locator(".downloads a").first.get_attribute("href")
    tab.assert_clean()
