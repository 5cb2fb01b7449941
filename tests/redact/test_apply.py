"""Spans to redacted text and audio time spans (qa.redact.apply, qa.redact.records)."""

from __future__ import annotations

import json

import pytest

from qa.redact import (
    ENTITIES,
    PiiSpan,
    RedactOptions,
    audio_spans,
    detect,
    placeholder,
    redact_utterance_text,
)
from qa.types import Span
from tests.redact.calls import make_call


def test_audio_spans_cover_the_pii_words_with_a_margin_and_nothing_far_from_them():
    call = make_call(("customer", "hello my card number is four one one one one one one one one one one one one one one one okay"))
    words = call.utterances[0].words
    spans = detect(call)
    (mask,) = audio_spans(spans, margin_s=0.1)
    card_words = words[5:21]
    assert mask.start == pytest.approx(card_words[0].span.start - 0.1)
    assert mask.end == pytest.approx(card_words[-1].span.end + 0.1)
    for w in card_words:
        assert w.span in mask
    for w in (words[0], words[1], words[-1]):  # "hello", "my", "okay"
        assert w.span.overlap(mask) == 0.0


def test_audio_spans_merge_clip_and_sort():
    def span(a, b):
        return PiiSpan("PHONE", 0, (0, 1), a, b, "x", 1.0, "test")

    merged = audio_spans([span(5.0, 6.0), span(0.05, 1.0), span(1.1, 2.0)], margin_s=0.1, duration=5.5)
    assert merged == [Span(0.0, 2.1), Span(4.9, 5.5)]


def test_cross_utterance_card_masks_both_breaths_not_the_interjection():
    call = make_call(("customer", "four one one one one one one one"), ("agent", "okay"),
                     ("customer", "one one one one one one one one"))
    masks = audio_spans(detect(call), margin_s=0.0)
    u0, ok, u2 = call.utterances
    assert masks == [Span(u0.words[0].span.start, u0.words[-1].span.end), Span(u2.words[0].span.start, u2.words[-1].span.end)]
    assert all(ok.span.overlap(m) == 0.0 for m in masks)


def test_redacted_text_keeps_partial_words_and_joins_neighbouring_pieces():
    call = make_call(("customer", "카드 번호는 4111 1111 1111 1111입니다"), lang="ko")
    assert redact_utterance_text(call.utterances[0], detect(call), 0) == "카드 번호는 [CARD_NUMBER]입니다"


def test_pii_span_repr_hides_the_personal_data():
    call = make_call(("customer", "my card number is 4111 1111 1111 1111"))
    (span,) = detect(call)
    assert span.text == "4111 1111 1111 1111"
    assert "4111" not in repr(span) and "4111" not in str(span)


def test_records_validate():
    assert [placeholder(e) for e in ("CARD_NUMBER", "PHONE")] == ["[CARD_NUMBER]", "[PHONE]"]
    assert len(ENTITIES) == 10
    with pytest.raises(ValueError):
        placeholder("SSN")
    with pytest.raises(ValueError):
        RedactOptions(entities=("SSN",))
    with pytest.raises(ValueError):
        PiiSpan("PHONE", 0, (2, 1), 0.0, 1.0, "x", 1.0, "test")


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_no_card_digit_survives_redaction_in_the_pii_set(split):
    """Every card number of the team's PII set is gone from the redacted text: none of its words
    (digits or digit words) is left where it was said."""
    from bench.redaction import load, to_call

    for row in load(split):
        cards = [g for g in row["gold"] if g["entity"] == "CARD_NUMBER"]
        if not cards:
            continue
        call = to_call(row)
        spans = detect(call)
        for g in cards:
            for u, a, b in g["pieces"]:
                redacted = redact_utterance_text(call.utterances[u], spans, u)
                for word in call.utterances[u].words[a:b]:
                    core = word.text.strip(",.，。")
                    if any(c.isdigit() for c in core) and len(core) > 1:
                        assert core not in redacted, (row["id"], json.dumps(redacted, ensure_ascii=False))
                assert placeholder("CARD_NUMBER") in redacted
