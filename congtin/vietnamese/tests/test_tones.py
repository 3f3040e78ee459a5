"""Rules for ``normalize_tones`` and ``accent_key``: one tone placement, tone on the first vowel."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtin.vietnamese import fold, nfc
from congtin.vietnamese.tones import accent_key, normalize_tones


@pytest.mark.parametrize(
    ("second_vowel_style", "first_vowel_style"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Hoà Bình", "Hòa Bình"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Thuỵ Điển", "Thụy Điển"),
        ("huỷ bỏ", "hủy bỏ"),
        ("toà án", "tòa án"),
        ("hoá đơn", "hóa đơn"),
        ("loè loẹt", "lòe loẹt"),
        ("oà khóc", "òa khóc"),
        ("THUỶ LỢI", "THỦY LỢI"),
    ],
)
def test_open_oa_oe_uy_syllables_carry_the_tone_on_the_first_vowel(
    second_vowel_style: str, first_vowel_style: str
) -> None:
    assert normalize_tones(second_vowel_style) == first_vowel_style
    assert normalize_tones(first_vowel_style) == first_vowel_style


@pytest.mark.parametrize(
    "word",
    [
        "quý",
        "quỳnh",
        "Quỷ",
        "hoàng",
        "toán",
        "thuyền",
        "ngoài",
        "khuỷu",
        "hoặc",
        "thuế",
        "giữ gìn",
        "của",
        "mùa",
    ],
)
def test_closed_syllables_and_qu_keep_their_tone_where_it_is(word: str) -> None:
    assert normalize_tones(word) == word


def test_decomposed_input_is_composed_and_normalized() -> None:
    decomposed = unicodedata.normalize("NFD", "Hoà Bình, thuỷ lợi")
    assert normalize_tones(decomposed) == "Hòa Bình, thủy lợi"


def test_normalize_tones_keeps_the_length_of_the_nfc_text() -> None:
    text = "Khoẻ mạnh, hoà bình và thuỷ lợi"
    assert len(normalize_tones(text)) == len(nfc(text))


def test_accent_key_is_lower_case_and_style_independent() -> None:
    assert accent_key("Hoà") == accent_key("hòa") == "hòa"
    assert accent_key("THUỶ") == "thủy"


def test_accent_key_keeps_tones_that_fold_removes() -> None:
    assert accent_key("hoa") != accent_key("hòa")
    assert fold("hoa") == fold("hòa")


vietnamese_text = st.text(
    alphabet=st.sampled_from(
        [*"aăâeêioôơuưyAOUYqQhkt đĐ,.", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    ),
    max_size=40,
)


@given(st.one_of(vietnamese_text, st.text(max_size=40)))
def test_normalize_tones_is_idempotent(text: str) -> None:
    once = normalize_tones(text)
    assert normalize_tones(once) == once


@given(st.one_of(vietnamese_text, st.text(max_size=40)))
def test_normalize_tones_does_not_change_the_folded_key(text: str) -> None:
    assert fold(normalize_tones(text)) == fold(text)
    assert len(normalize_tones(text)) == len(nfc(text))


def test_a_stray_combining_mark_after_the_syllable_blocks_the_move() -> None:
    # "oà" + a combining acute that NFC cannot attach: moving the tone would let a later
    # NFC compose the acute onto the bare "a", changing the text a second time.
    text = "ho\u00e0\u0301"
    assert normalize_tones(normalize_tones(text)) == normalize_tones(text)
