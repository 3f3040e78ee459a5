"""Highlighted titles and snippets: the accented original, marked where the query matched, escaped."""

from __future__ import annotations

import re
import unicodedata

import pytest

from congtin.vietnamese.highlight import _SPACES_RE, SNIPPET_WIDTH, collapse_spaces, highlight, snippet
from congtin.vietnamese.text import fold, nfc


def spans_of(text: str, *words: str) -> list[tuple[int, int]]:
    """Where the folded words occur in ``nfc(text)``, as a backend reports them."""
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(fold(text))]


def test_a_toneless_match_is_marked_in_the_accented_original() -> None:
    title = "Hội thảo về Tổ chức nhà nước"
    assert (
        highlight(title, spans_of(title, "to", "chuc"))
        == "Hội thảo về <mark>Tổ</mark> <mark>chức</mark> nhà nước"
    )


def test_everything_else_is_escaped() -> None:
    text = 'Nhà nước <script>alert("x")</script> & pháp luật'
    marked = highlight(text, spans_of(text, "phap"))
    assert "<script>" not in marked
    assert "&lt;script&gt;" in marked and "&amp;" in marked
    assert "<mark>pháp</mark>" in marked


def test_decomposed_input_is_marked_as_its_composed_form() -> None:
    nfd = unicodedata.normalize("NFD", "Bàn về tổ chức nhà nước hiện đại")
    marked = snippet(nfd, spans_of(nfd, "nha", "nuoc"))
    assert marked == nfc("Bàn về tổ chức <mark>nhà</mark> <mark>nước</mark> hiện đại")


def test_a_long_body_shows_a_window_around_the_best_match() -> None:
    filler = "Nội dung không liên quan đến câu hỏi. " * 200
    body = filler + "Hội nghị bàn về tổ chức nhà nước và bộ máy. " + filler + "Một chữ tổ lẻ loi. " + filler
    marked = snippet(body, spans_of(body, "to", "chuc", "nha", "nuoc"))
    visible = re.sub(r"</?mark>", "", marked)
    assert "<mark>tổ</mark> <mark>chức</mark> <mark>nhà</mark> <mark>nước</mark>" in marked
    assert visible.startswith("… ") and visible.endswith(" …")
    assert len(visible) <= SNIPPET_WIDTH + 4
    assert "lẻ loi" not in marked  # the window with every word wins over a lone match


def test_a_snippet_never_cuts_a_word() -> None:
    body = "Chuyển đổi số " * 60 + "quốc gia"
    words = re.sub(r"</?mark>", "", snippet(body, spans_of(body, "quoc", "gia"))).strip("… ").split()
    assert all(word in {"Chuyển", "đổi", "số", "quốc", "gia"} for word in words)


def test_without_a_match_the_start_is_shown() -> None:
    body = "Đoạn mở đầu của bài. " + "Tiếp theo. " * 100
    assert snippet(body, []).startswith("Đoạn mở đầu của bài.")
    assert snippet("   ", []) == ""


def test_bad_spans_are_ignored() -> None:
    text = "Cải cách hành chính"
    assert highlight(text, [(5, 2), (100, 200), (-3, 0)]) == "Cải cách hành chính"
    assert highlight(text, [(0, 3), (1, 8)]) == "<mark>Cải cách</mark> hành chính"


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "a", "  a  b\t\nc  ", "\u2003x\x1c y\u00a0", "x\u200by", "Tổ  chức\r\nnhà nước "],
)
def test_collapse_spaces_is_the_regex_it_replaces(text: str) -> None:
    assert collapse_spaces(text) == _SPACES_RE.sub(" ", text)


def test_the_regex_and_str_split_agree_on_every_white_space_character() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert bool(_SPACES_RE.fullmatch(char)) == char.isspace(), hex(code)
