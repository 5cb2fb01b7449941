"""Spoken and written digits normalised per language (qa.redact.numerals, qa.redact.streams)."""

from __future__ import annotations

import pytest

from qa.redact.numerals import hangul_digits
from qa.redact.records import RedactOptions
from qa.redact.streams import digit_runs, prepare
from tests.redact.calls import make_call


def run_values(*turns, lang="en") -> list[str]:
    prep = prepare(make_call(*turns, lang=lang))
    return [r.value for r in digit_runs(prep, RedactOptions())]


@pytest.mark.parametrize(
    ("text", "lang", "digits"),
    [
        ("four five three two", "en", "4532"),
        ("double five oh seven", "en", "5507"),
        ("triple nine one", "en", "9991"),
        ("forty five thirty two", "en", "4532"),
        ("4532 1234 5678", "en", "453212345678"),
        ("four five three two, one two three four", "en", "45321234"),
        ("四五三二幺零", "zh", "453210"),
        ("四 五 三 二 〇 一", "zh", "453201"),
        ("사 오 삼 이", "ko", "4532"),
        ("사오삼이 공일공", "ko", "4532010"),
        ("하나 둘 셋 넷", "ko", "1234"),
        ("공일공이요", "ko", "010"),  # 010이요: "it is 010"
        ("empat lima tiga dua kosong", "ms", "45320"),
        ("sifar satu double lapan", "ms", "0188"),
    ],
)
def test_spoken_digits_normalise(text, lang, digits):
    assert run_values(("customer", text), lang=lang) == [digits]


def test_hangul_digits_strips_endings_but_not_words():
    assert hangul_digits("오입니다") == "5"
    assert hangul_digits("칠팔이요") == "78"
    assert hangul_digits("안녕하세요") is None
    assert hangul_digits("카드") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I paid $1,249.99 on 15/03/2024 at 3:45", "en"),
        ("我花了三百五十块，三月十五号", "zh"),
        ("삼만 오천 원, 3월 15일", "ko"),
        ("Saya bayar RM1,280.00 pada 12/05/2024", "ms"),
        ("二零二四年五月", "zh"),
    ],
)
def test_quantities_are_not_digit_runs(text, lang):
    assert run_values(("customer", text), lang=lang) == []


def test_oh_is_zero_only_beside_digits():
    assert run_values(("customer", "oh, my number is one two three")) == ["123"]
    assert run_values(("customer", "oh one seven five three")) == ["01753"]
    assert run_values(("customer", "five four three oh")) == ["5430"]


def test_run_continues_into_the_next_utterance_across_a_short_interjection():
    turns = [("customer", "four five three two one two"), ("agent", "okay"), ("customer", "three four five six")]
    assert run_values(*turns) == ["4532123456"]


def test_run_does_not_continue_across_a_real_reply():
    turns = [("customer", "four five three two"), ("agent", "sorry could you repeat the first part please"),
             ("customer", "one two three four")]
    assert run_values(*turns) == ["4532", "1234"]


def test_run_does_not_continue_into_the_other_speaker():
    turns = [("customer", "four five three two"), ("agent", "one two three four")]
    assert sorted(run_values(*turns)) == ["1234", "4532"]
