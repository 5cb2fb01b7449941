"""Each entity type in each language, spoken and written; redacted text; checksums (qa.redact)."""

from __future__ import annotations

import pytest

from qa.redact import detect, placeholder, redact_utterance_text
from tests.redact.calls import make_call, words_of

# (language, text before, the personal data, text after, entity); the agent asks nothing.
CASES = [
    # card numbers
    ("en", "my card number is ", "4111 1111 1111 1111", " thanks", "CARD_NUMBER"),
    ("en", "the card is ", "five one oh five one oh five one oh five one oh five one double oh", "", "CARD_NUMBER"),
    ("zh", "我的卡号是", "4012 8888 8888 1881", "", "CARD_NUMBER"),
    ("zh", "卡号", "五幺零五幺零五幺零五幺零五幺零零", "谢谢", "CARD_NUMBER"),
    ("ko", "카드 번호는 ", "3782 822463 10005", " 입니다", "CARD_NUMBER"),
    ("ko", "카드 번호는 ", "사 공 일 이 팔 팔 팔 팔 팔 팔 팔 팔 일 팔 팔 일", " 이에요", "CARD_NUMBER"),
    ("ms", "nombor kad saya ", "6011-1111-1111-1117", "", "CARD_NUMBER"),
    ("ms", "nombor kad saya ", "enam kosong satu satu satu satu satu satu satu satu satu satu satu satu satu tujuh", "",
     "CARD_NUMBER"),
    # CVV
    ("en", "and the CVV is ", "123", "", "CVV"),
    ("en", "the three digit code on the back is ", "four five six", "", "CVV"),
    ("zh", "安全码是", "三六九", "", "CVV"),
    ("ko", "CVC 번호는 ", "칠 팔 구", "", "CVV"),
    ("ms", "kod keselamatan ", "lima lima satu", "", "CVV"),
    # expiry
    ("en", "the expiry is ", "05/27", "", "EXPIRY"),
    ("en", "it expires ", "oh five twenty seven", "", "EXPIRY"),
    ("zh", "有效期", "二七年五月", "", "EXPIRY"),
    ("ko", "유효기간은 ", "27년 5월", "", "EXPIRY"),
    ("ms", "tarikh luput ", "kosong lima dua tujuh", "", "EXPIRY"),
    # bank accounts
    ("en", "the account number is ", "1234567890", "", "BANK_ACCOUNT"),
    ("en", "my IBAN is ", "GB82 WEST 1234 5698 7654 32", "", "BANK_ACCOUNT"),
    ("zh", "退到我的账户，账号是", "一二三四五六七八九零一二", "", "BANK_ACCOUNT"),
    ("ko", "계좌번호는 ", "110-123-456789", " 입니다", "BANK_ACCOUNT"),
    ("ms", "nombor akaun saya ", "1234 5678 9012", "", "BANK_ACCOUNT"),
    # phones
    ("en", "you can call me on ", "(415) 555-2671", "", "PHONE"),
    ("en", "my mobile is ", "plus four four seven nine one two three four five six seven eight", "", "PHONE"),
    ("zh", "我的手机号是", "138 1234 5678", "", "PHONE"),
    ("zh", "电话", "幺三八幺二三四五六七八", "", "PHONE"),
    ("ko", "제 전화번호는 ", "010-1234-5678", "", "PHONE"),
    ("ko", "연락처는 ", "공일공 일이삼사 오육칠팔", "", "PHONE"),
    ("ms", "nombor telefon saya ", "012-345 6789", "", "PHONE"),
    ("ms", "telefon saya ", "kosong satu dua tiga empat lima enam tujuh lapan sembilan", "", "PHONE"),
    # e-mail addresses
    ("en", "my email is ", "john.lee@gmail.com", "", "EMAIL"),
    ("en", "send it to ", "john dot lee at gmail dot com", " please", "EMAIL"),
    ("zh", "我的邮箱是", "wangxm艾特qq点com", "", "EMAIL"),
    ("ko", "이메일은 ", "minsu 골뱅이 naver 닷컴", " 입니다", "EMAIL"),
    ("ms", "emel saya ", "siti titik aminah at gmail titik com", "", "EMAIL"),
    # national IDs
    ("en", "my NRIC is ", "S1234567D", "", "NATIONAL_ID"),
    ("en", "my FIN is ", "F one two three four five six seven N", "", "NATIONAL_ID"),
    ("zh", "身份证号码是", "11010519491231002X", "", "NATIONAL_ID"),
    ("zh", "我的身份证是", "幺幺零幺零五幺九四九幺二三幺零零二X", "", "NATIONAL_ID"),
    ("ko", "주민등록번호는 ", "850315-1234566", " 입니다", "NATIONAL_ID"),
    ("ko", "주민번호 ", "팔오공삼일오 일이삼사오육육", "", "NATIONAL_ID"),
    ("ms", "nombor IC saya ", "770305-02-1234", "", "NATIONAL_ID"),
    ("ms", "IC saya ", "tujuh tujuh kosong tiga kosong lima kosong dua satu dua tiga empat", "", "NATIONAL_ID"),
    # dates of birth
    ("en", "I was born on ", "15 March 1985", "", "DATE_OF_BIRTH"),
    ("en", "my date of birth is ", "the fifteenth of March nineteen eighty five", "", "DATE_OF_BIRTH"),
    ("zh", "我的生日是", "1985年3月15日", "", "DATE_OF_BIRTH"),
    ("zh", "我是", "一九八五年三月十五日", "出生的", "DATE_OF_BIRTH"),
    ("ko", "생년월일은 ", "1985년 3월 15일", " 입니다", "DATE_OF_BIRTH"),
    ("ko", "저는 ", "1985년 삼월 십오일", " 출생입니다", "DATE_OF_BIRTH"),
    ("ms", "tarikh lahir saya ", "15 Mac 1985", "", "DATE_OF_BIRTH"),
    ("ms", "saya lahir pada ", "lima belas Mac sembilan belas lapan puluh lima", "", "DATE_OF_BIRTH"),
    # names
    ("en", "hi, my name is ", "David Tan", " and I'm calling about my bill", "PERSON"),
    ("en", "my surname is ", "T-A-N", "", "PERSON"),
    ("zh", "你好，我叫", "王小明", "，我想投诉", "PERSON"),
    ("ko", "제 이름은 ", "김민수", " 입니다", "PERSON"),
    ("ms", "selamat pagi, nama saya ", "Ahmad bin Ismail", "", "PERSON"),
    # addresses
    ("en", "I live at ", "12 Orchard Road", ", near the station", "ADDRESS"),
    ("zh", "我住在", "北京市朝阳区建国路88号", "", "ADDRESS"),
    ("ko", "주소는 ", "서울시 강남구 테헤란로 123", " 입니다", "ADDRESS"),
    ("ms", "saya tinggal di ", "No 12 Jalan Ampang", "", "ADDRESS"),
]


def _ids(case):
    return f"{case[0]}-{case[4]}-{case[2][:12]}"


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_entity_found_covering_its_words_and_redacted(case):
    lang, before, pii, after, entity = case
    call = make_call(("customer", before + pii + after), lang=lang)
    spans = detect(call)
    first = len(words_of(before, lang))
    wanted = set(range(first, first + len(words_of(pii, lang))))
    covered = {w for s in spans if s.entity == entity for w in range(*s.words)}
    assert wanted <= covered, (entity, [repr(s) for s in spans])
    text = redact_utterance_text(call.utterances[0], spans, 0)
    assert placeholder(entity) in text
    assert pii not in text
    for word in words_of(pii, lang):
        if any(ch.isdigit() for ch in word):
            assert word.strip(",.-") not in text


@pytest.mark.parametrize("timings", [True, False])
def test_card_split_across_utterances_and_an_interjection(timings):
    call = make_call(
        ("agent", "can I have the card number please"),
        ("customer", "four one one one, one one one one"),
        ("agent", "okay"),
        ("customer", "one one one one, one one one one"),
        timings=timings,
    )
    spans = [s for s in detect(call) if s.entity == "CARD_NUMBER"]
    assert [s.utterance for s in spans] == [1, 3]
    assert len({s.group for s in spans}) == 1
    assert [redact_utterance_text(u, spans, i) for i, u in enumerate(call.utterances)][1:] == [
        "[CARD_NUMBER]", "okay", "[CARD_NUMBER]"
    ]


def test_written_groups_split_across_utterances_in_korean():
    call = make_call(("customer", "카드 번호는 4111 1111"), ("agent", "네"), ("customer", "1111 1111 입니다"), lang="ko")
    spans = detect(call)
    assert {(s.entity, s.utterance) for s in spans} == {("CARD_NUMBER", 0), ("CARD_NUMBER", 2)}


@pytest.mark.parametrize(
    ("text", "lang", "entity"),
    [
        ("my card number is 4111 1111 1111 1112", "en", "CARD_NUMBER"),
        ("카드 번호는 4111 1111 1111 1112", "ko", "CARD_NUMBER"),
        ("주민등록번호는 850315-1234567 입니다", "ko", "NATIONAL_ID"),
        ("my NRIC is S1234567A", "en", "NATIONAL_ID"),
        ("my IC number is 771305-02-1234", "en", "NATIONAL_ID"),
        ("身份证号码是110105194912310021", "zh", "NATIONAL_ID"),
    ],
)
def test_checksum_failures_are_not_that_entity(text, lang, entity):
    call = make_call(("customer", text), lang=lang)
    assert entity not in [s.entity for s in detect(call)]


def test_an_invalid_iban_is_not_an_iban_but_its_digits_still_count_as_an_account():
    valid = detect(make_call(("customer", "my IBAN is GB82 WEST 1234 5698 7654 32")))
    invalid = detect(make_call(("customer", "my IBAN is GB83 WEST 1234 5698 7654 32")))
    assert [s.detector for s in valid] == ["iban"] and valid[0].text == "GB82 WEST 1234 5698 7654 32"
    assert "iban" not in [s.detector for s in invalid]
    assert [s.text for s in invalid] == ["1234 5698 7654 32"]  # said as an account: still redacted


def test_card_context_without_luhn_is_an_option():
    call = make_call(("customer", "my card number is 4111 1111 1111 1112"))
    spans = detect(call, {"card_needs_luhn": False})
    assert [(s.entity, s.detector, s.confidence) for s in spans] == [("CARD_NUMBER", "card-context", 0.5)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my order number is 4111 1111 1111 1111", "en"),
        ("the tracking number is four one one one one one one one one one one one one one one one", "en"),
        ("I paid $1,249.99 on 15/03/2024 at 3:45 pm and waited 45 minutes", "en"),
        ("ticket 12345678 was closed, the case number is 87654321", "en"),
        ("the card ending in 4242 was charged twice", "en"),
        ("it happened on the fifteenth of March twenty twenty four", "en"),
        ("I bought three boxes for forty nine ninety nine", "en"),
        ("我的订单号是4111111111111111", "zh"),
        ("我花了三百五十块，三月十五号去的营业厅", "zh"),
        ("尾号4242的那张卡", "zh"),
        ("주문번호는 4111111111111111입니다", "ko"),
        ("삼만 오천 원 결제됐어요, 오후 세 시 반에", "ko"),
        ("끝자리 4242 카드요", "ko"),
        ("Nombor pesanan saya 4111 1111 1111 1111", "ms"),
        ("Saya bayar RM1,280.00 pada 12/05/2024", "ms"),
        ("Nombor kes 1234567890", "ms"),
    ],
)
def test_look_alikes_are_not_flagged(text, lang):
    assert detect(make_call(("customer", text), lang=lang)) == []


def test_agent_question_gives_the_context():
    call = make_call(("agent", "What is the best number to reach you on?"), ("customer", "nine one two three four five six seven"))
    assert [s.entity for s in detect(call)] == ["PHONE"]
    call = make_call(("agent", "What is your order number?"), ("customer", "nine one two three four five six seven"))
    assert detect(call) == []


def test_text_only_utterances_are_detected_too():
    call = make_call(("customer", "my card number is 4111 1111 1111 1111"), timings=False)
    (span,) = detect(call)
    u = call.utterances[0]
    assert span.entity == "CARD_NUMBER" and u.span.start <= span.start_s < span.end_s <= u.span.end + 1e-9
    assert redact_utterance_text(u, [span]) == "my card number is [CARD_NUMBER]"


def test_options_echo_and_validation():
    with pytest.raises(ValueError):
        detect(make_call(("customer", "hi")), {"no_such_option": 1})
    call = make_call(("customer", "my email is john.lee@gmail.com and my card number is 4111 1111 1111 1111"))
    assert [s.entity for s in detect(call, {"entities": ("EMAIL",)})] == ["EMAIL"]


def test_lower_case_transcripts_names_spelled_and_repeated():
    call = make_call(
        ("agent", "may I have your name"),
        ("customer", "my name is cheryl turner"),
        ("agent", "could you spell it"),
        ("customer", "the last name is t u r n e r"),
        ("agent", "thank you turner your table is booked"),
    )
    spans = [s for s in detect(call) if s.entity == "PERSON"]
    assert {(s.utterance, s.text) for s in spans} == {(1, "cheryl turner"), (3, "t u r n e r"), (4, "turner")}


def test_call_me_back_is_not_a_name():
    assert detect(make_call(("customer", "please call me back tomorrow"))) == []


def test_a_number_called_a_phone_number_is_redacted_even_when_no_plan_knows_it():
    call = make_call(("customer", "my phone number is 3 7 0 3 1 8 0 4 8 2"))
    assert [(s.entity, s.detector) for s in detect(call)] == [("PHONE", "phone-context")]


def test_read_back_fragments_are_the_same_number():
    call = make_call(
        ("agent", "may I know your telephone number"),
        ("customer", "it is 3 7 0"),
        ("agent", "370 please go ahead"),
        ("customer", "3 1 8 0 4 8 2"),
        ("agent", "3703180482 thank you"),
    )
    spans = detect(call)
    assert {s.utterance for s in spans if s.entity == "PHONE"} == {1, 2, 3, 4}
    assert all("370" not in redact_utterance_text(u, spans, i) for i, u in enumerate(call.utterances))


def test_street_addresses_by_shape():
    call = make_call(("agent", "the guest house is on 1 5 1 hills road it's lovely"),
                     ("agent", "it's at unit 8 viking way bar hill anything else"))
    assert [(s.utterance, s.text) for s in detect(call)] == [(0, "1 5 1 hills road"), (1, "unit 8 viking way bar hill")]
