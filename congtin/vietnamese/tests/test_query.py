"""Rules for the search-box query syntax: phrases, exclusions, prefixes, accents, symbols."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congtin.vietnamese import fold
from congtin.vietnamese.query import MAX_TERM_LENGTH, MAX_TERMS, ParsedQuery, parse_query

PLAIN_TERM = re.compile(r"[^\W_]+")


def test_words_are_folded_single_terms() -> None:
    parsed = parse_query("Hà Nội mùa thu")
    assert parsed.required == [["ha"], ["noi"], ["mua"], ["thu"]]
    assert parsed.excluded == []
    assert parsed.prefixes == []


def test_quoted_text_is_one_phrase_and_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('"Hồ Chí Minh" thành phố').required == [["ho", "chi", "minh"], ["thanh"], ["pho"]]
    assert parse_query('cải cách "thủ tục hành chính').required == [
        ["cai"],
        ["cach"],
        ["thu", "tuc", "hanh", "chinh"],
    ]


def test_a_leading_minus_excludes_a_word_or_a_phrase() -> None:
    parsed = parse_query('bão lũ -"miền Trung" -Quảng')
    assert parsed.required == [["bao"], ["lu"]]
    assert parsed.excluded == [["mien", "trung"], ["quang"]]


def test_a_minus_inside_a_word_joins_its_syllables_into_a_phrase() -> None:
    assert parse_query("Bà Rịa-Vũng Tàu").required == [["ba"], ["ria", "vung"], ["tau"]]
    assert parse_query("NĐ-CP").required == [["nd", "cp"]]


def test_a_trailing_star_makes_a_folded_prefix() -> None:
    parsed = parse_query("chuyển* đổi số")
    assert parsed.prefixes == ["chuyen"]
    assert parsed.required == [["doi"], ["so"]]


def test_a_one_letter_prefix_is_an_ordinary_term() -> None:
    parsed = parse_query("a*")
    assert parsed.prefixes == []
    assert parsed.required == [["a"]]


def test_in_a_joined_word_the_star_applies_to_the_last_syllable() -> None:
    parsed = parse_query("hành-chín*")
    assert parsed.required == [["hanh"]]
    assert parsed.prefixes == ["chin"]


def test_terms_typed_with_marks_give_accent_exact_keys_in_one_tone_style() -> None:
    parsed = parse_query("hoà bình thuỷ loi")
    assert parsed.exact == ["hòa", "bình", "thủy"]
    assert parsed.required == [["hoa"], ["binh"], ["thuy"], ["loi"]]


def test_unaccented_queries_have_no_exact_keys() -> None:
    assert parse_query("hoa binh").exact == []


def test_excluded_terms_give_no_exact_keys() -> None:
    assert parse_query("bình -hoà").exact == ["bình"]


@pytest.mark.parametrize(
    ("query", "symbols"),
    [
        ("Nghị định 09/2017/NĐ-CP", ["09/2017/nd-cp"]),
        ("nghị định 09", ["nd 09"]),
        ("12 ct ttg", ["12/ct-ttg"]),
        ("xử phạt 09/2017", ["09/2017"]),
        ("hà nội", []),
    ],
)
def test_document_numbers_in_the_query_become_symbol_keys(query: str, symbols: list[str]) -> None:
    assert parse_query(query).symbols == symbols


def test_document_numbers_in_exclusions_are_not_symbol_keys() -> None:
    assert parse_query('thuế -"09/2017/NĐ-CP"').symbols == []


def test_capitalised_operators_of_other_engines_are_dropped() -> None:
    parsed = parse_query("thuế AND phí OR lệ NOT NEAR(xăng dầu)")
    assert parsed.required == [["thue"], ["phi"], ["le"], ["xang"], ["dau"]]


def test_duplicate_terms_are_kept_once() -> None:
    assert parse_query("thuế Thuế THUẾ").required == [["thue"]]


def _all_terms(parsed: ParsedQuery) -> list[str]:
    return [term for group in [*parsed.required, *parsed.excluded] for term in group] + parsed.prefixes


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""""',
        "-",
        "--",
        "*",
        "**",
        "-*",
        ":",
        "()",
        "NEAR(",
        "AND OR NOT",
        '"a" NEAR/3 "b"',
        "col:term*",
        "\x00",
        "thu\x00ế",
        "' OR 1=1 --",
        "{}[]^~\\",
        "\u202eevil",
        "!!!???...,,,;;;",
        "x" * 10_000,
        "đ " * 5_000,
        '-"' * 3_000,
        "🙂" * 100,
    ],
)
def test_hostile_queries_give_a_safe_result(query: str) -> None:
    parsed = parse_query(query)
    terms = _all_terms(parsed)
    assert all(PLAIN_TERM.fullmatch(term) for term in terms)
    assert all(len(term) <= MAX_TERM_LENGTH for term in terms)
    assert len(terms) <= MAX_TERMS
    assert len(parsed.raw) <= 500
    assert "\x00" not in parsed.raw


def test_only_the_first_max_length_characters_are_read() -> None:
    parsed = parse_query("thuế " * 100 + "cuối", max_length=20)
    assert parsed.raw == "thuế " * 4
    assert ["cuoi"] not in parsed.required


def test_a_query_of_exclusions_or_punctuation_alone_is_empty() -> None:
    assert parse_query("-thuế").is_empty
    assert parse_query("!!!").is_empty
    assert not parse_query("thuế").is_empty


def test_long_queries_and_phrases_are_cut_to_the_term_budget() -> None:
    words = " ".join(f"từ{i}" for i in range(100))
    assert sum(map(len, parse_query(words).required)) == MAX_TERMS
    assert sum(map(len, parse_query(f'"{words}"').required)) == MAX_TERMS


def test_a_nul_byte_does_not_split_or_survive() -> None:
    assert parse_query("thu\x00ế").required == [["thue"]]


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_parse_query_never_raises_and_yields_only_plain_terms(query: str) -> None:
    parsed = parse_query(query)
    terms = _all_terms(parsed)
    assert all(term and PLAIN_TERM.fullmatch(term) for term in terms)
    assert all(fold(term) == term for term in terms)


@given(st.text(alphabet=st.sampled_from(list('"-*:() aAđĐệ09/\x00')), max_size=80))
def test_parse_query_survives_syntax_soup(query: str) -> None:
    parsed = parse_query(query)
    assert all(PLAIN_TERM.fullmatch(term) for term in _all_terms(parsed))
