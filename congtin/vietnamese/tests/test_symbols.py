"""Rules for parsing and canonicalising document symbols (``số, ký hiệu``)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtin.vietnamese.symbols import (
    PARTY_TYPE_CODES,
    PARTY_TYPE_NAMES,
    TYPE_CODES,
    TYPE_NAMES,
    WARNING_CONG_VAN_TYPE_CODE,
    WARNING_PARTY_IN_STATE_STYLE,
    WARNING_STATE_IN_PARTY_STYLE,
    WARNING_UNPADDED_NUMBER,
    Grammar,
    SymbolError,
    canonical_symbol,
    parse_symbol,
    symbol_search_keys,
)

# --- The grammar examples of the issue ------------------------------------------------

# text, grammar, number, year, type_code, issuer, unit, canonical
GRAMMAR_EXAMPLES = [
    ("12/CT-TTg", Grammar.STATE, "12", None, "CT", "TTg", None, "12/CT-TTg"),
    ("1579/QĐ-TTg", Grammar.STATE, "1579", None, "QĐ", "TTg", None, "1579/QĐ-TTg"),
    ("09/2017/NĐ-CP", Grammar.STATE, "09", 2017, "NĐ", "CP", None, "09/2017/NĐ-CP"),
    ("26/2020/TT-BTTTT", Grammar.STATE, "26", 2020, "TT", "BTTTT", None, "26/2020/TT-BTTTT"),
    ("104/2016/QH13", Grammar.STATE, "104", 2016, None, "QH13", None, "104/2016/QH13"),
    ("55/2005/TTLT-BNV-VPCP", Grammar.STATE, "55", 2005, "TTLT", "BNV-VPCP", None, "55/2005/TTLT-BNV-VPCP"),
    ("26/VBHN-NHNN", Grammar.STATE, "26", None, "VBHN", "NHNN", None, "26/VBHN-NHNN"),
    ("2761/BNV-TC", Grammar.STATE, "2761", None, None, "BNV", "TC", "2761/BNV-TC"),
    ("02-NQ/TW", Grammar.PARTY, "02", None, "NQ", "TW", None, "02-NQ/TW"),
    ("08-HD/BTGTW", Grammar.PARTY, "08", None, "HD", "BTGTW", None, "08-HD/BTGTW"),
    ("52-QĐ/TW", Grammar.PARTY, "52", None, "QĐ", "TW", None, "52-QĐ/TW"),
    ("3792-BC/BCSĐCP", Grammar.PARTY, "3792", None, "BC", "BCSĐCP", None, "3792-BC/BCSĐCP"),
    ("141/KH-BCĐTKNQ18", Grammar.STATE, "141", None, "KH", "BCĐTKNQ18", None, "141/KH-BCĐTKNQ18"),
    ("28/2005/PL-UBTVQH11", Grammar.STATE, "28", 2005, "PL", "UBTVQH11", None, "28/2005/PL-UBTVQH11"),
]


@pytest.mark.parametrize(
    ("text", "grammar", "number", "year", "type_code", "issuer", "unit", "canonical"), GRAMMAR_EXAMPLES
)
def test_grammar_examples_parse_into_their_parts(
    text: str,
    grammar: Grammar,
    number: str,
    year: int | None,
    type_code: str | None,
    issuer: str,
    unit: str | None,
    canonical: str,
) -> None:
    symbol = parse_symbol(text)
    assert (symbol.grammar, symbol.number, symbol.year) == (grammar, number, year)
    assert (symbol.type_code, symbol.issuer, symbol.unit) == (type_code, issuer, unit)
    assert symbol.canonical == canonical
    assert symbol.warnings == ()


@pytest.mark.parametrize("code", ["QyĐ", "CTr", "TTr", "TrS"])
def test_mixed_case_codes_of_annex_three_keep_their_case(code: str) -> None:
    assert parse_symbol(f"15/{code}-UBND").type_code == code
    assert canonical_symbol(f"15/{code.upper()}-UBND") == f"15/{code}-UBND"
    assert canonical_symbol(f"15/{code.lower()}-ubnd") == f"15/{code}-UBND"


def test_annex_three_lists_all_administrative_types_and_the_copies() -> None:
    administrative = (
        "NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB"
    )
    assert len(administrative.split()) == 27
    assert set(administrative.split()) | {"SY", "TrS", "SL"} <= set(TYPE_CODES)


def test_type_names_map_folded_names_to_codes() -> None:
    assert TYPE_NAMES["nghi dinh"] == "NĐ"
    assert TYPE_NAMES["thong tu lien tich"] == "TTLT"
    assert TYPE_NAMES["quy dinh"] == "QyĐ"
    assert TYPE_NAMES["cong van"] == "CV"
    assert "luat" not in TYPE_NAMES  # a law's symbol carries no type code
    assert PARTY_TYPE_NAMES["quy dinh"] == PARTY_TYPE_NAMES["quyet dinh"] == "QĐ"
    assert TYPE_CODES["NĐ"] == "Nghị định"
    assert PARTY_TYPE_CODES["KL"] == "Kết luận"


def test_party_qd_leaves_the_type_name_to_the_text() -> None:
    assert parse_symbol("52-QĐ/TW").type_name is None
    assert parse_symbol("02-NQ/TW").type_name == "Nghị quyết"
    assert parse_symbol("1579/QĐ-TTg").type_name == "Quyết định"


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("09/2017/NĐ-CP", "NĐ"),
        ("2761/BNV-TC", "CV"),
        ("104/2016/QH13", "QH"),
        ("28/2005/PL-UBTVQH11", "PL"),
        ("02-NQ/TW", "NQ"),
    ],
)
def test_series_is_the_type_code_or_cv_or_the_national_assembly(text: str, series: str) -> None:
    assert parse_symbol(text).series == series


def test_joint_issuers_are_listed_one_by_one() -> None:
    assert parse_symbol("55/2005/TTLT-BNV-VPCP").issuers == ("BNV", "VPCP")


# --- Real-world noise -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("noisy", "canonical"),
    [
        ("09/2017/NĐ- CP", "09/2017/NĐ-CP"),  # as printed on the reference page
        ("09 / 2017 / NĐ - CP", "09/2017/NĐ-CP"),
        ("12/CT -TTg", "12/CT-TTg"),
        ("13/2018/TT-\nBLĐTBXH", "13/2018/TT-BLĐTBXH"),
        ("09/2017/NĐ–CP", "09/2017/NĐ-CP"),  # en dash
        ("09/2017/NĐ—CP", "09/2017/NĐ-CP"),  # em dash
        ("02\u2011NQ/TW", "02-NQ/TW"),  # non-breaking hyphen
        ("09/2017/NÐ-CP", "09/2017/NĐ-CP"),  # U+00D0, the eth of legacy converters
        ("09/2017/ND-CP", "09/2017/NĐ-CP"),
        ("1579/QD-TTg", "1579/QĐ-TTg"),
        ("55/2005/TTLT-BNV-VPCP", "55/2005/TTLT-BNV-VPCP"),
        ("13/2018/TT-BLDTBXH", "13/2018/TT-BLĐTBXH"),  # a known issuer typed without the stroke
        ("09/2017/nđ-cp", "09/2017/NĐ-CP"),
        ("12/ct-ttg", "12/CT-TTg"),
        ("12/CT-TTG", "12/CT-TTg"),
        ("12/CT-TTg.", "12/CT-TTg"),  # a trailing full stop
        ("  12/CT-TTg  ", "12/CT-TTg"),
        ("9/2017/NĐ-CP", "09/2017/NĐ-CP"),
        ("2-NQ/TW", "02-NQ/TW"),
        ("Số: 09/2017/NĐ-CP", "09/2017/NĐ-CP"),
        ("09/2017/NĐ\u200b-CP", "09/2017/NĐ-CP"),  # zero-width space
        ("09/2017/\u202eNĐ-CP", "09/2017/NĐ-CP"),  # right-to-left override
        ("\ufeff12/CT-TTg\u2060", "12/CT-TTg"),
        ("29-NQ/TƯ", "29-NQ/TW"),  # news sites print TW as TƯ
        ("73/2006/QH 11", "73/2006/QH11"),
    ],
)
def test_noise_is_canonicalised(noisy: str, canonical: str) -> None:
    assert canonical_symbol(noisy) == canonical


def test_decomposed_input_parses_like_composed_input() -> None:
    composed = "Số: 09/2017/NĐ-CP"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert parse_symbol(decomposed) == parse_symbol(composed)


def test_lower_case_party_tu_is_read_as_tw() -> None:
    assert canonical_symbol("29-nq/tư") == "29-NQ/TW"


# --- Decree 30 and Hướng dẫn 36 warnings ---------------------------------------------


def test_number_below_ten_without_leading_zero_is_warned() -> None:
    symbol = parse_symbol("9/2017/NĐ-CP")
    assert symbol.number == "09"
    assert symbol.warnings == (WARNING_UNPADDED_NUMBER,)
    assert WARNING_UNPADDED_NUMBER == "số thứ tự dưới 10 không có số 0 đứng trước"


def test_unknown_type_code_after_a_year_is_warned() -> None:
    symbol = parse_symbol("01/2020/XYZ-BTC")
    assert symbol.type_code == "XYZ"
    assert symbol.warnings == ("mã loại văn bản không có trong Phụ lục III: XYZ",)


def test_unknown_group_before_a_top_level_issuer_is_an_unknown_type_code() -> None:
    symbol = parse_symbol("12/XYZ-TTg")
    assert (symbol.type_code, symbol.issuer) == ("XYZ", "TTg")
    assert symbol.warnings == ("mã loại văn bản không có trong Phụ lục III: XYZ",)


def test_state_cong_van_carrying_a_type_code_is_warned() -> None:
    symbol = parse_symbol("15/CV-UBND")
    assert (symbol.type_code, symbol.issuer, symbol.series) == ("CV", "UBND", "CV")
    assert symbol.warnings == (WARNING_CONG_VAN_TYPE_CODE,)
    assert WARNING_CONG_VAN_TYPE_CODE == "công văn của cơ quan nhà nước không ghi mã loại văn bản"


@pytest.mark.parametrize("printed", ["02/NQ-TW", "02/NQ/TW", "02-NQ-TW"])
def test_party_symbol_with_state_punctuation_is_put_back_in_party_order_and_warned(printed: str) -> None:
    symbol = parse_symbol(printed)
    assert symbol.grammar is Grammar.PARTY
    assert symbol.canonical == "02-NQ/TW"
    assert symbol.warnings == (WARNING_PARTY_IN_STATE_STYLE,)
    assert WARNING_PARTY_IN_STATE_STYLE == "ký hiệu văn bản của Đảng viết theo kiểu văn bản nhà nước"


def test_state_cong_dien_with_a_tw_issuer_stays_a_state_symbol() -> None:
    # CĐ (Công điện) is no Party type: 17/CĐ-TW is from the steering committee for disasters.
    symbol = parse_symbol("17/CĐ-TW")
    assert (symbol.grammar, symbol.canonical, symbol.warnings) == (Grammar.STATE, "17/CĐ-TW", ())


@pytest.mark.parametrize(("printed", "issuer"), [("18-L/CTN", "CTN"), ("21-LCT/HĐNN8", "HĐNN8")])
def test_old_state_symbols_in_hyphen_slash_shape_keep_their_shape(printed: str, issuer: str) -> None:
    symbol = parse_symbol(printed)
    assert (symbol.grammar, symbol.canonical, symbol.issuer) == (Grammar.STATE, printed, issuer)
    assert symbol.warnings == (WARNING_STATE_IN_PARTY_STYLE,)


@pytest.mark.parametrize("printed", ["206-CP", "111-HĐBT"])
def test_pre_1990_symbols_without_slash_are_state_symbols_kept_as_printed(printed: str) -> None:
    symbol = parse_symbol(printed)
    assert (symbol.grammar, symbol.canonical, symbol.type_code) == (Grammar.STATE, printed, None)


def test_canonical_symbols_carry_no_warnings() -> None:
    for text, *_ in GRAMMAR_EXAMPLES:
        assert parse_symbol(text).warnings == ()


def test_sub_numbers_and_misprinted_slash_after_the_type_code() -> None:
    assert canonical_symbol("66.16/2026/NQ-CP") == "66.16/2026/NQ-CP"
    assert canonical_symbol("3010-1/TB-ĐHHV") == "3010-1/TB-ĐHHV"
    assert canonical_symbol("37/2012/TTLT/BLĐTBXH-BYT") == "37/2012/TTLT-BLĐTBXH-BYT"


# --- What is not a symbol -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "rỗng"),
        ("   ", "rỗng"),
        ("160/16", "chữ cái"),  # a house number
        ("12/5/2021", "chữ cái"),  # a date
        ("2/1", "chữ cái"),  # a score
        ("Nghị định", "số thứ tự"),
        ("12/QĐ", "thiếu cơ quan ban hành"),
        ("0/CT-TTg", "lớn hơn 0"),
        ("12/CT TTg", "khoảng trắng"),
        ("12/СT-TTg", "CYRILLIC CAPITAL LETTER ES"),  # Cyrillic С
        ("12/CT-TТg", "CYRILLIC CAPITAL LETTER TE"),  # Cyrillic Т
        ("02-NQ/TW/CP", "dấu phân cách"),
        ("1" * 10_000, "quá dài"),
    ],
)
def test_non_symbols_are_refused_with_a_vietnamese_reason(text: str, reason: str) -> None:
    with pytest.raises(SymbolError, match=reason):
        parse_symbol(text)
    assert canonical_symbol(text) is None


def test_symbol_error_is_a_value_error() -> None:
    assert issubclass(SymbolError, ValueError)


# --- Search keys ----------------------------------------------------------------------


def test_search_keys_of_a_decree_cover_what_people_type() -> None:
    keys = symbol_search_keys("09/2017/NĐ-CP")
    assert keys[0] == "09/2017/nd-cp"
    for typed in ["09/2017", "9/2017", "nd 09/2017", "nghi dinh 09", "09 2017 nd cp", "9/2017/nd-cp"]:
        assert typed in keys


def test_search_keys_of_a_directive_without_year() -> None:
    keys = symbol_search_keys("12/CT-TTg")
    assert keys[:2] == ["12/ct-ttg", "12 ct ttg"]
    assert {"ct 12", "chi thi 12"} <= set(keys)


def test_search_keys_of_a_party_qd_cover_both_type_names() -> None:
    assert {"quyet dinh 52", "quy dinh 52"} <= set(symbol_search_keys("52-QĐ/TW"))


def test_search_keys_of_noisy_input_are_those_of_its_canonical_form() -> None:
    assert symbol_search_keys("9/2017/nd- cp") == symbol_search_keys("09/2017/NĐ-CP")
    assert symbol_search_keys("không phải ký hiệu") == []


# --- Properties -----------------------------------------------------------------------

STATE_ISSUERS = ["CP", "TTg", "BNV", "BTC", "BTTTT", "BLĐTBXH", "NHNN", "UBND", "VPCP", "BKHĐT", "BGDĐT"]
PARTY_ISSUERS = ["TW", "BTGTW", "VPTW", "BTCTW", "TU", "HU", "BCSĐCP"]
UNITS = ["TC", "VP", "KTTH", "TCCB", "PC"]

numbers = st.integers(min_value=1, max_value=99_999).map(lambda n: str(n).zfill(2))
years = st.integers(min_value=1945, max_value=2099)
state_codes = st.sampled_from(sorted(code for code in TYPE_CODES if code != "L"))


@st.composite
def canonical_symbols(draw: st.DrawFn) -> str:
    number = draw(numbers)
    shape = draw(st.sampled_from(["typed", "law", "cong van", "party"]))
    if shape == "typed":
        issuers = draw(st.lists(st.sampled_from(STATE_ISSUERS), min_size=1, max_size=3, unique=True))
        year = draw(st.none() | years)
        body = "-".join([draw(state_codes), *issuers])
        return f"{number}/{year}/{body}" if year is not None else f"{number}/{body}"
    if shape == "law":
        return f"{number}/{draw(years)}/QH{draw(st.integers(min_value=1, max_value=16))}"
    if shape == "cong van":
        return f"{number}/{draw(st.sampled_from(STATE_ISSUERS))}-{draw(st.sampled_from(UNITS))}"
    code = draw(st.sampled_from(sorted(PARTY_TYPE_CODES)))
    return f"{number}-{code}/{draw(st.sampled_from(PARTY_ISSUERS))}"


def _noisy(symbol: str, draw: st.DrawFn) -> str:
    """``symbol`` as sloppy typing, OCR and legacy converters might print it."""
    out = []
    for char in symbol:
        if char in "/-":
            before = draw(st.sampled_from(["", " ", "\n"]))
            after = draw(st.sampled_from(["", " ", "  "]))
            if char == "-":
                char = draw(st.sampled_from(["-", "–", "—", "\u2011"]))
            out.append(f"{before}{char}{after}")
        elif char == "Đ":
            out.append(draw(st.sampled_from(["Đ", "Ð", "đ"])))
        else:
            out.append(char)
    text = "".join(out)
    if draw(st.booleans()):
        text = text.lower()
    if draw(st.booleans()):
        text += "."
    return text


@st.composite
def noisy_symbols(draw: st.DrawFn) -> tuple[str, str]:
    canonical = draw(canonical_symbols())
    return canonical, _noisy(canonical, draw)


@given(canonical_symbols())
def test_every_canonical_symbol_parses_back_to_itself(canonical: str) -> None:
    assert parse_symbol(canonical).canonical == canonical


@given(noisy_symbols())
def test_noisy_prints_canonicalise_to_the_symbol_they_came_from(pair: tuple[str, str]) -> None:
    canonical, noisy = pair
    assert canonical_symbol(noisy) == canonical


@given(st.one_of(st.text(max_size=60), canonical_symbols(), noisy_symbols().map(lambda pair: pair[1])))
def test_canonicalising_is_idempotent(text: str) -> None:
    once = canonical_symbol(text)
    if once is not None:
        assert canonical_symbol(once) == once
        assert parse_symbol(once) == parse_symbol(once)


@given(st.text(max_size=200))
def test_parsing_arbitrary_text_either_succeeds_or_raises_symbol_error(text: str) -> None:
    try:
        symbol = parse_symbol(text)
    except SymbolError as error:
        assert str(error)
    else:
        assert canonical_symbol(symbol.canonical) == symbol.canonical
