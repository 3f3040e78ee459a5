"""Rules for ``nfc`` and ``fold``."""

from __future__ import annotations

import re
import unicodedata

import pytest

from congtin.vietnamese import fold, nfc
from congtin.vietnamese.text import FOLD_SCAN_END, _fold_char, fold_pattern

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


def test_nfc_of_a_long_article_is_composed_however_often_it_is_asked() -> None:
    # Long texts are remembered (a search page asks for each hit's article three times): a decomposed
    # article and its composed twin must each come back composed, the same on every call.
    article = "Điều 5. Hòa giải ở cơ sở được thực hiện theo nguyên tắc tự nguyện. " * 40
    decomposed = unicodedata.normalize("NFD", article)
    assert decomposed != article
    for _ in range(3):
        assert nfc(decomposed) == article
        assert nfc(article) == article
    assert nfc(decomposed + "x") == article + "x"


def test_nfc_composes_decomposed_vietnamese() -> None:
    assert nfc("Vie\u0302\u0323t Nam") == "Việt Nam"
    assert len(nfc("Vie\u0302\u0323t")) == 4


# -- fold_pattern: finding folded terms in the NFC text without folding it -----------------------


def test_every_code_point_past_the_scan_folds_to_itself() -> None:
    for code in range(FOLD_SCAN_END, 0x110000):
        char = chr(code)
        if char.lower() != char or unicodedata.decomposition(char):
            assert _fold_char(char) == char, hex(code)


def test_a_character_is_a_word_character_exactly_when_its_fold_is() -> None:
    word = re.compile(r"\w")
    for code in range(FOLD_SCAN_END):
        char = chr(code)
        assert bool(word.match(char)) == bool(word.match(_fold_char(char))), hex(code)


def _found(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text)]


@pytest.mark.parametrize("sentence", [*SENTENCES, "ĐÀ NẴNG, Đà Nẵng, da nang; Ðà-Nẵng İstanbul ÇA ça"])
def test_a_fold_pattern_finds_in_the_text_what_the_term_finds_in_its_fold(sentence: str) -> None:
    text = nfc(sentence)
    folded = fold(text)
    words = set(re.findall(r"\w+", folded)) | {"a", "o", "da", "nang", "i", "ca", "hanh chinh"}
    for word in words:
        assert _found(fold_pattern(word), text) == _found(re.escape(word), folded), word
    # Not a folded term: matches nothing, as in the folded text.
    assert _found(fold_pattern("Đà"), text) == _found(re.escape("Đà"), folded) == []


def test_a_fold_pattern_agrees_on_the_demo_journal_text() -> None:
    from congtin.demo.content import ARTICLES

    texts = [
        f"{article['title']}\n{article['summary']}\n"
        + "\n".join(str(block["value"]) for block in article["body"] if block["type"] == "paragraph")
        for article in ARTICLES
    ]
    assert len(texts) >= 40
    for text in map(nfc, texts):
        folded = fold(text)
        for word in set(re.findall(r"\w+", folded)):
            assert _found(fold_pattern(word), text) == _found(re.escape(word), folded), word
