"""Requests met on the call (qa.rubrics.requests) and how the resolution item uses them."""

from __future__ import annotations

from qa.rubrics.common import Sentence
from qa.rubrics.requests import (
    answered_requests,
    confirmed_bookings,
    has_particulars,
    is_request,
)
from qa.types import Span


def dialogue(*turns: tuple[str, str]) -> list[Sentence]:
    out = []
    for i, (role, text) in enumerate(turns):
        out.append(Sentence(f"u{i}#0", f"u{i}", 0, role, text, Span(i * 5.0, i * 5.0 + 4.0), "en"))
    return out


def keys(sentences: list[Sentence]) -> set[str]:
    return {s.key for s in sentences}


def test_requests_and_particulars_in_four_languages() -> None:
    assert is_request("can I get the address please")
    assert is_request("and the price")  # elliptical, short, no digits
    assert not is_request("my phone number is 0 3 8")  # a statement with digits
    assert is_request("请问多少钱")
    assert is_request("주소 알려 주세요")
    assert is_request("boleh saya tahu harganya")
    assert has_particulars("it will cost you 37 pounds")
    assert has_particulars("it's called trinity college")
    assert has_particulars("明天下午三点")
    assert has_particulars("내일 오후 세 시에 갑니다") and has_particulars("오만 원입니다")
    assert has_particulars("juruteknik akan datang esok pukul 8")
    assert not has_particulars("let me check that for you")


def test_answers_with_particulars_are_found_and_read_backs_are_not() -> None:
    s = dialogue(
        ("customer", "can you give me the address and phone number"),
        ("agent", "it's 151 hills road and it's called bridge guest house"),
        ("customer", "my number is 3 7 0 3 1 8"),
        ("agent", "370318 please go ahead"),  # a read-back, not an answer
        ("customer", "okay the price"),
        ("agent", "it will be 37 pounds and 80 cents"),
        ("agent", "okay"),
        ("agent", "anything else"),
        ("agent", "right"),
        ("agent", "we also have 3 rooms left"),  # a fifth agent sentence: no longer the answer
    )
    found = answered_requests(s, keys(s))
    assert [f.text for f in found] == [
        "it's 151 hills road and it's called bridge guest house",
        "it will be 37 pounds and 80 cents",
    ]
    # Only sentences said once the complaint was heard count.
    assert answered_requests(s, {"u5#0"}) == [s[5]]
    # A read-back missing a digit (one the recogniser gave the customer) is still a read-back.
    back = dialogue(
        ("customer", "can you take my number"),
        ("customer", "it's 3 7"),
        ("agent", "370 go ahead please"),
    )
    assert answered_requests(back, keys(back)) == []


def test_a_question_back_or_a_look_up_is_no_answer() -> None:
    s = dialogue(
        ("customer", "can you check my order"),
        ("agent", "is that order 4471?"),
        ("agent", "let me pull up your order"),
    )
    assert answered_requests(s, keys(s)) == []


def test_bookings_need_a_day_or_time_nearby_to_be_specific() -> None:
    dated = dialogue(
        ("customer", "the taxi should arrive by 3 o'clock"),
        ("agent", "okay the itinerary and time has been confirmed"),
    )
    assert [(b.key, d) for b, d in confirmed_bookings(dated, keys(dated))] == [("u1#0", True)]
    undated = dialogue(
        ("customer", "i need a technician"),
        ("agent", "sure"),
        ("agent", "okay"),
        ("agent", "right"),
        ("agent", "alright"),
        ("agent", "your appointment has been booked"),
    )
    assert [(b.key, d) for b, d in confirmed_bookings(undated, keys(undated))] == [("u5#0", False)]
    zh = dialogue(("customer", "师傅什么时候来"), ("agent", "已经帮您预约好了，明天上午九点"))
    assert [d for _, d in confirmed_bookings(zh, keys(zh))] == [True]


def call_of(*turns: tuple[str, str]):
    from qa.types import Call, Utterance

    utts = tuple(
        Utterance(f"u{i:03d}", role, Span(i * 5.0, i * 5.0 + 4.0), text, language="en")
        for i, (role, text) in enumerate(turns)
    )
    return Call("t", "ann", len(turns) * 5.0 + 1.0, "stereo", utts, {})


def test_a_request_met_on_the_call_is_a_specific_resolution() -> None:
    from qa.scoring import score_call

    met = call_of(
        ("customer", "hi i'm looking for a guesthouse in the south with free parking"),
        ("agent", "sure what kind"),
        ("customer", "can you give me the address"),
        ("agent", "it's called bridge guest house on 151 hills road"),
        ("customer", "and the phone number"),
        ("agent", "the number is 01223 247942"),
    )
    r = score_call(met).result("resolution")
    assert r.outcome == "specific"
    assert {f.kind for f in r.findings} == {"request_met"}
    assert r.metrics["requests_answered"] == 2

    one_fact = call_of(
        ("customer", "you charged me twice for the same order and i am really upset"),
        ("customer", "why was i charged again"),
        ("agent", "the second charge was 40 dollars on the 3rd"),
    )
    r = score_call(one_fact).result("resolution")
    assert r.outcome != "specific"  # one answered question does not resolve a complaint
    assert r.metrics["requests_answered"] == 1


def test_what_was_asked_for_confirmed_as_done_is_a_resolution() -> None:
    # Payments, transfers, replacements sent and "all set up" after the day and time were agreed
    # are done on the call; what went wrong ("sent to the wrong address") is no such confirmation.
    paid = dialogue(
        ("customer", "the amount of the bill is one hundred and thirty two dollars"),
        ("agent", "alright one hundred and thirty two dollars exact has been paid to smart electric"),
    )
    assert [(b.key, d) for b, d in confirmed_bookings(paid, keys(paid))] == [("u1#0", True)]
    set_up = dialogue(
        ("customer", "i would like to schedule an appointment"),
        ("customer", "tuesday eight fifteen a m"),
        ("agent", "okay"),
        ("agent", "okay got you all set up"),
        ("agent", "Okay. I got your all set up."),  # as Whisper heard it on a real call
    )
    assert [(b.key, d) for b, d in confirmed_bookings(set_up, keys(set_up))] == [("u3#0", True), ("u4#0", True)]
    on_the_way = dialogue(
        ("customer", "i lost my credit card can you send me a new one"),
        ("agent", "you have a new credit card on the way"),
    )
    assert [d for _, d in confirmed_bookings(on_the_way, keys(on_the_way))] == [False]  # vague: no when
    for text in (
        "your order was sent to the wrong address",
        "it's been sent to the wrong address",
        "i sent you an email yesterday",
        "which card would you like to replace",
    ):
        assert confirmed_bookings(dialogue(("agent", text)), {"u0#0"}) == [], text
    for text, lang in (("退款已经到账", "zh"), ("환불 처리해 드렸습니다", "ko"), ("saya sudah hantar kad baru", "ms")):
        s = [Sentence("u0#0", "u0", 0, "agent", text, Span(0.0, 3.0), lang)]
        assert len(confirmed_bookings(s, {"u0#0"})) == 1, text


def test_a_payment_confirmed_with_its_amount_is_a_specific_resolution() -> None:
    from qa.scoring import score_call

    r = score_call(
        call_of(
            ("customer", "hi i would like to pay a bill"),
            ("agent", "what is the bill amount"),
            ("customer", "one hundred and thirty two dollars"),
            ("agent", "alright one hundred and thirty two dollars exact has been paid to smart electric"),
        )
    ).result("resolution")
    assert r.outcome == "specific" and "booking_confirmed" in {f.kind for f in r.findings}


def test_unpunctuated_questions_and_echoes_are_no_answers() -> None:
    # Reference transcripts often come without punctuation.
    s = dialogue(
        ("customer", "i would like to make an appointment"),
        ("agent", "what day would you like for your appointment"),
        ("customer", "monday"),
        ("agent", "monday"),  # an echo of the customer's word
        ("agent", "is there anything else i can help you with today"),
    )
    assert answered_requests(s, keys(s)) == []
    answered = dialogue(
        ("customer", "can you tell me the opening hours"),
        ("agent", "we are open from nine thirty a m to five p m monday to friday"),
    )
    assert [a.key for a in answered_requests(answered, keys(answered))] == ["u1#0"]


def test_a_when_the_agent_can_be_held_to() -> None:
    from qa.rubrics.requests import names_a_time

    for text in (
        "a technician will come tomorrow at 9 am",
        "we will call you back within 2 hours",
        "you will have the refund by the end of the week",
        "I can send it on Monday",
        "within twenty-four hours",
        "明天下午三点",
        "三天内给您退款",
        "下周一给您回电",
        "3일 안으로 배달해드리겠습니다.",
        "내일 연락드리겠습니다",
        "juruteknik akan datang esok",
        "kami hantar dalam 3 hari",
    ):
        assert names_a_time(text), text
    for text in (
        "we'll look into it and get back to you at some point",
        "it should go out soon",
        "I can't give you a date right now",
        "in a minute",
        "in a few days",
        "나중에 연락드릴게요",
        "3시간 동안 기다렸어요",  # how long the customer waited, not a deadline
        "我们稍后联系您",
        "kami akan hubungi anda nanti",
        "the address is 99 South 1st Street",  # an ordinal in an address, not a date
    ):
        assert not names_a_time(text), text
    assert names_a_time("we can come on the 12th")
