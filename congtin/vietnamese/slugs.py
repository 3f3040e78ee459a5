"""URL slugs for Vietnamese titles.

Django's ``slugify`` drops "đ" entirely ("Đà Nẵng" → "a-nang") and glues words
separated by "/" ("09/2017/NĐ-CP" → "092017n-cp"), which makes document numbers
unreadable in URLs.  These helpers produce the ASCII slugs Vietnamese readers
expect, without depending on Django, so they can be used in migrations, importers
and management commands alike.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["slugify", "unique_slug"]

# Letters that Unicode does not decompose to an ASCII base but that have an
# obvious ASCII spelling.  "đ"/"Đ"/"Ð" matter for Vietnamese (the last one comes
# from legacy converters); the rest keep foreign names in titles readable.
_TRANSLITERATIONS: dict[str, str] = {
    "đ": "d",
    "Đ": "d",
    "Ð": "d",
    "ð": "d",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "ß": "ss",
    "ẞ": "ss",
    "þ": "th",
    "Þ": "th",
}

_SEPARATOR = "-"
_SEPARATOR_RUN = re.compile(f"{_SEPARATOR}+")


def _transliterate(char: str) -> str:
    """Return the lower-case ASCII form of ``char``, with "-" where nothing fits.

    NFKD (not NFD) is used so compatibility forms such as "ﬁ", "²" or full-width
    digits become their plain equivalents instead of being dropped.  Combining
    marks vanish (they are the accents we are removing); anything else without an
    ASCII form becomes a separator so that, e.g., "1⁄2" from "½" does not merge
    into "12" and words around a Chinese name stay apart.
    """
    mapped = _TRANSLITERATIONS.get(char)
    if mapped is not None:
        return mapped
    parts: list[str] = []
    for part in unicodedata.normalize("NFKD", char):
        if part.isascii() and part.isalnum():
            parts.append(part.lower())
        elif not unicodedata.combining(part):
            parts.append(_SEPARATOR)
    return "".join(parts)


def _truncate(slug: str, max_length: int) -> str:
    """Cut ``slug`` to at most ``max_length`` characters, preferring a hyphen.

    Cutting mid-word leaves URLs like ".../trien-kh"; cutting at the last hyphen
    keeps whole words.  A single word longer than the limit is cut hard, because
    an over-long slug would be rejected by the database column.
    """
    if len(slug) <= max_length:
        return slug
    head = slug[:max_length]
    if slug[max_length] != _SEPARATOR:
        boundary = head.rfind(_SEPARATOR)
        if boundary > 0:
            head = head[:boundary]
    return head.strip(_SEPARATOR)


def slugify(value: str, max_length: int = 80) -> str:
    """Return an ASCII slug (``[a-z0-9-]``) for ``value``, at most ``max_length`` long.

    Tone and vowel marks are removed and "đ" becomes "d", so
    "Nghị định 09/2017/NĐ-CP" gives "nghi-dinh-09-2017-nd-cp".  Every run of other
    characters becomes a single hyphen, so document numbers stay readable.
    Characters with no ASCII form (e.g. Chinese) act as separators.

    Returns "" when nothing usable remains; callers own the fallback (an id, a
    date, "bai-viet"...) because only they know what makes sense for their model.
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, got {max_length}")
    # NFC first so decomposed input ("e" + U+0302 + U+0301) reaches the per-letter
    # rules as the one letter "ế" it represents, exactly like precomposed input.
    normalized = unicodedata.normalize("NFC", value)
    slug = _SEPARATOR_RUN.sub(_SEPARATOR, "".join(_transliterate(char) for char in normalized))
    return _truncate(slug.strip(_SEPARATOR), max_length)


def unique_slug(base: str, taken: Callable[[str], bool], max_length: int = 80) -> str:
    """Return ``base`` or, if ``taken(base)``, the first free ``base-2``, ``base-3``….

    ``taken`` is a callable rather than a queryset so this stays free of Django
    and works for any uniqueness scope (per parent page, per site, per year).  The
    base is shortened at a word boundary when needed so the numbered result still
    fits the ``max_length`` column.  There is no upper bound on the counter: it
    only stops when ``taken`` returns False, so ``taken`` must be accurate.
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, got {max_length}")
    stem = _truncate(base.strip(_SEPARATOR), max_length)
    if not stem:
        raise ValueError("base slug must not be empty; choose a fallback before calling unique_slug")
    if not taken(stem):
        return stem
    number = 2
    while True:
        suffix = f"{_SEPARATOR}{number}"
        room = max_length - len(suffix)
        shortened = _truncate(stem, room) if room > 0 else ""
        if not shortened:
            raise ValueError(f"max_length {max_length} is too short to add the suffix {suffix!r}")
        candidate = f"{shortened}{suffix}"
        if not taken(candidate):
            return candidate
        number += 1
