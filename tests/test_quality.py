"""Transcript quality (qa.quality) on hand-built calls, and its thresholds in the rubric file."""

import pytest

from qa.config import load_rubric_config
from qa.errors import InputError
from qa.quality import CallQuality, QualityOptions, assess_quality
from qa.types import Call, Span, Utterance, Word


def words_over(a, b, n):
    step = (b - a) / n
    return tuple(Word(Span(a + i * step, a + (i + 0.9) * step), f"w{i}") for i in range(n))


def make_call(meta, customer_words=True, source="stereo"):
    utts = (
        Utterance("u000", "agent", Span(0.0, 4.0), "hello there", words=words_over(0.0, 4.0, 8)),
        Utterance(
            "u001",
            "customer",
            Span(4.5, 10.0),
            "my coat" if customer_words else "",
            words=words_over(4.5, 10.0, 10) if customer_words else words_over(4.5, 5.5, 2),
        ),
    )
    base = {
        "speech": {"agent": [[0.0, 4.0]], "customer": [[4.5, 10.0]]},
        "language": "en",
        "language_source": "detected",
        "language_top": {"en": 0.9, "ms": 0.05},
        "speakers": {"agent_channel": 0},
        "asr": {"backend": "faster-whisper", "model": "base"},
    }
    return Call("q", "ann", 11.0, source, utts, {**base, **meta})


def test_a_good_call_is_not_flagged():
    q = assess_quality(make_call({}))
    assert isinstance(q, CallQuality)
    assert not q.needs_review and q.reasons == ()
    assert q.metrics["word_coverage_min"] > 0.9
    assert q.metrics["language_margin"] == pytest.approx(0.85)
    assert q.metrics["mean_logprob"] is None and q.metrics["role_confidence"] is None


def test_a_party_with_speech_but_few_words_is_flagged_with_its_reason():
    q = assess_quality(make_call({}, customer_words=False))
    assert q.needs_review
    assert q.metrics["word_coverage_customer"] < 0.25 and q.metrics["word_coverage_agent"] > 0.9
    assert q.metrics["word_coverage_min"] == q.metrics["word_coverage_customer"]
    (reason,) = q.reasons
    assert "customer" in reason and "threshold 50%" in reason
    assert f"{q.metrics['word_coverage_customer']:.0%}" in reason


def test_language_margin_only_when_detected():
    close = {"language_top": {"en": 0.48, "ms": 0.39, "zh": 0.1}}
    q = assess_quality(make_call(close))
    assert q.needs_review and q.metrics["language_margin"] == pytest.approx(0.09)
    assert "language" in q.reasons[0] and "en 0.48 vs ms 0.39" in q.reasons[0]
    hinted = assess_quality(make_call({**close, "language_source": "hint"}))
    assert not hinted.needs_review and hinted.metrics["language_margin"] is None


def test_role_confidence_of_a_mono_call():
    low = assess_quality(make_call({"speakers": {"role_confidence": 0.41}}, source="diarized"))
    assert low.needs_review and "role confidence 0.41" in low.reasons[0]
    high = assess_quality(make_call({"speakers": {"role_confidence": 0.9}}, source="diarized"))
    assert not high.needs_review and high.metrics["role_confidence"] == 0.9


def test_channel_mismatch_and_passed_through_warnings():
    meta = {"speakers": {"agent_channel": 0, "channel_check": {"agrees": False, "confidence": 0.83}}}
    q = assess_quality(make_call(meta))
    assert q.needs_review and q.metrics["channel_mismatch"] == 1.0
    assert "other channel" in q.reasons[0] and "0.83" in q.reasons[0]
    off = assess_quality(make_call(meta), QualityOptions(flag_channel_mismatch=False))
    assert not off.needs_review
    agrees = {"speakers": {"channel_check": {"agrees": True, "confidence": 0.9}}}
    assert not assess_quality(make_call(agrees)).needs_review
    warned = assess_quality(make_call({"quality_warnings": ["hold music in 40% of the call"]}))
    assert warned.reasons == ("hold music in 40% of the call",)


def test_mean_logprob_when_recorded():
    q = assess_quality(make_call({"asr": {"mean_logprob": -1.4}}))
    assert q.needs_review and "-1.40" in q.reasons[0]
    assert not assess_quality(make_call({"asr": {"mean_logprob": -0.3}})).needs_review


def test_missing_metadata_is_not_a_reason():
    bare = Call("b", "ann", 5.0, "transcript", (Utterance("u0", "agent", Span(0, 2), "hi"),), {})
    q = assess_quality(bare)
    assert not q.needs_review and all(v is None for v in q.metrics.values())


def test_thresholds_come_from_the_rubric_file(tmp_path):
    shipped = load_rubric_config()
    assert shipped.quality == QualityOptions()
    path = tmp_path / "rubric.toml"
    path.write_text('version = "lead-2"\n[quality]\nmin_word_coverage = 0.1\nmin_language_margin = 0.05\n')
    cfg = load_rubric_config(path)
    assert cfg.quality.min_word_coverage == 0.1 and cfg.quality.min_role_confidence == 0.6
    assert cfg.digest != load_rubric_config(_write(tmp_path, 'version = "lead-2"\n')).digest
    call = make_call({"language_top": {"en": 0.48, "ms": 0.39}}, customer_words=False)
    assert not assess_quality(call, cfg.quality).needs_review
    assert assess_quality(call, shipped.quality).needs_review
    with pytest.raises(InputError, match="min_coverage"):
        load_rubric_config(_write(tmp_path, "[quality]\nmin_coverage = 0.1\n"))
    with pytest.raises(InputError, match="not a number"):
        load_rubric_config(_write(tmp_path, '[quality]\nmin_word_coverage = "half"\n'))


def _write(tmp_path, text):
    p = tmp_path / "other.toml"
    p.write_text(text)
    return p


def test_the_score_carries_the_quality_record():
    from qa.scoring import score_call

    score = score_call(make_call({}, customer_words=False))
    assert score.quality is not None and score.quality.needs_review
    assert score.quality.options["min_word_coverage"] == 0.5
