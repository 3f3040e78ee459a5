"""Finding citations of official documents in Vietnamese text.

``find_citations`` returns every mention of a document by its number and symbol (see
:mod:`congtin.vietnamese.symbols`) with what surrounds it: the type name written before it
("Nghị định số ...", "Luật Đất đai số ..."), the date ("ngày 12/5/2021", "ngày 12 tháng 5
năm 2021", "ngày 01-10-1997") and the issuer phrase ("của Thủ tướng Chính phủ") after it.

What counts follows the gold set's definition (``tests/data/README.md``): every mention,
including a document's own number in its header ("Số: 141/NQ-CP"), each member of a list,
bare symbols ("văn bản số 2761/BNV-TC"), and permits printed in the state grammar
("Giấy phép ... số 368/GP-UBND": a permit is an administrative document and its symbol
cannot be told from a decision's).  Form codes, technical standards, addresses, scores,
dates, article references, running headers and URLs do not count.

How it works, and why:

1. **Clean, keeping offsets.**  Invisible characters (zero-width, bidi controls, soft
   hyphen) are removed and decomposed text is composed to NFC, with a map back to the
   caller's offsets.  Text that needs neither (nearly all of it) is used as is.
2. **One compiled scan** over the whole text for things shaped like symbols: a number,
   then ``/`` or ``-`` and groups of capital letters, tolerating spaces and one line break
   around a separator (the Official Gazette hard-wraps lines: ``13/2018/TT-\nBLĐTBXH``).
   A dash with spaces on *both* sides (" - ") continues a symbol only if no upper-case
   heading follows.  Every group must end at a word boundary, so a symbol running into
   letters of another script (a Cyrillic "С") is not cut short into a false, shorter
   match: Latin look-alikes from other scripts are refused, never mapped (see
   :mod:`congtin.vietnamese.symbols`).
3. **Validate each candidate** with the grammar and its context.  A candidate introduced
   by a document type name ("Nghị định", "Thông tư liên tịch", "Luật Đất đai số",
   "Giấy phép khai thác cát số"...) is accepted whenever it parses.  A bare one must look
   like an official symbol by itself (a known type code, a year, a known issuer) or
   follow "số" / "văn bản"; candidates after words that introduce other kinds of
   numbers -- forms ("Mẫu số 01/PLI"), tax returns, statistics tables ("Biểu số"),
   technical standards ("QCVN 10-MT:2015/BTNMT"), invoices, accounts, addresses, article
   references ("khoản", "Điều") -- or inside a URL are refused.  Numbers without letters
   ("số 160/16", scores "2/1", dates) never have the shape of a candidate at all.
4. **Read the date and the issuer phrase** after the symbol, stopping before the next
   candidate so that mentions never overlap.

Type names, "số", "ngày", "tháng", "năm" are matched on accent-folded text, so the
usual typing slips ("Nghị đinh", "sô") do not lose a citation.  Refusal words are matched
as written, because folding merges "khoản" (a clause) with "khoán" ("Luật Chứng khoán").
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from congtin.vietnamese.symbols import (
    DASH_CHARS,
    INVISIBLE_CHARS,
    PARTY_TYPE_CODES,
    TYPE_CODES,
    DocumentSymbol,
    Grammar,
    SymbolError,
    is_known_issuer,
    is_party_issuer,
    parse_symbol,
)
from congtin.vietnamese.text import fold

__all__ = ["Citation", "find_citations"]


@dataclass(frozen=True, slots=True)
class Citation:
    """One mention of an official document in a text."""

    #: Span of the whole mention in the input: type name (if any) to issuer phrase or
    #: date (if any).
    start: int
    end: int
    #: Span of the printed symbol alone.
    symbol_start: int
    symbol_end: int
    #: The symbol exactly as printed (``text[symbol_start:symbol_end]``).
    printed: str
    symbol: DocumentSymbol
    #: The type name as written, NFC and with runs of whitespace as one space
    #: ("Nghị định"); None for a bare symbol ("văn bản số 2761/BNV-TC" is bare).
    type_name: str | None
    #: The resolved type: from the type name when there is one (this is how a Party
    #: ``QĐ`` becomes "Quy định" or "Quyết định"), else from the type code; None when
    #: neither decides (a Party QĐ printed bare, a law symbol printed bare).
    doc_type: str | None
    issued: datetime.date | None
    #: "của Thủ tướng Chính phủ", whitespace runs as one space; None when absent.
    issuer_phrase: str | None


# --- Cleaning with an offset map ---------------------------------------------------------

_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]+")
# A base character followed by combining marks: the only places NFC can change.
_COMBINING_RUN_RE = re.compile(
    f"[{INVISIBLE_CHARS}]+|.[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+",
    re.DOTALL,
)


class _Cleaned:
    """Text without invisible characters and in NFC, with offsets back to the original.

    Clean text is only rebuilt when the input needs it; then two offset tables are built
    from ranges (no per-character Python work on unchanged stretches).
    """

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, original: str) -> None:
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        if unicodedata.is_normalized("NFC", original) and not _INVISIBLE_RE.search(original):
            self.text = original
            return
        pieces: list[str] = []
        starts: list[int] = []  # original offset of each clean character
        ends: list[int] = []  # original offset just after each clean character
        position = 0
        for match in _COMBINING_RUN_RE.finditer(original):
            chunk = match.group()
            replacement = "" if chunk[0] in INVISIBLE_CHARS else unicodedata.normalize("NFC", chunk)
            if replacement == chunk:
                continue
            start, end = match.span()
            pieces.append(original[position:start])
            starts.extend(range(position, start))
            ends.extend(range(position + 1, start + 1))
            pieces.append(replacement)
            # A composed character stands for the whole decomposed run.
            starts.extend([start] * len(replacement))
            ends.extend([end] * len(replacement))
            position = end
        pieces.append(original[position:])
        starts.extend(range(position, len(original)))
        ends.extend(range(position + 1, len(original) + 1))
        self.text = "".join(pieces)
        self._starts, self._ends = starts, ends

    def start(self, index: int) -> int:
        """Original offset of a span starting at clean ``index``."""
        if self._starts is None:
            return index
        return self._starts[index]

    def end(self, index: int) -> int:
        """Original offset of a span ending (exclusively) at clean ``index``."""
        if self._ends is None:
            return index
        return self._ends[index - 1] if index > 0 else 0


def _upper_lower_classes() -> tuple[str, str]:
    upper: list[str] = []
    lower: list[str] = []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        if not char.isalpha() or fold(char) not in "abcdefghijklmnopqrstuvwxyz":
            continue
        (upper if char.isupper() else lower).append(char)
    return "A-Z" + "".join(upper), "a-z" + "".join(lower)


_UP_VI, _LOW_VI = _upper_lower_classes()
# --- The candidate scan ------------------------------------------------------------------

_UPPER = "A-ZĐÐ"
_HSPACE = r"[^\S\n]"
# Optional spaces with at most one line break.
_SP = rf"{_HSPACE}*+(?:\n{_HSPACE}*+)?"
_SPACE_REQUIRED = rf"(?:{_HSPACE}++(?:\n{_HSPACE}*+)?|\n{_HSPACE}*+)"
_DASH = "\\-" + DASH_CHARS
# "-" with spaces or a line break on either side.  Spaces on both sides (" - ") are
# usually punctuation in running text, so the group after them must not start an
# upper-case heading ("NĐ-CP - QUY ĐỊNH ...").
_DASH_SEP = rf"""(?:[{_DASH}]{_SP}|{_SPACE_REQUIRED}[{_DASH}](?:{_SP}(?=[{_UPPER}][{_UPPER}0-9]*+(?![^\S\n]+[{_UP_VI}]{{2}}))|))"""
_SLASH_SEP = rf"{_SP}/{_SP}"
_SEP = rf"(?:{_SLASH_SEP}|{_DASH_SEP})"
# A group of capitals and digits; lower case only inside the mixed-case codes QyĐ,
# CTr, TTr, TrS and the issuer TTg.  It must end at a word boundary (any script).
_GROUP = rf"""[{_UPPER}](?:[{_UPPER}0-9]|&(?=[{_UPPER}])|(?<=Q)y|(?<=T)[rgƯ])*+
    (?:\.[0-9]{{3}}|(?<=QH)[^\S\n]+[0-9]{{1,2}})?(?![\w&])"""
_CANDIDATE_RE = re.compile(
    rf"""
    (?<![\w.,/])(?<![0-9][{_DASH}])(?<![0-9A-Z]:)   # not inside a larger number, code or URL
    [0-9]{{1,5}}(?:\.[0-9]{{1,3}}|-[0-9]{{1,3}}(?={_SLASH_SEP}))?
    {_SEP}
    (?:(?:19|2[0-9])[0-9]{{2}}{_SLASH_SEP})?
    {_GROUP}
    (?:{_SEP}{_GROUP}){{0,6}}
    (?![/{_DASH}]\w|%|\.[a-z])          # not a cut-off longer token, URL or file name
    """,
    re.VERBOSE,
)
_WHITESPACE_RE = re.compile(r"\s+")
_SPACED_ISSUER_RE = re.compile(rf"[^\S\n]+([{_UPPER}][{_UPPER}0-9]*+)(?!\w|[/{_DASH}]\w)")


# --- Context: accent-folded windows ------------------------------------------------------


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            table[code] = folded
    return table


_FOLD_TABLE = _fold_table()

_WINDOW_BEFORE = 160
_WINDOW_AFTER = 260

# Type names in their display form; matched folded.  Longer names first.
_TYPE_DISPLAY = {
    fold(name): name
    for name in (
        "Thông tư liên tịch",
        "Nghị quyết liên tịch",
        "Quyết định liên tịch",
        "Văn bản hợp nhất",
        "Nghị định",
        "Nghị quyết",
        "Quyết định",
        "Quy định",
        "Chỉ thị",
        "Thông tư",
        "Thông tri",
        "Hướng dẫn",
        "Kết luận",
        "Thông báo",
        "Thông cáo",
        "Kế hoạch",
        "Công văn",
        "Công điện",
        "Báo cáo",
        "Tờ trình",
        "Chương trình",
        "Đề án",
        "Phương án",
        "Quy chế",
        "Biên bản",
        "Bản ghi nhớ",
        "Giấy mời",
        "Giấy phép",
        "Bộ luật",
        "Luật",
        "Pháp lệnh",
        "Sắc lệnh",
        "Lệnh",
    )
}
# Upper-case abbreviations used as type names in running text ("QĐ số 123/QĐ-UBND").
_TYPE_ABBREVIATIONS = ("TTLT", "NĐ", "QĐ", "NQ", "TT", "CT", "CV", "KH", "KL", "TB", "HD")
_FOLDED_ABBREVIATIONS = frozenset(fold(abbreviation) for abbreviation in _TYPE_ABBREVIATIONS)
_SPACE = r"\s+"


# The rightmost type name wins, so a name that ends a longer one must not start inside it:
# "luật" in "Bộ luật", "lệnh" in "Pháp lệnh".
_NOT_INSIDE = {"luat": r"(?<!bo\s)(?<!phap\s)", "lenh": r"(?<!phap\s)(?<!sac\s)"}


def _alternation(names: list[str]) -> str:
    names = sorted(names, key=len, reverse=True)
    return "|".join(_NOT_INSIDE.get(name, "") + name.replace(" ", _SPACE) for name in names)


# Types whose name may stand between the type and "số": "Luật Đất đai số ...",
# "Giấy phép khai thác khoáng sản số ...", and, more briefly, "quyết định xử phạt số ...".
_LAW_NAMES = ["bo luat", "luat", "phap lenh", "giay phep"]
_NAMED_DECISIONS = ["quyet dinh"]
# A word that cannot be part of such a name: it starts another kind of number.
_NOT_IN_NAME = (
    r"(?!mau\s+so|bieu\s+(?:mau|so)\b|dieu\s+[0-9]|khoan\s+[0-9]|diem\s+[a-z0-9]\b|can\s+cu\b|van\s+ban\b)"
)
_TYPE_BEFORE_RE = re.compile(
    rf"""
    (?s:.*)                                   # rightmost type name wins
    (?<!\w)
    (?:
        (?P<law>{_alternation(_LAW_NAMES)})
        (?:\s+{_NOT_IN_NAME}[^\s;().]+){{1,20}}?\s+so\b    # "Luật Dân số số ...": the name may hold "số"
      | (?P<decision>{_alternation(_NAMED_DECISIONS)})
        (?:\s+{_NOT_IN_NAME}[^\s;().,]+){{1,8}}?\s+so\b
      | (?P<type>{_alternation([*_TYPE_DISPLAY, *(fold(a) for a in _TYPE_ABBREVIATIONS)])})
        (?:\s+so\b)?
    )
    \s*[:\-]?\s*$                           # "NĐ-67/CP" also names its type
    """,
    re.VERBOSE,
)
# What separates the members of a list of citations ("Nghị định số 30/2020/NĐ-CP và
# 42/2022/NĐ-CP", "Luật ... số 63/2010/QH12, số 83/2015/QH13").
_LIST_GAP_RE = re.compile(r"\s*(?:[,;]|va|hoac)?\s*(?:so\s*:?\s*)?")
# "số" or "văn bản" before a symbol: the writer says a document number follows.
_SO_BEFORE_RE = re.compile(r"(?<!\w)(?:so|van\s+ban(?:\s+so)?)\s*:?\s*$")
_URL_BEFORE_RE = re.compile(r"(?:https?:|www\.|\S[=?&])\S*\s*$")

_DATE_AFTER_RE = re.compile(
    r"""
    \s*,?\s*\(?\s*
    (?:
        (?:(?:ban\s+hanh|ky)\s+)?ngay\s*
        (?P<d>[0-9]{1,2})
        (?:\s*[/.\-\u2010-\u2015\u2212]\s*(?P<m>[0-9]{1,2})\s*[/.\-\u2010-\u2015\u2212]\s*
          |\s+thang\s+(?P<m2>[0-9]{1,2})\s+nam\s+)
      | (?P<d3>[0-9]{1,2})/(?P<m3>[0-9]{1,2})/                # "15/05/2013" printed without "ngày"
    )
    (?P<y>[0-9]{4})(?![0-9])
    """,
    re.VERBOSE,
)


# --- Issuer phrases ----------------------------------------------------------------------


_TONE_PAIRS = {
    "óa": "oá",
    "òa": "oà",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "úy": "uý",
    "ùy": "uỳ",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}


def _word(word: str) -> str:
    pattern = re.escape(word)
    for old, new in _TONE_PAIRS.items():
        for variant_old, variant_new in ((old, new), (old.capitalize(), new.capitalize())):
            pattern = pattern.replace(variant_old, f"(?:{variant_old}|{variant_new})")
    return pattern


def _phrase(text: str) -> str:
    """A regex for a fixed phrase: flexible spaces, both tone placements (hóa/hoá)."""
    pattern = ""
    previous = ""
    for word in text.split(" "):
        if word == "-":
            pattern += f"{_SP}[{_DASH}]"
        elif previous == "-":
            pattern += f"{_SP}{_word(word)}"
        elif previous:
            pattern += f"{_SPACE_REQUIRED}{_word(word)}"
        else:
            pattern += _word(word)
        previous = word
    return pattern


def _phrases(*texts: str) -> str:
    return "|".join(_phrase(text) for text in sorted(texts, key=len, reverse=True))


_MINISTRIES = _phrases(
    "Nội vụ",
    "Tài chính",
    "Tư pháp",
    "Công an",
    "Quốc phòng",
    "Ngoại giao",
    "Y tế",
    "Xây dựng",
    "Công Thương",
    "Công thương",
    "Thương mại",
    "Công nghiệp",
    "Thủy sản",
    "Giao thông vận tải",
    "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông",
    "Kế hoạch và Đầu tư",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Lao động - Thương binh và Xã hội",
    "Lao động, Thương binh và Xã hội",
    "Lao động Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thông tin",
    "Dân tộc và Tôn giáo",
    "Chính trị",
)
# Words that start the next sentence or citation rather than continue a name.
_NOT_NAME = (
    r"(?!(?:Nghị|Quyết|Quy\s+định|Thông\s+(?:tư|báo|tri)|Chỉ\s+thị|Luật|Bộ\s+luật|Căn|Theo|Điều|Về|Hướng"
    r"|Kết\s+luận|Công\s+văn|Văn\s+bản|Tại|Trong|Sau|Khi|Để|Do|Và|Các|Những|Ngày|Số|Phụ|Mẫu|Khoản"
    r"|Chương|Mục|Biểu|Phần|Đơn|Xét|Nay|Này|Nơi)(?![\w]))"
)
# Lower-case syllables that end a name: what follows an issuer in running text ("của Bộ
# Tài chính quy định ...", "... về việc", "... hướng dẫn").  Any other lower-case syllable
# may continue a capitalised word, as in "Giao thông vận tải", "Giáo dục", "Hàng hải".
_STOP_SYLLABLES = (
    "về",
    "việc",
    "quy",
    "định",
    "hướng",
    "dẫn",
    "ban",
    "hành",
    "sửa",
    "đổi",
    "bổ",
    "sung",
    "có",
    "được",
    "đã",
    "là",
    "thì",
    "tại",
    "theo",
    "trong",
    "năm",
    "ngày",
    "tháng",
    "này",
    "đó",
    "hiệu",
    "lực",
    "phê",
    "duyệt",
    "thực",
    "hiện",
    "các",
    "những",
    "của",
    "để",
    "cho",
    "với",
    "từ",
    "đến",
    "đối",
    "hết",
    "gồm",
    "như",
    "sau",
    "trước",
    "và",
    "hoặc",
    "không",
    "cũng",
    "sẽ",
    "đang",
    "công",
    "bố",
    "nêu",
    "yêu",
    "cầu",
    "kèm",
    "số",
    "điều",
    "khoản",
    "điểm",
    "mục",
    "triển",
    "khai",
    "xác",
    "nhận",
    "cấp",
    "bãi",
    "bỏ",
    "thay",
    "thế",
    "ký",
    "gửi",
    "trình",
    "phạt",
    "nhằm",
    "mà",
    "vẫn",
    "còn",
    "chưa",
    "bị",
    "nay",
    "cùng",
    "trên",
    "tới",
    "bằng",
    "qua",
    "ra",
    "vào",
    "lên",
    "tiếp",
    "tục",
    "chấn",
    "chỉnh",
    "phản",
    "hồi",
    "tạm",
    "quyết",
)
_NAME_TAIL = rf"(?:{_SPACE_REQUIRED}(?!(?:{'|'.join(_STOP_SYLLABLES)})(?![\w]))[{_LOW_VI}]+(?![\w])){{0,3}}"
_NAME_WORD = rf"{_NOT_NAME}[{_UP_VI}][{_LOW_VI}]*(?![\w]){_NAME_TAIL}"
# Capitalised words (each with its lower-case tail) joined by spaces, dashes or "và":
# "Giáo dục và Đào tạo Hà Nội", "Lao động - Thương binh và Xã hội".
# "và" before the head of another body joins two issuers, not two words of one name.
_NEXT_BODY = r"(?!(?:Ủy|Uỷ|Bộ|Sở|Ban|Cục|Tổng|Văn\s+phòng|Ngân\s+hàng|Viện|Tòa|Toà|Hội\s+đồng)(?![\w]))"
_NAME = rf"""{_NAME_WORD}(?:(?:{_SPACE_REQUIRED}(?:và{_SPACE_REQUIRED}{_NEXT_BODY})?|{_SP}[{_DASH}]{_SP}){_NAME_WORD})*"""
# Abbreviated bodies in news: "Bộ GD&ĐT", "Bộ LĐTBXH", "Thống đốc NHNN".
_ABBREVIATION = r"[A-ZĐ]{2,}(?:[&-][A-ZĐ]+)*(?![\w&])"
_PLACE_LEVEL = _phrases(
    "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "Tỉnh", "Thành phố"
)
_LOCAL = _phrases(
    "Tòa án nhân dân",
    "Viện kiểm sát nhân dân",
    "Công an",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "UBND",
    "HĐND",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Đảng ủy",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Thành ủy",
    "Ban thường vụ Tỉnh ủy",
)
_ORG_HEADS = _phrases(
    "Ban",
    "Vụ",
    "Chi cục",
    "Trung tâm",
    "Phòng",
    "Cơ quan",
    "Cục",
    "Tổng cục",
    "Sở",
    "Văn phòng",
    "Ngân hàng",
    "Thanh tra",
    "Hội đồng",
    "Ủy ban",
    "Học viện",
    "Đại học",
    "Tập đoàn",
    "Tổng công ty",
    "Liên đoàn",
    "Tổng Liên đoàn",
    "Mặt trận",
    "Hội",
    "Viện",
    "Đảng đoàn",
    "Ban cán sự đảng",
    "Đoàn",
)
_FIXED_BODIES = _phrases(
    "Phó Thủ tướng Chính phủ",
    "Thủ tướng Chính phủ",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Chính phủ",
    "Chính Phủ",
    "Ủy ban Thường vụ Quốc hội",
    "Ủy ban thường vụ Quốc hội",
    "Quốc hội",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "Ban chấp hành Trung ương",
    "Trung ương Đảng",
    "Trung ương",
    "Chủ tịch nước",
    "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao",
    "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "Kiểm toán nhà nước",
    "Kiểm toán Nhà nước",
    "Kho bạc Nhà nước",
    "Bảo hiểm xã hội Việt Nam",
    "Bảo hiểm Xã hội Việt Nam",
    "Bảo hiểm xã hội",
    "Ngân hàng Nhà nước Việt Nam",
    "Ngân hàng Nhà nước",
    "Thanh tra Chính phủ",
    "Văn phòng Chính phủ",
    "Văn phòng Quốc hội",
    "Văn phòng Trung ương Đảng",
    "Ban Tuyên giáo Trung ương",
    "Ban Tổ chức Trung ương",
    "Ban Dân vận Trung ương",
    "Ban Nội chính Trung ương",
    "Ban Kinh tế Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Ban cán sự đảng Chính phủ",
)
_ROLES = _phrases(
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Chủ nhiệm",
    "Tổng cục trưởng",
    "Cục trưởng",
    "Giám đốc",
    "Tổng Giám đốc",
    "Thống đốc",
    "Viện trưởng",
    "Chánh án",
    "Tổng Kiểm toán",
    "Tổng Kiểm toán nhà nước",
    "Tổng Kiểm toán Nhà nước",
    "Tổng Thanh tra",
    "Trưởng ban",
    "Tổng Bí thư",
    "Thủ trưởng",
)
_MINISTRY = rf"(?:(?:{_MINISTRIES})(?![\w])|{_ABBREVIATION}|{_NAME})"
_BODY = rf"""
    (?:{_FIXED_BODIES})(?![\w])
  | [Ll]iên{_SPACE_REQUIRED}[Bb]ộ{_SPACE_REQUIRED}{_MINISTRY}(?:{_SP}(?:,|và|[{_DASH}]){_SP}{_MINISTRY})*
  | [Bb]ộ{_SPACE_REQUIRED}{_MINISTRY}
  | (?:{_LOCAL})(?:{_SPACE_REQUIRED}(?:{_PLACE_LEVEL}))?(?:{_SPACE_REQUIRED}{_NAME})?(?![\w])
  | (?:{_ORG_HEADS}){_SPACE_REQUIRED}{_NAME}
  | (?:BCH{_SPACE_REQUIRED})?TW(?![\w])
"""
# A body first ("Chủ tịch nước" is a body, "Chủ tịch" a role), then a role with its body.
_AGENT = rf"""(?:{_BODY}|(?:{_ROLES})(?![\w])(?:{_SPACE_REQUIRED}(?:{_BODY}|{_ABBREVIATION}))?)"""
_ISSUER_AFTER_RE = re.compile(
    rf"""
    {_SP},?{_SP}\(?{_SP}(?P<phrase>c[ủu]a{_SPACE_REQUIRED}
    {_AGENT}
    (?:{_SP}(?:,|và|[{_DASH}]){_SP}{_AGENT})*
    (?:{_SPACE_REQUIRED}(?:khóa|khoá|Khóa|Khoá){_SPACE_REQUIRED}[IVXLC0-9]+(?![\w]))?
    (?:{_SPACE_REQUIRED}Việt{_SPACE_REQUIRED}Nam(?![\w]))?)
    """,
    re.VERBOSE,
)


# Words after which a number is not a document symbol: forms, reports' tables, standards,
# permits, invoices, accounts, contracts, addresses, article references, phone numbers.
# Matched on the text as written (not folded): folded "khoan" is both "khoản" (a clause,
# refused) and "khoán" (in "Luật Chứng khoán số ...").
_REFUSED_WORDS = (
    "mẫu",
    "biểu mẫu",
    "biểu",
    "tờ khai",
    "phụ lục",
    "hóa đơn",
    "tài khoản",
    "tk",
    "hợp đồng",
    "hợp đồng lao động",
    "số nhà",
    "nhà",
    "căn hộ",
    "phòng",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "đường",
    "điều",
    "khoản",
    "điểm",
    "mục",
    "chương",
    "trang",
    "qcvn",
    "tcvn",
    "tccs",
    "tcn",
    "iso",
    "iec",
    "ieee",
    "astm",
    "quy chuẩn",
    "quy chuẩn kỹ thuật",
    "quy chuẩn kỹ thuật quốc gia",
    "tiêu chuẩn",
    "tiêu chuẩn quốc gia",
    "mã số",
    "mã",
    "ký hiệu mẫu",
    "số hiệu mẫu",
    "chỉ tiêu",
    "biển số",
    "biển kiểm soát",
    "điện thoại",
    "đt",
    "fax",
    "hotline",
    "tel",
)
_REFUSED_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{_phrases(*_REFUSED_WORDS)})(?:\s+số)?\s*:?\s*$",
    re.IGNORECASE,
)

# --- Assembly ----------------------------------------------------------------------------


def _accepted_bare(symbol: DocumentSymbol, after_so: bool) -> bool:
    """Whether a symbol printed without a type name is trusted as a citation."""
    if "/" not in symbol.canonical:
        return False  # "206-CP": old symbols need their type name ("Quyết định số 206-CP")
    if symbol.grammar is Grammar.PARTY:
        return (symbol.type_code in PARTY_TYPE_CODES and is_party_issuer(symbol.issuer)) or after_so
    if symbol.type_code is None:
        if symbol.year is not None:
            return symbol.series in {"QH", "UBTVQH"} or after_so
        # A công văn: issuer and unit from a body we know, or after "số" (which also
        # admits "giấy phép xây dựng số 95/GPXD").
        if after_so:
            # Letters only: "số 5/A2" is a house number.
            return len(symbol.issuer) >= 2 and symbol.issuer.replace("-", "").isalpha()
        return symbol.unit is not None and is_known_issuer(symbol.issuer)
    if symbol.type_code not in TYPE_CODES and symbol.type_code != "CV":
        return after_so  # an unknown code ("số 368/GP-UBND", a permit)
    return symbol.year is not None or is_known_issuer(symbol.issuer) or after_so


def _code_doc_type(symbol: DocumentSymbol) -> str | None:
    """The type the symbol alone tells: None for a Party QĐ or a law printed bare."""
    if symbol.type_code == "CV" or (symbol.type_code is None and symbol.unit is not None):
        return "Công văn"
    return symbol.type_name


def _date(match: re.Match[str]) -> datetime.date | None:
    month = match.group("m") or match.group("m2") or match.group("m3")
    day = match.group("d") or match.group("d3")
    try:
        return datetime.date(int(match.group("y")), int(month), int(day))
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return _WHITESPACE_RE.sub(" ", text).strip()


def find_citations(text: str) -> list[Citation]:
    """Every citation of an official document in ``text``, in order, non-overlapping.

    Offsets refer to ``text`` as given, even when it contains invisible characters or is
    in NFD.
    """
    cleaned = _Cleaned(text)
    clean = cleaned.text
    citations: list[Citation] = []
    last_end = 0
    last_doc_type: str | None = None
    matches = list(_CANDIDATE_RE.finditer(clean))
    for index, match in enumerate(matches):
        symbol_start, symbol_end = match.span()
        if symbol_start < last_end:
            continue
        printed = match.group()
        try:
            symbol = parse_symbol(printed)
        except SymbolError:
            # "1177/QĐ BGDĐT": a space where the hyphen before the issuer belongs.
            extension = _SPACED_ISSUER_RE.match(clean, symbol_end)
            if extension is None:
                continue
            try:
                symbol = parse_symbol(f"{printed}-{extension.group(1)}")
            except SymbolError:
                continue
            symbol_end = extension.end()
        before = clean[max(last_end, symbol_start - _WINDOW_BEFORE) : symbol_start]
        folded_before = before.translate(_FOLD_TABLE)
        type_match = _TYPE_BEFORE_RE.match(folded_before)
        start = symbol_start
        type_name: str | None = None
        if type_match is not None:
            group = next(name for name in ("law", "decision", "type") if type_match.group(name))
            name_start, name_end = type_match.span(group)
            written = _one_line(before[name_start:name_end])
            # An abbreviation counts only in capitals: "QĐ số 12/QĐ-UBND", not "qd".
            if fold(written) not in _FOLDED_ABBREVIATIONS or written in _TYPE_ABBREVIATIONS:
                type_name = written
                start = symbol_start - len(before) + name_start
        if type_name is None:
            if _REFUSED_BEFORE_RE.search(before) or _URL_BEFORE_RE.search(before):
                continue
            if not _accepted_bare(symbol, _SO_BEFORE_RE.search(folded_before) is not None):
                continue
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(clean)
        end = symbol_end
        tail = clean[symbol_end : min(limit, symbol_end + _WINDOW_AFTER)]
        issued: datetime.date | None = None
        issuer_phrase: str | None = None
        position = 0
        date_match = _DATE_AFTER_RE.match(tail.translate(_FOLD_TABLE))
        if date_match is not None:
            issued = _date(date_match)
            if issued is not None:
                position = date_match.end()
        issuer_match = _ISSUER_AFTER_RE.match(tail, position)
        if issuer_match is not None:
            issuer_phrase = _one_line(issuer_match.group("phrase"))
            position = issuer_match.end()
            if issued is None:
                date_match = _DATE_AFTER_RE.match(tail[position:].translate(_FOLD_TABLE))
                if date_match is not None:
                    issued = _date(date_match)
                    if issued is not None:
                        position += date_match.end()
        end = symbol_end + position
        display = _TYPE_DISPLAY.get(fold(type_name)) if type_name is not None else None
        doc_type = display if display is not None else _code_doc_type(symbol)
        # A later member of a list shares the type written before the first one.
        shares_type = type_name is None and citations and doc_type in {None, last_doc_type}
        if shares_type and _LIST_GAP_RE.fullmatch(clean[last_end:symbol_start].translate(_FOLD_TABLE)):
            doc_type = last_doc_type
        citations.append(
            Citation(
                start=cleaned.start(start),
                end=cleaned.end(end),
                symbol_start=cleaned.start(symbol_start),
                symbol_end=cleaned.end(symbol_end),
                printed=text[cleaned.start(symbol_start) : cleaned.end(symbol_end)],
                symbol=symbol,
                type_name=type_name,
                doc_type=doc_type,
                issued=issued,
                issuer_phrase=issuer_phrase,
            )
        )
        last_end = end
        last_doc_type = doc_type
    return citations
