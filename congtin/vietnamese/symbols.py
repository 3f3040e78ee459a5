"""Document numbers and symbols ("số, ký hiệu") of Vietnamese official documents.

Two grammars are in use and both are parsed here:

* **State** documents follow Decree 30/2020/NĐ-CP (Phụ lục I, III) and the practice for
  legal normative documents (VBQPPL): ``<number>/[<year>/]<group>{-<group>}``.  The first
  group is a type code from Phụ lục III (``12/CT-TTg``, ``1579/QĐ-TTg``), or a VBQPPL
  code after a year (``09/2017/NĐ-CP``, ``55/2005/TTLT-BNV-VPCP``), followed by the
  issuer(s).  A *công văn* carries no type code: ``2761/BNV-TC`` is issuer ``BNV`` and
  drafting unit ``TC`` (here "TC" is not Thông cáo: position decides).  Laws and
  National Assembly resolutions carry only the issuer and its term: ``104/2016/QH13``.
* **Party** documents follow Hướng dẫn 36-HD/VPTW: ``<number>-<type>/<issuer>``
  (``02-NQ/TW``, ``08-HD/BTGTW``) -- a hyphen after the number and a slash before the
  issuer, the reverse of state documents.  ``QĐ`` means either Quyết định or Quy định
  (66-QĐ/TW is a Quy định); only the surrounding text can tell, see
  :mod:`congtin.vietnamese.citations`.

Older and odder shapes that real texts carry are read too, and kept in the shape they
were issued with: state symbols of the pre-1990s in the Party-like order (``18-L/CTN``,
``21-LCT/HĐNN8``, ``103-SL/L.005``) or without a slash (``206-CP``), sub-numbers
(``66.16/2026/NQ-CP``, ``3010-1/TB-ĐHHV``) and "&" inside an issuer
(``299/QĐ-BQLKKTNS&KCN``).

Parsing tolerates the noise seen in real text and canonicalises it: NFD input, spaces or
line breaks around ``/`` and ``-``, en/em dashes and other dash look-alikes, zero-width
and bidi control characters, ``Ð`` (U+00D0) for ``Đ``, ``TƯ`` for ``TW``, ASCII
``ND``/``QD`` for ``NĐ``/``QĐ`` (and known issuers such as ``BLDTBXH``), lower case, a
trailing full stop, a leading "Số:", and numbers below 10 without their leading zero.
Departures from Decree 30 that change what a reader should check are reported as
Vietnamese warnings on the result rather than refused.  A typo that yields another
well-formed symbol (``67/2014/QH14`` for the 2014 Investment Law, which is QH13) is kept
as printed: correcting it needs the registry.

Only Latin letters (A-Z plus Đ) may appear in a symbol.  A look-alike from another
script -- a Cyrillic "С" inside "CT" -- is refused: a symbol is an identifier, and a
string that merely looks like ``12/CT-TTg`` is not the same identifier (it is a classic
way to slip a forged reference past a reader or a search index).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

from congtin.vietnamese.text import fold, nfc

__all__ = [
    "DASH_CHARS",
    "INVISIBLE_CHARS",
    "ISSUERS",
    "PARTY_TYPE_CODES",
    "PARTY_TYPE_NAMES",
    "TYPE_CODES",
    "TYPE_NAMES",
    "WARNING_CONG_VAN_TYPE_CODE",
    "WARNING_PARTY_IN_STATE_STYLE",
    "WARNING_PARTY_UNKNOWN_TYPE_CODE",
    "WARNING_STATE_IN_PARTY_STYLE",
    "WARNING_UNKNOWN_TYPE_CODE",
    "WARNING_UNPADDED_NUMBER",
    "DocumentSymbol",
    "Grammar",
    "SymbolError",
    "canonical_symbol",
    "compact_symbol",
    "is_known_issuer",
    "is_party_issuer",
    "parse_symbol",
    "symbol_search_keys",
]


class Grammar(StrEnum):
    """Which numbering rules a symbol follows."""

    STATE = "state"  # Decree 30/2020/NĐ-CP and VBQPPL practice
    PARTY = "party"  # Hướng dẫn 36-HD/VPTW


# --- Controlled vocabularies -------------------------------------------------------------

#: Type codes of state documents → Vietnamese type name.  Phụ lục III of Decree 30/2020
#: (27 administrative types and the three kinds of copy), plus the codes that legal
#: normative documents use in their symbols (NĐ, TT, TTLT, NQLT, PL, L, VBHN...).  Note
#: the four mixed-case codes the decree prints that way: QyĐ, CTr, TTr, TrS.  A state
#: *công văn* has no code; laws (``104/2016/QH13``) have none either.
TYPE_CODES: Mapping[str, str] = MappingProxyType(
    {
        # Phụ lục III, Decree 30/2020/NĐ-CP
        "NQ": "Nghị quyết",
        "QĐ": "Quyết định",
        "CT": "Chỉ thị",
        "QC": "Quy chế",
        "QyĐ": "Quy định",
        "TC": "Thông cáo",
        "TB": "Thông báo",
        "HD": "Hướng dẫn",
        "CTr": "Chương trình",
        "KH": "Kế hoạch",
        "PA": "Phương án",
        "ĐA": "Đề án",
        "DA": "Dự án",
        "BC": "Báo cáo",
        "BB": "Biên bản",
        "TTr": "Tờ trình",
        "HĐ": "Hợp đồng",
        "CĐ": "Công điện",
        "BGN": "Bản ghi nhớ",
        "BTT": "Bản thỏa thuận",
        "GUQ": "Giấy ủy quyền",
        "GM": "Giấy mời",
        "GGT": "Giấy giới thiệu",
        "GNP": "Giấy nghỉ phép",
        "PG": "Phiếu gửi",
        "PC": "Phiếu chuyển",
        "PB": "Phiếu báo",
        "SY": "Bản sao y",
        "TrS": "Bản trích sao",
        "SL": "Bản sao lục",
        # Codes used by legal normative documents (Law 80/2015/QH13 practice)
        "NĐ": "Nghị định",
        "TT": "Thông tư",
        "TTLT": "Thông tư liên tịch",
        "NQLT": "Nghị quyết liên tịch",
        "QĐLT": "Quyết định liên tịch",
        "PL": "Pháp lệnh",
        "L": "Lệnh",
        "VBHN": "Văn bản hợp nhất",
    }
)

#: Type codes of Party documents (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW) → type name.
#: ``QĐ`` is shared by Quyết định and Quy định; its entry names both because the code
#: alone cannot decide.  Unlike a state công văn, a Party công văn carries ``CV``.
PARTY_TYPE_CODES: Mapping[str, str] = MappingProxyType(
    {
        "NQ": "Nghị quyết",
        "QĐ": "Quyết định hoặc Quy định",
        "CT": "Chỉ thị",
        "KL": "Kết luận",
        "QC": "Quy chế",
        "TT": "Thông tri",
        "HD": "Hướng dẫn",
        "TB": "Thông báo",
        "BC": "Báo cáo",
        "KH": "Kế hoạch",
        "CTr": "Chương trình",
        "ĐA": "Đề án",
        "TTr": "Tờ trình",
        "CV": "Công văn",
        "BB": "Biên bản",
        "GM": "Giấy mời",
        "BS": "Bản sao",
        "TrS": "Bản trích sao",
        "TC": "Thông cáo",
        "NQLT": "Nghị quyết liên tịch",
    }
)


def _folded_names(codes: Mapping[str, str]) -> dict[str, str]:
    return {fold(name): code for code, name in codes.items() if " hoặc " not in name}


#: Folded type name → state type code ("nghi dinh" → "NĐ", "thong tu lien tich" →
#: "TTLT").  Choices: "cong van" maps to "CV" because that is the series a state công văn
#: is numbered in (:attr:`DocumentSymbol.series`), although its symbol carries no code;
#: "quy dinh" maps to the state code "QyĐ" (Party Quy định use "QĐ", see
#: :data:`PARTY_TYPE_NAMES`); Luật, Bộ luật and Hiến pháp are absent because their
#: symbols carry no type code at all (``104/2016/QH13``).
TYPE_NAMES: Mapping[str, str] = MappingProxyType({**_folded_names(TYPE_CODES), "cong van": "CV"})

#: Folded Party type name → Party code ("quy dinh" and "quyet dinh" both → "QĐ").
PARTY_TYPE_NAMES: Mapping[str, str] = MappingProxyType(
    {**_folded_names(PARTY_TYPE_CODES), "quyet dinh": "QĐ", "quy dinh": "QĐ"}
)

#: Issuer abbreviations seen in practice → full name.  Decree 30 publishes no national list
#: (each body sets its own), so this is a working vocabulary, used to canonicalise ASCII
#: spellings ("BLDTBXH" → "BLĐTBXH"), to tell an unknown type code from a công văn issuer,
#: and by the citation finder to trust a symbol printed without a type name.  Bodies
#: renamed or merged in 2025 keep their entries: old documents keep their old symbols.
ISSUERS: Mapping[str, str] = MappingProxyType(
    {
        "CP": "Chính phủ",
        "TTg": "Thủ tướng Chính phủ",
        "VPCP": "Văn phòng Chính phủ",
        "QH": "Quốc hội",
        "UBTVQH": "Ủy ban Thường vụ Quốc hội",
        "VPQH": "Văn phòng Quốc hội",
        "CTN": "Chủ tịch nước",
        "VPCTN": "Văn phòng Chủ tịch nước",
        "TANDTC": "Tòa án nhân dân tối cao",
        "HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
        "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
        "KTNN": "Kiểm toán nhà nước",
        "BNV": "Bộ Nội vụ",
        "BTC": "Bộ Tài chính",
        "BTP": "Bộ Tư pháp",
        "BCA": "Bộ Công an",
        "BQP": "Bộ Quốc phòng",
        "BNG": "Bộ Ngoại giao",
        "BYT": "Bộ Y tế",
        "BXD": "Bộ Xây dựng",
        "BCT": "Bộ Công Thương",
        "BGTVT": "Bộ Giao thông vận tải",
        "BTNMT": "Bộ Tài nguyên và Môi trường",
        "BTTTT": "Bộ Thông tin và Truyền thông",
        "BKHĐT": "Bộ Kế hoạch và Đầu tư",
        "BKHCN": "Bộ Khoa học và Công nghệ",
        "BGDĐT": "Bộ Giáo dục và Đào tạo",
        "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
        "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
        "BNNMT": "Bộ Nông nghiệp và Môi trường",
        "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
        "BDTTG": "Bộ Dân tộc và Tôn giáo",
        "UBDT": "Ủy ban Dân tộc",
        "TTCP": "Thanh tra Chính phủ",
        "NHNN": "Ngân hàng Nhà nước Việt Nam",
        "BHXH": "Bảo hiểm xã hội",
        "TCT": "Tổng cục Thuế",
        "TCHQ": "Tổng cục Hải quan",
        "KBNN": "Kho bạc Nhà nước",
        "UBCKNN": "Ủy ban Chứng khoán Nhà nước",
        "TCTK": "Tổng cục Thống kê",
        "UBND": "Ủy ban nhân dân",
        "HĐND": "Hội đồng nhân dân",
        "TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
        "MTTQ": "Mặt trận Tổ quốc Việt Nam",
        "CATTT": "Cục An toàn thông tin",
        # Party bodies
        "TW": "Ban Chấp hành Trung ương Đảng",
        "VPTW": "Văn phòng Trung ương Đảng",
        "BTGTW": "Ban Tuyên giáo Trung ương",
        "BTCTW": "Ban Tổ chức Trung ương",
        "UBKTTW": "Ủy ban Kiểm tra Trung ương",
        "BDVTW": "Ban Dân vận Trung ương",
        "BNCTW": "Ban Nội chính Trung ương",
        "BKTTW": "Ban Kinh tế Trung ương",
        "BĐNTW": "Ban Đối ngoại Trung ương",
        "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",
        "BCSĐCP": "Ban cán sự đảng Chính phủ",
        "ĐUCA": "Đảng ủy Công an Trung ương",
        "QUTW": "Quân ủy Trung ương",
        # Bodies of earlier constitutions, for old symbols
        "HĐBT": "Hội đồng Bộ trưởng",
        "HĐNN": "Hội đồng Nhà nước",
    }
)

#: Issuers that only the Party uses, beyond the patterns of :func:`is_party_issuer`.
_PARTY_ISSUER_PREFIXES = ("BCSĐ", "ĐĐ", "ĐU", "BTV")
_PARTY_ISSUER_SUFFIXES = ("TW", "TU", "HU", "QU", "ĐU", "ĐUK")

# --- Warnings ----------------------------------------------------------------------------

#: Decree 30, Phụ lục I: numbers below 10 are written with a leading zero.
WARNING_UNPADDED_NUMBER = "số thứ tự dưới 10 không có số 0 đứng trước"
#: Format string; ``{code}`` is the code as printed (upper-cased).
WARNING_UNKNOWN_TYPE_CODE = "mã loại văn bản không có trong Phụ lục III: {code}"
#: Decree 30, Phụ lục I: a state công văn carries no type code (``123/CV-UBND`` is wrong).
WARNING_CONG_VAN_TYPE_CODE = "công văn của cơ quan nhà nước không ghi mã loại văn bản"
#: A Party symbol written the state way round (``02/NQ-TW`` for ``02-NQ/TW``).
WARNING_PARTY_IN_STATE_STYLE = "ký hiệu văn bản của Đảng viết theo kiểu văn bản nhà nước"
#: Format string; a Party type code outside :data:`PARTY_TYPE_CODES`.
WARNING_PARTY_UNKNOWN_TYPE_CODE = "mã loại văn bản không có trong danh mục văn bản của Đảng: {code}"
#: A state symbol in the shape ``<number>-<code>/<issuer>`` (``18-L/CTN``): the form of
#: state documents before the 1990s, or a misprint for ``<number>/<code>-<issuer>``.
WARNING_STATE_IN_PARTY_STYLE = (
    "ký hiệu văn bản nhà nước viết theo kiểu số-loại/cơ quan (kiểu cũ hoặc kiểu văn bản của Đảng)"
)


class SymbolError(ValueError):
    """The text is not a document symbol; the message says why, in Vietnamese."""


@dataclass(frozen=True, slots=True)
class DocumentSymbol:
    """A parsed, canonicalised document number and symbol."""

    grammar: Grammar
    #: Canonical number, zero-padded to two digits ("09", "12", "2761").
    number: str
    #: The year printed in the symbol (09/2017/NĐ-CP → 2017), else None.
    year: int | None
    #: Canonical type code ("NĐ", "QĐ", "QyĐ"...); None for a state công văn and for
    #: laws and resolutions of the National Assembly (``104/2016/QH13``).
    type_code: str | None
    #: Canonical issuer abbreviation; joint issuers joined by "-" ("BNV-VPCP").
    issuer: str
    #: The drafting unit of a công văn ("TC" in 2761/BNV-TC), else None.
    unit: str | None
    #: The canonical printed form.
    canonical: str
    #: Vietnamese warnings about departures from Decree 30 / Hướng dẫn 36.
    warnings: tuple[str, ...] = ()

    @property
    def series(self) -> str:
        """The numbering series the number belongs to.

        The type code when there is one, ``"QH"``/``"UBTVQH"`` for the laws and
        resolutions of the National Assembly and its Standing Committee, and ``"CV"``
        for a state công văn (including old symbols such as ``12/CP`` that print the
        issuer alone).
        """
        if self.type_code is not None:
            return self.type_code
        law = _LAW_ISSUER_RE.match(self.issuer)
        if law is not None:
            return law.group(1)
        return "CV"

    @property
    def issuers(self) -> tuple[str, ...]:
        """The issuers one by one (``("BNV", "VPCP")`` for a joint circular)."""
        return tuple(self.issuer.split("-"))

    @property
    def type_name(self) -> str | None:
        """The type name the code stands for, if the code alone decides it."""
        if self.type_code is None:
            return None
        table = PARTY_TYPE_CODES if self.grammar is Grammar.PARTY else TYPE_CODES
        name = table.get(self.type_code)
        if name is None or " hoặc " in name:
            return None
        return name


# --- Normalisation -----------------------------------------------------------------------

#: Invisible characters removed before parsing: zero-width space/joiners, word joiner,
#: BOM, soft hyphen, and the bidi marks, embeddings, overrides and isolates.
INVISIBLE_CHARS = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
#: Characters printed where a hyphen-minus was meant.
DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

_CLEAN_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, INVISIBLE_CHARS)),
    **dict.fromkeys(map(ord, DASH_CHARS), "-"),
    ord("Ð"): "Đ",
    ord("ð"): "đ",
}
_SEPARATOR_SPACES_RE = re.compile(r"\s*([/-])\s*")
# "73/2006/QH 11": the term of the National Assembly printed apart from "QH".
_SPACED_TERM_RE = re.compile(r"(?<=QH)\s+(?=[0-9])")
_NUMERO_PREFIX_RE = re.compile(r"^(?:s[ốôo]|S[ỐÔO])\s*:?\s*", re.IGNORECASE)
_ALLOWED_RE = re.compile(r"[0-9A-Za-zĐđ/.&-]+")
_NUMBER_RE = re.compile(r"([0-9]{1,5})([.-][0-9]{1,3}(?=/))?([/-])(.*)", re.DOTALL)
# 19xx-20xx, and 21xx-29xx for the misprints the gazette does carry ("142/2205/NĐ-CP").
_YEAR_RE = re.compile(r"(?:19|2[0-9])[0-9]{2}")
# "TƯ" is how news sites often print TW (Trung ương): "29-NQ/TƯ".
_TU_RE = re.compile(r"[Tt][Ưư]")
# Letters and digits; "&" inside ("BQLKKTNS&KCN"); a ".005"-style suffix in old laws
# ("103-SL/L.005").
_GROUP_RE = re.compile(r"[A-ZĐ](?:[A-ZĐ0-9]|&(?=[A-ZĐ]))*(?:\.[0-9]{3})?")
_LAW_ISSUER_RE = re.compile(r"(QH|UBTVQH)([0-9]{1,2})")
_MAX_SYMBOL_LENGTH = 80
_NOT_A_NUMBER = "ký hiệu văn bản phải bắt đầu bằng số thứ tự (tối đa 5 chữ số) và dấu / hoặc -"

# Case-insensitive input is canonicalised to these spellings.
_MIXED_CASE = {code.upper(): code for code in ("QyĐ", "CTr", "TTr", "TrS", "TTg")}
# ASCII spellings of codes whose only difference is the stroke on D.  "HD" is not here:
# it is a code in its own right (Hướng dẫn) beside "HĐ" (Hợp đồng); likewise DA/ĐA.
_ASCII_TYPE_CODES = {"ND": "NĐ", "QD": "QĐ", "QYD": "QyĐ", "QDLT": "QĐLT"}


def _ascii_issuer_table() -> dict[str, str]:
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for code in ISSUERS:
        key = fold(code).upper()
        if key in table and table[key] != code:
            ambiguous.add(key)
        table[key] = code
    for key in ambiguous:
        del table[key]
    return table


_ASCII_ISSUERS = _ascii_issuer_table()
# Issuers that never appear as the drafting unit of a công văn: an unknown group in front
# of one of these is an unknown type code ("12/XYZ-TTg"), not a công văn issuer.
_TOP_LEVEL_ISSUERS = frozenset(
    code
    for code in ISSUERS
    if code.startswith("B") and not code.startswith("BCS") and not code.endswith("TW")
) | {"CP", "TTg", "NHNN", "UBND", "HĐND", "TANDTC", "VKSNDTC", "KTNN", "TTCP", "UBDT"}
_TRAILING_DIGITS_RE = re.compile(r"[0-9]+$")


def _split_term(group: str) -> tuple[str, str]:
    """Split a term number off an issuer: ``"QH13"`` → ``("QH", "13")``."""
    match = _TRAILING_DIGITS_RE.search(group)
    if match is None:
        return group, ""
    return group[: match.start()], match.group()


def _clean(text: str) -> str:
    """Return ``text`` NFC, without invisible characters, dashes unified, Ð → Đ."""
    return nfc(text).translate(_CLEAN_TABLE)


def _describe_char(char: str) -> str:
    name = unicodedata.name(char, "ký tự không tên")
    return f"{char!r} (U+{ord(char):04X} {name})"


def _upper_group(group: str) -> str:
    upper = group.upper()
    return _MIXED_CASE.get(upper, upper)


def _state_type_code(group: str) -> str | None:
    """The canonical state type code ``group`` spells, if any."""
    upper = _upper_group(group)
    if upper in TYPE_CODES:
        return upper
    return _ASCII_TYPE_CODES.get(upper)


def _party_type_code(group: str) -> str | None:
    upper = _upper_group(group)
    if upper in PARTY_TYPE_CODES:
        return upper
    return _ASCII_TYPE_CODES.get(upper)


def _canonical_issuer(group: str) -> str:
    """Upper-case an issuer group, restoring known spellings (TTg, BLĐTBXH, QH13)."""
    upper = _upper_group(group)
    base, digits = _split_term(upper)
    if base in ISSUERS:
        return upper
    known = _ASCII_ISSUERS.get(base)
    if known is not None:
        return known + digits
    return upper


def is_known_issuer(issuer: str) -> bool:
    """Whether every part of a canonical issuer is a body we know the abbreviation of."""
    for part in issuer.split("-"):
        if _split_term(part)[0] in ISSUERS:
            continue
        if part.startswith(("UBND", "HĐND", "BCĐ", "BHXH")) or is_party_issuer(part):
            continue
        return False
    return True


def is_party_issuer(issuer: str) -> bool:
    """Whether a canonical issuer abbreviation belongs to a Party body.

    ``TW`` and the central committees' ``...TW`` forms, provincial, city, district and
    commune Party committees (``TU``, ``HU``, ``QU``, ``ĐU``...) and Party delegations and
    boards (``BCSĐ...``, ``ĐĐ...``).
    """
    last = issuer.rsplit("-", 1)[-1]
    if last in {"TW", "VPTW", "QUTW", "ĐUCA", "BCSĐCP"}:
        return True
    return last.startswith(_PARTY_ISSUER_PREFIXES) or last.endswith(_PARTY_ISSUER_SUFFIXES)


def _pad(number: str) -> str:
    return str(int(number)).zfill(2)


def _split_groups(rest: str) -> tuple[list[str], list[str]]:
    """Split ``"2017/NĐ-CP"`` into groups ``[2017, NĐ, CP]`` and separators ``[/, -]``."""
    parts = re.split(r"([/-])", rest)
    return parts[0::2], parts[1::2]


def _check_groups(groups: list[str]) -> None:
    for group in groups:
        if not group:
            raise SymbolError("thiếu nhóm chữ viết tắt giữa hai dấu phân cách")
        if not _GROUP_RE.fullmatch(group.upper()):
            raise SymbolError(f"nhóm ký hiệu phải bắt đầu bằng chữ cái: {group!r}")


@lru_cache(maxsize=8192)
def _parse_compact(compact: str) -> DocumentSymbol:
    """Parse a symbol already cleaned and without spaces; the heart of the module."""
    if not compact:
        raise SymbolError("chuỗi rỗng, không phải ký hiệu văn bản")
    if len(compact) > _MAX_SYMBOL_LENGTH:
        raise SymbolError("chuỗi quá dài để là ký hiệu văn bản")
    compact = _TU_RE.sub("TW", compact)
    if not compact[:1].isascii() or not compact[:1].isdigit():
        raise SymbolError(_NOT_A_NUMBER)
    if not _ALLOWED_RE.fullmatch(compact):
        bad = next(char for char in compact if not _ALLOWED_RE.fullmatch(char))
        raise SymbolError(
            f"ký tự không được dùng trong ký hiệu văn bản: {_describe_char(bad)}; "
            "chỉ dùng chữ cái Latinh, chữ Đ, chữ số và các dấu / -"
        )
    head = _NUMBER_RE.fullmatch(compact)
    if head is None:
        raise SymbolError(_NOT_A_NUMBER)
    printed_number, sub_number, first_sep, rest = head.groups()
    if int(printed_number) == 0:
        raise SymbolError("số thứ tự văn bản phải lớn hơn 0")
    warnings: list[str] = []
    if len(printed_number) == 1:
        warnings.append(WARNING_UNPADDED_NUMBER)
    # A sub-number ("66.16/2026/NQ-CP", a series of resolutions under Nghị quyết 66;
    # "3010-1/TB-ĐHHV") is kept as printed after the padded main number.
    number = _pad(printed_number) + (sub_number or "")
    groups, seps = _split_groups(rest)

    year: int | None = None
    if first_sep == "/" and len(groups) > 1 and seps[0] == "/" and _YEAR_RE.fullmatch(groups[0]):
        year = int(groups[0])
        groups, seps = groups[1:], seps[1:]
    if not groups or groups == [""]:
        raise SymbolError("thiếu phần ký hiệu sau số thứ tự")
    _check_groups(groups)

    if first_sep == "-":
        if seps[:1] == ["/"] and all(sep == "-" for sep in seps[1:]):
            return _party_or_state(number, groups, warnings)
        if all(sep == "-" for sep in seps):
            if seps and _party_type_code(groups[0]) is not None:
                # 02-NQ-TW: a Party symbol with the slash replaced by a hyphen.
                return _misprinted_party(number, groups, warnings)
            return _old_state(number, groups, warnings)
        raise SymbolError("dấu phân cách không đúng: ký hiệu của Đảng viết là <số>-<loại>/<cơ quan>")
    misprinted_slash = year is not None and seps[:1] == ["/"] and all(sep == "-" for sep in seps[1:])
    if misprinted_slash and len(groups) > 1 and _state_type_code(groups[0]) is not None:
        # 37/2012/TTLT/BLĐTBXH-BYT: a slash misprinted for the hyphen after the type code.
        return _state(number, year, groups, warnings)
    if all(sep == "-" for sep in seps):
        return _state(number, year, groups, warnings)
    if year is None and seps == ["/"]:
        # 02/NQ/TW: a Party symbol with the hyphen replaced by a slash.
        return _misprinted_party(number, groups, warnings)
    raise SymbolError("dấu phân cách không đúng: sau năm ban hành, các nhóm chữ viết tắt nối bằng dấu -")


def _old_state(number: str, groups: list[str], warnings: list[str]) -> DocumentSymbol:
    """``206-CP``, ``111-HĐBT``: how state symbols were printed before the 1990s.

    The number is joined to the issuer by a hyphen and there is no slash.  Such symbols
    are kept as printed (only the case and the padding are canonicalised): rewriting them
    in today's grammar would produce a symbol no document ever carried.
    """
    if any(len(group) < 2 for group in groups):
        raise SymbolError("ký hiệu kiểu cũ (số-cơ quan) phải có tên viết tắt của cơ quan ban hành")
    issuer = "-".join(_canonical_issuer(group) for group in groups)
    return DocumentSymbol(
        grammar=Grammar.STATE,
        number=number,
        year=None,
        type_code=None,
        issuer=issuer,
        unit=None,
        canonical=f"{number}-{issuer}",
        warnings=tuple(warnings),
    )


def _misprinted_party(number: str, groups: list[str], warnings: list[str]) -> DocumentSymbol:
    code = _party_type_code(groups[0])
    issuer = "-".join(_canonical_issuer(group) for group in groups[1:])
    if len(groups) < 2 or code is None or not is_party_issuer(issuer):
        raise SymbolError("dấu phân cách không đúng: ký hiệu nhà nước viết là <số>/<loại>-<cơ quan>")
    return _party(number, code, issuer, [*warnings, WARNING_PARTY_IN_STATE_STYLE])


def _party(number: str, code: str, issuer: str, warnings: list[str]) -> DocumentSymbol:
    return DocumentSymbol(
        grammar=Grammar.PARTY,
        number=number,
        year=None,
        type_code=code,
        issuer=issuer,
        unit=None,
        canonical=f"{number}-{code}/{issuer}",
        warnings=tuple(warnings),
    )


def _party_or_state(number: str, groups: list[str], warnings: list[str]) -> DocumentSymbol:
    """``<number>-<code>/<issuer>``: Party grammar, unless the issuer is a state body.

    State documents were printed in this shape until the 1990s (``18-L/CTN``, a law
    promulgated by the President in 1993; ``21-LCT/HĐNN8``).  They keep the shape they
    were issued with -- rewriting them in today's order would make up a symbol no
    document ever carried -- but are reported as state documents, with a warning.
    """
    printed_code, *issuer_groups = groups
    issuer = "-".join(_canonical_issuer(group) for group in issuer_groups)
    state_issuer = all(_split_term(part)[0] in ISSUERS for part in issuer.split("-"))
    if not is_party_issuer(issuer) and state_issuer:
        state_code = _state_type_code(printed_code) or _upper_group(printed_code)
        return DocumentSymbol(
            grammar=Grammar.STATE,
            number=number,
            year=None,
            type_code=state_code,
            issuer=issuer,
            unit=None,
            canonical=f"{number}-{state_code}/{issuer}",
            warnings=(*warnings, WARNING_STATE_IN_PARTY_STYLE),
        )
    party_code = _party_type_code(printed_code)
    if party_code is None:
        party_code = _upper_group(printed_code)
        warnings = [*warnings, WARNING_PARTY_UNKNOWN_TYPE_CODE.format(code=party_code)]
    return _party(number, party_code, issuer, warnings)


def _state(number: str, year: int | None, groups: list[str], warnings: list[str]) -> DocumentSymbol:
    """Interpret the groups of ``<number>/[<year>/]<group>{-<group>}`` (see §4.5)."""
    code = _state_type_code(groups[0])
    type_code: str | None
    unit: str | None = None
    if year is None and len(groups) >= 2:
        party_code = _party_type_code(groups[0])
        issuer = "-".join(_canonical_issuer(group) for group in groups[1:])
        if party_code is not None and is_party_issuer(issuer):
            # 02/NQ-TW: a Party document printed the state way round.
            return _party(number, party_code, issuer, [*warnings, WARNING_PARTY_IN_STATE_STYLE])
    if len(groups) == 1:
        if code is not None:
            raise SymbolError(f"thiếu cơ quan ban hành sau mã loại văn bản {code}")
        # 104/2016/QH13 (a law), or an old symbol that prints the issuer alone (12/CP).
        type_code, issuer = None, _canonical_issuer(groups[0])
    elif _upper_group(groups[0]) == "CV":
        type_code, issuer = "CV", "-".join(_canonical_issuer(group) for group in groups[1:])
        warnings = [*warnings, WARNING_CONG_VAN_TYPE_CODE]
    elif code is not None:
        type_code, issuer = code, "-".join(_canonical_issuer(group) for group in groups[1:])
    else:
        first = _canonical_issuer(groups[0])
        second = _canonical_issuer(groups[1])
        unknown_code = year is not None or (not is_known_issuer(first) and second in _TOP_LEVEL_ISSUERS)
        if unknown_code:
            # A year marks a legal normative document, whose first group is always a
            # type code; so does an unknown first group before a known issuer.
            type_code = _upper_group(groups[0])
            issuer = "-".join(_canonical_issuer(group) for group in groups[1:])
            warnings = [*warnings, WARNING_UNKNOWN_TYPE_CODE.format(code=type_code)]
        else:
            type_code, issuer = None, first
            unit = "-".join(_upper_group(group) for group in groups[1:])
    parts = [type_code, issuer] if type_code is not None else [issuer, unit]
    body = "-".join(part for part in parts if part)
    canonical = f"{number}/{year}/{body}" if year is not None else f"{number}/{body}"
    return DocumentSymbol(
        grammar=Grammar.STATE,
        number=number,
        year=year,
        type_code=type_code,
        issuer=issuer,
        unit=unit,
        canonical=canonical,
        warnings=tuple(warnings),
    )


def compact_symbol(text: str) -> str:
    """Clean ``text`` and drop the spaces a symbol may carry (around ``/`` and ``-``)."""
    cleaned = _clean(text).strip()
    cleaned = _NUMERO_PREFIX_RE.sub("", cleaned, count=1)
    cleaned = cleaned.rstrip(".").rstrip()
    return _SPACED_TERM_RE.sub("", _SEPARATOR_SPACES_RE.sub(r"\1", cleaned))


def parse_symbol(text: str) -> DocumentSymbol:
    """Parse a document number and symbol such as ``"09/2017/NĐ-CP"`` or ``"02-NQ/TW"``.

    A leading "Số:" is accepted, as is the noise listed in the module docstring.  Raises
    :class:`SymbolError` with a Vietnamese explanation when ``text`` is not a symbol.
    """
    if len(text) > 4 * _MAX_SYMBOL_LENGTH:
        raise SymbolError("chuỗi quá dài để là ký hiệu văn bản")
    compact = compact_symbol(text)
    if any(char.isspace() for char in compact) and compact[:1].isdigit():
        raise SymbolError("ký hiệu văn bản không được có khoảng trắng giữa các chữ")
    return _parse_compact(compact)


def canonical_symbol(text: str) -> str | None:
    """The canonical form of a symbol, or None when ``text`` is not one."""
    try:
        return parse_symbol(text).canonical
    except SymbolError:
        return None


def symbol_search_keys(text: str) -> list[str]:
    """Folded keys under which a registry should index a symbol.

    For ``"09/2017/NĐ-CP"``, in order::

        "09/2017/nd-cp"        the folded canonical form (the exact key)
        "09 2017 nd cp"        the same with separators as spaces (what search boxes see)
        "09/2017"              number/year, as people cite a decree or circular
        "nd 09/2017"           code + number/year ("NĐ 09/2017")
        "nghi dinh 09/2017"    type name + number/year
        "nd 09", "nghi dinh 09"  code or type name + number
        ... and each key with the unpadded number ("9/2017", "nd 9") when it differs.

    For ``"12/CT-TTg"``: "12/ct-ttg", "12 ct ttg", "ct 12", "chi thi 12".  A query
    normalised with :func:`congtin.vietnamese.fold` (and dashes/slashes kept) can then be
    looked up directly.  Returns ``[]`` when ``text`` is not a symbol.
    """
    try:
        symbol = parse_symbol(text)
    except SymbolError:
        return []
    numbers = [symbol.number]
    unpadded = symbol.number.removeprefix("0")
    if unpadded != symbol.number:
        numbers.append(unpadded)
    exact = fold(symbol.canonical)
    keys = [exact, re.sub(r"[/-]", " ", exact)]
    names: list[str] = []
    if symbol.type_code is not None:
        names.append(fold(symbol.type_code))
        type_name = symbol.type_name
        if type_name is not None:
            names.append(fold(type_name))
        elif symbol.grammar is Grammar.PARTY and symbol.type_code == "QĐ":
            names.extend(["quyet dinh", "quy dinh"])
    for number in numbers:
        if number != symbol.number:
            keys.append(exact.replace(symbol.number, number, 1))
        cited = f"{number}/{symbol.year}" if symbol.year is not None else number
        if symbol.year is not None:
            keys.append(cited)
        for name in names:
            keys.append(f"{name} {cited}")
            if cited != number:
                keys.append(f"{name} {number}")
    return list(dict.fromkeys(keys))
