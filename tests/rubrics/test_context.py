"""What rubric items share: one threshold rule, and one judgement of when a resolution was offered."""

from __future__ import annotations

import dataclasses

import pytest

from qa.config import load_rubric_config
from qa.rubrics import DETECTION_DEFAULT, RubricContext
from qa.rubrics import resolution as resolution_module
from qa.scoring import score_call
from qa.types import Call, Span, Utterance


def test_threshold_option_then_labeller_then_default():
    ctx = RubricContext(thresholds={"arguing": 0.6}, confirm_at={"arguing": 0.9})
    assert ctx.threshold("arguing", 0.7) == 0.7  # the item's own option wins
    assert ctx.threshold("arguing", 0.0) == 0.0  # a set option, even 0, is not "unset"
    assert type(ctx.threshold("arguing", 1)) is int  # returned as set: echoed options keep their value
    assert ctx.threshold("arguing") == 0.6  # the labeller's calibrated threshold
    assert ctx.threshold("empathy") == DETECTION_DEFAULT == 0.5  # neither: the default
    assert ctx.threshold("empathy", default=0.3) == 0.3
    assert ctx.threshold("arguing", confirm=True, default=0.85) == 0.9  # the labeller's operating point
    assert ctx.threshold("condescension", confirm=True, default=0.85) == 0.85
    assert ctx.threshold("arguing", 0.8, confirm=True, default=0.85) == 0.8


def test_threshold_without_a_labeller_label_skips_the_labeller():
    ctx = RubricContext(confirm_at={"interruption": 0.1}, thresholds={"interruption": 0.1})
    assert ctx.threshold(None, confirm=True, default=0.75) == 0.75
    assert ctx.threshold(None, 0.6, confirm=True, default=0.75) == 0.6


def test_a_confirm_threshold_needs_the_items_default():
    with pytest.raises(ValueError, match="default operating point"):
        RubricContext().threshold("arguing", confirm=True)


class StubLabeller:
    """Labels chosen by the test: per sentence text, a probability per label (else 0)."""

    version = "stub-1"
    thresholds = {"condescension": 0.5}
    confirm_at = {"condescension": 0.8}

    def __init__(self, probs):
        self.probs = probs

    def predict(self, texts, languages):
        return [dict(self.probs.get(t, {})) for t in texts]


OFFER = "I'll ship a replacement today and call you tomorrow by noon."
REMARK = "You know, we usually charge for that, so you're lucky today."
LABELS = {OFFER: {"resolution_specific": 0.7}, REMARK: {"condescension": 0.95}}


def _call() -> Call:
    turns = [
        ("agent", 0.0, 2.0, "Thank you for calling, how can I help?"),
        ("customer", 2.5, 8.0, "The blender I bought last week stopped working after two days."),
        ("agent", 8.5, 11.0, OFFER),
        ("customer", 11.5, 13.0, "Okay, thanks."),
        ("agent", 13.5, 16.0, REMARK),
        ("agent", 16.5, 18.0, "Anything else?"),
        ("agent", 18.5, 20.0, "Goodbye."),
    ]
    utts = tuple(Utterance(f"u{i:03d}", r, Span(a, b), t, language="en") for i, (r, a, b, t) in enumerate(turns))
    return Call("t", "ann", 21.0, "stereo", utts)


def _config(**resolution_options):
    cfg = load_rubric_config()
    items = dict(cfg.items)
    items["resolution"] = dataclasses.replace(items["resolution"], options=resolution_options)
    return dataclasses.replace(cfg, items=items)


def test_last_word_weighs_a_remark_after_the_offer_the_resolution_item_found():
    s = score_call(_call(), _config(), labeller=StubLabeller(LABELS))
    assert s.result("resolution").outcome == "specific"
    lw = s.result("last_word")
    assert lw.metrics["resolution_at"] == s.result("resolution").findings[0].span.start == 8.5
    [f] = lw.findings
    assert f.kind == "last_word_after_resolution" and f.weight == 2.0


@pytest.mark.parametrize(
    "options", [{"specific_threshold": 0.8}, {"complaint_heard_s": 10.0}], ids=["threshold", "complaint_heard_s"]
)
def test_last_word_follows_the_resolution_items_own_options(options):
    # With the resolution item's options, there was no offer: last_word must agree (it used to
    # judge the offer with the labeller's thresholds and 3 s, whatever the resolution options).
    s = score_call(_call(), _config(**options), labeller=StubLabeller(LABELS))
    assert s.result("resolution").outcome == "none"
    lw = s.result("last_word")
    assert lw.metrics["resolution_at"] is None
    [f] = lw.findings
    assert f.kind == "last_word" and f.weight == 1.0  # not in the agent's last 2 utterances


def test_the_offer_time_is_computed_once_per_call_and_context(monkeypatch):
    calls = []
    real = resolution_module.offered_at

    def counting(call, opts, ctx):
        calls.append(opts)
        return real(call, opts, ctx)

    monkeypatch.setattr(resolution_module, "offered_at", counting)
    ctx = RubricContext(
        labels={"u002#0": {"resolution_specific": 0.7}},
        item_options={"resolution": {"complaint_heard_s": 1.0}},
    )
    call = _call()
    assert ctx.resolution_offered_at(call) == ctx.resolution_offered_at(call) == 8.5
    assert len(calls) == 1 and calls[0].complaint_heard_s == 1.0  # the resolution item's options
    other = dataclasses.replace(call, id="t2")
    assert ctx.resolution_offered_at(other) == 8.5 and len(calls) == 2  # another call: computed again
    # A context copied with other labels does not reuse the first one's answer.
    fresh = dataclasses.replace(ctx, labels={})
    assert fresh.resolution_offered_at(call) is None and len(calls) == 3
