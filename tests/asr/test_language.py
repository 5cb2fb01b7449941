"""How a call's language is chosen: detection, close decisions settled by decoding, code-switching."""

import pytest

from qa.asr import RawWord, Transcription, TranscriptionOptions, choose_language
from qa.asr.language import CallLanguage, settle, window_language
from qa.pipeline import PipelineOptions, _language_notes, build_utterances, transcribe_call
from qa.types import Span
from tests.conftest import sample_audio

SERVED = ("en", "zh", "ko", "ms")


def test_choose_language_is_restricted_to_the_served_languages():
    probs = [{"id": 0.5, "ms": 0.3, "en": 0.2}, {"id": 0.4, "ms": 0.4, "en": 0.2}]
    lang, p, top = choose_language(probs, SERVED)
    assert lang == "ms" and p == pytest.approx(0.35 / 0.55)
    assert next(iter(top)) == "id"  # the unrestricted ranking is kept for the record
    assert choose_language([], SERVED)[0] == "en"


@pytest.mark.parametrize(
    ("probs", "expected"),
    [
        ({"ms": 0.9, "en": 0.05}, "ms"),  # clearly another served language: decoded in it
        ({"ms": 0.6, "en": 0.3}, "en"),  # not clear enough: the call's language
        ({"id": 0.95, "en": 0.01}, "en"),  # not a served language: the call's language
        ({"en": 0.99}, "en"),
    ],
)
def test_a_window_switches_language_only_when_it_is_clearly_in_another_served_one(probs, expected):
    assert window_language(probs, "en", SERVED, 0.8) == expected
    assert window_language(probs, "en", SERVED, 1.0) == "en"  # switching turned off


def test_each_turn_keeps_the_language_its_words_were_decoded_in():
    speech = {"agent": [Span(0.0, 2.0), Span(5.0, 7.0)], "customer": [Span(2.5, 4.5)]}
    words = {
        "agent": [
            RawWord(0.1, 0.5, " Hello", 0.9, "en"),
            RawWord(0.6, 1.0, " there", 0.9, "en"),
            RawWord(5.1, 5.5, " Boleh", 0.9, "ms"),
            RawWord(5.6, 6.0, " saya", 0.9, "ms"),
            RawWord(6.1, 6.5, " bantu", 0.9, "en"),
        ],
        "customer": [RawWord(2.6, 3.0, " Okay", 0.9)],
    }
    utts = build_utterances(speech, words, language="en")
    assert [(u.role, u.language) for u in utts] == [
        ("agent", "en"),
        ("customer", "en"),  # no language on its words: the call's
        ("agent", "ms"),  # two of its three words were decoded in Malay
    ]


def _asr(**kw) -> Transcription:
    base = dict(
        language="en", language_probability=0.6, language_top={}, language_source="detected",
        words={}, language_margin=0.1,
    )
    return Transcription(**{**base, **kw})


def test_language_notes_say_how_a_close_decision_was_made():
    opts = TranscriptionOptions()
    check = {"contenders": ["ms", "en"], "detected": "ms", "logprob": {"ms": -1.2, "en": -0.4}, "chosen": "en"}
    [note] = _language_notes(_asr(language_check=check), opts)
    assert "close between ms and en" in note and "chose en" in note and "margin 0.10" in note
    [note] = _language_notes(_asr(), opts)  # close, not settled (a backend that cannot decode)
    assert "give the call's language" in note
    assert _language_notes(_asr(language_margin=0.7), opts) == []
    assert _language_notes(_asr(language_margin=None, language_source="hint"), opts) == []
    [note] = _language_notes(_asr(language_margin=0.7, language_seconds={"en": 80.0, "ms": 20.0}), opts)
    assert "more than one language (en 80 s, ms 20 s)" in note


def test_a_close_decision_is_settled_by_decoding_in_each_contender():
    # A margin above 1 makes every decision "close": the top two are decoded and compared.
    opts = PipelineOptions(transcription=TranscriptionOptions(language_margin=1.01))
    call = transcribe_call(sample_audio("en_stereo_wrong_coat"), opts)
    check = call.meta["language_check"]
    assert call.meta["language"] == "en" and check["chosen"] == "en"
    assert "en" in check["contenders"] and len(check["contenders"]) == 2
    # Both were decoded; the detected language stands unless another clearly beats it with a
    # transcript of comparable length.
    assert all(check["logprob"][k] is not None for k in check["contenders"])
    assert call.meta["language_source"] == "decoded"
    assert any("decoding in each chose en" in n for n in call.meta["notes"])
    assert call.meta["asr"]["mean_logprob"] is not None and call.meta["asr"]["mean_logprob"] < 0


def test_the_chooser_names_contenders_only_when_the_decision_is_close():
    choose = CallLanguage(SERVED, margin=0.3)
    assert choose([{"en": 0.9, "ms": 0.1}]) == ("en", ())
    assert choose.probability == pytest.approx(0.9) and choose.margin == pytest.approx(0.8)
    assert choose([{"ms": 0.5, "en": 0.4, "id": 0.1}]) == ("ms", ("ms", "en"))
    assert choose.margin == pytest.approx(0.1 / 0.9) and next(iter(choose.top)) == "ms"
    # Korean first, English close behind: not settled by decoding (English decoding of Korean
    # speech is a translation and scores well); the next Latin-script rival is too far.
    assert choose([{"ko": 0.55, "en": 0.35, "ms": 0.1}]) == ("ko", ())
    assert choose.margin == pytest.approx(0.2)  # still recorded as close
    assert choose([{"en": 0.45, "zh": 0.35, "ms": 0.2}]) == ("en", ("en", "ms"))
    # Nothing to listen to: the first served language, and no detection on record.
    assert choose([])[0] == "en" and choose.margin is None and choose.probability == 0.0


@pytest.mark.parametrize(
    ("scores", "tokens", "chosen"),
    [
        ({"ms": -0.9, "en": -0.5}, {"ms": 40, "en": 38}, "en"),  # clearly likelier: it wins
        ({"ms": -0.6, "en": -0.5}, {"ms": 40, "en": 38}, "ms"),  # not by 0.2: detection stands
        ({"ms": -0.9, "en": -0.2}, {"ms": 40, "en": 12}, "ms"),  # a few confident tokens: no
    ],
)
def test_a_close_decision_goes_to_the_other_language_only_when_it_clearly_wins(scores, tokens, chosen):
    lang, record = settle(scores, tokens, ["ms", "en"], detected="ms")
    assert lang == chosen and record["chosen"] == chosen and record["detected"] == "ms"
    assert record["contenders"] == ["ms", "en"] and record["logprob"]["en"] == scores["en"]


def test_a_contender_with_nothing_decoded_has_no_logprob_in_the_record():
    lang, record = settle({"ko": float("-inf"), "en": -0.4}, {"ko": 0, "en": 20}, ["ko", "en"], "ko")
    assert lang == "en" and record["logprob"] == {"ko": None, "en": -0.4}
