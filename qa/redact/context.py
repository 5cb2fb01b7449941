"""Context cues: the words around a number that say what it is, in the four languages.

A cue category names what a nearby number is (``card``, ``cvv``, ``expiry``, ``account``,
``phone``, ``id``, ``dob``, ``email``, ``name``, ``address``) or that it is *not* personal data
(``neg``: order, ticket, case, invoice, tracking numbers; "ending in"; amounts). Phrases are
matched longest first, so "identity card" is an ``id`` cue and not a ``card`` cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from qa.redact.tokens import Token

__all__ = ["CUES", "Cue", "find_cues", "context_text", "cue_positions"]

CUES: dict[str, tuple[str, ...]] = {
    "card": (
        "card number", "card no", "credit card", "debit card", "visa", "mastercard", "master card", "amex",
        "american express", "unionpay", "card", "sixteen digits", "16 digits", "long number",
        "卡号", "卡號", "银行卡", "信用卡", "借记卡", "储蓄卡", "卡的号码", "卡上", "卡",
        "카드 번호", "카드번호", "신용카드", "체크카드", "카드",
        "nombor kad", "kad kredit", "kad debit", "kad bank", "kad",
    ),
    "cvv": (
        "cvv", "cvc", "cvv2", "security code", "three digit code", "three digits", "3 digit", "three-digit",
        "code on the back", "back of the card", "安全码", "安全碼", "背面", "后三位", "後三位", "三位",
        "보안 코드", "보안코드", "뒷면", "세 자리", "세자리", "kod keselamatan", "tiga digit", "belakang kad",
    ),
    "expiry": (
        "expiry", "expiration", "expires", "expire", "expiring", "valid thru", "valid through", "valid until",
        "exp date", "有效期", "过期", "過期", "到期", "유효기간", "유효 기간", "만료", "tarikh luput", "luput",
        "tamat tempoh",
    ),
    "account": (
        "account number", "account no", "bank account", "savings account", "current account", "account", "iban",
        "账号", "帳號", "帐号", "账户", "帳戶", "帐户", "户头", "계좌번호", "계좌", "통장",
        "nombor akaun", "akaun bank", "akaun",
    ),
    "phone": (
        "phone", "mobile", "cell", "handphone", "call", "contact number", "reach you", "reach me", "call me", "call back",
        "text me", "whatsapp", "telephone", "landline", "number to call", "电话", "電話", "手机", "手機",
        "联系方式", "聯繫方式", "座机", "전화", "휴대폰", "핸드폰", "연락처", "연락", "폰 번호", "telefon",
        "no telefon", "talian", "hubungi", "hp", "bimbit",
    ),
    "id": (
        "nric", "ic number", "ic no", "ic", "i c", "identity card", "id number", "id card", "identification",
        "mykad", "my kad", "fin", "national id", "resident registration", "身份证", "身份證", "证件号", "證件號",
        "身份号码", "주민등록번호", "주민번호", "주민 번호", "주민등록", "외국인등록번호", "신분증", "kad pengenalan",
        "pengenalan", "nombor ic",
    ),
    "dob": (
        "date of birth", "birth date", "birthday", "born", "dob", "d o b", "出生日期", "出生年月", "出生", "生日", "生于", "生於",
        "생년월일", "생일", "출생", "태어", "tarikh lahir", "lahir", "hari jadi",
    ),
    "neg": (
        "order", "order number", "tracking", "ticket", "case", "case number", "reference", "ref", "invoice",
        "receipt", "transaction", "model", "serial", "complaint", "booking", "confirmation number", "parcel",
        "ending in", "ends in", "ending with", "last four", "last 4", "policy", "extension", "waybill",
        "订单", "訂單", "单号", "單號", "快递", "快遞", "运单", "工单", "编号", "編號", "发票", "發票", "流水号",
        "尾号", "尾號", "金额", "价格", "型号", "序列号", "주문번호", "주문 번호", "주문", "송장", "운송장",
        "접수번호", "접수 번호", "상담 번호", "영수증", "끝자리", "금액", "모델", "일련번호", "nombor pesanan",
        "pesanan", "nombor kes", "kes", "tiket", "invois", "resit", "rujukan", "hujung", "jumlah", "harga",
    ),
}


@dataclass(frozen=True)
class Cue:
    """A cue ``category`` found ``distance`` characters away from the number (0: adjacent)."""

    category: str
    distance: int


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for category, phrases in CUES.items():
        for p in phrases:
            owner.setdefault(p, category)
    parts = []
    for p in sorted(owner, key=len, reverse=True):
        core = re.escape(p).replace(r"\ ", r"\s*")
        parts.append(rf"(?<![a-z]){core}(?![a-z])" if p[0].isascii() else core)
    return re.compile("|".join(parts)), owner


def _joined(tokens: Sequence[Token]) -> tuple[str, list[int]]:
    text, starts = "", []
    for t in tokens:
        if text and not (t.kind == "han" and text[-1:] >= "\u4e00") and not t.glued:
            text += " "
        starts.append(len(text))
        text += t.low
    return text, starts


def context_text(tokens: Sequence[Token]) -> str:
    """Tokens as one lower-case string: Latin words spaced, Han characters joined."""
    return _joined(tokens)[0]


def find_cues(tokens: Sequence[Token], before: bool = True) -> list[Cue]:
    """The cues in ``tokens``; distance counts from their end (``before``) or their start."""
    text = context_text(tokens)
    pattern, owner = _matcher()
    found = []
    for m in pattern.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group())
        category = owner.get(phrase) or owner.get(phrase.replace(" ", "")) or _lookup(phrase, owner)
        distance = len(text) - m.end() if before else m.start()
        found.append(Cue(category, distance))
    return sorted(found, key=lambda c: c.distance)


def _lookup(phrase: str, owner: dict[str, str]) -> str:
    squashed = phrase.replace(" ", "")
    for p, category in owner.items():
        if p.replace(" ", "") == squashed:
            return category
    return "neg"


def cue_positions(tokens: Sequence[Token], categories: set[str]) -> list[tuple[str, int, int]]:
    """(category, first token, last token) of each cue of ``categories`` in ``tokens``."""
    text, starts = _joined(tokens)
    pattern, owner = _matcher()
    out = []
    for m in pattern.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group())
        category = owner.get(phrase) or _lookup(phrase, owner)
        if category not in categories:
            continue
        first = max(i for i, s in enumerate(starts) if s <= m.start())
        last = max(i for i, s in enumerate(starts) if s < m.end())
        out.append((category, first, last))
    return out
