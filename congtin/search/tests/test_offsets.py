"""Match offsets for highlighting (``backends.base.match_offsets``) are found in the NFC text without
folding it (decision 0027): the same offsets as searching the folded text, checked on the demo journal."""

from __future__ import annotations

import re

import pytest

from congtin.demo.content import ARTICLES
from congtin.search.backends.base import match_offsets
from congtin.vietnamese import fold, nfc


def _folded_offsets(text: str, words: list[str], prefixes: list[str]) -> tuple[tuple[int, int], ...]:
    """The offsets as they were found before: the terms searched for in ``fold(text)``."""
    alternatives = [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    alternatives += [re.escape(p) + r"\w*" for p in prefixes]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return tuple(m.span() for m in pattern.finditer(fold(nfc(text))))


def _texts() -> list[str]:
    return [
        f"{a['title']}\n{a['summary']}\n"
        + "\n".join(str(b["value"]) for b in a["body"] if b["type"] == "paragraph")
        for a in ARTICLES
    ]


@pytest.mark.parametrize(
    ("words", "prefixes"),
    [
        (["to", "chuc"], []),
        (["nha", "nuoc", "phap", "quyen"], []),
        (["d", "a", "o"], []),
        (["chinh"], ["qu", "ph"]),
        ([], ["ng"]),
        (["2021", "nd", "cp"], []),
    ],
)
def test_offsets_are_those_of_the_folded_text(words: list[str], prefixes: list[str]) -> None:
    texts = _texts()
    assert len(texts) >= 40
    found = 0
    for text in texts:
        expected = _folded_offsets(text, words, prefixes)
        assert match_offsets(text, [[w] for w in words], prefixes) == expected
        found += len(expected)
    assert found


def test_every_word_of_the_demo_titles_is_found_where_the_folded_text_has_it() -> None:
    for text in _texts():
        words = sorted(set(re.findall(r"\w+", fold(nfc(text)))))[:30]
        assert match_offsets(text, [[w] for w in words], []) == _folded_offsets(text, words, [])
