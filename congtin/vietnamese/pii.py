"""Finding and masking personal data in text a citizen sent us, before an answer is published.

A handler may turn an answered feedback case into a public question-and-answer page.  The
question is the citizen's own letter, so it carries their name, phone number, e-mail,
citizen ID number and address (Decree 13/2023/NĐ-CP; Law 91/2025/QH15 from 01/01/2026).
``find_pii`` proposes spans, ``mask_pii`` replaces them with Vietnamese placeholders
("[họ tên]", "[số điện thoại]" ...), and the handler confirms the result before it goes
out: this module is an aid to that human check, not a replacement for it.  It never
profiles or classifies anyone; it only looks for the shapes of personal data in one text.

Offsets are into ``nfc(text)`` (the project stores NFC, so usually ``text`` itself).
Invisible characters (zero-width space/joiners, soft hyphen, bidi marks) are ignored for
detection -- "0912\u200b345\u200b678" is a phone number -- and spans are reported on the
NFC text, covering the invisible characters inside them.

What is detected, and the rules that keep precision (masking a ministry's name, a
document number or an article reference is a bug):

**Phone numbers** (``PHONE``).  A run of digits joined by single spaces, dots, hyphens or
an area code in parentheses, with an optional "+84"/"84"/"0084" prefix, whose digits are
a Vietnamese mobile (0 + 3/5/7/8/9 + 8 digits) or a landline (02 + 9 digits; every fixed
line has had 11 digits since 2017).  The leading 0 (or the country code) is what tells a
phone from money ("1.500.000 đồng") and from years; slashes never join a phone, so
document numbers ("09/2017/NĐ-CP") and dates are out.  Digits inside a citation of an
official document (:func:`congtin.vietnamese.citations.find_citations`) are never a
phone.  Service numbers 1800/1900 and short codes are organisations', not people's, and
are left, as is a number after "tổng đài", "đường dây nóng", "hotline" or followed by
"của UBND/Sở/Bộ/...".  Any other landline is masked, even if it may be an office's: the
handler can restore it, and a missed private number is the worse error.  Mobiles from
before the 2018 renumbering (11 digits, 01x) are not recognised.

**E-mail addresses** (``EMAIL``), including "ten [at] gmail.com", "ten(at)gmail(dot)com" and
"ten @ gmail.com", and Vietnamese letters in the local part.

**Citizen ID numbers** (``CITIZEN_ID``).  Nine (old CMND) or twelve digits (CCCD /
personal identification number) after a label -- "CCCD", "CMND", "CMT", "căn cước (công
dân)", "chứng minh nhân dân", "số định danh (cá nhân)" -- possibly printed in groups of
three.  Twelve digits *without* a label count only if they have the CCCD structure: a
province code that exists (001 Hà Nội ... 096 Cà Mau), a century/sex digit 0-3 (people
born 1900-2099) and, for those born from 2000, a birth year not in the future.  Amounts
followed by a currency word are never IDs.

**Bank accounts** (``BANK_ACCOUNT``): 6-19 digits after "số tài khoản", "STK", "TK".
Citizens asking for a refund or an allowance write them.

**Other personal codes** (``PERSONAL_CODE``) after their label: social-insurance number
("mã số BHXH", "số sổ BHXH"), health-insurance card, passport, driving licence (whose
twelve digits share the CCCD structure) and a *personal* tax code ("mã số thuế cá nhân",
"mã số thuế của tôi").  A bare tax code is left: businesses write to us too, and a
company's tax code is public.

**Vehicle plates** (``PLATE``): "29A-123.45", "51F1-234.56", "30E 12345" after "biển
số"/"BKS"/"BSX" or, unlabelled, only in the dotted modern form.  Traffic-fine questions
quote them and they lead straight to the owner.

**Dates of birth** (``DATE_OF_BIRTH``): a full date (day, month and year, any usual form)
after "sinh ngày", "ngày sinh", "ngày tháng năm sinh".  A birth *year* alone ("tôi sinh
năm 1965") is kept: it is not identifying once the name is gone, and it is often the
substance of the question (retirement age, allowances), which the public answer needs.

**Names** (``NAME``).  A sequence of one to four capitalised syllables
(a) after a self-introduction or label ("tôi tên là", "tên tôi là", "họ (và) tên:",
"người gửi:", "người làm đơn:", "ký tên", "chủ tài khoản", "(tài khoản) mang tên" ...) --
after "tôi là"/"em là" there must be two or more syllables led by a common surname,
because "tôi là Đảng viên" and "em là Đoàn viên" are not names;
(b) after an honorific or kinship word ("ông", "bà", "anh", "chị", "em", "cô", "chú",
"bác", "cháu", "cụ", "thầy", "vợ tôi", "con trai tôi" ...; matched with accents, so "có"
is not "cô") when the first syllable is not the head of an organisation, place or title
("chị em Hội Phụ nữ") and the pair is not a place name ("Bà Rịa", "Anh Sơn", "Ông Lãnh",
streets "Bà Triệu" ...); after "công dân"/"cử tri", which precede places far more often
("công dân Việt Nam", "cử tri Quảng Ninh"), only a surname-led name or one with an
apostrophe (Central Highlands names: "K'Bròng");
(c) without a cue, when a common surname (Nguyễn, Trần, Lê, Phạm, Hoàng/Huỳnh, ...) starts
a run of three or four capitalised syllables, or two to four on a line of their own (the
signature under a letter) -- unless it follows a street, place or institution word
("phố Nguyễn Thị Minh Khai", "Trường THPT Trần Phú") or is a place or historical name
everyone uses ("Hồ Chí Minh").
Officials acting publicly are not masked: a name in the same clause after an official
title ("Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà", "Chủ tịch UBND xã ông Trần Văn C",
"đồng chí ...") or followed by one in apposition ("ông Lê Văn D, Giám đốc Sở ...").  The
list holds leadership and spokesperson titles, whose holders are publicly announced; a
junior employee named in a complaint ("cán bộ địa chính Nguyễn Văn B") is masked.  Names
listed in ``known_names`` (the submitter's own name from the form) are always masked,
wherever they appear, also typed without accents or in capitals, and the given name
alone after an honorific ("anh An" for Nguyễn Văn An).  A toneless variant counts only
where the text itself has no marks: "Lê An" folds like "lê ăn", which is not the name.
Other names typed without accents or in lower case are not found; they are what
``known_names`` and the handler's review are for.

**Addresses** (``ADDRESS``).  Only the part below the commune is masked: house number,
lane and alley ("số 12 ngõ 34 phố Láng Hạ", "số nhà 160/16 đường Nguyễn Văn Cừ", "hẻm
45", "căn hộ 1203 tòa A"), hamlet or residential group ("thôn Đông Xá", "tổ dân phố 5",
"ấp Bình An").  Commune/ward, district and province are kept: a ward has thousands of
residents, so it does not identify anyone alone, and it is what aggregate reports ("how
many questions from Quận Đống Đa") and the answer itself often need.  A street without a
house number ("tôi ở phố Huế") is kept for the same reason.  An address with a house or
flat number followed by a street, lane or place ("số 12 ngõ 34", "số 8 Tôn Thất Thuyết",
"căn hộ 1205 tòa HH2") is masked wherever it appears, unless an organisation's cue is
nearer than a residence cue ("trụ sở", "văn phòng", "Ủy ban", "Sở", "Bộ" ... vs "tôi ở",
"địa chỉ" ...) -- offices' addresses are public.  A lane, hamlet or group without a house
number ("hẻm 45", "thôn Đông Xá", "tổ 12"), a bare "số 12" (as often a document's number)
and HCMC-style "160 Láng Hạ" are masked only where the text says a person lives there
("tôi ở", "địa chỉ", "trú tại", "thường trú", "tạm trú", "nơi ở", "gia đình tôi ở" ...),
since "hẻm 45 bị ngập" and "đường vào thôn Đông bị hỏng" describe places, not people.

Confidence is a rough prior for the review screen (labelled or cued matches near 1, shape
only lower), not a calibrated probability.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from congtin.vietnamese.citations import find_citations
from congtin.vietnamese.symbols import DASH_CHARS, INVISIBLE_CHARS
from congtin.vietnamese.text import fold, nfc

__all__ = ["PLACEHOLDERS", "PiiKind", "PiiSpan", "find_pii", "mask_pii"]


class PiiKind(StrEnum):
    """The kinds of personal data that are detected."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    CITIZEN_ID = "citizen_id"
    ADDRESS = "address"
    DATE_OF_BIRTH = "dob"
    BANK_ACCOUNT = "bank_account"
    PLATE = "plate"
    PERSONAL_CODE = "personal_code"


#: What a masked span is replaced with, per kind.
PLACEHOLDERS: dict[PiiKind, str] = {
    PiiKind.NAME: "[họ tên]",
    PiiKind.PHONE: "[số điện thoại]",
    PiiKind.EMAIL: "[email]",
    PiiKind.CITIZEN_ID: "[số CCCD]",
    PiiKind.ADDRESS: "[địa chỉ]",
    PiiKind.DATE_OF_BIRTH: "[ngày sinh]",
    PiiKind.BANK_ACCOUNT: "[số tài khoản]",
    PiiKind.PLATE: "[biển số xe]",
    PiiKind.PERSONAL_CODE: "[mã số cá nhân]",
}


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal data; ``start``/``end`` are offsets into ``nfc(text)``."""

    start: int
    end: int
    kind: PiiKind
    #: ``nfc(text)[start:end]``.
    text: str
    #: Rough prior for the review screen, 0-1.
    confidence: float


# --- Character classes ---------------------------------------------------------------------------


def _letters(*, upper: bool) -> str:
    """Every letter up to U+1EF9 that folds to an ASCII letter, in one case."""
    chars = []
    for code in range(0x41, 0x1EFA):
        char = chr(code)
        if char.isalpha() and char.isupper() == upper and char.islower() != upper:
            folded = fold(char)
            if folded.isascii() and folded.isalpha():
                chars.append(char)
    return "".join(chars)


_UP = re.escape(_letters(upper=True))
_LO = re.escape(_letters(upper=False))
_L = _UP + _LO
#: A capitalised syllable ("Nguyễn") or one in capitals ("NGUYỄN").
#: Central Highlands names write a glottal stop as an apostrophe ("K'Bròng", "Y'Moan").
_CAP = rf"[{_UP}](?:'[{_UP}])?[{_LO}]*(?![{_L}'])|[{_UP}]{{2,}}(?![{_L}])"
_NOT_LETTER_BEFORE = rf"(?<![{_L}\d])"


# --- Word lists (compared on folded text) -------------------------------------------------------

_SURNAME_WORDS = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đào",
    "Đoàn",
    "Vương",
    "Trịnh",
    "Trương",
    "Lâm",
    "Phùng",
    "Mai",
    "Tô",
    "Hà",
    "Tạ",
    "Cao",
    "Lương",
    "Lưu",
    "Đinh",
    "Thái",
    "Quách",
    "Chu",
    "Kiều",
    "Triệu",
    "La",
    "Tăng",
    "Hứa",
    "Mạc",
    "Khúc",
    "Lại",
    "Châu",
    "Thân",
    "Nông",
    "Lò",
    "Lục",
    "Giang",
    "Âu",
    "Doãn",
    "Từ",
    "Kim",
    "Diệp",
    "Tôn",
    "Ninh",
    "Đàm",
    "Quan",
    "Khổng",
    "Nghiêm",
    "Bạch",
    "Lã",
    "Tống",
    "Hầu",
    "Cù",
    "Đồng",
    "Thạch",
    "Danh",
    "Lữ",
    "Viên",
    "Phí",
    "Đậu",
    "Thiều",
    "Ma",
    "Y",
]
_SURNAMES = frozenset(s.casefold() for s in _SURNAME_WORDS)
_SURNAMES_TONELESS = frozenset(fold(s) for s in _SURNAME_WORDS)

#: Honorific and kinship words; when one starts a capitalised run ("Ông Nguyễn Văn An" at the
#: start of a sentence) it is the cue, not part of the name.
_HONORIFICS = frozenset(
    ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cậu", "dì", "thím", "mợ", "cháu", "cụ"]
)

#: First syllables that start an organisation, a place, a title or a sentence, never a
#: person's name.  Compared with accents ("Văn" is a middle name, "Văn phòng" an office, so
#: it is not here); syllables that are also common given names ("Thanh", "Quân", "Liên",
#: "Khoa", "Chi") are left out on purpose.
_NOT_NAME_HEADS = frozenset(
    s.casefold()
    for s in [
        "Bộ",
        "Sở",
        "Ủy",
        "Uỷ",
        "UBND",
        "HĐND",
        "Ban",
        "Phòng",
        "Cục",
        "Vụ",
        "Tổng",
        "Trường",
        "Đảng",
        "Nhà",
        "Bệnh",
        "Viện",
        "Tòa",
        "Toà",
        "Mặt",
        "Quận",
        "Huyện",
        "Phường",
        "Xã",
        "Tỉnh",
        "Thôn",
        "Hội",
        "Thủ",
        "Nghị",
        "Luật",
        "Điều",
        "Khoản",
        "Kho",
        "Đài",
        "Báo",
        "Tạp",
        "Cổng",
        "Trạm",
        "Đội",
        "Tổ",
        "Khu",
        "Cảng",
        "Sân",
        "Chợ",
        "Cầu",
        "Đường",
        "Phố",
        "Ngõ",
        "Hẻm",
        "Tp",
        "Ấp",
        "Xóm",
        "Bản",
        "Làng",
        "Sài",
        "Cơ",
        "Bí",
        "Giám",
        "Phó",
        "Chủ",
        "Trưởng",
        "Chánh",
        "Kiểm",
        "Học",
        "Giáo",
        "Lao",
        "Xây",
        "Kế",
        "Nội",
        "Ngoại",
        "Giao",
        "Sư",
        "Thượng",
        "Thiếu",
        "Ông",
        "Bà",
        "Anh",
        "Chị",
        "Em",
        "Cô",
        "Chú",
        "Bác",
        "Cháu",
        "Cụ",
        "Tôi",
        "Chúng",
        "Họ",
        "Nay",
        "Hôm",
        "Ngày",
        "Tháng",
        "Chiều",
        "Tối",
        "Kính",
        "Trân",
        "Xin",
        "Cảm",
        "Đề",
        "Theo",
        "Căn",
        "Tại",
        "Vì",
        "Do",
        "Nên",
        "Nhưng",
        "Và",
        "Hoặc",
        "Khi",
        "Nếu",
        "Sau",
        "Trước",
        "Đến",
        "Cho",
        "Với",
        "Về",
        "Có",
        "Không",
        "Đã",
        "Đang",
        "Sẽ",
        "Được",
        "Bị",
        "CCCD",
        "CMND",
        "CMT",
        "SĐT",
        "ĐT",
        "BHXH",
        "BHYT",
        "THPT",
        "THCS",
        "HTX",
        "UBMTTQ",
        "MTTQ",
        "VNeID",
    ]
)
#: Syllables that end a name run when they follow it: the run has reached an organisation
#: or place ("chị Lan Hội Phụ nữ xã").  Narrower than the heads, because a given name may
#: be any syllable ("Nguyễn Quốc Trung").
_RUN_BREAKERS = frozenset(
    s.casefold()
    for s in [
        "Bộ",
        "Sở",
        "Ủy",
        "Uỷ",
        "UBND",
        "HĐND",
        "Phòng",
        "Cục",
        "Tòa",
        "Toà",
        "Viện",
        "Bệnh",
        "Đảng",
        "Hội",
        "Phường",
        "Xã",
        "Quận",
        "Huyện",
        "Tỉnh",
        "Thôn",
        "Xóm",
        "Ấp",
        "Tp",
        "CCCD",
        "CMND",
        "CMT",
        "SĐT",
        "ĐT",
        "Ông",
        "Bà",
        "Chị",
        "Tôi",
    ]
)


def _is_surname(word: str) -> bool:
    lowered = word.casefold()
    return lowered in _SURNAMES or (lowered == fold(word) and lowered in _SURNAMES_TONELESS)


#: Two-syllable names of places, streets and public figures that start like a person.
_PUBLIC_NAMES = tuple(
    fold(s)
    for s in (
        "Hồ Chí Minh",
        "Bà Rịa",
        "Bà Chiểu",
        "Bà Điểm",
        "Bà Đen",
        "Bà Triệu",
        "Bà Huyện Thanh Quan",
        "Ông Ích Khiêm",
        "Ông Lãnh",
        "Anh Sơn",
        "Cô Giang",
        "Cô Bắc",
        "Cô Tô",
        "Bác Hồ",
        "Chú Ía",
        "Hà Nội",
        "Hà Giang",
        "Hà Tĩnh",
        "Hà Nam",
        "Hà Đông",
        "Hà Tiên",
        "Cao Bằng",
        "Lâm Đồng",
        "Lai Châu",
        "Thái Bình",
        "Thái Nguyên",
        "Kiên Giang",
        "Hậu Giang",
        "Tiền Giang",
        "Trà Vinh",
        "Phú Thọ",
        "Lào Cai",
        "Đồng Nai",
        "Đồng Tháp",
        "Đồng Hới",
        "Ninh Bình",
        "Ninh Thuận",
        "Sơn La",
        "Tây Ninh",
        "Long An",
        "Bến Tre",
        "Cà Mau",
        "Hoàng Mai",
        "Hoàng Sa",
        "Lê Chân",
        "Ngô Quyền",
        "Hồ Gươm",
        "Hồ Tây",
        "Mai Châu",
        "Giang Biên",
        "Kim Bảng",
        "Kim Sơn",
        "Tô Lịch",
        "Văn Miếu",
        "Văn Lâm",
        "Văn Giang",
        "Quan Hóa",
        "Quan Sơn",
        "Triệu Phong",
        "Châu Đốc",
        "Châu Thành",
        "Hồng Bàng",
        "Đông Anh",
        "Từ Liêm",
        "Nam Từ Liêm",
        "Bắc Từ Liêm",
        "Ba Đình",
        "Trần Hưng Đạo",
        "Lý Thường Kiệt",
        "Lý Thái Tổ",
        "Lê Lợi",
        "Nguyễn Trãi",
        "Nguyễn Du",
        "Nguyễn Huệ",
        "Quang Trung",
        "Võ Nguyên Giáp",
        "Phạm Văn Đồng",
        "Tôn Đức Thắng",
        "Trường Chinh",
        "Lê Duẩn",
        "Nguyễn Ái Quốc",
        "Hai Bà Trưng",
    )
)

#: Titles of officials whose names are public; a name in the same clause after one, or in
#: apposition before one, is left.
_OFFICIAL_TITLES = tuple(
    fold(s)
    for s in (
        "Tổng Bí thư",
        "Chủ tịch nước",
        "Thủ tướng",
        "Phó Thủ tướng",
        "Chủ tịch Quốc hội",
        "Bộ trưởng",
        "Thứ trưởng",
        "Chủ nhiệm",
        "Chủ tịch",
        "Phó Chủ tịch",
        "Bí thư",
        "Phó Bí thư",
        "Giám đốc",
        "Phó Giám đốc",
        "Tổng Giám đốc",
        "Cục trưởng",
        "Phó Cục trưởng",
        "Vụ trưởng",
        "Phó Vụ trưởng",
        "Tổng cục trưởng",
        "Chánh Văn phòng",
        "Chánh Thanh tra",
        "Chánh án",
        "Viện trưởng",
        "Đại biểu Quốc hội",
        "đồng chí",
        "Người phát ngôn",
        "Trưởng ban",
        "Phó Trưởng ban",
        "Tổng Thư ký",
        "Tổng Kiểm toán",
        "Thống đốc",
        "Đại sứ",
        "Chủ tịch UBND",
        "Chủ tịch HĐND",
        "Hiệu trưởng",
    )
)

#: Words after which a capitalised run names a street, place or institution (compared with
#: accents: "hồ" is a lake, "hộ" a household, "họ" a surname).
_PLACE_WORDS = frozenset(
    [
        "đường",
        "phố",
        "ngõ",
        "ngách",
        "hẻm",
        "kiệt",
        "phường",
        "xã",
        "quận",
        "huyện",
        "tỉnh",
        "tp",
        "trấn",
        "trường",
        "thpt",
        "thcs",
        "học",
        "viện",
        "bệnh",
        "cầu",
        "chợ",
        "khu",
        "tòa",
        "toà",
        "làng",
        "thôn",
        "ấp",
        "bản",
        "xóm",
        "sông",
        "núi",
        "hồ",
        "đảo",
        "lộ",
        "lăng",
        "tượng",
        "giải",
        "tưởng",
        "đài",
        "tàng",
        "quảng",
        "bến",
        "sân",
        "ga",
        "cảng",
        "đình",
        "chùa",
        "đền",
        "dòng",
        "tích",
        "thành",
        "vịnh",
        "đèo",
        "đoàn",
    ]
)


# --- Cleaning with an offset map ----------------------------------------------------------------

_INVISIBLE_SET = frozenset(INVISIBLE_CHARS)
_DASH_TABLE = str.maketrans(dict.fromkeys(DASH_CHARS, "-"))


class _Clean:
    """``nfc`` text without invisible characters, with each clean index's NFC offset."""

    __slots__ = ("index", "text")

    def __init__(self, text: str) -> None:
        if any(char in _INVISIBLE_SET for char in text):
            keep = [i for i, char in enumerate(text) if char not in _INVISIBLE_SET]
            self.text = "".join(text[i] for i in keep).translate(_DASH_TABLE)
            self.index: list[int] | None = keep
        else:
            self.text = text.translate(_DASH_TABLE)
            self.index = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """NFC offsets of the clean span ``[start, end)``."""
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1


# --- Candidates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    kind: PiiKind
    confidence: float


# Phones ------------------------------------------------------------------------------------------

_PHONE_RE = re.compile(
    r"(?<![\w/.,\-+])"
    # "+84 (0) 935 ..." keeps the trunk 0 in brackets for readers dialling from inside.
    r"(?:(?:\(\+?84\)|\+84|0084|84)[ .\-]?(?:\(0\)[ .\-]?)?)?"
    r"(?:\(0?\d{2,3}\)[ .\-]?)?"
    r"\d+(?:[ .\-]\d+)*"
    r"(?![\w/]|[.,]\d)"
)
_PHONE_LABEL_RE = re.compile(
    r"(?:dien thoai|\bdt\b|\bsdt\b|di dong|so may|zalo|\btel\b|\bphone\b|lien he|goi)[^\d]{0,12}$"
)
#: A switchboard or hotline, or a number said to be an office's, is the organisation's.
_ORG_PHONE_BEFORE_RE = re.compile(r"(?:tong dai|duong day nong|hotline|so truc|may le)[^\d]{0,12}$")
_ORG_PHONE_AFTER_RE = re.compile(
    r"\s*(?:\)\s*)?của\s+(?:Ủy ban|Uỷ ban|UBND|HĐND|Sở|Bộ|Cục|Phòng|Trung tâm|Công an|Bệnh viện|"
    r"Văn phòng|Bộ phận|Chi cục|Kho bạc|Tòa án|Viện|Trường|Ban)(?!\w)"
)
_MONEY_AFTER_RE = re.compile(r"\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|usd|%)", re.IGNORECASE)


def _phone_digits(candidate: str) -> str | None:
    """The national number (with its leading 0) if ``candidate`` is a Vietnamese phone.

    A domestic number starts with 0, so a candidate starting with "84" (after "+", "00" or
    a bracket) can only be international; the trunk 0 some write after it ("+84 (0) 935")
    is dropped.
    """
    digits = re.sub(r"\D", "", candidate)
    if re.match(r"\(?(?:\+|00)?84", candidate):
        digits = "0" + digits.removeprefix("00")[2:].removeprefix("0")
    if re.fullmatch(r"0[35789]\d{8}|02\d{9}", digits):
        return digits
    return None


def _phones(clean: str, blocked: list[tuple[int, int]]) -> list[_Hit]:
    folded = fold(clean)
    hits = []
    for match in _PHONE_RE.finditer(clean):
        for start, end in _phone_spans(match.start(), match.group()):
            if _overlaps(start, end, blocked) or _MONEY_AFTER_RE.match(clean, end):
                continue
            if _ORG_PHONE_BEFORE_RE.search(folded[max(0, start - 25) : start]) or _ORG_PHONE_AFTER_RE.match(
                clean, end
            ):
                continue
            labelled = bool(_PHONE_LABEL_RE.search(folded[max(0, start - 30) : start]))
            landline = clean[start:end].lstrip("(+").startswith(("02", "842", "84 2", "(02"))
            confidence = 0.99 if labelled else (0.8 if landline else 0.9)
            hits.append(_Hit(start, end, PiiKind.PHONE, confidence))
    return hits


def _phone_spans(start: int, candidate: str) -> list[tuple[int, int]]:
    """The phone numbers in a run of digit groups.

    Usually the whole run is one number.  When it is not ("năm 2023 0912 345 678", two
    numbers side by side), the longest valid stretches of space-separated groups are taken,
    left to right.
    """
    if _phone_digits(candidate):
        return [(start, start + len(candidate))]
    groups = [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", candidate)]
    found = []
    i = 0
    while i < len(groups):
        for j in range(min(len(groups), i + 6), i, -1):
            piece = candidate[groups[i][0] : groups[j - 1][1]]
            if _phone_digits(piece):
                found.append((start + groups[i][0], start + groups[j - 1][1]))
                i = j
                break
        else:
            i += 1
    return found


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# E-mails -----------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[^\W_](?:[\w.%+\-]{0,62}[^\W_])?"
    r"(?:\s?@\s?|\s?[\[(]\s?(?:at|a còng|@)\s?[\])]\s?)"
    r"[^\W_](?:[\w\-]{0,61}[^\W_])?"
    r"(?:(?:\.|\s?[\[(]\s?(?:dot|chấm)\s?[\])]\s?)[^\W_](?:[\w\-]{0,61}[^\W_])?)*"
    r"(?:\.|\s?[\[(]\s?(?:dot|chấm)\s?[\])]\s?)[A-Za-z]{2,24}(?![\w@])",
    re.IGNORECASE,
)


def _emails(clean: str) -> list[_Hit]:
    return [_Hit(m.start(), m.end(), PiiKind.EMAIL, 0.99) for m in _EMAIL_RE.finditer(clean)]


# Numbers after a label: citizen ID, bank account --------------------------------------------------

_ID_LABEL = (
    r"(?:\bcccd\b|\bcmnd\b|\bcmt\b|\bcmtnd\b|can cuoc(?: cong dan)?|chung minh (?:nhan dan|thu)"
    r"|(?:so|ma) dinh danh(?: ca nhan)?|the can cuoc|\bcc\b)"
)
_ID_RE = re.compile(_ID_LABEL + r"[^\d\n]{0,30}?(?<![\w])(?P<n>\d(?:[ .]?\d){11}|\d{9})(?![\d\w])")
_BANK_RE = re.compile(
    r"(?:so tai khoan|\bstk\b|\btk\b|tai khoan)[^\d\n]{0,40}?(?<![\w])(?P<n>\d(?:[ \-.]?\d){5,18})(?![\d\w])"
)
_CODE_RE = re.compile(
    r"(?:ma so bhxh|ma so bao hiem xa hoi|so so bhxh|so so bao hiem xa hoi|ma so bhyt|ma the bhyt|the bhyt|"
    r"the bao hiem y te|ho chieu|passport|\bgplx\b|giay phep lai xe|bang lai(?: xe)?|ma so thue ca nhan|"
    r"mst ca nhan|ma so thue cua (?:toi|em|chau))"
    r"[^\d\n]{0,25}?(?<![a-z])(?P<n>[a-z]{0,3}\d(?:[ .]?\d){5,14})(?![\d\w])"
)
_CCCD_PROVINCES = frozenset(
    [
        "001",
        "002",
        "004",
        "006",
        "008",
        "010",
        "011",
        "012",
        "014",
        "015",
        "017",
        "019",
        "020",
        "022",
        "024",
        "025",
        "026",
        "027",
        "030",
        "031",
        "033",
        "034",
        "035",
        "036",
        "037",
        "038",
        "040",
        "042",
        "044",
        "045",
        "046",
        "048",
        "049",
        "051",
        "052",
        "054",
        "056",
        "058",
        "060",
        "062",
        "064",
        "066",
        "067",
        "068",
        "070",
        "072",
        "074",
        "075",
        "077",
        "079",
        "080",
        "082",
        "083",
        "084",
        "086",
        "087",
        "089",
        "091",
        "092",
        "093",
        "094",
        "095",
        "096",
    ]
)
_BARE_ID_RE = re.compile(r"(?<![\w.,/\-])(\d{12})(?![\w/]|[.,]\d)")

#: The last two digits of the latest birth year accepted for someone born this century;
#: fixed rather than read from the clock so results are reproducible.
_LATEST_BIRTH_YY = 26


def _is_cccd_shape(number: str) -> bool:
    if number[:3] not in _CCCD_PROVINCES or number[3] not in "0123":
        return False
    return not (number[3] in "23" and int(number[4:6]) > _LATEST_BIRTH_YY)


def _labelled_numbers(clean: str, folded: str) -> list[_Hit]:
    hits = []
    for match in _ID_RE.finditer(folded):
        hits.append(_Hit(match.start("n"), match.end("n"), PiiKind.CITIZEN_ID, 0.99))
    for match in _BANK_RE.finditer(folded):
        hits.append(_Hit(match.start("n"), match.end("n"), PiiKind.BANK_ACCOUNT, 0.95))
    for match in _CODE_RE.finditer(folded):
        hits.append(_Hit(match.start("n"), match.end("n"), PiiKind.PERSONAL_CODE, 0.97))
    for match in _BARE_ID_RE.finditer(clean):
        if _is_cccd_shape(match.group(1)) and not _MONEY_AFTER_RE.match(clean, match.end()):
            hits.append(_Hit(match.start(), match.end(), PiiKind.CITIZEN_ID, 0.85))
    return hits


# Plates ------------------------------------------------------------------------------------------

_PLATE_BODY = r"\d{2}\s?-?\s?[A-Z]{1,2}\d?\s?-?\s?(?:\d{3}\.\d{2}|\d{4,5})"
_PLATE_LABELLED_RE = re.compile(
    r"(?i:biển số(?: xe)?|biển kiểm soát|\bBKS\b|\bBSX\b)(?:\s*(?i:là|số|:)){0,2}\s*(?P<n>"
    + _PLATE_BODY
    + r")(?![\w.])"
)
_PLATE_DOTTED_RE = re.compile(r"(?<![\w/.\-])(\d{2}[A-Z]{1,2}\d?-\d{3}\.\d{2})(?![\w.])")


def _plates(clean: str) -> list[_Hit]:
    hits = [_Hit(m.start("n"), m.end("n"), PiiKind.PLATE, 0.95) for m in _PLATE_LABELLED_RE.finditer(clean)]
    hits += [_Hit(m.start(), m.end(), PiiKind.PLATE, 0.85) for m in _PLATE_DOTTED_RE.finditer(clean)]
    return hits


# Dates of birth ------------------------------------------------------------------------------------

_DOB_RE = re.compile(
    r"(?:sinh ngay|ngay sinh|ngay thang nam sinh|ngay, thang, nam sinh|\bns\b)\s*:?\s*"
    r"(?:la\s+)?(?:ngay\s+)?"
    r"(?P<n>\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s*(?:nam|,)\s*\d{4})(?!\d)"
)


def _dobs(folded: str) -> list[_Hit]:
    return [_Hit(m.start("n"), m.end("n"), PiiKind.DATE_OF_BIRTH, 0.95) for m in _DOB_RE.finditer(folded)]


# Addresses ---------------------------------------------------------------------------------------

_ADMIN = (
    r"(?:phường|xã|thị trấn|thị xã|quận|huyện|thành phố|tỉnh|tp\.?|đặc khu|p\.|q\.|tx\.|tt\.)"
    rf"(?![{_L}])"
)
_NUM_ID = r"\d{1,6}[A-Za-z]?(?:[/\-]\d{1,6}[A-Za-z]?){0,4}(?![\w/])"
#: A capitalised name of a street or hamlet; stops before an administrative unit word.
#: Words that start the next part of an address rather than continue a name.
_UNIT = (
    r"(?:ngõ|ngách|hẻm|kiệt|phố|đường|thôn|xóm|ấp|tổ|khu|khối|tòa|toà|lô|căn|phòng|tầng|số|nhà|chung)"
    rf"(?![{_L}])"
)
_NOT_NAME_PART = rf"(?!(?i:{_ADMIN})|(?i:{_UNIT}))"
_PLACE_NAME = rf"{_NOT_NAME_PART}(?:{_CAP})(?: {_NOT_NAME_PART}(?:{_CAP})){{0,4}}"
_HOUSE = rf"(?i:số nhà|nhà số|số|sn|nhà)\s?{_NUM_ID}(?:\s{_PLACE_NAME})?"
_LANE = rf"(?i:ngõ|ngách|hẻm|kiệt|hẽm|lô|nhà|căn hộ|phòng|tầng|block|tòa nhà|toà nhà|tòa|toà)\s?(?:{_NUM_ID}|[A-Z]{{1,3}}\d*(?![\w]))(?:\s{_PLACE_NAME})?"
_STREET = rf"(?<![Tt]hành )(?<!THÀNH )(?<![Dd]ân )(?<!DÂN )(?i:phố|đường|đại lộ)\s(?:{_PLACE_NAME}|(?i:số\s)?{_NUM_ID})"
_HAMLET = (
    rf"(?i:tổ dân phố|tdp|tổ dân cư|khu phố|kp|khu tập thể|ktt|khu đô thị|kđt|chung cư|cụm dân cư|"
    rf"khu dân cư|thôn|xóm|ấp|bản|làng|buôn|sóc|phum|khối|tổ|khu)\s?(?:{_PLACE_NAME}|(?i:số\s?)?{_NUM_ID})"
)
_BARE_NUMBER_STREET = rf"{_NUM_ID}\s(?:{_PLACE_NAME})"
_COMPONENT = rf"(?:{_HOUSE}|{_LANE}|{_STREET}|{_HAMLET})"
_CHAIN_RE = re.compile(
    rf"(?<![{_L}\d/\-])(?:{_COMPONENT}|(?P<bare>{_BARE_NUMBER_STREET}))(?:(?:,\s?|\s-\s|\s){_COMPONENT})*"
)
_HAMLET_HEAD_RE = re.compile(rf"(?i:{_HAMLET})")
_RESIDENCE_CUE_RE = re.compile(
    r"\b(?:toi o|em o|chau o|o tai|dia chi|tru tai|thuong tru|tam tru|noi o|cu tru|song tai|"
    r"nha (?:toi|em|chau|ong|ba|anh|chi) o|gia dinh (?:toi|em) o|ho khau|nha o|chu ho|dang o|"
    r"que|o\s*:)\b"
)
#: Cues that the address is an organisation's, matched with accents and case: "Sở" and
#: "Bộ" capitalised are bodies, "số" and "bộ" are not.
_ORG_ADDRESS_CUE_RE = re.compile(
    r"(?i:trụ sở|văn phòng|cơ quan|đặt tại|bộ phận một cửa|tòa soạn|toà soạn|địa điểm|tiếp công dân)"
    r"|(?:Ủy ban|Uỷ ban|UBND|HĐND|Sở|Bộ|Cục|Công ty|Ngân hàng|Bệnh viện|Trường|Trung tâm|Công an|Tòa án|"
    r"Viện|Kho bạc|Chi cục|Ban)(?![\w])"
)


_NUMBERED_UNIT_RE = re.compile(
    r"(?i:tổ dân phố|tổ|khu phố|thôn|xóm|ấp|bản|khu|đường|phố|ngõ|ngách|hẻm|kiệt)\s+số"
)
#: A house or flat number: what makes an address point at one household.
_HOUSE_NUMBER_RE = re.compile(rf"{_NOT_LETTER_BEFORE}(?i:số nhà|nhà số|sn|số|nhà|căn hộ|phòng)\s?\d")


_AFTER_ADMIN_RE = re.compile(rf"(?i:{_ADMIN})\s*$")


def _last_cue(pattern: re.Pattern[str], text: str) -> int:
    return max((m.end() for m in pattern.finditer(text)), default=-1)


def _addresses(clean: str, folded: str) -> list[_Hit]:
    hits = []
    for match in _CHAIN_RE.finditer(clean):
        start = match.start()
        text = match.group().rstrip(" ,-")
        end = start + len(text)
        window = max(0, start - 90)
        before = folded[window:start]
        # A name right after an administrative unit is that unit's name, even when it
        # starts like a hamlet: "thành phố Buôn Ma Thuột", "huyện Bản Lác".
        if _AFTER_ADMIN_RE.search(clean[window:start]):
            continue
        # The nearer cue wins: "trụ sở ở số 8 ..." vs "tôi ở số 12 ..., gần trụ sở ...".
        residence_at = _last_cue(_RESIDENCE_CUE_RE, before)
        if re.search(rf"(?<![{_L}])ở\s*$", clean[window:start], re.IGNORECASE):
            residence_at = len(before)
        organisation_at = _last_cue(_ORG_ADDRESS_CUE_RE, clean[window:start])
        residence = residence_at > organisation_at
        if organisation_at > residence_at:
            continue
        has_digit = any(char.isdigit() for char in text)
        # "số 12" alone is as often a document's or a form's number as a house: it needs a
        # street, lane or place after it, or a residence cue.
        # "Tổ dân phố số 7", "đường số 5" number a group or a street, not a house.
        lone_number = bool(re.fullmatch(rf"(?i:số|nhà|căn hộ|phòng)\s?{_NUM_ID}", text))
        house = bool(_HOUSE_NUMBER_RE.search(_NUMBERED_UNIT_RE.sub("#", text)))
        if match.group("bare") is not None and not residence:
            continue
        specific = match.group("bare") is not None or (house and not lone_number)
        if specific:
            hits.append(_Hit(start, end, PiiKind.ADDRESS, 0.95 if residence else 0.8))
        elif residence and (has_digit or _HAMLET_HEAD_RE.match(text)):
            hits.append(_Hit(start, end, PiiKind.ADDRESS, 0.9))
    return hits


# Names -------------------------------------------------------------------------------------------

_NAME_RUN = rf"(?:{_CAP})(?: (?:{_CAP})){{0,4}}"
_INTRO_RE = re.compile(
    r"(?:toi ten la|ten toi la|toi ten|em ten la|ten em la|chau ten la|ten chau la|toi la|em la|chau la|"
    r"chung toi la|ho va ten|ho ten|ho, ten|nguoi gui|nguoi viet don|nguoi viet|nguoi lam don|"
    r"nguoi de nghi|nguoi kien nghi|nguoi phan anh|nguoi hoi|ten nguoi gui|ky ten|ky, ghi ro ho ten|"
    r"ky va ghi ro ho ten|dai dien|ten la|(?:^|,)\s*ten|mang ten|dung ten|chu tai khoan|chu ho)"
    r"\s*(?:\([^)]{0,30}\))?\s*:?\s*$"
)
_STRICT_INTROS = ("toi la", "em la", "chau la", "chung toi la", "dai dien")
#: Honorifics and kinship words, matched with accents and case-insensitively ("có" is not
#: "cô", "ba" the number is not "bà").  Text typed without accents is covered only through
#: ``known_names``.
_HONORIFIC_RE = re.compile(
    rf"(?<![{_L}])(?:ông|bà|anh|chị|em|cô|chú|bác|cậu|dì|thím|mợ|cháu|cụ|thầy|vợ|chồng|mẹ|bố|cha|"
    r"công dân|cử tri|con trai|con gái|anh trai|chị gái|em trai|em gái|hàng xóm|ông nội|bà nội|ông ngoại|bà ngoại|"
    r"con|cháu)(?: tôi| em| cháu)?(?: là| tên là| tên)? $",
    re.IGNORECASE,
)
_CAP_RUN_RE = re.compile(rf"{_NOT_LETTER_BEFORE}{_NAME_RUN}")


def _trim_run(run: str) -> str:
    """Cut a capitalised run before a syllable that starts an organisation or a place."""
    kept: list[str] = []
    for word in run.split(" "):
        if kept and word.casefold() in _RUN_BREAKERS:
            break
        kept.append(word)
    return " ".join(kept)


def _is_public_name(run: str) -> bool:
    folded = fold(run)
    return any(folded == name or folded.startswith(name + " ") for name in _PUBLIC_NAMES)


def _clause_before(text: str, start: int, window: int, breaks: str) -> str:
    chunk = text[max(0, start - window) : start]
    cut = max(chunk.rfind(mark) for mark in breaks)
    return chunk[cut + 1 :]


_TITLE_RES = [re.compile(rf"(?<![a-z]){re.escape(title)}(?![a-z])") for title in _OFFICIAL_TITLES]


def _is_official(clean: str, start: int, end: int) -> bool:
    """A title in the same clause before the name, or in apposition next to it.

    "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà", "Người phát ngôn Bộ Nội vụ, ông Vũ Đăng Minh,"
    and "ông Lê Văn Dũng, Giám đốc Sở Nội vụ" are officials; "Kính gửi Bộ trưởng Bộ Nội vụ,
    ông ..." addresses the office and says nothing about who follows.
    """
    sentence = _clause_before(clean, start, 120, ".;:\n()!?")
    segments = fold(sentence).split(",")
    if any(title.search(segments[-1]) for title in _TITLE_RES):
        return True
    if len(segments) > 1 and _HONORIFIC_ONLY_RE.fullmatch(segments[-1]):
        previous = segments[-2].strip()
        if not previous.startswith("kinh gui") and any(title.search(previous) for title in _TITLE_RES):
            return True
    after = fold(clean[end : end + 60])
    match = re.match(r"\s*(?:,|\(|-)\s*(?:nguyen |pho |quyen )?", after)
    if match:
        rest = after[match.end() :]
        return any(rest.startswith(title) for title in _OFFICIAL_TITLES)
    return False


_HONORIFIC_ONLY_RE = re.compile(r"\s*(?:ong|ba|anh|chi|dong chi)?\s*")


def _after_place_word(clean: str, start: int) -> bool:
    """Whether a street, place or institution word, or a house number, comes just before."""
    words = clean[max(0, start - 40) : start].casefold().split()
    return bool(words) and (words[-1] in _PLACE_WORDS or any(char.isdigit() for char in words[-1]))


def _names(clean: str, folded: str) -> list[_Hit]:
    hits = []
    for match in _CAP_RUN_RE.finditer(clean):
        start = match.start()
        run = _trim_run(match.group())
        words = run.split(" ")
        leading_honorific = ""
        if len(words) > 1 and words[0].casefold() in _HONORIFICS:
            leading_honorific = words[0]
            start += len(words[0]) + 1
            words = words[1:]
            run = " ".join(words)
        end = start + len(run)
        head = words[0].casefold()
        intro = _INTRO_RE.search(folded[max(0, start - 45) : start])
        honorific = leading_honorific or _HONORIFIC_RE.search(clean[max(0, start - 25) : start])
        line_start = clean.rfind("\n", 0, start) + 1
        line_end = clean.find("\n", end)
        line_end = len(clean) if line_end == -1 else line_end
        alone_on_line = not clean[line_start:start].strip() and not clean[end:line_end].strip(" .,")
        if intro:
            strict = intro.group().strip(" :").endswith(_STRICT_INTROS)
            # After "tôi là"/"em là" one capitalised word is a role more often than a name
            # ("Em là Đoàn viên"), so a surname and at least two syllables are required.
            if strict and (len(words) < 2 or not _is_surname(words[0])):
                continue
            if head in _NOT_NAME_HEADS or _is_public_name(run):
                continue
            # "đường mang tên Nguyễn Văn Cừ" names a street after a public figure.
            if intro.group().strip(" :").endswith("mang ten"):
                mang = start - len(intro.group()) + intro.group().index("mang")
                previous = clean[max(0, mang - 30) : mang].casefold().split()
                if previous and previous[-1] in _PLACE_WORDS:
                    continue
            confidence = 0.95
        elif honorific and head not in _NOT_NAME_HEADS:
            cue = leading_honorific or (
                honorific.group().split()[0] if isinstance(honorific, re.Match) else ""
            )
            cue_start = clean.rfind(cue, 0, start)
            # "công dân"/"cử tri" are followed by places far more often than by people
            # ("công dân Việt Nam", "cử tri Quảng Ninh"): a surname-led or apostrophe name only.
            group = honorific.group().casefold() if isinstance(honorific, re.Match) else ""
            if group.startswith(("công dân", "cử tri")) and (
                len(words) < 2 or not (_is_surname(words[0]) or "'" in run)
            ):
                continue
            if (
                _is_public_name(run)
                or _is_public_name(clean[cue_start:end])
                or _after_place_word(clean, cue_start)
            ):
                continue
            confidence = 0.9
        elif _is_surname(words[0]) and (len(words) >= 3 or (alone_on_line and len(words) >= 2)):
            if _is_public_name(run) or _after_place_word(clean, start):
                continue
            if any(w.casefold() in _NOT_NAME_HEADS for w in words[1:]):
                continue
            confidence = 0.85 if alone_on_line else 0.75
        else:
            continue
        if not intro and _is_official(clean, start, end):
            continue
        hits.append(_Hit(start, end, PiiKind.NAME, confidence))
    return hits


def _known_names(clean: str, folded: str, known_names: Iterable[str]) -> list[_Hit]:
    hits = []
    for raw in known_names:
        name = " ".join(nfc(raw).split())
        if not name:
            continue
        target = fold(name)
        given = target.split()[-1]
        full = re.escape(target).replace(r"\ ", r"\s+")
        honorifics = r"(?:ong|ba|anh|chi|em|co|chu|bac|chau|cu|ban|di|cau)"
        patterns = [
            (rf"(?<![a-z0-9])(?P<n>{full})(?![a-z0-9])", 0.99),
            (rf"(?<![a-z0-9]){honorifics}\s+(?P<n>{re.escape(given)})(?![a-z0-9])", 0.95),
        ]
        for pattern, confidence in patterns:
            for match in re.finditer(pattern, folded):
                start, end = match.span("n")
                if _same_name(clean[start:end], name):
                    hits.append(_Hit(start, end, PiiKind.NAME, confidence))
    return hits


def _same_name(found: str, name: str) -> bool:
    """Whether ``found`` is ``name`` (or its last syllable) written with or without accents.

    Folded text merges "Lê An" with "lê ăn"; a match counts only if it is written with the
    name's own marks, or with no marks at all (a toneless keyboard).
    """
    found_words = found.casefold().split()
    name_words = name.casefold().split()[-len(found_words) :]
    for word, expected in zip(found_words, name_words, strict=True):
        if word != expected and word != fold(word):
            return False
    return True


# --- Public API ---------------------------------------------------------------------------------


def find_pii(text: str, *, known_names: Iterable[str] = ()) -> list[PiiSpan]:
    """Personal data in ``text``, in order and non-overlapping; offsets into ``nfc(text)``.

    ``known_names`` are names known to belong to the submitter or someone they name (from
    the form's fields); they are masked wherever they appear.
    """
    normal = nfc(text)
    cleaned = _Clean(normal)
    clean = cleaned.text
    folded = fold(clean)
    citations = [(c.start, c.end) for c in find_citations(clean)]

    hits: list[_Hit] = []
    hits += _emails(clean)
    hits += _labelled_numbers(clean, folded)
    hits += _plates(clean)
    hits += _dobs(folded)
    hits += _phones(clean, citations)
    hits += _addresses(clean, folded)
    hits += _known_names(clean, folded, known_names)
    hits += _names(clean, folded)
    # Citation spans are never personal data (a law's number, a decree's symbol).
    hits = [
        h for h in hits if h.kind in (PiiKind.NAME, PiiKind.EMAIL) or not _overlaps(h.start, h.end, citations)
    ]

    # Keep the most certain, then the longest, of overlapping candidates.
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.confidence, -(h.end - h.start), h.start)):
        if not any(hit.start < c.end and c.start < hit.end for c in chosen):
            chosen.append(hit)
    spans = []
    for hit in sorted(chosen, key=lambda h: h.start):
        start, end = cleaned.span(hit.start, hit.end)
        spans.append(PiiSpan(start, end, hit.kind, normal[start:end], hit.confidence))
    return spans


def mask_pii(text: str, spans: Sequence[PiiSpan] | None = None, *, known_names: Iterable[str] = ()) -> str:
    """``nfc(text)`` with each span replaced by its kind's placeholder.

    Without ``spans`` they are found with :func:`find_pii`.  Given spans (a handler's edited
    selection) must lie inside ``nfc(text)`` and must not overlap, or ``ValueError`` is
    raised.  Everything outside the spans is returned unchanged.
    """
    normal = nfc(text)
    if spans is None:
        spans = find_pii(normal, known_names=known_names)
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    pieces = []
    position = 0
    for span in ordered:
        if not 0 <= span.start <= span.end <= len(normal):
            raise ValueError(f"span {span.start}-{span.end} is outside the text")
        if span.start < position:
            raise ValueError(f"span {span.start}-{span.end} overlaps the previous one")
        pieces.append(normal[position : span.start])
        pieces.append(PLACEHOLDERS[span.kind])
        position = span.end
    pieces.append(normal[position:])
    return "".join(pieces)
