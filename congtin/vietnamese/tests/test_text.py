"""Rules for ``nfc`` and ``fold``."""

from __future__ import annotations

import unicodedata

import pytest

from congtin.vietnamese import fold, nfc

# Every accented Vietnamese vowel, lower case then upper case, one line per base
# letter.  Written out literally (not generated) so a bug in Unicode handling
# cannot hide in both the table and the code under test.
VOWEL_TABLE = """
a àáảãạăằắẳẵặâầấẩẫậ ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ
e èéẻẽẹêềếểễệ ÈÉẺẼẸÊỀẾỂỄỆ
i ìíỉĩị ÌÍỈĨỊ
o òóỏõọôồốổỗộơờớởỡợ ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ
u ùúủũụưừứửữự ÙÚỦŨỤƯỪỨỬỮỰ
y ỳýỷỹỵ ỲÝỶỸỴ
"""

VOWEL_CASES: list[tuple[str, str]] = [
    (vowel, base)
    for line in VOWEL_TABLE.strip().splitlines()
    for base, *groups in [line.split()]
    for vowel in "".join(groups)
]

# The marks Vietnamese puts on a, e, o, u (breve, circumflex, horn) and the five
# tones (grave, acute, hook above, tilde, dot below).
VOWEL_MODIFIERS: dict[str, tuple[str, ...]] = {
    "a": ("", "\u0306", "\u0302"),
    "e": ("", "\u0302"),
    "i": ("",),
    "o": ("", "\u0302", "\u031b"),
    "u": ("", "\u031b"),
    "y": ("",),
}
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")

SENTENCES = [
    "Bộ Nội vụ triển khai thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "UBND tỉnh Đắk Lắk họp báo thường kỳ quý III năm 2021",
    "Hà Nội: Đẩy mạnh ứng dụng công nghệ thông tin trong cải cách hành chính",
    "Nghị định 09/2017/NĐ-CP quy định chi tiết việc phát ngôn và cung cấp thông tin",
    "Quyết định về việc phê duyệt Đề án “Chuyển đổi số” giai đoạn 2021–2025",
]


def test_vowel_table_lists_all_132_accented_vowels() -> None:
    assert len(VOWEL_CASES) == 132
    assert len({vowel for vowel, _ in VOWEL_CASES}) == 132


def test_vowel_table_matches_every_modifier_and_tone_combination() -> None:
    expected = {
        unicodedata.normalize("NFC", base + modifier + tone)
        for base, modifiers in VOWEL_MODIFIERS.items()
        for modifier in modifiers
        for tone in TONES
        if modifier or tone
    }
    expected |= {vowel.upper() for vowel in expected}
    assert {vowel for vowel, _ in VOWEL_CASES} == expected


@pytest.mark.parametrize(("vowel", "base"), VOWEL_CASES)
def test_fold_reduces_every_accented_vowel_to_its_base_letter(vowel: str, base: str) -> None:
    assert fold(vowel) == base


@pytest.mark.parametrize(("vowel", "base"), VOWEL_CASES)
def test_fold_reduces_decomposed_vowels_to_their_base_letter(vowel: str, base: str) -> None:
    assert fold(unicodedata.normalize("NFD", vowel)) == base


@pytest.mark.parametrize("letter", ["đ", "Đ", "Ð", "ð"])
def test_fold_turns_d_stroke_and_eth_into_d(letter: str) -> None:
    assert fold(letter) == "d"


def test_fold_lower_cases_plain_ascii() -> None:
    assert fold("UBND Tỉnh") == "ubnd tinh"


def test_fold_makes_old_and_new_tone_placement_equal() -> None:
    assert fold("hòa") == fold("hoà") == "hoa"
    assert fold("THÚY") == fold("thuý") == "thuy"


def test_fold_makes_nfd_and_nfc_input_equal() -> None:
    for sentence in SENTENCES:
        assert fold(unicodedata.normalize("NFD", sentence)) == fold(sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_fold_preserves_length_of_nfc_text(sentence: str) -> None:
    assert len(fold(sentence)) == len(nfc(sentence))
    decomposed = unicodedata.normalize("NFD", sentence)
    assert len(decomposed) > len(sentence)
    assert len(fold(decomposed)) == len(nfc(decomposed))


def test_fold_match_offsets_slice_the_original_nfc_text() -> None:
    text = nfc(SENTENCES[2])
    start = fold(text).index("ha noi")
    assert text[start : start + len("ha noi")] == "Hà Nội"
    start = fold(text).index("cai cach hanh chinh")
    assert text[start : start + len("cai cach hanh chinh")] == "cải cách hành chính"


def test_fold_strips_accents_from_other_latin_letters() -> None:
    assert fold("Café Müller Ñoño") == "cafe muller nono"


def test_fold_keeps_characters_without_a_one_character_lower_case() -> None:
    # "İ" lower-cases to two code points; it decomposes to "I" + dot, so it folds to "i".
    assert fold("İ") == "i"
    assert fold("ß") == "ß"
    assert fold("ﬁ") == "ﬁ"


def test_fold_passes_other_scripts_and_punctuation_through() -> None:
    assert fold("北京 – “ABC” 123!") == "北京 – “abc” 123!"


def test_fold_keeps_non_accent_decompositions_whole() -> None:
    # Hangul syllables decompose into letters, not marks, so they must not be cut.
    assert fold("한국") == "한국"


def test_fold_keeps_a_stray_combining_mark_to_preserve_length() -> None:
    text = "x\u0301\u0323"  # "x" has no precomposed form with these marks
    assert len(fold(text)) == len(nfc(text))
    assert fold(text)[0] == "x"


def test_fold_of_empty_string_is_empty() -> None:
    assert fold("") == ""


def test_nfc_composes_decomposed_vietnamese() -> None:
    assert nfc("Vie\u0302\u0323t Nam") == "Việt Nam"
    assert len(nfc("Vie\u0302\u0323t")) == 4
