"""Values for the PII test set: valid card numbers, phone numbers, IDs, e-mails, names, addresses.

Every value is drawn from a seeded ``random.Random`` and made valid by construction (check digits
computed here, independently of ``qa.redact``); phone numbers are confirmed with ``phonenumbers``
so that the gold never holds a number no real network could issue. None of these are real
people's data: names and streets are common ones, digits are random.
"""

from __future__ import annotations

import datetime
import random

import phonenumbers


def luhn_complete(body: str) -> str:
    """``body`` with the Luhn check digit appended."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_complete(number[:-1]) == number


def card(rng: random.Random, network: str | None = None) -> str:
    network = network or rng.choice(["visa", "visa", "mc", "mc2", "amex", "unionpay", "jcb", "discover"])
    prefix, length = {
        "visa": ("4", 16),
        "mc": (str(rng.randint(51, 55)), 16),
        "mc2": (str(rng.randint(2221, 2720)), 16),
        "amex": (rng.choice(["34", "37"]), 15),
        "unionpay": ("62" + str(rng.randint(0, 9)), rng.choice([16, 19])),
        "jcb": ("35" + str(rng.randint(28, 89)), 16),
        "discover": ("6011", 16),
    }[network]
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - 1 - len(prefix)))
    return luhn_complete(body)


def bad_luhn(rng: random.Random) -> str:
    """A 16-digit number shaped like a Visa card whose Luhn check fails."""
    good = card(rng, "visa")
    return good[:-1] + str((int(good[-1]) + rng.randint(1, 9)) % 10)


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


_PHONE_SHAPES = {
    "MY": ["01{a}{n7}", "011{n8}", "03{n8}"],
    "SG": ["8{n7}", "9{n7}", "6{n7}"],
    "KR": ["010{n8}", "02{n8}"],
    "CN": ["13{n9}", "15{n9}", "18{n9}", "19{n9}"],
    "US": ["{area}{n7}"],
    "GB": ["07{n9}", "020{n8}"],
}


def phone(rng: random.Random, region: str) -> str:
    """A national-format phone number of ``region`` that ``phonenumbers`` calls valid."""
    for _ in range(500):
        shape = rng.choice(_PHONE_SHAPES[region])
        value = shape.format(
            a=rng.choice("2346789"),
            n7=digits(rng, 7, "23456789"),
            n8=digits(rng, 8, "23456789"),
            n9=digits(rng, 9, "0123456789"),
            area=rng.choice(["212", "415", "617", "312", "206", "512"]),
        )
        if region == "US":
            value = value[:3] + rng.choice("23456789") + value[4:]
        if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
            return value
    raise RuntimeError(f"no valid {region} number drawn")


COUNTRY_CODE = {"MY": "60", "SG": "65", "KR": "82", "CN": "86", "US": "1", "GB": "44"}


def birth_date(rng: random.Random, lo: int = 1950, hi: int = 2004) -> datetime.date:
    start = datetime.date(lo, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(hi, 12, 28).toordinal()))


_MY_PLACES = ["01", "02", "05", "07", "08", "10", "12", "14", "21", "38", "54", "71"]


def mykad(rng: random.Random) -> str:
    d = birth_date(rng)
    return d.strftime("%y%m%d") + rng.choice(_MY_PLACES) + digits(rng, 4, "0123456789")


def nric(rng: random.Random, prefix: str | None = None) -> str:
    prefix = prefix or rng.choice("SSTTFGM")
    body = digits(rng, 7, "0123456789")
    total = sum(w * int(c) for w, c in zip((2, 7, 6, 5, 4, 3, 2), body, strict=True))
    total += {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}[prefix]
    r = total % 11
    if prefix in "ST":
        letter = "JZIHGFEDCBA"[r]
    elif prefix in "FG":
        letter = "XWUTRQPNMLK"[r]
    else:
        letter = "KLJNPQRTUWX"[10 - r]
    return prefix + body + letter


def rrn(rng: random.Random, valid: bool = True) -> str:
    d = birth_date(rng, 1950, 1999)
    body = d.strftime("%y%m%d") + rng.choice("12") + f"{rng.randint(0, 96):02d}" + digits(rng, 3, "0123456789")
    check = (11 - sum(w * int(c) for w, c in zip((2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), body, strict=True)) % 11) % 10
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return body + str(check)


_PRC_AREAS = ["110101", "110105", "310101", "310115", "440106", "440305", "510104", "330106", "320102", "420106"]


def prc_id(rng: random.Random) -> str:
    body = rng.choice(_PRC_AREAS) + birth_date(rng, 1960, 2004).strftime("%Y%m%d") + digits(rng, 3, "0123456789")
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body))
    return body + "10X98765432"[total % 11]


def iban(rng: random.Random) -> str:
    country, bban = rng.choice([
        ("GB", "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + digits(rng, 14, "0123456789")),
        ("DE", digits(rng, 18, "123456789")),
        ("FR", digits(rng, 10, "123456789") + digits(rng, 13, "0123456789")),
    ])
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def bank_account(rng: random.Random, lang: str) -> str:
    n = {"en": rng.choice([10, 12]), "zh": rng.choice([12, 15]), "ko": rng.choice([11, 12, 14]), "ms": rng.choice([10, 12, 14])}[lang]
    value = digits(rng, n)
    while luhn_ok(value) and n >= 13:
        value = digits(rng, n)
    return value


def expiry(rng: random.Random) -> tuple[int, int]:
    return rng.randint(1, 12), rng.randint(25, 33)


def cvv(rng: random.Random) -> str:
    return digits(rng, 3, "0123456789")


FIRST = {
    "en": ["David", "Sarah", "Michael", "Jessica", "Kevin", "Rachel", "Daniel", "Priya", "Marcus", "Emily"],
    "ms": ["Ahmad", "Nurul", "Siti", "Farid", "Aisyah", "Hafiz", "Zainab", "Rizal", "Amirah", "Kamal"],
}
LAST = {
    "en": ["Tan", "Lim", "Brown", "Wong", "Kumar", "Lee", "Ng", "Smith", "Chen", "Fernandez"],
    "ms": ["Ismail", "Hassan", "Rahman", "Abdullah", "Osman", "Yusof", "Hamid", "Aziz", "Salleh", "Ali"],
}
ZH_NAMES = ["王小明", "李娜", "陈志强", "张伟", "刘洋", "黄丽华", "赵敏", "周杰", "吴建国", "林美玲"]
KO_NAMES = ["김민수", "이지은", "박서준", "최유리", "정하늘", "강동원", "윤서연", "한지민", "오세훈", "임수빈"]


def person(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return rng.choice(ZH_NAMES)
    if lang == "ko":
        return rng.choice(KO_NAMES)
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    if lang == "ms" and rng.random() < 0.5:
        link = "bin" if first in {"Ahmad", "Farid", "Hafiz", "Rizal", "Kamal"} else "binti"
        return f"{first} {link} {last}"
    return f"{first} {last}"


ADDRESSES = {
    "en": ["12 Orchard Road", "45 Baker Street", "Block 123 Ang Mo Kio Avenue 3", "88 Collins Avenue",
           "7 Clementi Road", "230 Park Lane", "19 Holland Drive", "56 Victoria Street"],
    "ms": ["No 12 Jalan Ampang", "Lot 5 Jalan Tun Razak", "No 8 Lorong Maarof", "23 Jalan Sultan Ismail",
           "No 3 Taman Melawati", "15 Jalan Bukit Bintang", "No 41 Jalan Klang Lama", "9 Lorong Kurau"],
    "zh": ["北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广州市天河区体育西路55号", "成都市锦江区春熙路12号",
           "杭州市西湖区文三路90号", "南京市玄武区中山路18号", "深圳市南山区科技园路6号", "武汉市洪山区珞瑜路3号"],
    "ko": ["서울시 강남구 테헤란로 123", "부산시 해운대구 해운대로 45", "서울시 마포구 월드컵로 12", "대구시 중구 동성로 7",
           "인천시 연수구 송도동 88", "서울시 종로구 세종대로 175", "광주시 북구 용봉로 77", "대전시 유성구 대학로 99"],
}

EMAIL_LOCAL = ["john.lee", "sarah_tan", "mwong88", "priya.k", "daniel.ng", "aisyah.h", "kevin2020", "rachel.lim",
               "wangxm", "li.na", "jieun.lee", "minsu.kim", "ahmad.ismail", "nurul88", "siti_aminah", "farid.y"]
EMAIL_DOMAIN = {
    "en": ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "singnet.com.sg"],
    "zh": ["qq.com", "163.com", "gmail.com", "126.com", "sina.com"],
    "ko": ["naver.com", "daum.net", "gmail.com", "hanmail.net", "kakao.com"],
    "ms": ["gmail.com", "yahoo.com.my", "hotmail.com", "tm.com.my", "outlook.com"],
}


def email(rng: random.Random, lang: str) -> str:
    return f"{rng.choice(EMAIL_LOCAL)}@{rng.choice(EMAIL_DOMAIN[lang])}"
