"""Rules for ``slugify`` and ``unique_slug``."""

from __future__ import annotations

import re
import unicodedata

import pytest

from congtin.vietnamese import slugify, unique_slug

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

LONG_TITLE = (
    "Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch triển khai thực hiện Nghị quyết "
    "của Hội đồng nhân dân tỉnh về chuyển đổi số, phát triển chính quyền điện tử hướng tới "
    "chính quyền số, kinh tế số và xã hội số giai đoạn 2021–2025, định hướng đến năm 2030 ở Huế"
)


def nothing_taken(_slug: str) -> bool:
    """Stand in for an empty table."""
    return False


def test_slug_strips_vietnamese_tones() -> None:
    assert slugify("Bộ Nội vụ triển khai thực hiện Chỉ thị") == "bo-noi-vu-trien-khai-thuc-hien-chi-thi"


def test_slug_turns_d_stroke_into_d() -> None:
    assert slugify("Đây là Đà Nẵng") == "day-la-da-nang"
    assert slugify("đường") == "duong"


def test_slug_turns_eth_lookalike_into_d() -> None:
    assert slugify("ÐÀ NẴNG") == "da-nang"


def test_slug_splits_document_numbers_on_slashes() -> None:
    assert slugify("Nghị định 09/2017/NĐ-CP") == "nghi-dinh-09-2017-nd-cp"


def test_slug_collapses_runs_of_punctuation_and_strips_the_ends() -> None:
    assert slugify("  --Thông báo!!! (số 1) -- ") == "thong-bao-so-1"
    assert slugify("a _ b . c") == "a-b-c"


def test_slug_of_nfd_input_equals_slug_of_nfc_input() -> None:
    title = "Ủy ban Nhân dân Thành phố Hồ Chí Minh thông báo lịch tiếp công dân"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    expected = "uy-ban-nhan-dan-thanh-pho-ho-chi-minh-thong-bao-lich-tiep-cong-dan"
    assert slugify(decomposed) == slugify(title) == expected


def test_slug_of_all_accented_vowels_is_plain_ascii() -> None:
    assert slugify("ặ ế ỗ ớ ữ ỷ Ự Ỡ") == "a-e-o-o-u-y-u-o"


def test_slug_transliterates_other_latin_letters_via_decomposition() -> None:
    assert slugify("Café Müller à São Paulo") == "cafe-muller-a-sao-paulo"
    assert slugify("ﬁnance ２０２１ x²") == "finance-2021-x2"


def test_slug_spells_out_letters_that_do_not_decompose() -> None:
    assert slugify("Straße Øresund Łódź Æther") == "strasse-oresund-lodz-aether"


def test_slug_keeps_parts_of_compatibility_forms_apart() -> None:
    assert slugify("½") == "1-2"


def test_slug_drops_untransliterable_scripts_as_separators() -> None:
    assert slugify("Hợp tác Việt Nam 中国 Trung Quốc") == "hop-tac-viet-nam-trung-quoc"


@pytest.mark.parametrize("value", ["", "!!!", "   ", "— … —", "北京", "\u0301"])
def test_slug_without_usable_characters_is_empty(value: str) -> None:
    assert slugify(value) == ""


def test_slug_of_255_character_title_is_valid_and_fits() -> None:
    title = (LONG_TITLE * 2)[:255]
    assert len(title) == 255
    slug = slugify(title)
    assert slug
    assert len(slug) <= 80
    assert SLUG_PATTERN.fullmatch(slug)


def test_slug_truncates_at_a_word_boundary() -> None:
    slug = slugify("Bộ Nội vụ triển khai thực hiện Chỉ thị", max_length=20)
    assert slug == "bo-noi-vu-trien-khai"
    assert slugify("Bộ Nội vụ triển khai thực hiện Chỉ thị", max_length=19) == "bo-noi-vu-trien"


def test_slug_truncation_never_ends_with_a_hyphen() -> None:
    full = slugify(LONG_TITLE, max_length=1000)
    for max_length in range(1, len(full) + 2):
        slug = slugify(LONG_TITLE, max_length=max_length)
        assert slug
        assert len(slug) <= max_length
        assert SLUG_PATTERN.fullmatch(slug)
        assert full.startswith(slug)


def test_slug_cuts_a_single_overlong_word_hard() -> None:
    assert slugify("a" * 100, max_length=80) == "a" * 80
    assert slugify("xin " + "b" * 100, max_length=10) == "xin"


def test_slug_refuses_a_non_positive_max_length() -> None:
    with pytest.raises(ValueError, match="max_length"):
        slugify("abc", max_length=0)


def test_unique_slug_returns_base_when_free() -> None:
    assert unique_slug("tin-tuc", nothing_taken) == "tin-tuc"


def test_unique_slug_appends_the_first_free_number_starting_at_two() -> None:
    taken = {"tin-tuc", "tin-tuc-2", "tin-tuc-3"}
    assert unique_slug("tin-tuc", taken.__contains__) == "tin-tuc-4"
    assert unique_slug("tin-tuc", {"tin-tuc"}.__contains__) == "tin-tuc-2"


def test_unique_slug_trims_base_so_the_suffix_fits() -> None:
    base = slugify(LONG_TITLE)
    assert len(base) > 75
    taken = {base}
    result = unique_slug(base, taken.__contains__)
    assert len(result) <= 80
    assert result.endswith("-2")
    assert SLUG_PATTERN.fullmatch(result)
    assert base.startswith(result.removesuffix("-2"))


def test_unique_slug_trims_at_a_word_boundary() -> None:
    assert unique_slug("bo-noi-vu", {"bo-noi-vu"}.__contains__, max_length=9) == "bo-noi-2"


def test_unique_slug_keeps_trimming_for_longer_suffixes() -> None:
    taken = {"abcdefgh"} | {f"abcdef-{n}" for n in range(2, 10)}
    assert unique_slug("abcdefgh", taken.__contains__, max_length=8) == "abcde-10"


def test_unique_slug_shortens_an_overlong_base_first() -> None:
    assert unique_slug("bo-noi-vu", nothing_taken, max_length=7) == "bo-noi"


def test_unique_slug_refuses_an_empty_base() -> None:
    with pytest.raises(ValueError, match="empty"):
        unique_slug("", nothing_taken)


def test_unique_slug_refuses_a_max_length_too_short_for_the_suffix() -> None:
    with pytest.raises(ValueError, match="too short"):
        unique_slug("ab", {"ab"}.__contains__, max_length=2)
