"""Requests met on the call: the part of a resolution that no single sentence shows.

On real calls an agent often resolves the customer's request across several sentences: the
customer asks ("can I get the address?", "请问多少钱"), the agent answers with the particulars
("it's 151 Hills Road", "37 pounds 80"), or the agent confirms a booking a few sentences after the
day and time were agreed. The labeller judges one sentence at a time and scores each such answer
low, so the resolution item adds these call-level signals:

- :func:`answered_requests`: agent sentences that answer a customer's request with particulars
  (a number, a time, a price, a name introduced with "called") within the next four agent
  sentences;
- :func:`confirmed_bookings`: agent sentences that confirm what the customer asked for as done —
  a booking or appointment, a payment, transfer or refund made, a replacement or document sent —
  with the particulars (a day, time, amount or number) said by either party in the minute before.

Both are deliberately literal: they credit an agent only for what a QA lead can point to in the
transcript, and each one becomes a finding with its quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.rubrics.common import Sentence, is_lookup_text

__all__ = ["answered_requests", "confirmed_bookings", "has_particulars", "is_request", "names_a_time"]

#: A customer asking for something: a question or a request for information or action.
_REQUEST = re.compile(
    r"\?|？|"
    r"\b(can|could|would|will) (you|i|we)\b|\bi('d| would) like\b|\bi need\b|\bi('m| am) looking for\b|"
    r"\bplease\b|\b(what|where|when|which|why|who|how)\b|"
    r"请|能不能|可不可以|可以|帮我|多少|哪|什么时候|几点|吗|呢|"
    r"주세요|알려|어디|언제|얼마|몇|나요|까요|"
    r"\b(boleh|tolong|berapa|di mana|bila|apa|nak)\b",
    re.IGNORECASE,
)

#: An elliptical request ("okay, the price?"): the thing asked for named in a short sentence.
_ASKED_FOR = re.compile(
    r"\b(address|phone number|number|price|fee|cost|time|hours|postcode|reference)\b", re.IGNORECASE
)
_DIGITS = re.compile(r"\d")
#: An elliptical request has at most this many words.
ELLIPTICAL_MAX_WORDS = 6

#: Pieces shared by :data:`_PARTICULARS` and :data:`_WHEN`.
_WEEKDAYS_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYS_MS = r"hari ini|esok|lusa|isnin|selasa|rabu|khamis|jumaat|sabtu|ahad"
_AM_PM = r"[ap]\.?\s?m\b|\b[ap]\.m\."

#: Particulars: digits, clock times, prices, days, or a name introduced as "called X".
_PARTICULARS = re.compile(
    r"\d|"
    r"\d\s*" + _AM_PM + r"|"
    r"\b(o'?clock|noon|midnight|tomorrow|today|tonight|" + _WEEKDAYS_EN + r"|"
    r"pounds?|dollars?|ringgit|cents?|pence|minutes?|hours?)\b|"
    r"\b(it's |is |it is )?called \w+|"
    r"[零一二两三四五六七八九十百千万]+(点|元|块|号|分钟|小时)|明天|后天|今天|星期|周[一二三四五六日天]|"
    r"[일이삼사오육칠팔구십백천만]+\s?(시|원|분|일)|내일|모레|오늘|월요일|화요일|수요일|목요일|금요일|토요일|일요일|"
    r"\b(pukul|jam|" + _DAYS_MS + r"|sen)\b",
    re.IGNORECASE,
)

_NUM_EN = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|twenty[- ]four|forty[- ]eight)"
#: A when that a QA lead can hold the agent to: a clock time, a day or date, or a deadline with a
#: number ("within 3 working days", "三天内", "3일 안으로", "dalam 3 hari"). "Soon", "later",
#: "at some point", 稍后, 나중에 and nanti name none.
_WHEN = re.compile(
    r"\b\d{1,2}(:\d{2})?\s*" + _AM_PM + r"|\b\d{1,2}:\d{2}\b|\b(o'?clock|noon|midnight)\b|"
    r"\b(today|tomorrow|tonight|this (morning|afternoon|evening|week)|next (week|month)|"
    r"(this |next |on )?(" + _WEEKDAYS_EN + r"))\b|"
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december) \d|"
    r"\b\d{1,2}(st|nd|rd|th)\b(?! (street|st|avenue|ave|road|rd|floor|place|boulevard|blvd|lane|drive|way)\b)|"
    r"\b(within|in|by|under|inside) (the next |about |around )?" + _NUM_EN + r" (business |working )?"
    r"(minutes?|hours?|days?|weeks?)\b|\b(within|in) (an hour|a day|a week)\b|\b(by|before) (the )?end of (the )?(day|week|month)\b|"
    r"今天|明天|后天|今晚|[下本这]?(星期|周|礼拜)[一二三四五六日天]|下周|"
    r"[0-9零一二两三四五六七八九十]+\s?(点|号|月)|"
    r"[0-9零一二两三四五六七八九十百]+\s?个?(工作日|天|小时|分钟|周|星期)(之?内|以内)|"
    r"오늘|내일|모레|[월화수목금토일]요일|다음 ?주|이번 ?주|\d+\s?(시|월)(?!간)|"
    r"(\d+\s?(일|시간|분|주)|하루|이틀|사흘)\s?(안에|안으로|이내|내로|내에|까지)|"
    r"\b(minggu depan|" + _DAYS_MS + r")\b|"
    r"\b(pukul|jam) \d|\bdalam (masa )?(\d+|satu|dua|tiga|empat|lima|tujuh) (hari|jam|minit|minggu)\b",
    re.IGNORECASE,
)


#: Something the customer asked for confirmed as done by the agent: a booking or appointment, a
#: payment, transfer or refund made, a replacement or document sent ("has been sent to your home
#: address", "a new card is on the way", "got you all set up").
_DONE_EN = (
    r"\b(has|have|'s|'ve|is|are|was|were|been) (been )?(booked|confirmed|reserved|scheduled|arranged|set up)\b|"
    r"\b(has|have|'s|'ve|is|are) (been |now |just |already )+(paid|sent|mailed|posted|shipped|dispatched|"
    r"transferred|processed|refunded|credited|issued|replaced|reset|reactivated|activated|unlocked)\b|"
    r"\bi('ve| have)? (already |just )?(booked|reserved|scheduled|arranged)\b|"
    r"\bi('ve| have) (already |just |now )?(sent|mailed|posted|shipped|dispatched|transferred|processed|"
    r"refunded|credited|issued|replaced|reset|set up)\b|"
    r"\byou('re| are) (all )?(booked|set)\b|"
    r"\b(got|have|'ve got) your? (all )?(booked|scheduled|set|sorted)\b|"  # "your": a common mishearing
    r"\bon (its|their|the) way\b|"
    r"\b(booking|reservation|appointment|payment|transfer|refund) (is|has been|was) "
    r"(made|confirmed|done|successful|complete|completed)\b"
)
#: What went wrong, not what was done: "it was sent to the wrong address", "charged twice".
_MISTAKE = re.compile(r"\b(wrong|mistake|mistaken|twice|incorrect(ly)?|in error|by error)\b|错|잘못|salah", re.I)
_DONE = re.compile(
    _DONE_EN + "|"
    r"已经?(帮您|为您|给您)?(预约|预订|预定|安排|登记|办理|处理|寄出|发出|退款|退回|转账|补发|重置)(好|完成)?了|"
    r"预约成功|(退款|转账|付款|补发)(已|已经)?(成功|完成|到账)|"
    r"(예약|처리|발송|환불|이체|재발급)(이|을|가|를)? ?(되었|됐|완료|해 ?드렸|잡아 ?드렸)|"
    r"\b(sudah|telah) (di)?(tempah|buat|atur|hantar|bayar|pindah|proses|pulang|ganti)\w*",
    re.IGNORECASE,
)

#: An answer this many agent sentences after the request at most (ASR cuts a spoken answer into
#: short sentences: "Entrance fee. Okay, let me have a look. It will cost you £1.").
ANSWER_WITHIN = 4
#: A read-back is checked against this many of the customer's latest digits.
READ_BACK_DIGITS = 32
#: Particulars for a booking: said by either party this long before it (the day and time are
#: usually agreed first, then the name and number taken) or after it, in seconds.
BOOKING_BEFORE_S = 60.0
BOOKING_AFTER_S = 15.0


def is_request(text: str) -> bool:
    """A customer sentence that asks for something.

    A question, a request form ("can you", "I'd like", "please", "请", "주세요", "tolong"), or a
    short sentence without digits that names what is asked for ("and the address").
    """
    if _REQUEST.search(text):
        return True
    short = len(text.split()) <= ELLIPTICAL_MAX_WORDS
    return short and not _DIGITS.search(text) and bool(_ASKED_FOR.search(text))


def has_particulars(text: str) -> bool:
    """A sentence with particulars: a number, a time or day, a price, or a name given."""
    return bool(_PARTICULARS.search(text))


def _digits(text: str) -> str:
    return "".join(_DIGITS.findall(text))


def _read_back(mine: str, heard: str) -> bool:
    """The agent's digits repeat the customer's: all of them, or all but one (a digit the
    recogniser gave the other party), appear in a row in what the customer said."""
    need = max(2, len(mine) - 1)
    return any(mine[i : i + need] in heard for i in range(len(mine) - need + 1))


#: A question without its question mark (transcripts from elsewhere are often unpunctuated):
#: "is there anything else i can help you with today", "what time would you like".
_QUESTION_START = re.compile(
    r"^\W*(is|are|do|does|did|can|could|would|will|shall|may|what|where|when|which|who|how|"
    r"anything|something)\b",
    re.IGNORECASE,
)
#: An echo this short ("monday", "eight fifteen a m") of the customer's own words is a read-back.
ECHO_MAX_WORDS = 4


def _echo(text: str, heard_words: set[str]) -> bool:
    words = re.findall(r"\w+", text.lower())
    return 0 < len(words) <= ECHO_MAX_WORDS and all(w in heard_words for w in words)


def _is_answer(s: Sentence, heard_digits: str, heard_words: set[str] | None = None) -> bool:
    t = s.text.strip()
    if t.endswith(("?", "？")) or _QUESTION_START.search(t) or is_lookup_text(t):
        return False
    mine = _digits(t)
    if mine and _read_back(mine, heard_digits):  # what the customer just said, said back
        return False
    if heard_words is not None and _echo(t, heard_words):
        return False
    words = len(t.split()) if " " in t else len(t) // 2
    return words >= 2 and has_particulars(t)


def answered_requests(sentences: Sequence[Sentence], after: set[str]) -> list[Sentence]:
    """Agent sentences (among ``after``) that answer a customer's request with particulars.

    An answer is one of the first :data:`ANSWER_WITHIN` agent sentences after a customer
    sentence that asks for something (:func:`is_request`); it is no question itself, no
    look-up, no read-back of the digits the customer just gave, and has particulars
    (:func:`has_particulars`). Each answer is returned once.
    """
    out: list[Sentence] = []
    seen: set[str] = set()
    pending = 0  # agent sentences still open to answer the last request
    heard = ""  # the digits the customer said lately (a read-back is no answer)
    last_words: set[str] = set()  # the customer's last sentence (an echo of it is no answer)
    for s in sentences:
        if s.role == "customer":
            heard = (heard + _digits(s.text))[-READ_BACK_DIGITS:]
            last_words = set(re.findall(r"\w+", s.text.lower()))
            if is_request(s.text):
                pending = ANSWER_WITHIN
            continue
        if pending <= 0:
            continue
        pending -= 1
        if s.key in after and s.key not in seen and _is_answer(s, heard, last_words):
            out.append(s)
            seen.add(s.key)
    return out


def names_a_time(text: str) -> bool:
    """Whether ``text`` names a when the agent can be held to (a time, a day or date, a deadline
    with a number), not "soon" or "later"."""
    return bool(_WHEN.search(text))


def confirmed_bookings(
    sentences: Sequence[Sentence], after: set[str]
) -> list[tuple[Sentence, bool]]:
    """Agent sentences (among ``after``) confirming a booking, payment, transfer, refund or a
    replacement sent as done, each with whether it has particulars.

    Particulars count when the sentence itself, or any sentence of either party from
    :data:`BOOKING_BEFORE_S` before it to :data:`BOOKING_AFTER_S` after it, names a day, time or
    number.
    """
    out: list[tuple[Sentence, bool]] = []
    for s in sentences:
        if s.role != "agent" or s.key not in after or not _DONE.search(s.text) or _MISTAKE.search(s.text):
            continue
        lo, hi = s.span.start - BOOKING_BEFORE_S, s.span.end + BOOKING_AFTER_S
        near = [n for n in sentences if lo <= n.span.start <= hi]
        out.append((s, any(has_particulars(n.text) for n in near)))
    return out
