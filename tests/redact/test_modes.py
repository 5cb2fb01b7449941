"""Redaction modes end to end (issue 15, parts 2-4): ``off``, ``text`` and ``text+audio``.

A real sample recording is stored with a transcript that carries a card number (spoken and
written) and a phone number; it is scored by the real rubric and labeller and saved as a job
saves it (:func:`qa.jobs.redact_and_save`). Then nothing of the personal data may be found in
any table of the database, the API's answers, the call page, the CSV exports or the log, and the
stored scores equal the scores made with redaction off. The redacted recording is checked for
the tone where the personal data was said and for the original sound elsewhere.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from qa.audio import decode_audio, file_sha256
from qa.config import load_rubric_config
from qa.errors import InputError
from qa.ingest import NewCall, ingest
from qa.jobs import redact_and_save
from qa.labeller import load_labeller
from qa.redact.audio import mask_samples, write_redacted
from qa.redact.modes import MODES, Redaction, check_mode
from qa.redact.transcript import redact_call, redact_score, scrub_text
from qa.scoring import score_call
from qa.store import Store
from qa.store.schema import Base
from qa.types import Call, Finding, Span, Utterance, Word, call_from_dict, to_dict
from tests.api.conftest import h, open_api
from tests.conftest import expected, sample_audio, sample_ids
from tests.redact.calls import make_call

SAMPLE = "en_stereo_wrong_coat"
CARD_WRITTEN = "4532 0151 1283 0366"  # Luhn-valid
CARD_SPOKEN = "four five three two zero one five one one two eight three zero three six six"
PHONE = "012 345 6789"
NAME = "Margaret Thornbury"
#: Forms of the personal data that must not be found anywhere once it is redacted.
SECRETS = (
    CARD_WRITTEN,
    "4532015112830366",
    "0151 1283",
    CARD_SPOKEN,
    "five three two zero one",
    PHONE,
    "0123456789",
    "345 6789",
    NAME,
    "Thornbury",
)


def pii_turns() -> list[tuple[str, str]]:
    return [
        ("agent", "thank you for calling how can I help you today"),
        ("customer", f"hi my name is {NAME} and I want to pay my bill"),
        ("agent", "of course may I have the card number please"),
        ("customer", f"yes my card number is {CARD_WRITTEN}"),
        ("agent", "and the card number once more slowly please"),
        ("customer", f"it is {CARD_SPOKEN}"),
        ("agent", "thank you and a phone number we can reach you on"),
        ("customer", f"my phone number is {PHONE}"),
        ("agent", "thank you I am sorry for the trouble the payment is done"),
    ]


def pii_call(call_id: str = "test") -> Call:
    call = make_call(*pii_turns())
    return dataclasses.replace(call, id=call_id, agent_id="agent-ann")


def leaks(text: str) -> list[str]:
    """The secrets found in ``text`` (case and runs of spaces ignored)."""
    flat = re.sub(r"\s+", " ", text).lower()
    return [s for s in SECRETS if s.lower() in flat]


def database_text(store: Store) -> str:
    """Every row of every table, as text."""
    out = []
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                out.append(repr(tuple(row)))
    return "\n".join(out)


# --- the mode setting ----------------------------------------------------------------------------


def test_modes_and_unknown_mode_is_an_input_error_listing_them(monkeypatch):
    assert MODES == ("off", "text", "text+audio")
    assert check_mode(None) == "off" and check_mode(" Text+Audio ") == "text+audio"
    with pytest.raises(InputError) as err:
        check_mode("audio")
    assert all(m in str(err.value) for m in MODES)
    monkeypatch.delenv("QA_REDACTION", raising=False)
    monkeypatch.delenv("QA_KEEP_ORIGINAL_AUDIO", raising=False)
    assert Redaction.from_env() == Redaction(mode="off", keep_original_audio=False)
    monkeypatch.setenv("QA_REDACTION", "text")
    monkeypatch.setenv("QA_KEEP_ORIGINAL_AUDIO", "1")
    red = Redaction.from_env()
    assert red.mode == "text" and red.text and not red.audio and red.keep_original_audio
    assert Redaction.from_env("text+audio", False).audio  # the command line wins
    monkeypatch.setenv("QA_REDACTION", "everything")
    with pytest.raises(InputError):
        Redaction.from_env()


def test_settings_and_upload_refuse_an_unknown_mode(tmp_path, monkeypatch):
    from api.settings import Settings

    monkeypatch.setenv("QA_REDACTION", "text+audio")
    assert Settings.from_env().redaction == "text+audio"
    with pytest.raises(InputError):
        Settings.from_env(redaction="loud")
    store, app = open_api(f"sqlite:///{tmp_path}/qa.db", tmp_path)
    key = store.keys.create("qa_lead")
    with TestClient(app) as client:
        wav = sample_audio(SAMPLE)
        r = client.post(
            "/v1/calls", headers=h(key), data={"agent_id": "ann", "redact": "everything"},
            files={"audio": (wav.name, wav.read_bytes(), "audio/wav")},
        )
        assert r.status_code == 422 and "text+audio" in r.json()["message"]
        assert store.calls.list()[1] == 0  # nothing stored
        r = client.post(
            "/v1/calls", headers=h(key), data={"agent_id": "ann", "redact": "text"},
            files={"audio": (wav.name, wav.read_bytes(), "audio/wav")},
        )
        assert r.status_code == 202
        job = store.jobs.get(r.json()["job_id"])
        assert job.payload["redact"] == "text"
        html = client.get("/upload", headers=h(key)).text
        assert 'name="redact"' in html and "text+audio" in html
    store.close()


# --- text: the transcript and the score ----------------------------------------------------------


def test_redacted_call_has_placeholders_in_text_and_words_and_no_personal_data():
    call = pii_call()
    score = score_call(call, load_rubric_config())
    done = redact_call(call, score)
    entities = {s.entity for s in done.spans}
    assert {"CARD_NUMBER", "PHONE", "PERSON"} <= entities
    texts = [u.text for u in done.call.utterances]
    assert texts[3] == "yes my card number is [CARD_NUMBER]"
    assert texts[5] == "it is [CARD_NUMBER]"
    assert texts[7] == "my phone number is [PHONE]"
    assert "[PERSON]" in texts[1]
    dumped = repr(to_dict(done.call)) + repr(to_dict(done.score))
    assert leaks(dumped) == []
    # Words: the span's words merged into one that carries the placeholder, timed over them.
    u5 = done.call.utterances[5]
    assert [w.text for w in u5.words] == ["it", "is", "[CARD_NUMBER]"]
    original = call.utterances[5].words
    assert u5.words[2].span == Span(original[2].span.start, original[-1].span.end)
    for u in done.call.utterances:  # every word is still found in its text, in order
        at = 0
        for w in u.words:
            at = u.text.index(w.text, at) + len(w.text)
    # What was redacted is recorded without the text; times and ids match the call.
    record = done.call.meta["redaction"]
    assert record["mode"] == "text" and record["counts"]["CARD_NUMBER"] == 2
    assert {s["utterance"] for s in record["spans"]} >= {"u003", "u005", "u007"}
    assert all("text" not in s for s in record["spans"])
    card = next(s for s in record["spans"] if s["utterance"] == "u005")
    assert card["words"] == [2, 18] and card["start"] == round(original[2].span.start, 3)
    # The mask covers every personal-data word, padded, and nothing before the first one.
    assert any(m.start <= original[2].span.start and m.end >= original[-1].span.end for m in done.mask)
    assert min(m.start for m in done.mask) > call.utterances[0].span.end


def test_scores_are_unchanged_and_evidence_is_redacted():
    call = pii_call()
    score = score_call(call, load_rubric_config())
    done = redact_call(call, score)

    def numbers(s):
        d = to_dict(s)
        for r in d["results"]:
            r.pop("metrics", None)
            r.pop("note", None)
            for f in r["findings"]:
                f.pop("evidence")
        return d

    assert numbers(done.score) == numbers(score)
    # A finding quoting the personal data shows the placeholder, also when the quote is cut.
    spans = list(done.spans)
    quoted = Finding("arguing", "x", Span(8.0, 9.0), ("u003",), f"customer: yes my card number is {CARD_WRITTEN}")
    cut = Finding("arguing", "x", Span(8.0, 9.0), ("u003",), "customer: yes my card number is 4532 01…")
    result = dataclasses.replace(score.results[0], findings=(quoted, cut))
    red = redact_score(dataclasses.replace(score, results=(result,)), spans)
    assert [f.evidence for f in red.results[0].findings] == [
        "customer: yes my card number is [CARD_NUMBER]",
        "customer: yes my card number is [CARD_NUMBER]…",
    ]
    assert scrub_text("nothing personal here", spans) == "nothing personal here"


@pytest.mark.parametrize("sample_id", sample_ids())
def test_samples_score_the_same_with_redaction_on_and_off(sample_id, tmp_path):
    """Each sample's transcript with personal data added, stored with redaction off and on:
    the stored scores are the same; only the redacted store is free of the personal data."""
    exp = expected(sample_id)
    data = {k: exp[k] for k in ("utterances", "duration", "agent_id") if k in exp}
    data["meta"] = {"language": exp.get("language")}
    base = call_from_dict(data)
    last = max(u.span.end for u in base.utterances)
    extra = Utterance(
        "pii", "customer", Span(last + 1.0, last + 8.0),
        f"my card number is {CARD_WRITTEN} and my phone number is {PHONE}", language="en",
    )
    base = dataclasses.replace(base, duration=max(base.duration, extra.span.end + 1.0))
    cfg, lab = load_rubric_config(), load_labeller()
    stored = {}
    for mode in ("off", "text"):
        store = Store.open(f"sqlite:///{tmp_path}/{mode}.db", data_dir=tmp_path / mode)
        sha, _ = store.files.put(b"recording of " + sample_id.encode(), filename="call.wav")
        call_id = store.calls.add(sha, agent_id="agent-ann")
        call = dataclasses.replace(base, id=call_id, utterances=(*base.utterances, extra))
        score = score_call(call, cfg, labeller=lab)
        if mode == "off":
            store.calls.save_transcript(call)
            store.calls.save_score_once(call_id, score, labeller_version=lab.version)
        else:
            assert redact_and_save(store, call, score, Redaction(mode), labeller_version=lab.version)
        detail = store.calls.get(call_id)
        stored[mode] = (detail.score, database_text(store))
        store.close()
    off, on = stored["off"][0], stored["text"][0]
    assert (on.score, on.capped_by, on.rubric_version) == (off.score, off.capped_by, off.rubric_version)
    for a, b in zip(on.results, off.results, strict=True):
        assert (a["rubric"], a["outcome"], a["score"], len(a["findings"])) == (
            b["rubric"], b["outcome"], b["score"], len(b["findings"]),
        )
        assert [(f["start"], f["end"], f["status"]) for f in a["findings"]] == [
            (f["start"], f["end"], f["status"]) for f in b["findings"]
        ]
    assert CARD_WRITTEN in stored["off"][1]  # the check can fail: off keeps what was said
    assert leaks(stored["text"][1]) == []


# --- the store, the API, the pages, the exports and the log --------------------------------------


@pytest.fixture(params=["text", "text+audio"])
def redacted_store(request, tmp_path, caplog):
    """A sample recording ingested and scored as a job would, with personal data in its
    transcript, under each redaction mode; the log is captured at DEBUG throughout."""
    caplog.set_level(logging.DEBUG)
    mode = request.param
    store, app = open_api(f"sqlite:///{tmp_path}/qa.db", tmp_path, redaction=mode)
    wav = sample_audio(SAMPLE)
    done = ingest(store, wav, NewCall(agent_id="agent-ann"), max_duration=None)
    call = pii_call(done.call_id)
    lab = load_labeller()
    score = score_call(call, load_rubric_config(), labeller=lab)
    audio = decode_audio(wav)
    assert redact_and_save(store, call, score, Redaction(mode), audio=audio, labeller_version=lab.version)
    yield {"store": store, "app": app, "mode": mode, "call": call, "call_id": done.call_id,
           "wav": wav, "audio": audio, "tmp": tmp_path, "caplog": caplog}
    store.close()


def test_no_personal_data_in_database_api_pages_exports_or_log(redacted_store):
    r = redacted_store
    store, call_id = r["store"], r["call_id"]
    assert leaks(database_text(store)) == []
    key = store.keys.create("admin")
    with TestClient(r["app"]) as client:
        got = client.get(f"/v1/calls/{call_id}", headers=h(key))
        assert got.status_code == 200
        body = got.json()
        texts = [u["text"] for u in body["transcript"]["utterances"]]
        assert "yes my card number is [CARD_NUMBER]" in texts
        assert body["transcript"]["meta"]["redaction"]["counts"]["PHONE"] == 1
        answers = [got.text]
        for url in (
            "/v1/calls", "/v1/agents", "/v1/agents/agent-ann/scorecard?worst=10",
            "/v1/agents/agent-ann/scorecard?format=csv&part=items",
            "/v1/agents/agent-ann/scorecard?format=csv&part=worst",
            "/calls", f"/calls/{call_id}", "/agents/agent-ann",
        ):
            resp = client.get(url, headers=h(key))
            assert resp.status_code == 200, url
            answers.append(resp.text)
        page = answers[-2]
        assert leaks("\n".join(answers)) == []
        # The call page marks each placeholder and says what was removed.
        assert page.count('class="pii pii-card_number"') >= 2
        assert 'id="redaction-note"' in page
        if r["mode"] == "text+audio":
            assert "plays a tone" in page
    # qa rescore works on the redacted transcript; its CSV holds no personal data.
    from qa.batch import rescore, write_results

    edited = r["tmp"] / "edited.toml"
    edited.write_text(
        Path(load_rubric_config().path).read_text(encoding="utf-8").replace(
            'version = "', 'version = "edited-', 1
        ),
        encoding="utf-8",
    )
    report = rescore(db=str(store.engine.url), data_dir=store.data_dir, rubric=str(edited))
    assert [x.status for x in report.results] == ["scored"]
    out = r["tmp"] / "results.csv"
    write_results(report.results, out)
    assert leaks(out.read_text(encoding="utf-8")) == []
    assert list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))[0]["call_id"] == call_id
    assert leaks(database_text(store)) == []
    assert leaks(r["caplog"].text) == []


@pytest.mark.parametrize("redacted_store", ["text"], indirect=True)
def test_text_mode_keeps_and_serves_the_original_recording(redacted_store):
    r = redacted_store
    store = r["store"]
    detail = store.calls.get(r["call_id"])
    assert detail.recording.sha256 == file_sha256(r["wav"])
    assert Path(detail.recording.path).read_bytes() == r["wav"].read_bytes()
    assert detail.meta["redaction"] == {"mode": "text", "audio": None, "original_kept": True}


# --- text+audio: the recording -------------------------------------------------------------------


def tone_share(x: np.ndarray, sr: int, hz: float = 1000.0) -> float:
    """The share of ``x``'s energy within 50 Hz of ``hz``."""
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / sr)
    return float(spec[np.abs(freqs - hz) <= 50].sum() / max(spec.sum(), 1e-12))


def test_mask_puts_the_tone_in_the_spans_on_every_channel_and_leaves_the_rest(tmp_path):
    audio = decode_audio(sample_audio(SAMPLE))
    mask = [Span(2.0, 3.5), Span(10.25, 11.0)]
    out = tmp_path / "red.wav"
    write_redacted(audio, mask, out)
    red = decode_audio(out)
    assert red.samples.shape == audio.samples.shape and red.sample_rate == audio.sample_rate
    sr = audio.sample_rate
    inside = np.zeros(audio.samples.shape[1], dtype=bool)
    for m in mask:
        a, b = int(m.start * sr), int(m.end * sr)
        inside[a : b + 1] = True
        for ch in range(audio.n_channels):
            seg = red.samples[ch, a + 100 : b - 100]
            assert tone_share(seg, sr) > 0.99
            assert tone_share(audio.samples[ch, a + 100 : b - 100], sr) < 0.5  # speech was there
            assert 0.05 < float(np.sqrt(np.mean(seg**2))) < 0.09  # a 0.1 sine: RMS 0.071
    assert np.max(np.abs(red.samples[:, ~inside] - audio.samples[:, ~inside])) <= 1.5 / 32767
    assert np.array_equal(mask_samples(audio, []), audio.samples)


@pytest.mark.parametrize("redacted_store", ["text+audio"], indirect=True)
def test_text_audio_serves_the_redacted_copy_and_drops_the_original(redacted_store):
    r = redacted_store
    store, call_id, wav = r["store"], r["call_id"], r["wav"]
    detail = store.calls.get(call_id)
    original = file_sha256(wav)
    red = detail.meta["redaction"]
    assert red["mode"] == "text+audio" and red["original_kept"] is False
    assert detail.recording.sha256 == red["audio"] != original
    assert detail.recording_sha256 == original  # the call is still the original's
    assert not store.files.get(original).path.exists()
    # The same upload again finds the call and does not bring the original back.
    again = ingest(store, wav, NewCall(agent_id="agent-ann"), max_duration=None)
    assert (again.call_id, again.new) == (call_id, False)
    assert not store.files.get(original).path.exists()
    # The served audio is the redacted copy: the tone at the personal data, the call elsewhere.
    key = store.keys.create("supervisor")
    with TestClient(r["app"]) as client:
        got = client.get(f"/v1/calls/{call_id}/audio", headers=h(key))
        assert got.status_code == 200
    served = r["tmp"] / "served.wav"
    served.write_bytes(got.content)
    assert file_sha256(served) == red["audio"]
    audio, back = r["audio"], decode_audio(served)
    sr = audio.sample_rate
    mask = [Span(a, b) for a, b in red["mask"]]
    card = r["call"].utterances[5].words
    assert any(m.start <= card[2].span.start and card[-1].span.end <= m.end for m in mask)
    for m in mask:
        a, b = int(m.start * sr) + 100, int(m.end * sr) - 100
        for ch in range(back.n_channels):
            assert tone_share(back.samples[ch, a:b], sr) > 0.99
    keep = np.ones(back.samples.shape[1], dtype=bool)
    for m in mask:
        keep[int(m.start * sr) : int(m.end * sr) + 2] = False
    assert np.max(np.abs(back.samples[:, keep] - audio.samples[:, keep])) <= 1.5 / 32767


def test_keeping_the_original_is_an_explicit_choice(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data")
    wav = sample_audio(SAMPLE)
    done = ingest(store, wav, NewCall(agent_id="agent-ann"), max_duration=None)
    call = pii_call(done.call_id)
    lab = load_labeller()
    score = score_call(call, load_rubric_config(), labeller=lab)
    red = Redaction("text+audio", keep_original_audio=True)
    assert redact_and_save(store, call, score, red, labeller_version=lab.version)
    detail = store.calls.get(done.call_id)
    assert detail.meta["redaction"]["original_kept"] is True
    assert store.files.get(done.recording).path.read_bytes() == wav.read_bytes()
    assert detail.recording.sha256 == detail.meta["redaction"]["audio"]  # still serves the copy
    # Saving again is refused (already scored): nothing changes.
    assert redact_and_save(store, call, score, red, labeller_version=lab.version) is None
    store.close()


def test_words_keep_a_glued_particle_outside_the_span():
    call = make_call(
        ("agent", "카드 번호 말씀해 주세요"),
        ("customer", "카드 번호는 4532 0151 1283 0366입니다"),
        lang="ko",
    )
    done = redact_call(call)
    u = done.call.utterances[1]
    assert u.text.endswith("[CARD_NUMBER]입니다")
    assert u.words[-1].text == "[CARD_NUMBER]입니다"
    assert not any(ch.isdigit() for ch in u.text)
    assert isinstance(u.words[-1], Word)


# --- the audio check: ASR over the redacted recording --------------------------------------------

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}


def heard_digits(text: str) -> str:
    """The digits in ``text``, written or said as English words, in order."""
    out = []
    for tok in re.findall(r"[0-9]|[a-z]+", text.lower()):
        out.append(tok if tok.isdigit() else _DIGIT_WORDS.get(tok, " "))
    return "".join(out)


@pytest.mark.slow
def test_no_card_digit_is_heard_in_the_redacted_recording(tmp_path):
    """A two-channel call synthesised with espeak-ng, the customer reading a card number, goes
    through the job path with ``text+audio`` (real ASR, detection, tone). Whisper over the
    redacted recording then hears none of the card number's digit groups."""
    from qa.jobs import score_stored_call
    from qa.pipeline import PipelineOptions, transcribe_call
    from tests.conftest import espeak, write_wav

    turns = [
        (0, "thank you for calling the billing team, how can I help you today"),
        (1, "hello, I would like to pay my bill with my credit card please"),
        (0, "of course, may I have the card number please"),
        (1, "yes, my card number is 4 5 3 2, 0 1 5 1, 1 2 8 3, 0 3 6 6"),
        (0, "thank you, the payment is done. Is there anything else I can help with"),
        (1, "no, that is all, thank you very much"),
    ]
    sr, gap = 16_000, 0.8
    pieces, clock = [], 0.5
    for ch, text in turns:
        x = espeak(text, speed=140)
        pieces.append((ch, int(clock * sr), x))
        clock += len(x) / sr + gap
    track = np.zeros((2, int((clock + 0.5) * sr)), dtype=np.float32)
    for ch, at, x in pieces:
        track[ch, at : at + len(x)] += 0.6 * x
    wav = write_wav(tmp_path / "card.wav", track)

    store = Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data")
    call_id = ingest(store, wav, NewCall(agent_id="agent-ann"), max_duration=None).call_id
    opts = {"layout": "stereo", "agent_channel": 0, "language": "en"}
    done = score_stored_call(store, call_id, opts, redaction="text+audio")
    assert done.status == "scored" and done.transcribed
    detail = store.calls.get(call_id)
    record = detail.transcript.meta["redaction"]
    assert record["counts"].get("CARD_NUMBER", 0) >= 1, "the ASR or the detector missed the card"
    assert leaks(database_text(store)) == []
    assert not store.files.get(file_sha256(wav)).path.exists()

    again = transcribe_call(detail.recording.path, PipelineOptions(**opts))
    said = " ".join(u.text for u in again.utterances)
    digits = heard_digits(said)
    for group in ("4532", "0151", "1283", "0366"):
        assert group not in digits, (group, said)
    # The rest of the call is still heard.
    assert "payment" in said.lower() and "calling" in said.lower()
    store.close()


# --- the command line ------------------------------------------------------------------------------


def test_score_transcript_redacts_what_it_prints_and_scores_the_same(tmp_path):
    from tests.cli.run import assert_clean_failure, qa

    path = tmp_path / "t.json"
    path.write_text(json.dumps(to_dict(pii_call())), encoding="utf-8")
    plain = qa("score-transcript", path, "--json")
    red = qa("score-transcript", path, "--json", "--redact", "text")
    assert plain.returncode == 0 and red.returncode == 0, red.stderr
    assert leaks(plain.stdout) != []  # off prints what was said
    assert leaks(red.stdout + red.stderr) == []
    a, b = json.loads(plain.stdout)["score"], json.loads(red.stdout)["score"]
    assert (a["score"], [r["outcome"] for r in a["results"]]) == (b["score"], [r["outcome"] for r in b["results"]])
    assert "[CARD_NUMBER]" in red.stdout
    assert_clean_failure(qa("score-transcript", path, "--redact", "loud"), "off, text, text+audio")
    assert_clean_failure(qa("score-transcript", path, "--redact", "text+audio"), "no recording")
    assert_clean_failure(qa("batch", tmp_path, "--redact", "loud"), "off, text, text+audio")
    assert_clean_failure(qa("score", tmp_path / "x.wav", "--redacted-audio", tmp_path / "r.wav"), "--redact text+audio")


def test_a_card_read_after_a_phone_number_is_still_a_card():
    # The customer's earlier "phone number" cue must not outrank the agent's question: the card
    # was once half taken for a Chinese mobile number, leaving "four five three two zero".
    turns = pii_turns()
    call = make_call(turns[6], turns[7], turns[4], turns[5])  # phone first, then the card
    assert [s.entity for s in redact_call(call).spans] == ["PHONE", "CARD_NUMBER"]
