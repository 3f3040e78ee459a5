"""The one interface every search backend implements, and the values that cross it.

A backend receives documents that are already public (the services decide that) and queries that are
already parsed (``congtin.vietnamese.query.parse_query``). It owns how text is stored and ranked, and
nothing else: no model imports, no permission rules. That keeps a third backend (OpenSearch or
Elasticsearch with an ASCII-folding analyzer, see docs/decisions/0010) a new module and a setting.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from congtin.vietnamese import fold, nfc
from congtin.vietnamese.text import fold_pattern
from congtin.vietnamese.tones import accent_key

__all__ = [
    "TOTAL_LIMIT",
    "ParsedQueryLike",
    "SearchBackend",
    "SearchDocument",
    "SearchFilters",
    "SearchHit",
    "SearchResults",
    "engine_text",
    "match_offsets",
    "query_terms",
]


@dataclass(frozen=True)
class SearchDocument:
    """One public item as the index sees it; text is plain (no HTML), in any normal form."""

    key: str  # "<app_label>.<model_name>:<pk>", e.g. "news.articlepage:42"
    content_type: str  # "news.articlepage"
    title: str
    body: str
    url: str = ""
    published_at: dt.datetime | None = None
    # Keywords that match whole and are never shown: the symbol keys of the documents the item is or
    # cites ("09/2017/nd-cp", "nd 09", see ``congtin.vietnamese.tokens``).
    keys: tuple[str, ...] = ()
    path: str = ""  # the page's tree path, for "in this section and below"; empty for non-pages
    section_id: int | None = None
    document_type: str = ""
    year: int | None = None


@dataclass(frozen=True)
class SearchFilters:
    content_types: tuple[str, ...] = ()
    path_prefix: str = ""
    section_id: int | None = None
    document_type: str = ""
    year: int | None = None
    published_after: dt.datetime | None = None
    published_before: dt.datetime | None = None


@dataclass(frozen=True)
class SearchHit:
    key: str
    score: float
    content_type: str
    title: str
    url: str
    published_at: dt.datetime | None
    # (start, end) character offsets of matched terms in ``nfc(title)`` and ``nfc(body)``; the fold
    # keeps lengths, so offsets found in the folded text are valid in the original.
    title_matches: tuple[tuple[int, int], ...] = ()
    body_matches: tuple[tuple[int, int], ...] = ()
    # The stored row's ``key``, ``body``, ``path``, ``section_id`` and ``document_type`` when the backend
    # read them already (``hits_for``), so the page does not read them again; None: not read.
    row: dict[str, Any] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    # How many items match; counting stops past ``TOTAL_LIMIT`` (a total above it reads "hơn 10.000").
    total: int = 0
    # True when the strict match (every query syllable) found less than a page and the page goes on
    # with a relaxed match (most or any of the syllables, ranked): the page tells the reader. Strict
    # hits, when there are some, always come first.
    relaxed: bool = False
    # ``SearchBackend.facet_counts`` of the same query and filters when the backend got them from the
    # same pass over the matches (PostgreSQL, docs/decisions/0025); None: ask ``facet_counts``.
    facets: dict[str, dict[str, int]] | None = None


class ParsedQueryLike(Protocol):
    """What backends read of ``congtin.vietnamese.query.ParsedQuery`` (folded, plain word terms)."""

    @property
    def required(self) -> Sequence[Sequence[str]]: ...  # each: one term, or a phrase of several

    @property
    def excluded(self) -> Sequence[Sequence[str] | str]: ...

    @property
    def prefixes(self) -> Sequence[str]: ...

    @property
    def symbols(self) -> Sequence[str]: ...  # symbol keys ("nd 09/2017"), matched whole

    @property
    def raw(self) -> str: ...


class SearchBackend(Protocol):
    #: Whether ``facet_counts`` counts every match. False: among the newest ``TOTAL_LIMIT + 1`` matches,
    #: as the total is counted, so above the limit a count is only a lower bound and the page hides it.
    exact_facet_counts: bool

    def index(self, items: Iterable[SearchDocument]) -> None:
        """Add or replace the items (matched by key). Callers batch; one call is one round of writes."""

    def remove(self, keys: Iterable[str]) -> None:
        """Forget the items; unknown keys are ignored."""

    def search(
        self, query: ParsedQueryLike, *, filters: SearchFilters, offset: int, limit: int
    ) -> SearchResults:
        """Public hits, best first. Never raises on what a user typed."""

    def clear(self) -> None:
        """Forget everything (before a rebuild)."""

    def facet_counts(self, query: ParsedQueryLike, *, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Hits per value of each facet (``backends.facets.FACETS``), in one query.

        Strict matching (every term); each facet is counted under every filter but its own, so a
        reader sees what choosing another value of it would give.
        """


# -- helpers shared by the database backends ----------------------------------------------------

_WORD_CHARS_RE = re.compile(r"[^\W_]+")
_NOT_WORD_CHAR_RE = re.compile(r"[^\w\s]|_")
_KEY_RE = re.compile(r"[a-z0-9][a-z0-9 /.&-]*")
_KEY_CHAR_RE = re.compile(r"[^a-z0-9]")
# A hostile query cannot make an expression of thousands of terms.
MAX_TERMS = 32
# Counting matches stops here: a broad query on a million items needs no exact total, and counting
# every match costs as much as ranking them. The page never shows more than 50 pages of 20 either
# (``queries.MAX_PAGE``).
TOTAL_LIMIT = 1_000
# Most postings (summed document counts of the chosen terms) a relaxed match ranks; rarer terms are
# chosen first, so at a million items the very common syllables only count through the pair boost.
RELAXED_POSTINGS = 20_000


def engine_text(text: str) -> str:
    """Folded text for an engine's own word splitter: same length as ``nfc(text)``.

    Punctuation becomes a space one for one, so "09/2017/NĐ-CP" reaches every engine as
    "09 2017 nd cp" (PostgreSQL's parser would otherwise read "nd-cp" as a hyphenated word with
    extra positions, and "2761/bnv-tc" as a file name) and offsets stay valid in the original.
    """
    return _NOT_WORD_CHAR_RE.sub(" ", fold(text))


def valid_keys(keys: Iterable[str]) -> list[str]:
    """Symbol keys of the expected shape (folded letters, digits, space / . & -), deduplicated."""
    return [k for k in dict.fromkeys(keys) if _KEY_RE.fullmatch(k)]


def key_token(key: str) -> str:
    """A symbol key as one word for a word-splitting engine: "nd 09/2017" -> "nd_20_09_2f_2017"."""
    return _KEY_CHAR_RE.sub(lambda m: f"_{ord(m.group()):x}_", key)


def query_symbol_keys(query: ParsedQueryLike) -> list[str]:
    """The symbol keys the query asks for (``symbol_query_terms`` of what was typed)."""
    return valid_keys(query.symbols)[:MAX_TERMS]


def clean_term(term: str) -> str:
    """A query term reduced to word characters, folded; "" when nothing is left."""
    return "".join(_WORD_CHARS_RE.findall(fold(term)))


def query_terms(query: ParsedQueryLike) -> tuple[list[list[str]], list[str]]:
    """The query's positive groups (cleaned, empty ones dropped) and its prefixes."""
    groups: list[list[str]] = []
    for group in query.required:
        words = [w for w in (clean_term(t) for t in _as_words(group)) if w]
        if words:
            groups.append(words[:MAX_TERMS])
    prefixes = [p for p in (clean_term(p) for p in query.prefixes) if p]
    return groups[:MAX_TERMS], prefixes[:MAX_TERMS]


def excluded_groups(query: ParsedQueryLike) -> list[list[str]]:
    groups: list[list[str]] = []
    for group in query.excluded:
        words = [w for w in (clean_term(t) for t in _as_words(group)) if w]
        if words:
            groups.append(words[:MAX_TERMS])
    return groups[:MAX_TERMS]


def _as_words(group: Sequence[str] | str) -> list[str]:
    if isinstance(group, str):
        return _WORD_CHARS_RE.findall(fold(group))
    words: list[str] = []
    for item in group:
        words += _WORD_CHARS_RE.findall(fold(item))
    return words


def adjacent_pairs(groups: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """Neighbouring single terms of the bag, in query order: what the phrase boost rewards."""
    words = [group[0] for group in groups if len(group) == 1]
    return list(itertools.pairwise(words))


def match_offsets(
    text: str, groups: Sequence[Sequence[str]], prefixes: Sequence[str]
) -> tuple[tuple[int, int], ...]:
    """Where the query's terms occur in ``nfc(text)``, merged and in order, for highlighting."""
    pattern = _match_pattern(tuple(w for group in groups for w in group), tuple(prefixes))
    return _offsets(pattern, text)


def _offsets(pattern: re.Pattern[str] | None, text: str) -> tuple[tuple[int, int], ...]:
    if pattern is None:
        return ()
    return tuple(m.span() for m in pattern.finditer(nfc(text)))


@functools.lru_cache(maxsize=256)
def _match_pattern(words: tuple[str, ...], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """``match_offsets``'s pattern, compiled once per query for all its hits.

    The terms are folded; each of their characters becomes the class of characters folding to it
    (``fold_pattern``), so the pattern finds in the NFC text what the terms would find in its fold,
    at the same offsets, without folding a whole article per hit.
    """
    unique = [w for w in set(words) if w]
    if not unique and not prefixes:
        return None
    terms = [(w, "") for w in sorted(unique, key=len, reverse=True)] + [(p, r"\w*") for p in prefixes if p]
    # "(?<!\w)(?:term|term…)(?!\w)", written to start with one class, the union of the terms' first
    # characters: the regex engine then tests one class at each position of the text instead of one
    # per term, and each term checks its own first character looking back.
    firsts = [fold_pattern(term[0]) for term, _ in terms]
    union = "".join(first[1:-1] if first.startswith("[") else first for first in firsts if first != "(?!)")
    if not union:
        return re.compile("(?!)")
    alternatives = [
        f"(?<={first}){fold_pattern(term[1:])}{tail}"
        for (term, tail), first in zip(terms, firsts, strict=True)
    ]
    return re.compile(f"[{union}]" + r"(?<!\w.)(?:" + "|".join(alternatives) + r")(?!\w)", re.DOTALL)


def exact_text(text: str) -> str:
    """Accent-keeping text for boosting items whose accents match what the user typed.

    ``accent_key`` (lower case, one tone placement: "hoà" and "hòa" agree) with punctuation as spaces.
    """
    return _NOT_WORD_CHAR_RE.sub(" ", accent_key(text))


def exact_terms(query: ParsedQueryLike) -> Sequence[Any]:
    exact = getattr(query, "exact", ())
    if isinstance(exact, str):
        return [exact]
    if isinstance(exact, Sequence):
        return exact
    return ()


def filter_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.content_types:
        clauses.append(f"e.content_type IN ({', '.join('%s' for _ in filters.content_types)})")
        params += list(filters.content_types)
    if filters.path_prefix:
        # Wagtail paths are letters and digits only; anything else cannot be a page's path.
        clauses.append("e.path LIKE %s")
        params.append((filters.path_prefix if filters.path_prefix.isalnum() else "-") + "%")
    if filters.section_id is not None:
        clauses.append("e.section_id = %s")
        params.append(filters.section_id)
    if filters.document_type:
        clauses.append("e.document_type = %s")
        params.append(filters.document_type)
    if filters.year is not None:
        clauses.append("e.year = %s")
        params.append(filters.year)
    if filters.published_after is not None:
        clauses.append("e.published_at >= %s")
        params.append(_datetime_param(filters.published_after))
    if filters.published_before is not None:
        clauses.append("e.published_at < %s")
        params.append(_datetime_param(filters.published_before))
    return "".join(f" AND {c}" for c in clauses), params


# What a hit needs of its stored row (``entry_hits``), read as plain values: no model instances.
ENTRY_FIELDS = (
    "id",
    "key",
    "content_type",
    "title",
    "body",
    "url",
    "published_at",
    "path",
    "section_id",
    "document_type",
)


def hits_for(rows: Sequence[tuple[int, float]], query: ParsedQueryLike) -> list[SearchHit]:
    """Ranked ``(entry id, score)`` rows as hits, with match offsets, in one more query."""
    from congtin.search.models import SearchEntry

    ids = [entry_id for entry_id, _ in rows]
    entries = (
        {e["id"]: e for e in SearchEntry.objects.filter(pk__in=ids).values(*ENTRY_FIELDS)} if ids else {}
    )
    return entry_hits(((entries.get(entry_id), float(score)) for entry_id, score in rows), query)


def entry_hits(
    ranked: Iterable[tuple[dict[str, Any] | None, float]], query: ParsedQueryLike
) -> list[SearchHit]:
    """``(stored row or None, score)`` pairs, best first, as hits with match offsets and the row the
    search page reads; a pair whose row the database no longer holds (None) is dropped. A row is a dict
    of ``ENTRY_FIELDS``."""
    groups, prefixes = query_terms(query)
    pattern = _match_pattern(tuple(w for group in groups for w in group), tuple(prefixes))
    return [
        SearchHit(
            key=entry["key"],
            score=score,
            content_type=entry["content_type"],
            title=entry["title"],
            url=entry["url"],
            published_at=entry["published_at"],
            title_matches=_offsets(pattern, entry["title"]),
            body_matches=_offsets(pattern, entry["body"]),
            row=entry,
        )
        for entry, score in ranked
        if entry is not None
    ]


def _datetime_param(value: dt.datetime) -> Any:
    # Raw SQL gets no field conversion: store and compare in the form the ORM writes (UTC text on SQLite).
    from django.db import connection

    return connection.ops.adapt_datetimefield_value(value)


# -- the relaxed match ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RelaxedQuery:
    """What a relaxed match looks for: the query's units, and how many of them must match.

    A unit is a word, or a phrase the reader quoted or joined with punctuation ("to chuc", "13 2018"),
    kept whole: its words joined by spaces. ``combinations``: for three or four units, the sets of all
    but one (an item must hold one of them entirely); empty for five units or more (any unit will do,
    BM25 sorts them out). One or two units have no relaxed match: dropping one would change what was
    asked ("thuế phường" must not become "thuế").
    """

    units: list[str]
    pairs: list[tuple[str, str]]
    exact: list[str]
    combinations: list[list[str]]

    @property
    def words(self) -> list[str]:
        return list(dict.fromkeys(w for unit in self.units for w in unit.split()))


def relaxed_query(query: ParsedQueryLike, strict_total: int, limit: int) -> RelaxedQuery | None:
    """The relaxed match that follows a strict one of ``strict_total`` items on a page of ``limit``.

    None when the strict match fills the page, or found the document whose number the query names.
    """
    if strict_total >= limit or (strict_total and query_symbol_keys(query)):
        return None
    groups, _ = query_terms(query)
    units = list(dict.fromkeys(" ".join(group) for group in groups))
    if len(units) < 3:
        return None
    flat = [w for group in groups for w in group]
    pairs = list(dict.fromkeys((a, b) for a, b in itertools.pairwise(flat) if a != b))
    combinations = [list(c) for c in itertools.combinations(units, len(units) - 1)] if len(units) <= 4 else []
    exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
    return RelaxedQuery(units, pairs, list(dict.fromkeys(exact)), combinations)


def choose_terms(
    docs: dict[str, int], units: Sequence[str], budget: int = RELAXED_POSTINGS, *, least: int = 1
) -> list[str]:
    """The units a relaxed match ranks: rarest first while their postings fit ``budget``.

    A phrase counts as its rarest word. Units no item holds are left out; the ``least`` rarest units
    that are held are always kept.
    """

    def count(unit: str) -> int:
        return min(docs.get(w, 0) for w in unit.split())

    held = sorted((count(u), i, u) for i, u in enumerate(units) if count(u) > 0)
    chosen: list[str] = []
    spent = 0
    for n, _, unit in held:
        if len(chosen) >= least and spent + n > budget:
            break
        chosen.append(unit)
        spent += n
    return [u for u in units if u in chosen]


def crowded(docs: dict[str, int], chosen: Sequence[str], budget: int = RELAXED_POSTINGS) -> bool:
    """Whether even the rarest unit ``choose_terms`` kept is in more items than ``budget``.

    A question made only of common syllables, on a large index: matching any of its words would rank a
    good part of the index, so the relaxed match then needs the ``CROWDED_UNITS`` rarest together.
    """
    return sum(min(docs.get(w, 0) for w in unit.split()) for unit in chosen) > budget


CROWDED_UNITS = 3


def idf(docs: int, total: int) -> float:
    """BM25's inverse document frequency (never negative)."""
    return math.log(1 + (max(total, docs) - docs + 0.5) / (docs + 0.5))


def merge_relaxed(
    strict: Sequence[tuple[int, float]], relaxed: Sequence[tuple[int, float]], offset: int, limit: int
) -> list[tuple[int, float]]:
    """The page of strict rows followed by relaxed rows not already shown, from ``offset``."""
    seen = {entry_id for entry_id, _ in strict}
    merged = [*strict, *(row for row in relaxed if row[0] not in seen)]
    return merged[max(offset, 0) : max(offset, 0) + limit]
