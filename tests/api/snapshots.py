"""Every JSON (and CSV) response of the API for one seeded store, recorded byte for byte.

:func:`record` seeds a store through the store and the API with a fixed clock, fixed ids and
fixed keys, then sends a fixed list of requests and returns what came back (status, the headers
clients read, the body as text, or the sha256 of a binary body). ``test_snapshots.py`` compares
that with ``snapshots/responses.json``, which was written by the code before the API moved into
``api/routes`` with response models: the JSON bodies must not change by a byte.
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from qa.quality import CallQuality
from qa.store import Store
from qa.types import Call, CallScore, Finding, RubricResult, Span, Utterance, Word
from tests.conftest import tone, write_wav

HEADERS = ("content-type", "location", "www-authenticate", "content-disposition", "content-range")
CLOCK_START = datetime(2026, 6, 1, 8, 0, 0, 123456, tzinfo=UTC)


def make_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's clock ticks 1.5 s per reading from :data:`CLOCK_START`; job ids and API keys
    are counters."""
    import qa.store.engine as engine

    ticks = itertools.count()

    class Clock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
            return CLOCK_START + timedelta(seconds=1.5 * next(ticks))

    ids = itertools.count(1)
    keys = itertools.count(1)
    monkeypatch.setattr(engine, "datetime", Clock)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(ids)))
    monkeypatch.setattr(secrets, "token_urlsafe", lambda n=32: f"key-{next(keys):04d}-" + "x" * 30)


def _utterance(
    uid: str, role: str, start: float, end: float, text: str, lang: str = "en"
) -> Utterance:
    tokens = text.split()
    step = (end - start) / len(tokens)
    words = tuple(
        Word(Span(start + i * step, start + (i + 0.9) * step), t, 0.91)
        for i, t in enumerate(tokens)
    )
    return Utterance(uid, role, Span(start, end), text, words, lang, 0 if role == "agent" else 1)  # type: ignore[arg-type]


def _call(call_id: str, agent: str, lang: str = "en") -> Call:
    texts = {
        "en": (
            "My coat is the wrong one, I'm upset.",
            "That's not true. I'll send a replacement today.",
        ),
        "zh": ("我的 外套 不对", "那 不是 我们的 问题"),
    }[lang]
    return Call(
        id=call_id,
        agent_id=agent,
        duration=6.0,
        source="stereo",
        utterances=(
            _utterance("u000", "customer", 0.25, 2.5, texts[0], lang),
            _utterance("u001", "agent", 2.75, 5.9, texts[1], lang),
        ),
        meta={"language": lang, "asr": {"backend": "faster-whisper", "model": "base"}},
    )


def _score(
    total: float | None, flagged: bool = False, **outcomes: tuple[str, float | None, str]
) -> CallScore:
    items = {
        "interruption": ("pass", 100.0, ""),
        "arguing": ("pass", 100.0, ""),
        "last_word": ("pass", 100.0, ""),
        "empathy_before_apology": ("pass", 100.0, ""),
        "resolution": ("specific", 100.0, ""),
        **outcomes,
    }
    results = []
    for name, (outcome, sub, status) in items.items():
        found = ()
        if status:
            found = (
                Finding(
                    name,
                    outcome,
                    Span(2.75, 4.125),
                    ("u001",),
                    f"agent: {outcome} – “quoted”",
                    0.8734567891,
                    1.0,
                    status,
                ),
            )
        results.append(
            RubricResult(
                name,
                "1.0",
                outcome,
                sub,
                found,
                confidence=0.6666666667,
                metrics={"remarks": 1, "ratio": 1 / 3},
            )
        )
    quality = CallQuality(
        needs_review=flagged,
        reasons=("the language is uncertain: en 0.48 vs ms 0.39",) if flagged else (),
        metrics={"language_margin": 0.09},
    )
    capped = ("arguing",) if outcomes.get("arguing", ("pass",))[0] != "pass" else ()
    return CallScore(
        "ignored", total, tuple(results), "2026.11-1+test", capped_by=capped, quality=quality
    )


def seed(store: Store, tmp: Path) -> dict[str, str]:
    """Calls for ann (scored, one flagged), bob (scored), cy (stored, not scored) and a job each
    for some of them; one revoked key."""
    ids: dict[str, str] = {}
    plan = (
        ("ann1", "ann", datetime(2026, 3, 2, 9, 30, tzinfo=UTC), "en", _score(29.2, arguing=("arguing", 0.0, "confirmed"), resolution=("vague", 50.0, "review"))),
        ("ann2", "ann", datetime(2026, 3, 10, 11, tzinfo=UTC), "zh", _score(85.33333333, True, empathy_before_apology=("apology_first", 60.0, "confirmed"))),
        ("ann3", "ann", datetime(2026, 3, 17, 11, tzinfo=UTC), "en", _score(60.0, interruption=("uncertain", None, ""), resolution=("none", 0.0, "confirmed"))),
        ("bob1", "bob", datetime(2026, 3, 3, 11, tzinfo=UTC), "en", _score(90.0)),
        ("cy1", "cy", datetime(2026, 3, 4, 12, tzinfo=UTC), "en", None),
    )  # fmt: skip
    for n, (name, agent, when, lang, score) in enumerate(plan):
        wav = write_wav(
            tmp / f"{name}.wav",
            np.stack([tone(1.0, 300 + 40 * n, 0.2), tone(1.0, 450 + 40 * n, 0.2)]),
        )
        sha, _ = store.files.put(wav, filename=f"{name}.wav", content_type="audio/wav")
        ids[name] = cid = store.calls.add(
            sha,
            agent_id=agent,
            call_time=when,
            queue="complaints",
            duration=1.0,
            meta={"note": "ünïcode"},
        )
        if score is not None:
            store.calls.save_transcript(_call(cid, agent, lang))
            store.calls.save_score(cid, score, labeller_version="labeller-test")
    store.calls.save_score(ids["bob1"], _score(95.0), labeller_version="labeller-test-2")  # history
    ids["job_done"] = store.jobs.create(
        kind="score", call_id=ids["ann1"], payload={"layout": "auto"}
    )
    store.jobs.update(ids["job_done"], status="running", progress=0.5)
    store.jobs.update(
        ids["job_done"],
        status="done",
        payload={"layout": "auto", "result": "scored", "score": 29.2},
    )
    ids["job_failed"] = store.jobs.create(
        kind="score", call_id=ids["cy1"], payload={"layout": "stereo"}
    )
    store.jobs.update(
        ids["job_failed"], status="failed", error="stereo recording with a silent channel 1"
    )
    ids["job_queued"] = store.jobs.create(
        kind="score", call_id=ids["cy1"], payload={"layout": "auto", "agent_channel": 0}
    )
    return ids


def record(client: TestClient, store: Store, tmp: Path) -> list[dict[str, Any]]:
    """Seed, then every request of the fixed list with what came back."""
    ids = seed(store, tmp)
    keys = {
        role: store.keys.create(role, label=f"{role} key")
        for role in ("supervisor", "qa_lead", "admin")
    }
    gone = store.keys.create("supervisor", label="gone")
    store.keys.revoke(gone)
    sup, lead, admin = ({"X-API-Key": keys[r]} for r in ("supervisor", "qa_lead", "admin"))
    out: list[dict[str, Any]] = []

    def send(method: str, path: str, headers: dict[str, str] | None = None, **kw: Any) -> Any:
        r = client.request(method, path, headers=headers, **kw)
        entry: dict[str, Any] = {"request": f"{method} {path}", "status": r.status_code}
        entry["headers"] = {h: r.headers[h] for h in HEADERS if h in r.headers}
        ctype = r.headers.get("content-type", "")
        if ctype.startswith(("application/json", "text/")):
            entry["body"] = r.text
        else:
            entry["body_sha256"] = hashlib.sha256(r.content).hexdigest()
            entry["body_length"] = len(r.content)
        out.append(entry)
        return r

    # Who may do what.
    send("GET", "/v1/agents")
    send("GET", "/v1/agents", {"X-API-Key": "qa_not-a-key"})
    send("GET", "/v1/agents", {"X-API-Key": gone})
    send("GET", "/v1/agents", {"Authorization": f"Bearer {keys['supervisor']}"})
    send("GET", "/v1/keys", sup)
    send("POST", "/v1/keys", lead, json={"role": "supervisor"})
    # Health, agents, scorecards.
    send("GET", "/healthz")
    for query in (
        "",
        "?sort=score&order=desc",
        "?sort=last_call",
        "?sort=calls&order=desc",
        "?sort=height",
    ):
        send("GET", f"/v1/agents{query}", sup)
    for agent in ("ann", "cy", "nobody"):
        send("GET", f"/v1/agents/{agent}", sup)
    for query in (
        "", "?team_rates=true", "?exclude_flagged=true&team_rates=true", "?from=2026-03-05", "?from=2026-03-01&to=2026-03-09",
        "?worst=0", "?worst=51", "?from=2027-01-01", "?from=yesterday", "?from=2026-03-05&to=2026-03-01",
        "?format=csv", "?format=csv&part=trend", "?format=csv&part=worst", "?format=csv&exclude_flagged=true",
        "?format=xml",
    ):  # fmt: skip
        send("GET", f"/v1/agents/ann/scorecard{query}", sup)
    send("GET", "/v1/agents/cy/scorecard", sup)
    send("GET", "/v1/agents/cy/scorecard?format=csv", sup)
    send("GET", "/v1/agents/nobody/scorecard", sup)
    # Calls.
    for query in (
        "", "?agent=ann", "?limit=2", "?limit=2&offset=2", "?agent=ann&from=2026-03-05&to=2026-03-31", "?min_score=50&max_score=90",
        "?outcome=pass", "?outcome=resolution:none", "?outcome=arguing:arguing", "?outcome=nope:x", "?needs_review=true",
        "?needs_review=false", "?findings=review", "?findings=maybe", "?from=2026-13-01", "?to=last%20tuesday", "?limit=0",
        "?min_score=101", "?limit=5000&offset=-1&min_score=x",
    ):  # fmt: skip
        send("GET", f"/v1/calls{query}", sup)
    for name in ("ann1", "ann2", "bob1", "cy1"):
        send("GET", f"/v1/calls/{ids[name]}", sup)
        send("GET", f"/v1/calls/{ids[name]}/audio", sup)
    send("GET", f"/v1/calls/{ids['ann1']}/audio", {**sup, "Range": "bytes=100-199"})
    send("GET", f"/v1/calls/{ids['ann1']}/audio", {**sup, "Range": "bytes=999999-"})
    send("GET", "/v1/calls/nope", sup)
    send("GET", "/v1/calls/nope/audio", sup)
    # Jobs.
    send("GET", "/v1/jobs", sup)
    for query in ("?status=failed", "?status=queued&limit=1", "?status=sleeping", "?limit=0"):
        send("GET", f"/v1/jobs{query}", sup)
    for name in ("job_done", "job_failed", "job_queued"):
        send("GET", f"/v1/jobs/{ids[name]}", sup)
    send("GET", "/v1/jobs/nope", sup)
    # Uploads.
    wav = write_wav(tmp / "upload.wav", np.stack([tone(1.5, 410.0), tone(1.5, 615.0)]))
    data = {
        "agent_id": "dee",
        "call_time": "2026-03-20T14:30:00Z",
        "queue": "refunds",
        "customer_ref": "C-1",
        "language": "en",
    }
    send(
        "POST",
        "/v1/calls",
        sup,
        files={"audio": ("upload.wav", wav.read_bytes(), "audio/wav")},
        data=data,
    )
    first = send(
        "POST",
        "/v1/calls",
        lead,
        files={"audio": ("upload.wav", wav.read_bytes(), "audio/wav")},
        data=data,
    )
    send(
        "POST",
        "/v1/calls",
        lead,
        files={"audio": ("again.wav", wav.read_bytes())},
        data={"agent_id": "eve"},
    )
    send("GET", first.json()["job_url"], sup)
    send("GET", first.json()["call_url"], sup)
    send(
        "POST",
        "/v1/calls",
        lead,
        files={"audio": ("notes.wav", b"this is not a recording\n" * 20)},
        data={"agent_id": "dee"},
    )
    send("POST", "/v1/calls", lead, files={"audio": ("empty.wav", b"")}, data={"agent_id": "dee"})
    send(
        "POST",
        "/v1/calls",
        lead,
        files={"audio": ("big.wav", b"\0" * 400_000)},
        data={"agent_id": "dee"},
    )
    whole = wav.read_bytes()
    send(
        "POST",
        "/v1/calls",
        lead,
        files={"audio": ("cut.wav", whole[: len(whole) // 2])},
        data={"agent_id": "dee"},
    )
    mono = write_wav(tmp / "mono.wav", tone(1.0, 300.0))
    for extra in (
        {"layout": "stereo"}, {"agent_id": ""}, {"agent_id": "   "}, {"agent_channel": "2"}, {"layout": "surround"},
        {"language": "english please"}, {"language": "fr"}, {"call_time": "yesterday-ish"},
    ):  # fmt: skip
        send(
            "POST",
            "/v1/calls",
            lead,
            files={"audio": ("mono.wav", mono.read_bytes())},
            data={"agent_id": "dee", **extra},
        )
    send("POST", "/v1/calls", lead, data={"agent_id": "dee"})
    send("POST", "/v1/calls", lead, files={"audio": ("mono.wav", mono.read_bytes())})
    # Keys.
    new = send("POST", "/v1/keys", admin, json={"role": "supervisor", "label": "night shift"})
    send("POST", "/v1/keys", admin, json={"role": "owner"})
    send("POST", "/v1/keys", admin, json={"role": "admin", "label": "x" * 300})
    send("POST", "/v1/keys", {**admin, "content-type": "application/json"}, content=b"not json")
    send("GET", "/v1/keys", admin)
    send("DELETE", f"/v1/keys/{new.json()['id']}", admin)
    send("DELETE", "/v1/keys/999999", admin)
    send("DELETE", "/v1/keys/0", admin)
    send("GET", "/v1/keys", admin)
    # The rest.
    send("GET", "/v1/nothing-here", sup)
    send("PUT", "/v1/calls", lead)
    send("GET", "/healthz")
    return out
