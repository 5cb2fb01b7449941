import json

import pytest

from qa.types import Call, Span, Utterance, Word, call_from_dict, to_dict


def test_span_operators():
    a, b = Span(1.0, 3.0), Span(2.0, 5.0)
    assert a & b == Span(2.0, 3.0)
    assert a | b == Span(1.0, 5.0)
    assert (a & Span(3.0, 4.0)) is None  # touching is not overlapping
    assert 1.0 in a and 3.0 not in a
    assert Span(1.5, 2.5) in a and b not in a
    assert a.overlap(b) == pytest.approx(1.0)
    assert sorted([b, a]) == [a, b]
    assert len({a, Span(1.0, 3.0)}) == 1


@pytest.mark.parametrize("start,end", [(2.0, 1.0), (float("nan"), 1.0), (0.0, float("inf"))])
def test_span_rejects_bad_times(start, end):
    with pytest.raises(ValueError):
        Span(start, end)


def test_call_round_trip_through_json():
    w = Word(Span(0.1234567, 0.5), "hello", 0.9)
    u = Utterance("u000", "agent", Span(0.1, 0.5), "hello", (w,), "en", 0)
    c = Call("c1", "ann", 10.0, "stereo", (u,), {"speech": {"agent": [[0.1, 0.5]], "customer": []}})
    data = json.loads(json.dumps(to_dict(c)))
    assert data["utterances"][0]["words"][0]["start"] == 0.123  # rounded at serialisation only
    back = call_from_dict(data)
    assert back.utterances[0].text == "hello" and back.utterances[0].role == "agent"
    assert back.speech("agent") == (Span(0.1, 0.5),)
    assert back.speech("customer") == ()
    assert back.language == "en"


def test_frozen():
    s = Span(0, 1)
    with pytest.raises(AttributeError):
        s.start = 2  # type: ignore[misc]
