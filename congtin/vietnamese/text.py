"""Unicode helpers for matching Vietnamese text.

Vietnamese reaches us in several byte-level shapes that a reader sees as the same
word: precomposed (NFC) from most keyboards, decomposed (NFD) from macOS file names
and some copy/paste paths, old-style vs new-style tone placement ("hòa" vs "hoà"),
and the look-alike Icelandic eth "Ð" that legacy TCVN3/VNI converters emit in place
of "Đ".  Search, highlighting and de-duplication must treat all of these as equal,
which is what :func:`fold` is for.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

__all__ = ["fold", "fold_pattern", "nfc"]

# "đ"/"Đ" are letters in their own right, not "d" plus a mark, so Unicode
# decomposition never reduces them to "d"; they need an explicit entry.  "Ð"
# (U+00D0, and its lower case "ð") is included because converted legacy
# documents use it where "Đ" was meant, and readers cannot tell them apart.
_D_STROKE_FOLDS: dict[str, str] = {
    "đ": "d",
    "Đ": "d",
    "Ð": "d",
    "ð": "d",
}


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC.

    Everything stored or compared in the project is NFC so that a title typed on
    macOS (NFD) and the same title typed on Windows (NFC) are the same string.
    """
    if len(s) < _NFC_KEPT_FROM:
        return unicodedata.normalize("NFC", s)
    return _nfc_long(s)


# A search page normalises each hit's article three times (its matches, its snippet, the suggestion's
# windows): 120,000 characters a page, each looked up in Unicode's tables, 7% of the page's instructions.
# Long texts are remembered, a few at a time: a string keeps its hash once computed, so the second and
# third calls on the same article cost a dictionary lookup. (A pure function of the text: nothing to
# invalidate.)
_NFC_KEPT_FROM = 512


@functools.lru_cache(maxsize=64)
def _nfc_long(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _fold_char(char: str) -> str:
    """Fold one NFC code point to exactly one code point.

    Returning exactly one character is the whole contract: it is what lets a match
    position in the folded text be used unchanged as a position in the NFC text.
    """
    folded = _D_STROKE_FOLDS.get(char)
    if folded is not None:
        return folded
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    # Only strip when the rest really are combining marks ("ệ" -> "e" + marks).
    # Other decompositions (e.g. Hangul syllables into jamo) are not "a letter
    # with accents", so the character is kept whole.  A stray combining mark that
    # NFC could not attach to anything decomposes to itself and is also kept.
    if len(decomposed) > 1 and all(unicodedata.combining(mark) for mark in decomposed[1:]):
        char = base
    lowered = char.lower()
    # A few lower-case mappings grow the string (e.g. "İ" -> "i̇"); keeping the
    # original character is better than breaking the one-to-one position mapping.
    return lowered if len(lowered) == 1 else char


def fold(s: str) -> str:
    """Return a case- and accent-insensitive form of ``s`` for matching.

    Lower-cases, removes Vietnamese tone and vowel marks (ă â → a, ê → e,
    ô ơ → o, ư → u, all five tones) and maps đ/Đ/Ð to "d".  Other characters pass
    through lower-cased.

    The result has the same length as ``nfc(s)`` and character ``i`` of the result
    comes from character ``i`` of ``nfc(s)``.  That is deliberate: search code can
    find a match in the folded text and slice the *NFC* original at the same
    offsets to highlight it.  Callers that need offsets must therefore work on
    ``nfc(s)`` (the project stores NFC text, so usually that is ``s`` itself);
    ``fold`` normalises internally, so decomposed input still folds correctly.
    """
    return nfc(s).translate(_FOLD_TABLE)


class _FoldTable(dict[int, str]):
    """``str.translate`` table of ``_fold_char``, filled on first sight of each code point.

    The per-character Unicode decomposition is the slow part of folding (it ran at about a
    microsecond a character, which is milliseconds for a page of result snippets); a code point is
    now decomposed once per process, and ``translate`` does the rest in C.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


# Code points from here on all fold to themselves (``tests/test_text.py`` checks it against this
# Python's Unicode database), so ``_folds_to`` need not look at them.
FOLD_SCAN_END = 0x1F000
_folds_to: dict[str, str] = {}
_folds_to_lock = threading.Lock()


def _fold_classes() -> dict[str, str]:
    """For each folded character, a regex class of every character that folds to it (built once)."""
    if _folds_to:
        return _folds_to
    with _folds_to_lock:
        if _folds_to:
            return _folds_to
        inverse: dict[str, list[str]] = {}
        decomposition = unicodedata.decomposition
        for code in range(FOLD_SCAN_END):
            char = chr(code)
            # Neither a case mapping nor a decomposition (nor a d with a stroke): it folds to itself.
            if char.lower() == char and not decomposition(char) and char not in _D_STROKE_FOLDS:
                continue
            folded = _fold_char(char)
            if folded != char:
                inverse.setdefault(folded, []).append(char)
        classes = {
            folded: _char_class([folded, *chars])
            for folded, chars in inverse.items()
            if _fold_char(folded) == folded  # true of every folded character; checked, not assumed
        }
        _folds_to.update(classes)
    return _folds_to


def _char_class(chars: list[str]) -> str:
    """A regex class of ``chars``, runs of consecutive code points as ranges (a shorter pattern
    compiles faster, and every query compiles its own)."""
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(previous))
        parts.append(
            first if start == previous else f"{first}{last}" if previous == start + 1 else f"{first}-{last}"
        )
        start = previous = code
    return "[" + "".join(parts) + "]"


def fold_pattern(folded: str) -> str:
    """A regular expression matching, in NFC text, exactly the runs whose :func:`fold` is ``folded``.

    ``folded`` is folded text, like a search term. Searching the NFC text with it
    finds what searching ``fold(text)`` for ``folded`` finds, at the same offsets, without folding
    the text first -- for long texts, that fold is most of the work. ``\\w`` is true of a character
    exactly when it is of its fold (checked in the tests), so word boundaries agree too.
    """
    classes = _fold_classes()
    # A character no fold gives (an upper-case letter, say) matches nothing, as in the folded text.
    return "".join(
        classes.get(char) or (re.escape(char) if _fold_char(char) == char else "(?!)") for char in folded
    )
