"""Each rubric item on hand-built calls, in English, Mandarin, Korean and Malay.

The calls are built here (role, start, end, text), so the timing is exact; the utterance labeller
is the real shipped one.
"""

import dataclasses

import pytest

from qa.config import load_rubric_config
from qa.scoring import score_call
from qa.types import Call, Span, Utterance


def make_call(turns, language="en", source="stereo", meta=None):
    utts = tuple(
        Utterance(f"u{i:03d}", role, Span(a, b), text, language=language)
        for i, (role, a, b, text) in enumerate(sorted(turns, key=lambda t: t[1]))
    )
    return Call("t", "ann", max(b for _, _, b, _ in turns) + 1.0, source, utts, dict(meta or {}))


def result(call, name):
    return score_call(call).result(name)


# --- 1. interruption (timing) ------------------------------------------------------------------

NARRATION = {
    "en": "I ordered a blue winter coat three weeks ago and what arrived is a grey one in the wrong size",
    "zh": "我三个星期前订了一件蓝色的冬衣结果寄来的是灰色的而且尺码也不对",
    "ko": "제가 삼 주 전에 파란색 겨울 코트를 주문했는데 회색에 사이즈도 다른 게 왔어요",
    "ms": "Saya pesan kot musim sejuk biru tiga minggu lepas tapi yang sampai warna kelabu dan saiz salah",
}
CUT_IN = {
    "en": "Well that is what you ordered according to our system, let me tell you how this works",
    "zh": "系统显示您订的就是这个，我跟您说一下我们的流程是怎么样的",
    "ko": "시스템상으로는 고객님이 그걸 주문하신 걸로 나와요, 제가 절차를 설명해 드릴게요",
    "ms": "Sistem kami tunjuk itulah yang encik pesan, biar saya terangkan prosesnya",
}
BACKCHANNEL = {"en": "Mm-hm.", "zh": "嗯嗯。", "ko": "네.", "ms": "Ya."}
GREETING = {
    "en": "Thank you for calling, how can I help?",
    "zh": "您好，请问有什么可以帮您？",
    "ko": "안녕하세요 고객님, 무엇을 도와드릴까요?",
    "ms": "Terima kasih kerana menghubungi kami, boleh saya bantu?",
}


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_interruption_during_narration_counts_double(lang):
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING[lang]),
            ("customer", 2.5, 7.0, NARRATION[lang]),  # cut off: stops 0.5 s after the agent starts
            ("agent", 6.5, 11.0, CUT_IN[lang]),
        ],
        lang,
    )
    r = result(call, "interruption")
    assert r.outcome == "interrupted" and r.metrics["interruptions"] == 1
    (f,) = [f for f in r.findings if f.kind.startswith("interruption")]
    assert f.kind == "interruption_narration" and f.weight == 2.0
    assert f.span.start == pytest.approx(6.5) and f.span.end == pytest.approx(7.0)
    assert r.metrics["overlapped_s"] == pytest.approx(0.5)
    assert r.score == 50.0


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_backchannel_over_the_customer_is_not_an_interruption(lang):
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING[lang]),
            ("customer", 2.5, 10.0, NARRATION[lang]),
            ("agent", 5.0, 5.5, BACKCHANNEL[lang]),
            ("agent", 10.5, 14.0, CUT_IN[lang]),
        ],
        lang,
    )
    r = result(call, "interruption")
    assert r.outcome == "pass" and r.score == 100.0
    assert r.metrics["backchannels"] == 1 and r.metrics["interruptions"] == 0


def test_talk_over_is_reported_separately():
    call = make_call(
        [
            ("customer", 0.0, 10.0, NARRATION["en"]),
            ("agent", 3.0, 4.6, "But sir our policy clearly says"),  # the customer keeps going
            ("agent", 10.5, 13.0, CUT_IN["en"]),
        ]
    )
    r = result(call, "interruption")
    assert r.metrics["talk_overs"] == 1 and r.metrics["interruptions"] == 0
    assert [f.kind for f in r.findings] == ["talk_over"]


def test_talking_over_a_turn_both_began_together_is_only_for_review():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 10.0, NARRATION["en"]),
            ("agent", 2.6, 4.2, "And time wise, when would suit you"),  # 0.1 s after the customer began
        ]
    )
    r = result(call, "interruption")
    (f,) = r.findings
    assert f.kind == "talk_over" and f.status == "review" and "both started together" in f.evidence
    assert r.metrics["talk_overs"] == 0 and r.score == 100.0


def test_customer_interrupting_the_agent_is_not_counted():
    call = make_call([("agent", 0.0, 6.0, CUT_IN["en"]), ("customer", 4.0, 10.0, NARRATION["en"])])
    assert result(call, "interruption").metrics["interruptions"] == 0


def test_mono_interruptions_are_uncertain_and_left_out_of_the_score():
    call = make_call(
        [("customer", 0.0, 6.0, "I ordered a coat and what arrived is the wrong"), ("agent", 6.05, 9.0, CUT_IN["en"])],
        source="diarized",
    )
    score = score_call(call)
    r = score.result("interruption")
    assert r.outcome == "uncertain" and r.score is None and "mono" in r.note
    assert r.findings and r.findings[0].kind == "candidate"
    # left out of the weighted mean: the call score is the mean of the other items only
    cfg = load_rubric_config()
    others = [x for x in score.results if x.score is not None]
    expect = sum(cfg.item(x.rubric).weight * x.score for x in others) / sum(cfg.item(x.rubric).weight for x in others)
    if not score.capped_by:
        assert score.score == pytest.approx(expect, abs=0.01)


# --- 2-5. text items, in the four languages -----------------------------------------------------

EMPATHY = {
    "en": "I understand how frustrating that must be, especially when you needed it for the trip.",
    "zh": "我理解您的心情，这件事确实让人很着急。",
    "ko": "많이 속상하셨겠어요, 기다리신 만큼 더 실망스러우셨을 것 같아요.",
    "ms": "Saya faham perasaan encik, memang mengecewakan bila barang sampai rosak.",
}
APOLOGY = {
    "en": "I'm really sorry for the trouble this has caused you.",
    "zh": "非常抱歉给您带来了麻烦。",
    "ko": "불편을 드려서 정말 죄송합니다.",
    "ms": "Saya minta maaf atas kesulitan yang berlaku.",
}
SPECIFIC = {
    "en": "I'll ship a replacement today by express and call you tomorrow before noon to confirm it arrived.",
    "zh": "我今天就给您寄出新的，明天中午前我会亲自打电话确认您收到了。",
    "ko": "오늘 바로 새 제품을 보내드리고 내일 오전 중에 제가 직접 전화 드려서 확인하겠습니다.",
    "ms": "Saya akan hantar barang ganti hari ini dan telefon encik esok sebelum tengah hari untuk sahkan.",
}
VAGUE = {
    "en": "We'll look into it and someone will get back to you.",
    "zh": "我们会跟进一下，到时候再联系您。",
    "ko": "저희가 한번 알아보고 연락드릴게요.",
    "ms": "Kami akan semak dulu dan nanti ada orang hubungi encik.",
}
ARGUE = {
    "en": ["That's not true, you must have used it wrong.", "It's not our fault, the box was fine when it left us."],
    "zh": ["那不是我们的问题，是您自己用错了。", "不可能，我们发货的时候是好的。"],
    "ko": ["고객님이 잘못 쓰신 거예요.", "저희 잘못이 아니에요, 출고할 때는 멀쩡했어요."],
    "ms": ["Itu bukan salah kami, encik yang salah guna.", "Tak mungkin, masa kami hantar elok saja."],
}
LAST_WORD = {
    "en": "You know, we usually charge for that, so you're lucky today.",
    "zh": "下次注意点吧，这次算您运气好。",
    "ko": "다음부터는 잘 좀 확인하세요.",
    "ms": "Lain kali baca dulu, hari ini encik bertuah.",
}
COMPLAINT = {
    "en": "The blender I bought last week stopped working after two days and I want this sorted.",
    "zh": "我上周买的搅拌机用了两天就坏了，你们得给我解决。",
    "ko": "지난주에 산 믹서기가 이틀 만에 고장 났어요, 해결해 주세요.",
    "ms": "Pengisar yang saya beli minggu lepas rosak selepas dua hari, saya nak masalah ini selesai.",
}
CUSTOMER_REPLY = {"en": "No, I followed the manual exactly.", "zh": "不是，我完全按说明书用的。", "ko": "아니에요, 설명서대로 썼어요.", "ms": "Tak, saya ikut manual betul-betul."}


def text_call(lang, agent_lines):
    turns = [("agent", 0.0, 2.0, GREETING[lang]), ("customer", 2.5, 8.0, COMPLAINT[lang])]
    t = 8.5
    for line in agent_lines:
        role = "customer" if line is CUSTOMER_REPLY[lang] else "agent"
        turns.append((role, t, t + 3.0, line))
        t += 3.5
    return make_call(turns, lang)


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_empathy_then_apology_passes_with_specific_resolution(lang):
    call = text_call(lang, [EMPATHY[lang], APOLOGY[lang], SPECIFIC[lang]])
    s = score_call(call)
    eba = s.result("empathy_before_apology")
    assert eba.outcome == "pass", [(f.kind, f.evidence) for f in eba.findings]
    kinds = {f.kind: f for f in eba.findings}
    assert kinds["first_empathy"].span.start < kinds["first_apology"].span.start
    assert s.result("resolution").outcome == "specific"
    assert s.result("arguing").outcome == "pass" and s.result("last_word").outcome == "pass"


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_apology_first_and_vague_resolution(lang):
    call = text_call(lang, [APOLOGY[lang], EMPATHY[lang], VAGUE[lang]])
    s = score_call(call)
    assert s.result("empathy_before_apology").outcome == "apology_first"
    res = s.result("resolution")
    assert res.outcome == "vague" and res.findings[0].utterance_ids == ("u004",)


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_apology_without_empathy_and_no_resolution(lang):
    s = score_call(text_call(lang, [APOLOGY[lang]]))
    assert s.result("empathy_before_apology").outcome == "no_empathy"
    assert s.result("resolution").outcome == "none" and s.result("resolution").score == 0


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_arguing_chain_weighs_more_than_one_remark(lang):
    # The chain's weighting, with every detected remark confirmed (the shipped operating point
    # confirms almost nothing: no threshold reaches 0.90 precision on real text; see the README).
    cfg = load_rubric_config()
    items = dict(cfg.items)
    items["arguing"] = dataclasses.replace(items["arguing"], options={"confirm_at": 0.5})
    cfg = dataclasses.replace(cfg, items=items)
    one = score_call(text_call(lang, [ARGUE[lang][0]]), cfg).result("arguing")
    chain = score_call(text_call(lang, [ARGUE[lang][0], CUSTOMER_REPLY[lang], ARGUE[lang][1]]), cfg).result("arguing")
    assert one.outcome == "arguing" and len(one.findings) >= 1
    assert chain.outcome == "arguing"  # one outcome name; the chain shows in its findings
    assert any(f.kind.startswith("argument_chain") for f in chain.findings)
    assert chain.score < one.score


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_last_word_after_resolution_weighs_most(lang):
    after = score_call(text_call(lang, [EMPATHY[lang], SPECIFIC[lang], LAST_WORD[lang]])).result("last_word")
    assert after.outcome == "last_word"
    f = after.findings[0]
    assert f.kind == "last_word_after_resolution" and f.weight >= 2.0
    assert f.utterance_ids == ("u004",)


def test_sarcastic_politeness_is_a_last_word_remark():
    line = "Well, thank you SO much for your patience, I'm sure the manual was very hard to read."
    r = score_call(text_call("en", [line])).result("last_word")
    [f] = r.findings
    # Found either way; it counts against the agent only at the labeller's measured operating
    # point for condescension, below which it is shown for review.
    confirmed = f.confidence >= r.options["confirm_at_used"]
    assert f.status == ("confirmed" if confirmed else "review")
    assert r.outcome == ("last_word" if confirmed else "pass")


def test_formulaic_sorry_before_the_complaint_is_not_empathy():
    call = make_call(
        [
            ("agent", 0.0, 2.0, "Sorry to hear that, how can I help?"),
            ("customer", 2.5, 8.0, COMPLAINT["en"]),
            ("agent", 8.5, 11.0, APOLOGY["en"]),
        ]
    )
    r = score_call(call).result("empathy_before_apology")
    assert r.outcome == "no_empathy"


def test_no_audio_skips_loudness_with_a_note():
    r = score_call(text_call("en", [ARGUE["en"][0]])).result("arguing")
    assert "no audio" in r.note and r.metrics["loudness"] is False


# --- findings against the agent: confirmed or for review -----------------------------------------


class StubLabeller:
    """Labels chosen by the test: per sentence text, a probability per label (else 0)."""

    version = "stub-1"
    thresholds = {"arguing": 0.5, "condescension": 0.5, "backchannel": 0.68}

    def __init__(self, probs):
        self.probs = probs

    def predict(self, texts, languages):
        return [dict(self.probs.get(t, {})) for t in texts]


STRONG = "That's not true, you must have used it wrong."
MILD = "Well, the manual does say to descale it every month."


def test_a_high_probability_remark_is_confirmed_and_penalised_a_mid_one_is_for_review():
    call = text_call("en", [STRONG, CUSTOMER_REPLY["en"], MILD])
    lab = StubLabeller({STRONG: {"arguing": 0.97}, MILD: {"arguing": 0.62}})
    r = score_call(call, labeller=lab).result("arguing")
    strong, mild = sorted(r.findings, key=lambda f: f.span.start)
    assert strong.status == "confirmed" and strong.confidence == pytest.approx(0.97)
    assert mild.status == "review" and mild.confidence == pytest.approx(0.62)
    # only the confirmed remark counts: one remark, no chain, one penalty
    assert r.outcome == "arguing" and r.score == 70.0
    assert r.metrics["remarks"] == 1
    assert r.metrics["confirmed_findings"] == 1 and r.metrics["review_findings"] == 1
    assert r.options["confirm_at_used"] == 0.85


def test_only_review_findings_keep_the_pass_and_the_call_score():
    call = text_call("en", [EMPATHY["en"], APOLOGY["en"], MILD])
    lab = StubLabeller({MILD: {"arguing": 0.6, "condescension": 0.7}})
    with_review = score_call(call, labeller=lab)
    clean = score_call(call, labeller=StubLabeller({}))
    for name in ("arguing", "last_word"):
        r = with_review.result(name)
        assert r.outcome == "pass" and r.score == 100.0
        assert [f.status for f in r.findings] == ["review"]
        assert r.metrics["confirmed_findings"] == 0 and r.metrics["review_findings"] == 1
    assert with_review.score == clean.score


def test_confirm_at_is_an_option():
    call = text_call("en", [MILD])
    lab = StubLabeller({MILD: {"condescension": 0.7}})
    cfg = load_rubric_config()
    items = dict(cfg.items)
    items["last_word"] = dataclasses.replace(items["last_word"], options={"confirm_at": 0.65})
    r = score_call(call, dataclasses.replace(cfg, items=items), labeller=lab).result("last_word")
    assert r.outcome == "last_word" and r.findings[0].status == "confirmed"


def test_every_result_counts_its_findings_by_status():
    s = score_call(text_call("en", [EMPATHY["en"], APOLOGY["en"], SPECIFIC["en"]]))
    for r in s.results:
        assert r.metrics["confirmed_findings"] == len(r.findings)
        assert r.metrics["review_findings"] == 0


def test_a_short_interruption_with_the_customer_resuming_is_for_review():
    # 0.2 s of overlap, the agent stops 0.4 s after the customer, who starts again at once
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 7.0, NARRATION["en"]),
            ("agent", 6.8, 7.4, "So what you are saying is"),
            ("customer", 7.5, 12.0, "and nobody called me back about it"),
        ]
    )
    r = result(call, "interruption")
    (f,) = r.findings
    assert f.kind.startswith("interruption") and f.status == "review" and f.confidence < 0.75
    assert r.outcome == "pass" and r.score == 100.0 and r.metrics["interruptions"] == 0
    assert r.metrics["review_findings"] == 1


def test_a_clear_interruption_is_confirmed():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 7.0, NARRATION["en"]),
            ("agent", 6.5, 11.0, CUT_IN["en"]),
        ]
    )
    (f,) = result(call, "interruption").findings
    assert f.status == "confirmed" and f.confidence >= 0.95


def test_mono_candidates_are_for_review():
    call = make_call(
        [("customer", 0.0, 6.0, "I ordered a coat and what arrived is the wrong"), ("agent", 6.05, 9.0, CUT_IN["en"])],
        source="diarized",
    )
    r = result(call, "interruption")
    assert r.findings and all(f.status == "review" for f in r.findings)


def test_findings_and_scores_round_trip_through_json():
    import json

    from qa.types import score_from_dict, to_dict

    call = text_call("en", [STRONG, CUSTOMER_REPLY["en"], MILD])
    score = score_call(call, labeller=StubLabeller({STRONG: {"arguing": 0.97}, MILD: {"arguing": 0.62}}))
    back = score_from_dict(json.loads(json.dumps(to_dict(score))))
    assert to_dict(back) == to_dict(score)
    assert [f.status for f in back.result("arguing").findings] == ["confirmed", "review"]
    assert back.quality is not None and back.quality.needs_review == score.quality.needs_review


def test_a_finding_stored_without_a_status_reads_as_confirmed():
    from qa.types import finding_from_dict

    f = finding_from_dict({"rubric": "arguing", "kind": "arguing", "start": 1.0, "end": 2.0, "confidence": 0.6})
    assert f.status == "confirmed" and f.span == Span(1.0, 2.0)


def _worded(call, role_index, words):
    """``call`` with utterance ``role_index``'s words set to ``[(text, start, end), ...]``."""
    import dataclasses

    from qa.types import Word

    utts = list(call.utterances)
    u = utts[role_index]
    utts[role_index] = dataclasses.replace(u, words=tuple(Word(Span(a, b), t, 0.9) for t, a, b in words))
    return dataclasses.replace(call, utterances=tuple(utts))


def test_coming_in_on_the_last_word_of_a_finished_sentence_is_only_for_review():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 7.0, "I ordered a blue coat and a grey one came."),
            ("agent", 6.6, 11.0, CUT_IN["en"]),
        ]
    )
    finished = _worded(call, 1, [("I", 2.5, 2.7), ("ordered", 2.7, 3.2), ("a", 3.2, 3.3), ("blue", 3.3, 3.8),
                                 ("coat", 3.8, 4.3), ("and", 4.3, 4.6), ("a", 4.6, 4.7), ("grey", 4.7, 5.3),
                                 ("one", 5.3, 5.9), ("came.", 6.4, 7.0)])
    (f,) = result(finished, "interruption").findings
    assert f.status == "review" and f.confidence <= 0.6 and "sentence was complete" in f.evidence
    # The same timing with the customer still going after the agent's onset: a cut-off.
    cut = _worded(call, 1, [("I", 2.5, 2.7), ("ordered", 2.7, 3.2), ("a", 3.2, 3.3), ("blue", 3.3, 3.8),
                            ("coat", 3.8, 4.3), ("and", 4.3, 4.6), ("a", 4.6, 4.7), ("grey", 4.7, 5.3),
                            ("one", 5.3, 6.5), ("came.", 6.8, 7.0)])
    (f,) = result(cut, "interruption").findings
    assert f.status == "confirmed"


def test_customer_speech_without_any_recognised_word_is_only_for_review():
    # The detector heard something on the customer's line as the agent opened the call (a noise,
    # the agent's own voice leaking across); Whisper found no customer word there.
    call = make_call(
        [
            ("agent", 3.9, 9.0, GREETING["en"]),
            ("customer", 10.0, 13.0, "Hi, I would like to pay a bill."),
        ],
        meta={"speech": {"agent": [[3.9, 9.0]], "customer": [[3.0, 4.8], [10.0, 13.0]]}},
    )
    call = _worded(call, 0, [("Hello,", 3.9, 4.4), ("this", 4.5, 4.8), ("is", 4.8, 5.0), ("the", 5.0, 5.2),
                             ("bank.", 5.2, 9.0)])
    call = _worded(call, 1, [("Hi,", 10.0, 10.4), ("I", 10.5, 10.6), ("would", 10.6, 10.9), ("like", 10.9, 11.2),
                             ("to", 11.2, 11.3), ("pay", 11.3, 11.8), ("a", 11.8, 11.9), ("bill.", 11.9, 13.0)])
    r = result(call, "interruption")
    (f,) = r.findings
    assert f.status == "review" and "no customer word was recognised" in f.evidence
    assert r.outcome == "pass" and r.metrics["interruptions"] == 0
    # The same timing with the customer's words under the agent's opening: a cut-off.
    spoken = _worded(
        make_call(
            [
                ("agent", 3.9, 9.0, GREETING["en"]),
                ("customer", 3.0, 4.8, "My card was stolen and"),
                ("customer", 10.0, 13.0, "Hi, I would like to pay a bill."),
            ],
            meta={"speech": {"agent": [[3.9, 9.0]], "customer": [[3.0, 4.8], [10.0, 13.0]]}},
        ),
        0,  # utterances are in time order: the customer's cut-off sentence comes first
        [("My", 3.0, 3.3), ("card", 3.3, 3.7), ("was", 3.7, 3.9), ("stolen", 3.9, 4.4), ("and", 4.4, 4.8)],
    )
    spoken = _worded(spoken, 1, [("Hello,", 3.9, 4.4), ("bank.", 4.5, 9.0)])
    spoken = _worded(spoken, 2, [("Hi,", 10.0, 10.4), ("pay", 10.5, 13.0)])
    assert [u.role for u in spoken.utterances] == ["customer", "agent", "customer"]
    (f,) = result(spoken, "interruption").findings
    assert "no customer word" not in f.evidence and f.status == "confirmed"


def test_a_simultaneous_start_is_only_for_review():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 3.4, "And the other thing"),
            ("agent", 2.6, 7.0, CUT_IN["en"]),  # both began within 0.1 s of each other
        ]
    )
    (f,) = result(call, "interruption").findings
    assert f.status == "review" and "both started together" in f.evidence


def test_an_agreeing_echo_under_two_seconds_is_a_backchannel():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 7.0, NARRATION["en"]),
            ("agent", 5.0, 6.7, "Yeah, right."),
        ]
    )
    r = result(call, "interruption")
    assert r.metrics["backchannels"] == 1 and not r.findings


@pytest.mark.parametrize(
    ("text", "lookup"),
    [
        ("Let me pull up your order.", True),
        ("Okay, let me have a look.", True),
        ("One moment please.", True),
        ("请稍等，我查一下。", True),
        ("확인해 보겠습니다.", True),
        ("Sebentar ya, saya semak dulu.", True),
        ("Let me see what I can do about a refund.", False),
        ("I will look into it and get back to you at some point.", False),
        ("Let me check with the warehouse and I will call you back by 5 pm today with a replacement date.", False),
        ("我们会给您退款。", False),
    ],
)
def test_a_look_up_is_not_a_resolution(text, lookup):
    from qa.rubrics.common import is_lookup_text

    assert is_lookup_text(text) is lookup


def test_a_call_whose_only_offer_is_a_look_up_has_no_resolution():
    call = make_call(
        [
            ("agent", 0.0, 2.0, GREETING["en"]),
            ("customer", 2.5, 7.0, NARRATION["en"]),
            ("agent", 7.5, 9.0, "Let me pull up your order."),
        ]
    )
    r = result(call, "resolution")
    assert r.outcome == "none" and not r.findings


def test_an_interruption_in_an_unpunctuated_transcript_is_for_review():
    """Reference transcripts without punctuation cannot show whether the customer had finished."""
    turns = [
        ("agent", 0.0, 1.5, "thank you for calling how can i help"),
        ("customer", 2.0, 3.5, "hi i have a problem with my order"),
        ("agent", 4.0, 5.0, "okay what happened"),
        ("customer", 5.5, 7.0, "the coat came in the wrong size"),
        ("agent", 7.5, 8.5, "i see go on"),
        ("customer", 9.0, 14.0, NARRATION["en"].lower()),
        ("agent", 13.5, 18.0, CUT_IN["en"].lower()),
    ]
    bare = result(make_call(turns), "interruption")
    (f,) = [f for f in bare.findings if f.kind.startswith("interruption")]
    assert f.status == "review" and "no punctuation" in f.evidence
    assert bare.outcome == "pass"
    turns[2] = ("agent", 4.0, 5.0, "Okay, what happened?")
    punctuated = result(make_call(turns), "interruption")
    assert punctuated.outcome == "interrupted" and punctuated.metrics["interruptions"] == 1


DATED_VAGUE = {
    "en": ("We'll get the replacement out to you within 3 working days.", "We'll get the replacement out to you soon."),
    "zh": ("我们三天内给您寄出新的。", "我们稍后给您寄出新的。"),
    "ko": ("3일 안으로 배달해드리겠습니다.", "나중에 배달해드리겠습니다."),
    "ms": ("Kami akan hantar yang baru dalam 3 hari.", "Kami akan hantar yang baru nanti."),
}


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ms"])
def test_an_offer_scored_vague_that_names_a_when_is_specific(lang):
    """What and when make a specific resolution, whatever the labeller made of the wording."""
    dated, undated = DATED_VAGUE[lang]
    lab = StubLabeller({dated: {"resolution_vague": 0.7}, undated: {"resolution_vague": 0.7}})
    r = score_call(text_call(lang, [dated]), labeller=lab).result("resolution")
    assert r.outcome == "specific" and [f.kind for f in r.findings] == ["dated_offer"]
    assert r.metrics["dated_offers"] == 1 and r.confidence == pytest.approx(0.7)
    r = score_call(text_call(lang, [undated]), labeller=lab).result("resolution")
    assert r.outcome == "vague" and [f.kind for f in r.findings] == ["vague_offer"]
    assert r.metrics["dated_offers"] == 0
