"""The embedded backend: SQLite FTS5 over folded text (docs/decisions/0010-search-backends.md).

``search_fts`` (created by migration 0002 on SQLite only) holds, per ``SearchEntry`` row (same
rowid): the folded title and body, the folded lookup keys, and an accent-keeping copy for the
accent boost. Folding happens in Python (``congtin.vietnamese.fold``), so unicode61 only has to
split words; its own diacritic removal misses letters with two marks and never maps đ.

Ranking is BM25 over the phrases of ``(all terms) AND (adjacent pair OR … OR first term)``: the second
group never filters anything (it contains a required term) but BM25 scores every adjacent pair it
finds, which is what puts "tổ chức nhà nước" above a text with the same four syllables scattered
(vi-text.md §3c).

Scale (docs/decisions/0021): FTS5's ``bm25()`` works out each phrase's document count by walking the
phrase's whole doclist, on every query; at a million items "cua" alone is 700,000 rows walked. So a
strict match is scored here, in Python, with FTS5's own formula (``score_rows``): the candidates are
its newest ``RANK_LIMIT`` matches (and, when it has more, the newest of its whole-phrase matches, of
any age), read with their
text in the same statement, and the document counts are estimated on the newest ``SAMPLE`` items
(exact below that size). The relaxed match keeps ``bm25()``: it only ranks rare words, whose doclists
are short by construction (``choose_terms``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from congtin.search.backends.base import (
    CROWDED_UNITS,
    MAX_TERMS,
    TOTAL_LIMIT,
    ParsedQueryLike,
    RelaxedQuery,
    SearchDocument,
    SearchFilters,
    SearchResults,
    adjacent_pairs,
    choose_terms,
    crowded,
    engine_text,
    exact_terms,
    exact_text,
    excluded_groups,
    filter_sql,
    hits_for,
    key_token,
    merge_relaxed,
    query_symbol_keys,
    query_terms,
    relaxed_query,
    valid_keys,
)
from congtin.search.models import SearchEntry
from congtin.vietnamese import fold

FTS_TABLE = "search_fts"
# bm25 column weights: title, body, keys, exact.
WEIGHTS = (4.0, 1.0, 6.0, 1.0)
MATCH_COLUMNS = "{title body keys}"
TITLE, BODY, KEYS, EXACT = range(4)
MATCHED = (TITLE, BODY, KEYS)
# A strict match scores its newest RANK_LIMIT matches and, when it has more, the newest FOCUS_CANDIDATES
# of each of its narrower forms (``build_focus_matches``): see ``_candidates``.
RANK_LIMIT = 500
FOCUS_CANDIDATES = 100
# A strict match of more words or phrases walks only its rarest 3, then 6 (``narrowed_match``).
NARROW_TO = (3, 6)
# Document counts for IDF are counted among the newest SAMPLE items (``_estimates``).
SAMPLE = 10_000
# FTS5's bm25 constants (fts5_aux.c).
K1 = 1.2
B = 0.75
# Postings a relaxed match of five words or more may rank (``choose_terms``).
RELAXED_POSTINGS = 5_000
# Most items either word of an adjacent pair may be in for the pair to be weighed in a relaxed match.
PAIR_POSTINGS = 20_000


def _phrase(words: Sequence[str]) -> str:
    # Terms are word characters only (``clean_term``), so quoting cannot be escaped out of.
    return '"' + " ".join(words) + '"'


def _quote_text(text: str) -> str:
    return '"' + text.replace('"', " ") + '"'


def build_match(query: ParsedQueryLike, *, boosts: bool = True) -> str | None:
    """The FTS5 MATCH expression for the query, or None when nothing positive is left.

    ``(every term) AND (first term OR adjacent pairs OR typed accents)``, or any of the symbol keys
    the query names, minus the excluded terms. ``boosts=False`` leaves out the second group, which
    never changes what matches: the expression to count and list matches with.
    """
    groups, prefixes = query_terms(query)
    parts = [_phrase(group) for group in groups] + [f'"{prefix}" *' for prefix in prefixes]
    symbols = [f'"{key_token(key)}"' for key in query_symbol_keys(query)]
    alternatives: list[str] = []
    if parts:
        expression = f"{MATCH_COLUMNS} : ({' AND '.join(parts)})"
        boosted = [_phrase(pair) for pair in adjacent_pairs(groups)] if boosts else []
        exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
        boosted += [f"{{exact}} : {_quote_text(e)}" for e in exact[:MAX_TERMS]] if boosts else []
        if boosted:
            # The first part keeps the group from filtering; bm25 rewards whatever else it finds.
            expression += f" AND ({MATCH_COLUMNS} : {parts[0]} OR {' OR '.join(boosted)})"
        alternatives.append(f"({expression})")
    if symbols:
        alternatives.append(f"({{keys}} : ({' OR '.join(symbols)}))")
    if not alternatives:
        return None
    expression = " OR ".join(alternatives)
    excluded = [_phrase(group) for group in excluded_groups(query)]
    if excluded:
        expression = f"({expression}) NOT ({MATCH_COLUMNS} : ({' OR '.join(excluded)}))"
    return expression


class SQLiteFTS5Backend:
    """``SearchBackend`` on FTS5, selectable with ``CONGTIN_SEARCH_BACKEND`` (decision 0024)."""

    exact_facet_counts = True

    def index(self, items: Iterable[SearchDocument]) -> None:
        documents = list(items)
        if not documents:
            return
        with transaction.atomic():
            self.remove(d.key for d in documents)
            entries = SearchEntry.objects.bulk_create([SearchEntry.for_document(d) for d in documents])
            rows = [
                (
                    entry.pk,
                    engine_text(d.title),
                    engine_text(d.body),
                    " ".join(key_token(k) for k in valid_keys(d.keys)),
                    exact_text(f"{d.title}\n{d.body}"),
                )
                for entry, d in zip(entries, documents, strict=True)
            ]
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body, keys, exact) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                    rows,
                )

    def remove(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        with transaction.atomic():
            ids = list(SearchEntry.objects.filter(key__in=keys).values_list("pk", flat=True))
            if not ids:
                return
            with connection.cursor() as cursor:
                cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in ids])  # noqa: S608
            SearchEntry.objects.filter(pk__in=ids).delete()

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
            SearchEntry.objects.all().delete()

    def search(
        self, query: ParsedQueryLike, *, filters: SearchFilters, offset: int, limit: int
    ) -> SearchResults:
        match = build_match(query, boosts=False)
        if match is None or limit <= 0:
            return SearchResults()
        offset = max(offset, 0)
        where, params = filter_sql(filters)
        phrases = scored_phrases(query)
        words = list(dict.fromkeys(w for group in query_terms(query)[0] for w in group))
        with connection.cursor() as cursor:
            stats = _estimate(cursor, words)
            total, candidates = _strict_candidates(cursor, query, match, where, params, stats, phrases)
            relaxed = relaxed_query(query, total, limit)
            rows: list[tuple[int, float]] = []
            if candidates:
                rows = score_rows(candidates, phrases, stats)
                rows = rows[: offset + limit] if relaxed else rows[offset : offset + limit]
            if relaxed is None:
                return SearchResults(hits=hits_for(rows, query), total=total)
            relaxed_match = build_relaxed_match(query, relaxed, stats.counts(words))
            if relaxed_match is None:
                return SearchResults(hits=hits_for(rows[offset:], query), total=total)
            found = _count(cursor, relaxed_match, where, params)
            more = (
                _ranked(cursor, relaxed_match, where, params, offset + limit + len(rows), 0) if found else []
            )
        page = merge_relaxed(rows, more, offset, limit)
        return SearchResults(hits=hits_for(page, query), total=max(total, found), relaxed=found > total)

    def facet_counts(self, query: ParsedQueryLike, *, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Hits per facet value under the strict match (``build_match``), in one statement."""
        from congtin.search.backends.facets import facet_statement, read_facets

        match = build_match(query, boosts=False)
        if match is None:
            return read_facets([])

        def source() -> tuple[str, list[str]]:
            base = f"FROM {FTS_TABLE} JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid"
            return f"{base} WHERE {FTS_TABLE} MATCH %s", [match]

        sql, params = facet_statement(source, filters)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return read_facets(cursor.fetchall())


def _count(cursor: Any, match: str, where: str, params: list[Any]) -> int:
    """How many items match, counting no further than ``TOTAL_LIMIT + 1``."""
    cursor.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE}{_join(where)} "  # noqa: S608
        f"WHERE {FTS_TABLE} MATCH %s{where} LIMIT {TOTAL_LIMIT + 1})",
        [match, *params],
    )
    return int(cursor.fetchone()[0])


def _ranked(
    cursor: Any, match: str, where: str, params: list[Any], limit: int, offset: int
) -> list[tuple[int, float]]:
    """The ``(id, score)`` rows of a page ranked by FTS5's ``bm25()`` (the relaxed match)."""
    rank = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"
    cursor.execute(
        f"SELECT e.id, -{rank} FROM {FTS_TABLE} JOIN search_searchentry e "  # noqa: S608
        f"ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{where} "
        f"ORDER BY {rank}, e.published_at DESC LIMIT %s OFFSET %s",
        [match, *params, limit, offset],
    )
    return [(int(i), float(s)) for i, s in cursor.fetchall()]


# -- scoring a strict match in Python -------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """One phrase of the ranked expression: its words (or a prefix), and the columns it may match."""

    words: tuple[str, ...]
    columns: tuple[int, ...] = MATCHED
    prefix: bool = False

    def expression(self) -> str:
        """The phrase alone as an FTS5 MATCH expression (for counting the items that hold it)."""
        names = " ".join(("title", "body", "keys", "exact")[c] for c in self.columns)
        return f"{{{names}}} : {_quote_text(' '.join(self.words))}{' *' if self.prefix else ''}"

    def needle(self) -> str:
        """The phrase as searched for in a ``_padded`` column."""
        return " " + "  ".join(self.words) + ("" if self.prefix else " ")


def scored_phrases(query: ParsedQueryLike) -> list[Phrase]:
    """The phrases ``build_match`` ranks on, in its order (a phrase listed twice counts twice, as in bm25)."""
    groups, prefixes = query_terms(query)
    parts = [Phrase(tuple(group)) for group in groups] + [
        Phrase((prefix,), prefix=True) for prefix in prefixes
    ]
    phrases = list(parts)
    if parts:
        boosts = [Phrase(pair) for pair in adjacent_pairs(groups)]
        exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
        boosts += [Phrase(tuple(e.split()), (EXACT,)) for e in exact[:MAX_TERMS]]
        if boosts:
            phrases += [parts[0], *boosts]
    phrases += [Phrase((key_token(key),), (KEYS,)) for key in query_symbol_keys(query)]
    return phrases


@dataclass(frozen=True)
class Estimates:
    """Index statistics for one query: items, tokens per item, and per phrase the items holding it."""

    items: int  # items in the index
    average_length: float  # tokens per item, all columns
    sample: int  # items counted for ``held``
    held: dict[str, int]  # phrase expression -> items of the sample holding it

    def idf(self, phrase: Phrase) -> float:
        """FTS5's bm25 IDF of the phrase, from the sample (the whole index when it is small)."""
        n = self.held.get(phrase.expression(), 0)
        value = math.log((self.sample - n + 0.5) / (n + 0.5)) if self.sample else 0.0
        return value if value > 0 else 1e-6

    def counts(self, words: Sequence[str]) -> dict[str, int]:
        """Estimated items holding each word, for ``choose_terms`` (a word absent from the sample: 1)."""
        scale = self.items / self.sample if self.sample else 0
        return {w: max(1, round(self.held.get(Phrase((w,)).expression(), 0) * scale)) for w in words}


def _held_sql(expressions: Sequence[str]) -> str:
    """Columns counting, per expression, the items of the sample that hold it (needs the CTE ``s``)."""
    return "".join(
        f", (SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid > (SELECT low FROM s))"  # noqa: S608
        for _ in expressions
    )


_SAMPLE_CTE = f"WITH s AS (SELECT coalesce(max(id), 0) - {SAMPLE} AS low FROM search_searchentry) "  # noqa: S608


def _estimate(cursor: Any, words: Sequence[str]) -> Estimates:
    """The index's statistics and the words' document counts, in one statement.

    Document counts come from the newest ``SAMPLE`` items (a rowid range FTS5 seeks to), so a common
    word costs at most ``SAMPLE`` postings however large the index; below ``SAMPLE`` items they are
    exact. (FTS5's ``fts5vocab`` would walk each word's whole doclist.)
    """
    expressions = [Phrase((w,)).expression() for w in words]
    cursor.execute(
        f"{_SAMPLE_CTE}SELECT (SELECT block FROM {FTS_TABLE}_data WHERE id = 1), "  # noqa: S608
        f"(SELECT count(*) FROM search_searchentry WHERE id > (SELECT low FROM s)){_held_sql(expressions)}",
        expressions,
    )
    averages, sample, *counts = cursor.fetchone()
    numbers = _varints(averages or b"")
    items = numbers[0] if numbers else 0
    average = sum(numbers[1:]) / items if items else 1.0
    return Estimates(items, average or 1.0, int(sample), dict(zip(expressions, counts, strict=True)))


def _strict_candidates(
    cursor: Any,
    query: ParsedQueryLike,
    match: str,
    where: str,
    params: list[Any],
    stats: Estimates,
    phrases: Sequence[Phrase],
) -> tuple[int, list[tuple[Any, ...]]]:
    """How many items the strict match holds (up to ``TOTAL_LIMIT + 1``), and the rows it scores.

    Rows are ``(id, title, body, keys, exact, docsize)``: its newest ``RANK_LIMIT`` matches and, when it
    has more, the newest ``FOCUS_CANDIDATES`` of its narrower form (``build_focus_match``), of any age.
    FTS5 walks a match in rowid order without scoring it, so this costs the rows read, not the size of
    the match. A query of many words first walks only its rarest ones (``narrowed_match``); when that
    finds no more than ``TOTAL_LIMIT`` items, the other words are checked here on their text. The
    sample counts of the phrases ``stats`` lacks (pairs, accents) come with the text and are added.
    """
    exact = f"{FTS_TABLE}.exact" if any(EXACT in p.columns for p in phrases) else "''"
    for width in NARROW_TO:
        narrow = narrowed_match(query, stats, width)
        if narrow is None:
            break
        ids = _walk(cursor, narrow, where, params)
        if len(ids) > TOTAL_LIMIT:
            continue
        rows = _fetch(cursor, exact, ids, phrases, stats)
        rows.sort(key=lambda row: -int(row[0]))
        groups, _ = query_terms(query)
        needles = [Phrase(tuple(group)).needle() for group in groups]
        phrase = Phrase(tuple(w for group in groups for w in group)).needle()
        total = 0
        scored: list[tuple[Any, ...]] = []
        for row in rows:
            columns = [_padded(text) for text in row[1:4]]
            if all(any(n in c for c in columns) for n in needles):
                total += 1
                if total <= RANK_LIMIT or any(phrase in c for c in columns):
                    scored.append(row)
        return total, scored
    ids = _walk(cursor, match, where, params)
    if not ids:
        return 0, []
    focus = build_focus_match(query) if len(ids) > RANK_LIMIT else None
    extra = ""
    extra_params: list[Any] = []
    if focus is not None:
        extra = (
            f" UNION SELECT * FROM ({_text_select(exact)}{_join(where)} WHERE {FTS_TABLE} MATCH %s{where} "  # noqa: S608
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT {FOCUS_CANDIDATES})"
        )
        extra_params = [focus, *params]
    return len(ids), _fetch(cursor, exact, ids[:RANK_LIMIT], phrases, stats, extra, extra_params)


def _walk(cursor: Any, match: str, where: str, params: list[Any]) -> list[int]:
    """The ids of the newest ``TOTAL_LIMIT + 1`` items matching, newest first (no scoring, no text)."""
    cursor.execute(
        f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE}{_join(where)} WHERE {FTS_TABLE} MATCH %s{where} "  # noqa: S608
        f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT {TOTAL_LIMIT + 1}",
        [match, *params],
    )
    return [int(row_id) for (row_id,) in cursor.fetchall()]


def _fetch(
    cursor: Any,
    exact: str,
    ids: Sequence[int],
    phrases: Sequence[Phrase],
    stats: Estimates,
    extra: str = "",
    extra_params: Sequence[Any] = (),
) -> list[tuple[Any, ...]]:
    """The text rows of ``ids`` (and of ``extra``, a UNION), with the sample counts ``stats`` lacks."""
    missing = list(dict.fromkeys(p.expression() for p in phrases if p.expression() not in stats.held))
    sql = f"{_text_select(exact)} WHERE {FTS_TABLE}.rowid IN (SELECT value FROM json_each(%s)){extra}"  # noqa: S608
    cursor.execute(
        f"{_SAMPLE_CTE}SELECT c.*{_held_sql(missing)} FROM ({sql}) c",  # noqa: S608
        [*missing, json.dumps(list(ids)), *extra_params],
    )
    rows = cursor.fetchall()
    if rows:
        stats.held.update(zip(missing, rows[0][6:], strict=True))
    return [row[:6] for row in rows]


def _join(where: str) -> str:
    return f" JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid" if where else ""


def _text_select(exact: str) -> str:
    return (
        f"SELECT {FTS_TABLE}.rowid, {FTS_TABLE}.title, {FTS_TABLE}.body, {FTS_TABLE}.keys, {exact}, d.sz "  # noqa: S608
        f"FROM {FTS_TABLE} LEFT JOIN {FTS_TABLE}_docsize d ON d.id = {FTS_TABLE}.rowid"
    )


def _padded(text: str | None) -> str:
    # Columns are compared as " a  b  c " (two spaces between tokens): str.count then finds every
    # occurrence of " a  b " at token boundaries, in C.
    return f" {'  '.join(str(text or '').split())} "


def narrowed_match(query: ParsedQueryLike, stats: Estimates, width: int) -> str | None:
    """For a query of more than ``width`` plain words or phrases: its ``width`` rarest, as a MATCH.

    An AND of seventeen syllables costs FTS5 a seek into every one of their doclists per candidate;
    the rarest three find almost the same rows for a fraction of that, and the rest are checked on
    the text. None for short queries and for those with prefixes or document numbers.
    """
    groups, prefixes = query_terms(query)
    if len(groups) <= width or prefixes or query_symbol_keys(query):
        return None

    def held(group: list[str]) -> int:
        return min(stats.held.get(Phrase((w,)).expression(), 0) for w in group)

    rarest = sorted(groups, key=held)[:width]
    expression = f"{MATCH_COLUMNS} : ({' AND '.join(_phrase(group) for group in rarest)})"
    excluded = [_phrase(group) for group in excluded_groups(query)]
    if excluded:
        expression = f"({expression}) NOT ({MATCH_COLUMNS} : ({' OR '.join(excluded)}))"
    return expression


def build_focus_match(query: ParsedQueryLike) -> str | None:
    """The narrower form of a strict match whose items of any age join the candidates of a large match.

    The whole query as one phrase, as typed (a partial title, or a run of body words copied from an
    article: what finds it among thousands of matches); a query of one word: that word in the title.
    Symbol keys and prefixes left out; the excluded terms still apply.
    """
    groups, prefixes = query_terms(query)
    words = [w for group in groups for w in group]
    if not words or prefixes:
        return None
    expression = f"{MATCH_COLUMNS} : {_phrase(words)}" if len(words) > 1 else f"{{title}} : {_phrase(words)}"
    excluded = [_phrase(group) for group in excluded_groups(query)]
    if excluded:
        expression = f"({expression}) NOT ({MATCH_COLUMNS} : ({' OR '.join(excluded)}))"
    return expression


def score_rows(
    rows: Iterable[Sequence[Any]], phrases: Sequence[Phrase], stats: Estimates
) -> list[tuple[int, float]]:
    """``(id, score)`` best first: FTS5's bm25 (fts5_aux.c) over ``phrases``, computed from the rows' text.

    Per phrase: IDF × tf × (k1 + 1) / (tf + k1 × (1 − b + b × length / average length)), tf being the
    phrase's occurrences weighted by column (``WEIGHTS``). Ties: the newer item first.
    """
    prepared = [(p.needle(), p.columns, stats.idf(p)) for p in phrases]
    scored: list[tuple[float, int]] = []
    for row_id, title, body, keys, exact, sizes in rows:
        columns = [_padded(text) for text in (title, body, keys, exact)]
        length = _varint_sum(sizes) if sizes else sum(c.count("  ") + 1 for c in columns)
        norm = K1 * (1 - B + B * length / stats.average_length)
        score = 0.0
        for needle, where, idf_value in prepared:
            tf = sum(WEIGHTS[c] * columns[c].count(needle) for c in where)
            if tf:
                score += idf_value * tf * (K1 + 1) / (tf + norm)
        scored.append((score, int(row_id)))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return [(row_id, score) for score, row_id in scored]


def _varint_sum(blob: bytes) -> int:
    """The sum of a docsize record's varints (token counts, far below the 9-byte form)."""
    total = value = 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            total += value
            value = 0
    return total


def _varints(blob: bytes) -> list[int]:
    """SQLite varints (FTS5's averages and docsize records)."""
    numbers: list[int] = []
    i = 0
    while i < len(blob):
        value = 0
        for j in range(9):
            byte = blob[i]
            i += 1
            if j == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        numbers.append(value)
    return numbers


def build_relaxed_match(query: ParsedQueryLike, relaxed: RelaxedQuery, counts: dict[str, int]) -> str | None:
    """The FTS5 MATCH expression of the relaxed match, or None when no word of it is indexed.

    Three or four words: all but one of them (``relaxed.combinations``), with the pairs and typed
    accents in a group that only adds to bm25. Five or more: any of the rarer words
    (``choose_terms``), their adjacent pairs and typed accents; very common words add nothing
    bm25 would notice and would make a million-item index rank most of itself.
    """
    symbols = [f'"{key_token(key)}"' for key in query_symbol_keys(query)]
    words = relaxed.units if relaxed.combinations else choose_terms(counts, relaxed.units, RELAXED_POSTINGS)
    if not words and not symbols:
        return None
    if not relaxed.combinations and crowded(counts, words, RELAXED_POSTINGS):
        words = choose_terms(counts, relaxed.units, 0, least=CROWDED_UNITS)
        everything = f"{MATCH_COLUMNS} : ({' AND '.join(_phrase([w]) for w in words)})"
        expression = " OR ".join([everything, *(f"({{keys}} : {s})" for s in symbols)])
        excluded = [_phrase(group) for group in excluded_groups(query)]
        return f"({expression}) NOT ({MATCH_COLUMNS} : ({' OR '.join(excluded)}))" if excluded else expression
    chosen = {w for unit in words for w in unit.split()}
    # bm25 walks a pair's whole doclist to weigh it: only pairs with a chosen word and no very common one.
    pairs = [
        _phrase(pair)
        for pair in relaxed.pairs
        if chosen & set(pair) and max(counts.get(w, 0) for w in pair) <= PAIR_POSTINGS
    ]
    exact = [f"{{exact}} : {_quote_text(e)}" for e in relaxed.exact if fold(e.split()[0]) in chosen]
    alternatives: list[str] = []
    if relaxed.combinations:
        combos = " OR ".join(f"({' AND '.join(_phrase([w]) for w in c)})" for c in relaxed.combinations)
        boosts = " OR ".join(
            [
                f"{MATCH_COLUMNS} : ({' OR '.join(_phrase([w]) for w in words)})",
                *[f"{MATCH_COLUMNS} : {p}" for p in pairs],
                *exact,
            ]
        )
        alternatives.append(f"({MATCH_COLUMNS} : ({combos}) AND ({boosts}))")
    elif words:
        alternatives.append(f"{MATCH_COLUMNS} : ({' OR '.join(_phrase([w]) for w in words)})")
        alternatives += [f"{MATCH_COLUMNS} : {p}" for p in pairs] + exact
    if symbols:
        alternatives.append(f"({{keys}} : ({' OR '.join(symbols)}))")
    expression = " OR ".join(alternatives)
    excluded = [_phrase(group) for group in excluded_groups(query)]
    if excluded:
        expression = f"({expression}) NOT ({MATCH_COLUMNS} : ({' OR '.join(excluded)}))"
    return expression
