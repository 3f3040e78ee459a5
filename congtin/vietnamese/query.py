"""The search-box query syntax: ``"quoted phrase"``, ``-exclusion``, ``prefix*``.

:func:`parse_query` turns what a reader typed into folded terms that any backend can
look up.  It never raises and never passes syntax through: whatever the input (10 kB
of text, only punctuation, FTS5 or tsquery operators, NUL bytes), every term it returns
is a non-empty run of letters and digits (``str.isalnum``), so a backend may quote
terms without escaping anything.

The grammar, in order of precedence:

* ``"..."`` -- a phrase; its syllables must be adjacent.  An unclosed quote runs to the
  end of the query.  ``-"..."`` excludes the phrase.
* ``-word`` at the start of a word excludes it; a ``-`` elsewhere separates syllables.
* ``word*`` -- a prefix (folded); in ``nd-c*`` the syllables before the last form a
  phrase, and the last is the prefix.  Prefixes shorter than two characters are treated as
  ordinary terms, so ``a*`` cannot ask a backend to expand half its dictionary.
* A word with internal punctuation (``NĐ-CP``, ``09/2017``) is a phrase of its syllables,
  as the text would be tokenised (:func:`congtin.vietnamese.tokens.tokenize`).
* ``AND``, ``OR``, ``NOT``, ``NEAR`` written in capitals are operator syntax from other
  search engines, not Vietnamese words, and are dropped; everything else the reader
  typed is a term.

Matching is on :func:`congtin.vietnamese.fold` (accent-insensitive).  Terms typed with
Vietnamese marks are also listed in :attr:`ParsedQuery.exact` as
:func:`congtin.vietnamese.tones.accent_key`, for an accent-exact boost; document numbers
are recognised by :func:`congtin.vietnamese.tokens.symbol_query_terms`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from congtin.vietnamese.text import fold, nfc
from congtin.vietnamese.tokens import symbol_query_terms
from congtin.vietnamese.tones import accent_key

__all__ = ["MAX_TERMS", "MAX_TERM_LENGTH", "ParsedQuery", "parse_query"]

#: Longest term kept; longer runs of letters are cut (no Vietnamese syllable is close).
MAX_TERM_LENGTH = 64
#: Most terms kept across required, excluded and prefix terms; the rest are dropped
#: (a long phrase is cut to fit).
MAX_TERMS = 32

_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query; every term is folded and consists of letters and digits only."""

    #: Terms that must match; each inner list is a phrase (adjacent syllables) or a
    #: single term.
    required: list[list[str]] = field(default_factory=list)
    #: Terms and phrases that must not match (``-term``, ``-"phrase"``).
    excluded: list[list[str]] = field(default_factory=list)
    #: Folded prefixes from ``term*``.
    prefixes: list[str] = field(default_factory=list)
    #: :func:`accent_key` of the required and prefix terms typed with Vietnamese marks.
    exact: list[str] = field(default_factory=list)
    #: Symbol keys from :func:`symbol_query_terms` (they contain ``/``, ``-`` and spaces:
    #: look them up as keywords, never as query syntax).
    symbols: list[str] = field(default_factory=list)
    #: The query as read: NFC, control and invisible characters removed, cut to
    #: ``max_length`` (safe to echo back to the reader or to log).
    raw: str = ""

    @property
    def is_empty(self) -> bool:
        """Whether nothing positive is asked for (exclusions alone cannot be searched)."""
        return not (self.required or self.prefixes or self.symbols)


# Control and format characters (NUL, bidi controls, zero-width...) are removed first.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
# These become spaces rather than disappearing: they separate words (U+200B is the
# zero-width space).
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\u200b")
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»＂", '"'))
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"))
# A phrase in quotes (the closing quote optional), or a run of non-space characters.
_CHUNK_RE = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_TERM_RE = re.compile(r"[^\W_]+")


def _clean(query: str, max_length: int) -> str:
    text = query[: max_length * 2]
    if not text.isprintable():
        text = "".join(
            " " if char in _WHITESPACE_CONTROLS else char
            for char in text
            if char in _WHITESPACE_CONTROLS or unicodedata.category(char) not in _UNPRINTABLE_CATEGORIES
        )
    return nfc(text).translate(_QUOTES).translate(_DASHES)[:max_length]


def _terms(text: str) -> list[str]:
    """The syllables of ``text`` as typed (NFC), minus capitalised operator words."""
    return [term[:MAX_TERM_LENGTH] for term in _TERM_RE.findall(text) if term not in _OPERATORS]


def _has_marks(term: str) -> bool:
    return fold(term) != term.lower()


def parse_query(q: str, *, max_length: int = 500) -> ParsedQuery:
    """Parse a search-box query; never raises (see the module docstring for the syntax).

    Only the first ``max_length`` characters (after removing control characters) are
    read.
    """
    text = _clean(q, max(0, max_length))
    required: list[list[str]] = []
    excluded: list[list[str]] = []
    prefixes: list[str] = []
    exact: list[str] = []
    positive_text: list[str] = []
    count = 0

    def add(target: list[list[str]], terms: list[str]) -> None:
        nonlocal count
        folded = [fold(term) for term in terms[: MAX_TERMS - count]]
        if folded and folded not in target:
            target.append(folded)
            count += len(folded)

    for match in _CHUNK_RE.finditer(text):
        phrase = match["phrase"]
        if phrase is not None:
            terms = _terms(phrase)
            if match["neg"]:
                add(excluded, terms)
            else:
                add(required, terms)
                positive_text.append(phrase)
                exact.extend(accent_key(term) for term in terms if _has_marks(term))
            continue
        word = match["word"]
        negative = word.startswith("-")
        is_prefix = word.endswith("*")
        terms = _terms(word)
        if not terms:
            continue
        if negative:
            add(excluded, terms)
            continue
        positive_text.append(word)
        last = fold(terms[-1])
        if is_prefix and len(last) >= 2:
            # "nd-c*" is the phrase "nd" followed by the prefix "c"; a prefix is not a
            # whole syllable, so it gives no accent-exact term.
            exact.extend(accent_key(term) for term in terms[:-1] if _has_marks(term))
            add(required, terms[:-1])
            if last not in prefixes and count < MAX_TERMS:
                prefixes.append(last)
                count += 1
            continue
        exact.extend(accent_key(term) for term in terms if _has_marks(term))
        add(required, terms)

    return ParsedQuery(
        required=required,
        excluded=excluded,
        prefixes=prefixes,
        exact=list(dict.fromkeys(exact))[:MAX_TERMS],
        symbols=symbol_query_terms(" ".join(positive_text)),
        raw=text,
    )
