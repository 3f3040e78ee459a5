"""Rules for syllable tokens, symbol index terms and symbols typed in queries."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congtin.vietnamese import nfc
from congtin.vietnamese.tokens import Token, cited_symbol_keys, index_terms, symbol_query_terms, tokenize

SENTENCE = "Căn cứ Nghị định số 09/2017/NĐ-CP, Uỷ ban nhân dân tỉnh Hoà Bình ban hành 3 văn bản."


def test_tokens_are_syllables_and_numbers_with_three_forms() -> None:
    tokens = tokenize("Uỷ ban nhân dân tỉnh Hoà Bình, 3 văn bản")
    assert [t.text for t in tokens] == ["Uỷ", "ban", "nhân", "dân", "tỉnh", "Hoà", "Bình", "3", "văn", "bản"]
    assert [t.folded for t in tokens][:6] == ["uy", "ban", "nhan", "dan", "tinh", "hoa"]
    assert tokens[0].exact == "ủy"
    assert tokens[5].exact == "hòa"
    assert [t.kind for t in tokens][6:8] == ["word", "number"]
    assert [t.position for t in tokens] == list(range(10))


def test_token_offsets_map_back_onto_the_nfc_text() -> None:
    for token in tokenize(SENTENCE):
        assert SENTENCE[token.start : token.end] == token.text


def test_token_offsets_for_decomposed_input_are_into_its_nfc_form() -> None:
    decomposed = unicodedata.normalize("NFD", SENTENCE)
    composed = nfc(decomposed)
    tokens = tokenize(decomposed)
    assert [t.text for t in tokens] == [t.text for t in tokenize(SENTENCE)]
    for token in tokens:
        assert composed[token.start : token.end] == token.text


def test_punctuation_underscores_and_symbols_separate_syllables() -> None:
    assert [t.folded for t in tokenize("NĐ-CP/2017_x…(đ)")] == ["nd", "cp", "2017", "x", "d"]


def test_empty_and_punctuation_only_texts_have_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize(" ,.;-/()\n\t") == []


def _symbol_keys(text: str) -> list[str]:
    return [t.folded for t in index_terms(text) if t.kind == "symbol"]


def test_a_decree_symbol_is_indexed_whole_by_number_year_by_code_and_by_body() -> None:
    assert _symbol_keys(SENTENCE) == ["09/2017/nd-cp", "09/2017", "nd 09", "nd 09/2017", "nd-cp 09"]


def test_symbol_tokens_share_the_position_of_the_symbols_first_syllable() -> None:
    terms = index_terms(SENTENCE)
    number = next(t for t in terms if t.text == "09" and t.kind == "number")
    symbols = [t for t in terms if t.kind == "symbol"]
    assert {t.position for t in symbols} == {number.position}
    assert all(SENTENCE[t.start : t.end] == "09/2017/NĐ-CP" == t.text for t in symbols)
    # The syllables are all still there, so the phrase "nd cp" matches too.
    folded = [t.folded for t in terms if t.kind != "symbol"]
    assert folded[folded.index("nd") + 1] == "cp"


def test_index_terms_are_ordered_by_position() -> None:
    positions = [t.position for t in index_terms(SENTENCE)]
    assert positions == sorted(positions)


def test_directive_and_party_symbols_get_their_keys() -> None:
    assert _symbol_keys("Chỉ thị 12/CT-TTg của Thủ tướng") == ["12/ct-ttg", "ct 12", "ct-ttg 12"]
    assert _symbol_keys("Nghị quyết số 02-NQ/TW") == ["02-nq/tw", "nq 02", "nq/tw 02"]


def test_a_text_without_symbols_gets_no_symbol_tokens() -> None:
    assert _symbol_keys("ngày 12/5/2021, Mẫu số 01/PLI, tỷ số 2/1") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("09/2017/NĐ-CP", ["09/2017/nd-cp"]),
        ("09 2017 nd cp", ["09/2017/nd-cp"]),
        ("Nghị định số 09/2017/NĐ-CP", ["09/2017/nd-cp"]),
        ("09/2017", ["09/2017"]),
        ("9/2017", ["09/2017"]),
        ("nđ 09/2017", ["nd 09/2017"]),
        ("nghị định 09", ["nd 09"]),
        ("nghi dinh 9", ["nd 09"]),
        ("NĐ-CP 09", ["nd-cp 09"]),
        ("nd cp 09", ["nd-cp 09"]),
        ("12/CT-TTg", ["12/ct-ttg"]),
        ("12 ct ttg", ["12/ct-ttg"]),
        ("chỉ thị số 12", ["ct 12"]),
        ("02-NQ/TW", ["02-nq/tw"]),
        ("quy định 66", ["qyd 66", "qd 66"]),
        ("45/2013/QH13", ["45/2013/qh13"]),
    ],
)
def test_document_numbers_typed_in_any_form_become_the_indexed_keys(query: str, expected: list[str]) -> None:
    assert symbol_query_terms(query) == expected


@pytest.mark.parametrize(
    "query", ["09", "nd cp", "hà nội", "tháng 5 2021", "ngày 12/5/2021", "", "/-/", "0/2017", "x" * 10_000]
)
def test_queries_that_name_no_document_number_have_no_symbol_terms(query: str) -> None:
    assert symbol_query_terms(query) == []


def test_every_key_a_query_asks_for_is_indexed_for_the_cited_text() -> None:
    indexed = set(_symbol_keys(SENTENCE))
    for query in ["09/2017/NĐ-CP", "09/2017", "nghị định 09", "nd 09/2017", "NĐ-CP 09", "09 2017 nd cp"]:
        assert set(symbol_query_terms(query)) <= indexed, query


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from([*"aăđĐệ NĐCP09/-_.,\n\u0301\u0323", "🙂", "\x00"]), max_size=60))
def test_tokenize_never_fails_and_offsets_are_in_bounds_and_increasing(text: str) -> None:
    composed = nfc(text)
    previous_end = 0
    for index, token in enumerate(index_terms(text)):
        assert 0 <= token.start < token.end <= len(composed)
        assert composed[token.start : token.end] == token.text
        if token.kind != "symbol":
            assert token.start >= previous_end
            previous_end = token.end
        assert isinstance(token, Token)
        assert token.position <= index


@given(st.text(max_size=80))
def test_tokenize_handles_any_text(text: str) -> None:
    tokens = tokenize(text)
    assert [t.position for t in tokens] == list(range(len(tokens)))
    assert all(t.text and t.folded and t.exact for t in tokens)


@given(st.text(max_size=80))
def test_symbol_query_terms_never_fails(text: str) -> None:
    assert isinstance(symbol_query_terms(text), list)


CITING_TEXTS = [
    SENTENCE,
    "Thực hiện Chỉ thị 12/CT-TTg và Công văn số 2761/BNV-TC; Nghị quyết 02-NQ/TW của Bộ Chính trị.",
    "Nghị định 09/2017/NĐ-CP sửa đổi Nghị định 09/2017/NĐ-CP; mẫu số 01/2017 (không phải văn bản).",
    "Theo Thông tư 26/2016/TT-BLĐTBXH.Quyết định 1234 /QĐ - UBND ngày 09/06/2021.",
    "Không có số ký hiệu nào ở đây, chỉ có ngày 09/06/2021 và 3/4 số phiếu.",
    "",
]


@pytest.mark.parametrize("text", CITING_TEXTS)
def test_the_cited_keys_of_an_item_are_its_index_terms_symbol_keys(text: str) -> None:
    """What a search item lists as the documents it cites is read without a token per syllable, and is
    exactly what the index's symbol tokens hold, in their order."""
    assert cited_symbol_keys(text) == _symbol_keys(text)


def test_an_item_citing_several_documents_lists_the_keys_of_each_in_order() -> None:
    keys = cited_symbol_keys(CITING_TEXTS[1])
    assert keys[0] == "12/ct-ttg" and "2761/bnv-tc" in keys and "02-nq/tw" in keys
    assert keys.index("2761/bnv-tc") < keys.index("02-nq/tw")
