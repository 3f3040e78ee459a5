"""One tone-placement style, so that "hoà" and "hòa" are the same accent-exact key.

Vietnamese has two conventions for where the tone mark sits in the open syllables
spelled with ``oa``, ``oe`` and ``uy``:

* **tone on the first vowel** -- ``hòa``, ``khỏe``, ``thủy``, ``Ủy ban`` -- the long
  established ("old", "traditional") placement, still the most common in print and the
  one ``underthesea.text_normalize`` produces;
* **tone on the second vowel** -- ``hoà``, ``khoẻ``, ``thuỷ``, ``Uỷ ban`` -- the "new"
  placement recommended by the 1980s spelling rules and used by many keyboards.

Both are correct Vietnamese and a reader treats them as the same word.  We normalise to
the **first-vowel** placement (``hoà`` → ``hòa``), as the project's research note on
Vietnamese text (``vi-text.md``, Recommendation (a) 4) recommends: it is the placement
most of our texts already use (official documents write "Hòa", "Thủy", "Ủy ban"), so
the fewest strings change, and it matches what other tools produce.  Either choice would do as long as index and query use the same one.

Only *open* syllables differ between the styles.  When a consonant or another vowel
follows (``hoàn``, ``toán``, ``thuyền``, ``ngoài``, ``khuỷu``) both styles put the tone
on the same letter, and nothing changes; ``qu`` is a consonant, so ``quý``, ``quỳ`` keep
their tone on ``y``.

The rewrite swaps two characters for two characters, so :func:`normalize_tones`
preserves the length of ``nfc(s)``: offsets into the NFC text stay valid.
"""

from __future__ import annotations

import re
import unicodedata

from congtin.vietnamese.text import nfc

__all__ = ["accent_key", "normalize_tones"]

# Combining marks of the five tones (huyền, sắc, hỏi, ngã, nặng).
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_COMBINING = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def _build_moves() -> dict[str, str]:
    """``"oà"`` → ``"òa"``, ``"uỷ"`` → ``"ủy"``... for every case combination."""
    moves: dict[str, str] = {}
    for first in "oOuU":
        seconds = "aAeE" if first in "oO" else "yY"
        for second in seconds:
            for mark in _TONE_MARKS:
                toned_second = unicodedata.normalize("NFC", second + mark)
                toned_first = unicodedata.normalize("NFC", first + mark)
                moves[first + toned_second] = toned_first + second
    return moves


_MOVES = _build_moves()
_TONED_A_E = "".join(sorted({pair[1] for pair in _MOVES if pair[0] in "oO"}))
_TONED_Y = "".join(sorted({pair[1] for pair in _MOVES if pair[0] in "uU"}))


def _new_style_re() -> re.Pattern[str]:
    # The glide o/u must start its vowel group (not the "u" of "qu", not after another
    # vowel) and the toned vowel must end the syllable (no letter or digit after it, and
    # no stray combining mark, which NFC would compose onto the untoned vowel).
    vowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    preceding = rf"(?<![qQ{vowels}])"
    return re.compile(
        rf"{preceding}(?:[oO][{_TONED_A_E}]|[uU][{_TONED_Y}])(?![^\W_]|{_COMBINING})",
    )


_NEW_STYLE_RE = _new_style_re()


def _move(match: re.Match[str]) -> str:
    return _MOVES[match.group()]


def normalize_tones(s: str) -> str:
    """Return ``nfc(s)`` with tone marks in open ``oa``/``oe``/``uy`` on the first vowel.

    ``hoà`` → ``hòa``, ``khoẻ`` → ``khỏe``, ``thuỷ`` → ``thủy``, ``HOÀ BÌNH`` →
    ``HÒA BÌNH``; text already in that style is returned unchanged (the function is
    idempotent).  The result has the same length as ``nfc(s)``.
    """
    text = nfc(s)
    if not _NEW_STYLE_RE.search(text):
        return text
    return _NEW_STYLE_RE.sub(_move, text)


def accent_key(s: str) -> str:
    """The key for accent-exact matching: :func:`normalize_tones`, lower-cased.

    ``accent_key("Hoà") == accent_key("hòa") == "hòa"``, but ``accent_key("hoa")`` is
    ``"hoa"``: unlike :func:`congtin.vietnamese.fold`, tones and vowel marks count.
    """
    return normalize_tones(s).lower()
