"""Person names and street addresses, from the phrases calls use to give them.

No maintained NER model covering English, Mandarin, Korean and Malay installs offline from PyPI
with its weights (see ``qa/redact/README.md``), so names and addresses come from patterns:
"my name is …", "this is … speaking", "Mr …", a spelled surname ("T-A-N"), 我叫…/我是 + a
common surname, 제 이름은 …/… 씨, "nama saya …"; "I live at …", "my address is …", 住在…/地址是…,
주소는 …/… 에 살아요, "tinggal di …", "alamat …"; and the answer to the agent's question for a
name or an address. A name is capitalised words (English, Malay), a common surname and one or
two characters (Mandarin), a common surname and one to three syllables (Korean).
"""

from __future__ import annotations

import re

from qa.redact.context import context_text
from qa.redact.numerals import EN_DIGITS, EN_TEENS, EN_TENS, MS_DIGITS
from qa.redact.records import Finding
from qa.redact.streams import Prepared
from qa.redact.tokens import Token

__all__ = ["name_findings", "repeated_names", "answer_to", "STOPWORDS", "ZH_SURNAMES", "KO_SURNAMES"]

_LATIN_TRIGGERS = [
    ("my", "name", "is"), ("name", "is"), ("name's",), ("this", "is"), ("i'm",), ("i", "am"), ("call", "me"),
    ("speaking", "with"), ("mr",), ("mrs",), ("ms",), ("miss",), ("dr",), ("surname", "is"), ("nama", "saya"),
    ("saya", "ialah"), ("encik",), ("puan",), ("cik",), ("tuan",),
]
_WEAK_TRIGGERS = {("this", "is"), ("i'm",), ("i", "am"), ("cik",), ("speaking", "with")}
# After these a name may be lower case (transcripts without capitals): "my name is cheryl turner".
_STRONG_TRIGGERS = {("my", "name", "is"), ("name", "is"), ("name's",), ("surname", "is"), ("call", "me"),
                    ("nama", "saya"), ("mr",), ("mrs",), ("ms",), ("miss",), ("dr",), ("encik",), ("puan",), ("tuan",)}
#: Words that end a lower-case name.
STOPWORDS = set("""
a an the and or but uh um er ah oh i i'm im me my mine you your we our is am are was were be been it it's its this that
these those here there from with about for of in on at to by as so just not no yes yeah ya okay ok please sorry thank
thanks hi hello hey good morning afternoon evening calling speaking looking trying need want would like have has had do
does did can could will shall may might really very also again still only then now well actually customer service
center centre call phone number email address card account order booking back later tomorrow today tonight
anytime sometime soon again directly urgently and saya nak untuk dari dengan ini itu tu
ni dan yang mahu ingin boleh tak encik puan cik sini nama please what how who where when why which ialah adalah
ada sudah dah akan telah juga sahaja saja pun kami kita awak anda dia mereka beliau bila apa mana siapa kenapa macam
sebab kerana tetapi atau jika kalau
""".split())
_CONNECT = {"bin", "binti", "bte", "bt", "a/l", "a/p", "van", "de", "al", "von"}
_NOT_NAMES = {
    "I", "I'm", "The", "Sorry", "Okay", "OK", "Yes", "No", "Hi", "Hello", "Thank", "Thanks", "Please", "Just",
    "Calling", "Not", "Very", "So", "Really", "Here", "From", "It", "It's", "My", "And", "But", "Is", "Saya", "Ya",
    "Boleh", "Terima", "Selamat", "Good", "Sure", "Well", "Actually", "Still", "Also", "Trying", "Going", "Sir",
    "Madam", "Mr", "Mrs", "Ms", "Customer", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Jalan", "Road", "Street", "Encik", "Puan",
}
_NAME_QUESTIONS = re.compile(r"your name|full name|who i'?m speaking|speaking with|nama penuh|nama encik|nama puan"
                             r"|怎么称呼|贵姓|姓名|名字|성함|이름")
ZH_SURNAMES = set("王李张劉刘陈陳杨楊赵趙黄黃周吴吳徐孙孫胡朱高林何郭马馬罗羅梁宋郑鄭谢謝韩韓唐冯馮于董萧蕭程曹袁邓鄧许許"
                  "傅沈曾彭吕呂苏蘇卢盧蒋蔣蔡贾賈丁魏薛叶葉阎余潘杜戴夏钟鍾汪田任姜范方石姚谭譚廖邹鄒熊金陆陸郝孔白崔康毛邱秦"
                  "江史顾顧侯邵孟龙龍万萬段雷钱錢汤湯尹黎易常武乔喬贺賀赖賴龚龔文")
# The common Korean surnames (about 90 % of people); rarer ones that are also everyday syllables
# (어, 은, 제, 모 …) would turn "어떻게" into a name.
KO_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염")
_KO_NOT_NAMES = {"어떻게", "뭐예요", "무엇", "알려", "말씀", "부탁", "확인", "성함", "이름", "고객님", "주소", "전화"}
_KO_TAILS = sorted(["입니다", "이에요", "예요", "이요", "이고", "라고", "이라고", "씨", "님", "고객님", "은", "는", "이", "가",
                    "요", "입니다만", "인데요", "이에", "에요"], key=len, reverse=True)
_ZH_TRIGGERS = ("我叫", "我姓", "名字是", "名字叫", "姓名是", "我是", "本人")
_ZH_STOP = set("的是我想要打在上来从因刚就也都有和跟说啊呀吧呢吗，。？！、 ")


def _match(toks: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    return all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(phrase))


def _latin_name(toks: list[Token], i: int, weak: bool, lower_ok: bool = False) -> tuple[int, int] | None:
    """The name starting at token ``i``: capitalised words (any non-stopword words when
    ``lower_ok``), or a spelled name (T-A-N, T A N; lower case too when ``lower_ok``)."""
    j, last, words = i, None, 0
    while j < len(toks) and words < 4:
        t = toks[j]
        if t.kind == "latin" and len(t.text) == 1 and (t.text.isupper() or lower_ok):  # spelled
            k = j
            while k + 2 < len(toks) and toks[k + 1].text == "-" and len(toks[k + 2].text) == 1:
                k += 2
            if k > j or (j + 1 < len(toks) and len(toks[j + 1].text) == 1 and toks[j + 1].kind == "latin"):
                while k + 1 < len(toks) and toks[k + 1].kind == "latin" and len(toks[k + 1].text) == 1:
                    k += 1
                last, j, words = k, k + 1, words + 1
                continue
        if t.kind == "latin" and t.text[0].isupper() and t.text not in _NOT_NAMES and len(t.text) > 1:
            last, words = j, words + 1
        elif lower_ok and t.kind == "latin" and len(t.text) > 1 and t.low not in STOPWORDS and words < 3 \
                and not _numeral(t.low):
            last, words = j, words + 1
        elif t.low in _CONNECT and last is not None:
            pass
        elif t.text in (".",) and toks[j - 1].low in ("mr", "mrs", "ms", "dr"):
            pass
        else:
            break
        j += 1
    if last is None or (weak and toks[i].text in _NOT_NAMES):
        return None
    return i, last


def _numeral(word: str) -> bool:
    return word in EN_DIGITS or word in MS_DIGITS or word in EN_TEENS or word in EN_TENS or word in (
        "hundred", "thousand", "double", "triple", "oh", "belas", "puluh", "ratus", "ribu")


def _ko_name(t: Token) -> int | None:
    """Characters after the name in a Korean token (a surname and 1-3 syllables), or None."""
    for tail in [""] + _KO_TAILS:
        if tail and not t.text.endswith(tail):
            continue
        body = t.text[: len(t.text) - len(tail)]
        if 2 <= len(body) <= 4 and body[0] in KO_SURNAMES and t.kind == "hangul" and body not in _KO_NOT_NAMES:
            return len(tail)
    return None


def _zh_name(toks: list[Token], i: int, strict: bool) -> tuple[int, int] | None:
    j = i
    while j < len(toks) and j - i < 3 and toks[j].kind == "han" and toks[j].text not in _ZH_STOP:
        j += 1
    if j - i < 2 or (strict and toks[i].text not in ZH_SURNAMES):
        return None
    return i, j - 1


def name_findings(prep: Prepared) -> list[Finding]:
    """Names given after a naming phrase or in answer to the agent's question."""
    found: list[Finding] = []
    for u, toks in enumerate(prep.tokens):
        text = context_text(toks)
        for i, t in enumerate(toks):
            for phrase in _LATIN_TRIGGERS:
                if _match(toks, i, phrase):
                    at = i + len(phrase)
                    at += 1 if _match(toks, at, (".",)) or _match(toks, at, ("spelled",)) or _match(toks, at, ("spelt",)) else 0
                    opening = prep.by_role[prep.call.utterances[u].role].index(u) < 2
                    lower_ok = phrase in _STRONG_TRIGGERS or (phrase == ("this", "is") and opening)
                    span = _latin_name(toks, at, phrase in _WEAK_TRIGGERS, lower_ok)
                    if span:
                        found.append(Finding("PERSON", ((u, *span),), 0.8, "name-phrase"))
                    break
            if t.kind == "han":
                for trig in _ZH_TRIGGERS:
                    if "".join(x.text for x in toks[i : i + len(trig)]) == trig:
                        span = _zh_name(toks, i + len(trig), strict=trig in ("我是", "本人", "我姓"))
                        if span:
                            found.append(Finding("PERSON", ((u, *span),), 0.75, "name-phrase"))
            if t.kind == "hangul" and (t.text.startswith("이름") or t.text.startswith("성함")) and i + 1 < len(toks):
                tail = _ko_name(toks[i + 1])
                if tail is not None:
                    found.append(Finding("PERSON", ((u, i + 1, i + 1),), 0.8, "name-phrase", (0, tail)))
            if t.kind == "hangul" and t.text in ("씨", "님", "고객님") and i > 0 and _ko_name(toks[i - 1]) is not None:
                found.append(Finding("PERSON", ((u, i - 1, i - 1),), 0.7, "name-honorific", (0, _ko_name(toks[i - 1]) or 0)))
        for a, b in _spelled(toks):
            found.append(Finding("PERSON", ((u, a, b),), 0.6, "name-spelled"))
        if _NAME_QUESTIONS.search(text):
            found += _answer_name(prep, u)
    return found


def repeated_names(prep: Prepared, found: list[Finding]) -> list[Finding]:
    """A name found once is redacted wherever else it is said in the call (the agent reading
    it back, the customer repeating it): every other token equal to one of its words."""
    words = set()
    for f in found:
        if f.entity == "PERSON":
            for u, a, b in f.pieces:
                words |= {t.low for t in prep.tokens[u][a : b + 1]
                          if t.kind == "latin" and len(t.text) > 2 and t.low not in STOPWORDS}
    taken = {(u, k) for f in found for u, a, b in f.pieces for k in range(a, b + 1)}
    words = {w for w in words if not _numeral(w)}
    return [Finding("PERSON", ((u, t.pos, t.pos),), 0.6, "name-repeat")
            for u, toks in enumerate(prep.tokens) for t in toks if t.low in words and (u, t.pos) not in taken]


def _spelled(toks: list[Token]) -> list[tuple[int, int]]:
    """Spelled names: three or more capital letters joined by hyphens (K-I-N-G), with the
    capitalised word before them (the first name)."""
    out, i = [], 0
    while i < len(toks):
        k = i
        while (k + 2 < len(toks) and len(toks[k].text) == 1 and toks[k].text.isupper() and toks[k + 1].text == "-"
               and len(toks[k + 2].text) == 1 and toks[k + 2].text.isupper()):
            k += 2
        if k - i >= 4:
            a = i
            if a > 0 and toks[a - 1].kind == "latin" and toks[a - 1].text[0].isupper() and toks[a - 1].text not in _NOT_NAMES:
                a -= 1
            out.append((a, k))
            i = k + 1
        else:
            i += 1
    return out


def answer_to(prep: Prepared, asked: int) -> int | None:
    """The other party's first utterance after utterance ``asked``."""
    role = prep.call.utterances[asked].role
    return next((k for k in range(asked + 1, len(prep.tokens)) if prep.call.utterances[k].role != role), None)


def _answer_name(prep: Prepared, asked: int) -> list[Finding]:
    reply = answer_to(prep, asked)
    if reply is None:
        return []
    toks = prep.tokens[reply]
    i = 0
    while i < len(toks) and (toks[i].low in ("it's", "its", "yes", "yeah", "ya", "this", "is", "saya", "my", "name",
                                             "nama", "um", "uh") or toks[i].text in (",", ".")):
        i += 1
    if i >= len(toks):
        return []
    if toks[i].kind == "latin":
        span = _latin_name(toks, i, weak=False, lower_ok=True)
        return [Finding("PERSON", ((reply, *span),), 0.7, "name-answer")] if span else []
    if toks[i].kind == "hangul":
        tail = _ko_name(toks[i])
        return [Finding("PERSON", ((reply, i, i),), 0.7, "name-answer", (0, tail))] if tail is not None else []
    if toks[i].kind == "han":
        span = _zh_name(toks, i + (2 if "".join(x.text for x in toks[i : i + 2]) in ("我叫", "我是", "我姓") else 0), True)
        return [Finding("PERSON", ((reply, *span),), 0.7, "name-answer")] if span else []
    return []

