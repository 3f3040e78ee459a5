""" "Có phải bạn muốn tìm": the accented spelling read from the matched text, no dictionary."""

from __future__ import annotations

from congtin.vietnamese.suggest import accented_suggestion, match_windows

TEXTS = [
    "Hội thảo về Tổ chức nhà nước năm 2024",
    "Tạp chí Tổ chức nhà nước số tháng 6",
    "tổ chức bộ máy nhà nước tinh gọn",
    "Tỉnh Hoà Bình",
]


def test_a_toneless_query_gets_the_spelling_of_the_matched_text() -> None:
    assert accented_suggestion("to chuc nha nuoc", TEXTS) == "tổ chức nhà nước"


def test_the_whole_query_in_a_row_beats_the_most_frequent_syllable() -> None:
    texts = ["Bảo vệ tổ quốc", "bão lớn", "báo chí", "báo cáo", "bảo hiểm"]
    # "bao" alone is most often "báo"; the two syllables in a row say "bảo vệ".
    assert accented_suggestion("bao ve", texts) == "bảo vệ"


def test_the_reader_s_case_and_syntax_are_kept() -> None:
    assert accented_suggestion("To chuc", TEXTS) == "Tổ chức"
    assert accented_suggestion("TO CHUC", TEXTS) == "TỔ CHỨC"
    assert accented_suggestion('"to chuc" -bo nha*', TEXTS) == '"tổ chức" -bo nha*'


def test_a_tone_typo_is_corrected_but_a_real_spelling_is_kept() -> None:
    assert accented_suggestion("tổ chưc", TEXTS) == "tổ chức"
    assert accented_suggestion("tổ chức nhà nước", TEXTS) is None
    # "bão" is in the text, though less often than "báo": the reader meant it.
    assert accented_suggestion("bão", ["bão lớn", "báo chí", "báo cáo"]) is None


def test_tone_placement_is_not_a_typo() -> None:
    assert accented_suggestion("hòa bình", TEXTS) is None
    assert accented_suggestion("hoa binh", TEXTS) == "hòa bình"


def test_nothing_to_suggest() -> None:
    assert accented_suggestion("xyz", TEXTS) is None
    assert accented_suggestion("09/2017", TEXTS) is None
    assert accented_suggestion("", TEXTS) is None


def test_windows_around_matches_keep_the_text_short() -> None:
    body = "a " * 10_000 + "tổ chức" + " b" * 10_000
    start = body.index("tổ")
    (window,) = match_windows(body, [(start, start + 2)], radius=10)
    assert "tổ chức" in window and len(window) <= 22
