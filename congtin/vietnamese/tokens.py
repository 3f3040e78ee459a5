"""Syllable tokens for search, and the extra tokens that make document symbols findable.

**Syllables, not words.**  Vietnamese writes one syllable per orthographic word, and a
search index of syllables answers unaccented queries ("to chuc nha nuoc") that a word
segmenter cannot, at 100× the speed (``vi-text.md`` Q1, Recommendation (b)).
Multi-syllable words are matched as phrases or by proximity at query time, which is
what :attr:`Token.position` is for.

**Offsets are into** ``nfc(text)``.  The input is composed to NFC first (decomposed
input would otherwise split words at its combining marks), and every token's
``start``/``end`` index that NFC string: ``nfc(text)[t.start:t.end] == t.text``.  The
project stores NFC text, so for stored text that is ``text`` itself.

Each token carries three forms of its text:

* ``folded`` -- :func:`congtin.vietnamese.fold`: lower case, no tones or vowel marks,
  ``đ`` → ``d``.  The matching key.
* ``exact`` -- :func:`congtin.vietnamese.tones.accent_key`: lower case, tones kept, one
  tone placement (``hoà`` and ``hòa`` are both ``hòa``).  For boosting accent-exact
  matches.
* ``text`` -- the NFC slice itself, for display and highlighting.

**Document symbols** (``09/2017/NĐ-CP``) are split into syllables like everything else
(``09`` ``2017`` ``nd`` ``cp``, so the phrase "nd cp" matches).  :func:`index_terms`
adds, for each symbol found by :func:`congtin.vietnamese.find_citations`, tokens of
kind ``"symbol"`` whose ``folded`` (and ``exact``) is a *symbol key*; they contain
``/``, ``-`` and spaces, so a backend stores them as keywords (not through its own
tokenizer).  The keys of a symbol, for ``09/2017/NĐ-CP``:

========================  ===============================  ==========================
key                       shape                            found by queries such as
========================  ===============================  ==========================
``09/2017/nd-cp``         folded canonical symbol          "09/2017/NĐ-CP",
                                                           "09 2017 nd cp",
                                                           "Nghị định số 09/2017/NĐ-CP"
``09/2017``               number/year (only with a year)   "09/2017", "9/2017"
``nd 09``                 type code + number               "nghị định 09", "NĐ 9",
                                                           "nghị định số 09"
``nd 09/2017``            type code + number/year          "nghị định 09/2017"
``nd-cp 09``              symbol body + number             "NĐ-CP 09", "nd cp 09"
========================  ===============================  ==========================

For ``12/CT-TTg``: ``12/ct-ttg``, ``ct 12``, ``ct-ttg 12``; for ``02-NQ/TW``:
``02-nq/tw``, ``nq 02``, ``nq/tw 02``; for a law ``45/2013/QH13``: ``45/2013/qh13``,
``45/2013``, ``qh13 45``.  Numbers are always zero-padded to two digits, as
:func:`congtin.vietnamese.parse_symbol` prints them; :func:`symbol_query_terms` turns
what a user types into the same keys (type *names* such as "nghị định" become their
code, so the index needs no name keys).  Symbol tokens share the position of the
symbol's first syllable, so proximity to the surrounding words is kept; their
``start``/``end`` span the printed symbol.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, fields
from itertools import accumulate

from congtin.vietnamese.citations import find_citations
from congtin.vietnamese.symbols import (
    ISSUERS,
    PARTY_TYPE_CODES,
    PARTY_TYPE_NAMES,
    TYPE_CODES,
    TYPE_NAMES,
    DocumentSymbol,
    SymbolError,
    parse_symbol,
)
from congtin.vietnamese.text import fold, nfc
from congtin.vietnamese.tones import accent_key

__all__ = [
    "KIND_NUMBER",
    "KIND_SYMBOL",
    "KIND_WORD",
    "Token",
    "cited_symbol_keys",
    "index_terms",
    "symbol_keys",
    "symbol_query_terms",
    "tokenize",
]

KIND_WORD = "word"
KIND_NUMBER = "number"
KIND_SYMBOL = "symbol"


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text; see the module docstring for the three forms."""

    #: The slice of the NFC input, ``nfc(input)[start:end]``.
    text: str
    #: ``fold(text)`` (for a symbol token: its symbol key).
    folded: str
    #: ``accent_key(text)`` (for a symbol token: its symbol key).
    exact: str
    start: int
    end: int
    #: Ordinal of the syllable in the text, 0-based; symbol tokens share the position of
    #: the symbol's first syllable.
    position: int
    #: ``"word"``, ``"number"`` (ASCII digits only) or ``"symbol"``.
    kind: str


def _token_factory() -> Callable[[str, str, str, int, int, int, str], Token]:
    """A constructor for :class:`Token` that skips the frozen dataclass ``__init__``.

    A frozen dataclass sets each field through ``object.__setattr__``; calling the slot
    descriptors directly builds the identical object in 60% of the time, and
    :func:`tokenize` builds one per syllable (it is most of its run time).
    """
    setters = [getattr(Token, field.name).__set__ for field in fields(Token)]
    set_text, set_folded, set_exact, set_start, set_end, set_position, set_kind = setters
    new = object.__new__

    def make(text: str, folded: str, exact: str, start: int, end: int, position: int, kind: str) -> Token:
        token = new(Token)
        set_text(token, text)
        set_folded(token, folded)
        set_exact(token, exact)
        set_start(token, start)
        set_end(token, end)
        set_position(token, position)
        set_kind(token, kind)
        return token

    return make


_make_token = _token_factory()

# Letters and digits; "_" and everything else separate.  Mixed runs such as "F0" or
# "COVID19" stay one token.
_TOKEN_SPLIT_RE = re.compile(r"([^\W_]+)")

# Per-spelling cache of (folded, exact, kind): a text repeats its syllables constantly,
# and folding is the costly part.  Bounded so a long import cannot grow it for ever.
_FORMS: dict[str, tuple[str, str, str]] = {}
_FORMS_LIMIT = 200_000


def _forms(word: str) -> tuple[str, str, str]:
    if len(_FORMS) >= _FORMS_LIMIT:
        _FORMS.clear()
    kind = KIND_NUMBER if word.isascii() and word.isdigit() else KIND_WORD
    forms = (fold(word), accent_key(word), kind)
    _FORMS[word] = forms
    return forms


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into syllable and number tokens (offsets into ``nfc(text)``)."""
    # One C-level split into separator/token pieces, and offsets from the running sum of
    # their lengths: about twice as fast as walking match objects.
    pieces = _TOKEN_SPLIT_RE.split(nfc(text))
    offsets = list(accumulate(map(len, pieces), initial=0))
    words = pieces[1::2]
    last = 2 * len(words)
    cache_get = _FORMS.get
    forms = [cache_get(word) or _forms(word) for word in words]
    make = _make_token
    return [
        make(word, form[0], form[1], start, end, position, form[2])
        for position, (word, form, start, end) in enumerate(
            zip(words, forms, offsets[1:last:2], offsets[2 : last + 1 : 2], strict=True)
        )
    ]


def word_forms(text: str) -> list[tuple[str, str, str]]:
    """``(folded, exact, kind)`` of each token of ``text``, as :func:`tokenize` gives them, without
    the offsets and the :class:`Token` objects (for readers that count spellings)."""
    cache_get = _FORMS.get
    return [cache_get(word) or _forms(word) for word in _TOKEN_SPLIT_RE.split(nfc(text))[1::2]]


# --- Symbol keys -------------------------------------------------------------------------


def symbol_keys(symbol: DocumentSymbol) -> list[str]:
    """The folded keys under which a symbol is indexed (see the module docstring)."""
    canonical = fold(symbol.canonical)
    number = symbol.number
    body = _body(symbol)
    keys = [canonical]
    if symbol.year is not None:
        keys.append(f"{number}/{symbol.year}")
    if symbol.type_code is not None:
        code = fold(symbol.type_code)
        keys.append(f"{code} {number}")
        if symbol.year is not None:
            keys.append(f"{code} {number}/{symbol.year}")
    keys.append(f"{body} {number}")
    return list(dict.fromkeys(keys))


def _body(symbol: DocumentSymbol) -> str:
    """The folded symbol without its number and year: ``nd-cp``, ``ct-ttg``, ``nq/tw``."""
    canonical = fold(symbol.canonical)
    rest = canonical[len(symbol.number) + 1 :]
    if symbol.year is not None:
        rest = rest.removeprefix(f"{symbol.year}/")
    return rest


# A cheap test before the citation scan: a digit, then "/" or a dash, then a letter or
# digit (possibly after spaces).  Most paragraphs have none and skip the scan.
_SYMBOL_HINT_RE = re.compile(r"[0-9]\s*[/\-\u2010-\u2015\u2212]\s*[0-9A-ZĐÐa-zđ]")


def index_terms(text: str) -> list[Token]:
    """:func:`tokenize`, plus one ``"symbol"`` token per key of each document symbol.

    The result is ordered by position; a symbol's tokens follow the first syllable of
    the printed symbol, whose position they share.
    """
    normalized = nfc(text)
    tokens = tokenize(normalized)
    if not tokens or not _SYMBOL_HINT_RE.search(normalized):
        return tokens
    extras: dict[int, list[Token]] = {}
    starts = [token.start for token in tokens]
    for citation in find_citations(normalized):
        first = _first_token_at(starts, citation.symbol_start)
        if first is None:
            continue
        start, end = citation.symbol_start, citation.symbol_end
        printed = normalized[start:end]
        position = tokens[first].position
        for key in symbol_keys(citation.symbol):
            extras.setdefault(first, []).append(Token(printed, key, key, start, end, position, KIND_SYMBOL))
    if not extras:
        return tokens
    merged: list[Token] = []
    for index, token in enumerate(tokens):
        merged.append(token)
        merged.extend(extras.get(index, ()))
    return merged


def cited_symbol_keys(text: str) -> list[str]:
    """The keys of the ``"symbol"`` tokens :func:`index_terms` gives ``text``, in the same order, without
    making a token of every syllable: what an item's index entry lists as the documents it cites.

    Every printed symbol holds a syllable, so :func:`index_terms` finds a token for each citation
    and this needs none."""
    normalized = nfc(text)
    if not _SYMBOL_HINT_RE.search(normalized):
        return []
    keys: list[str] = []
    for citation in find_citations(normalized):
        keys.extend(symbol_keys(citation.symbol))
    return keys


def _first_token_at(starts: list[int], offset: int) -> int | None:
    """Index of the first token starting at or after ``offset``."""
    index = bisect_left(starts, offset)
    return index if index < len(starts) else None


# --- Symbols in queries ------------------------------------------------------------------


def _query_types() -> dict[str, list[str]]:
    """Type names and codes a query may put before a number, folded → candidate codes.

    ``"quy dinh"`` gives both the state ``qyd`` and the Party ``qd``; "công văn" is left
    out because a state công văn has no code in its symbol.
    """
    types: dict[str, list[str]] = {}
    for name, code in [*TYPE_NAMES.items(), *PARTY_TYPE_NAMES.items()]:
        codes = types.setdefault(name, [])
        if fold(code) not in codes:
            codes.append(fold(code))
    for code in [*TYPE_CODES, *PARTY_TYPE_CODES]:
        types.setdefault(fold(code), [fold(code)])
    for unwanted in ("cong van", "cv"):
        types.pop(unwanted, None)
    return types


_QUERY_TYPES = _query_types()
_KNOWN_GROUPS = {fold(name) for name in [*TYPE_CODES, *PARTY_TYPE_CODES, *ISSUERS]}

_TYPE_ALTERNATION = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_QUERY_TYPES, key=len, reverse=True)
)
_SEP = r"\s*[/\-]\s*|\s+"
_GROUP = r"[a-z][a-z0-9&]*"
_QUERY_SYMBOL_RE = re.compile(
    rf"""
    (?<![a-z0-9/\-])
    (?:(?P<type>{_TYPE_ALTERNATION})\s+(?:so\s*:?\s*)?)?
    (?P<number>[0-9]{{1,5}})
    (?:(?P<year_sep>{_SEP})(?P<year>(?:19|20)[0-9]{{2}})(?![0-9]))?
    (?P<body>(?:(?:{_SEP}){_GROUP}){{0,5}})
    (?![a-z0-9])
    """,
    re.VERBOSE,
)
_BODY_FIRST_RE = re.compile(
    rf"""
    (?<![a-z0-9])
    (?P<body>{_GROUP}(?:(?:{_SEP}){_GROUP}){{0,4}})
    \s+(?:so\s*:?\s*)?(?P<number>[0-9]{{1,5}})(?![0-9/\-])
    """,
    re.VERBOSE,
)
_GROUP_SPLIT_RE = re.compile(_SEP)


def _pad(number: str) -> str:
    return str(int(number)).zfill(2)


def _known_group(group: str) -> bool:
    base = group.rstrip("0123456789")
    return group in _KNOWN_GROUPS or base in _KNOWN_GROUPS or base in {"qh", "ubnd", "hdnd"}


def _parse_groups(number: str, year: str | None, groups: list[str]) -> DocumentSymbol | None:
    """Parse ``number[/year]/G1-G2...`` (or Party ``number-G1/G2``) from typed groups."""
    if not groups or not all(_known_group(group) for group in groups):
        return None
    head = f"{number}/{year}/" if year else f"{number}/"
    candidates = [head + "-".join(groups)]
    if year is None and len(groups) >= 2:
        candidates.append(f"{number}-{groups[0]}/{'-'.join(groups[1:])}")
    for candidate in candidates:
        try:
            return parse_symbol(candidate.upper())
        except SymbolError:
            continue
    return None


def _longest_symbol(number: str, year: str | None, groups: list[str]) -> DocumentSymbol | None:
    for size in range(len(groups), 0, -1):
        symbol = _parse_groups(number, year, groups[:size])
        if symbol is not None:
            return symbol
    return None


_CLEAN_QUERY_RE = re.compile(r"[^\w/\-]+")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def symbol_query_terms(query: str) -> list[str]:
    """The symbol keys a query asks for, or ``[]`` when it names no document number.

    Understands the forms people type: the symbol with any separators ("09/2017/NĐ-CP",
    "09 2017 nd cp", "12 ct ttg", "02-NQ/TW"), number/year ("09/2017"), a type name or
    code before the number ("nghị định 09", "nđ 09/2017", "Chỉ thị số 12"), and the
    symbol body before the number ("NĐ-CP 09").  A bare number ("09") is not enough.
    The keys are those :func:`symbol_keys` indexes.
    """
    folded = fold(query[:500]).translate(_DASHES)
    folded = _CLEAN_QUERY_RE.sub(" ", folded).replace("_", " ")
    terms: list[str] = []
    for match in _QUERY_SYMBOL_RE.finditer(folded):
        if int(match["number"]) == 0:
            continue
        number = _pad(match["number"])
        year = match["year"]
        groups = [group for group in _GROUP_SPLIT_RE.split(match["body"]) if group]
        symbol = _longest_symbol(number, year, groups) if groups else None
        if symbol is not None:
            terms.append(fold(symbol.canonical))
            continue
        cited = f"{number}/{year}" if year else number
        type_name = match["type"]
        if type_name is not None:
            codes = _QUERY_TYPES.get(re.sub(r"\s+", " ", type_name), [])
            terms.extend(f"{code} {cited}" for code in codes)
        elif year and not match["year_sep"].isspace():
            # "09/2017", but not "tháng 5 2021": a bare number and year need a separator.
            terms.append(cited)
    if not terms:
        for match in _BODY_FIRST_RE.finditer(folded):
            groups = [group for group in _GROUP_SPLIT_RE.split(match["body"]) if group]
            # The body must itself read as a symbol: check it on a stand-in number.
            for size in range(len(groups), 0, -1):
                tail = groups[len(groups) - size :]
                symbol = _parse_groups("01", None, tail)
                if symbol is not None:
                    terms.append(f"{_body(symbol)} {_pad(match['number'])}")
                    break
    return list(dict.fromkeys(terms))
