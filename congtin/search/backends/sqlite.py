"""The embedded backend: SQLite FTS5 over folded text (docs/decisions/0010-search-backends.md).

``search_fts`` (created by migration 0002 on SQLite only) holds, per ``SearchEntry`` row (same
rowid): the folded title and body, the folded lookup keys, and an accent-keeping copy for the
accent boost. Folding happens in Python (``congtin.vietnamese.fold``), so unicode61 only has to
split words; its own diacritic removal misses letters with two marks and never maps đ.

Ranking is bm25 over ``(all terms) AND (adjacent pair OR … OR first term)``: the second group never
filters anything (it contains a required term) but bm25 scores every adjacent pair it finds, which is
what puts "tổ chức nhà nước" above a text with the same four syllables scattered (vi-text.md §3c).
The score comes from one join, never from a per-row subquery.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from congtin.search.backends.base import (
    MAX_TERMS,
    TOTAL_LIMIT,
    ParsedQueryLike,
    RelaxedQuery,
    SearchDocument,
    SearchFilters,
    SearchResults,
    adjacent_pairs,
    choose_terms,
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
# A query matching more items than this ranks only the most recently indexed ones (``_ranked``).
RANK_LIMIT = 5_000
# Postings a relaxed match of five words or more may rank (``choose_terms``).
RELAXED_POSTINGS = 20_000


def _phrase(words: Sequence[str]) -> str:
    # Terms are word characters only (``clean_term``), so quoting cannot be escaped out of.
    return '"' + " ".join(words) + '"'


def _quote_text(text: str) -> str:
    return '"' + text.replace('"', " ") + '"'


def build_match(query: ParsedQueryLike) -> str | None:
    """The FTS5 MATCH expression for the query, or None when nothing positive is left.

    ``(every term) AND (first term OR adjacent pairs OR typed accents)``, or any of the symbol keys
    the query names, minus the excluded terms.
    """
    groups, prefixes = query_terms(query)
    parts = [_phrase(group) for group in groups] + [f'"{prefix}" *' for prefix in prefixes]
    symbols = [f'"{key_token(key)}"' for key in query_symbol_keys(query)]
    alternatives: list[str] = []
    if parts:
        expression = f"{MATCH_COLUMNS} : ({' AND '.join(parts)})"
        boosts = [_phrase(pair) for pair in adjacent_pairs(groups)]
        exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
        boosts += [f"{{exact}} : {_quote_text(e)}" for e in exact[:MAX_TERMS]]
        if boosts:
            # The first part keeps the group from filtering; bm25 rewards whatever else it finds.
            expression += f" AND ({MATCH_COLUMNS} : {parts[0]} OR {' OR '.join(boosts)})"
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
    """``SearchBackend`` for the SQLite default."""

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
        match = build_match(query)
        if match is None or limit <= 0:
            return SearchResults()
        offset = max(offset, 0)
        where, params = filter_sql(filters)
        with connection.cursor() as cursor:
            total = _count(cursor, match, where, params)
            relaxed = relaxed_query(query, total, limit)
            rows: list[tuple[int, float]] = []
            if total:
                rows = _ranked(
                    cursor,
                    match,
                    where,
                    params,
                    limit if relaxed is None else offset + limit,
                    offset if relaxed is None else 0,
                    newest=total > RANK_LIMIT,
                )
            if relaxed is None:
                return SearchResults(hits=hits_for(rows, query), total=total)
            relaxed_match = build_relaxed_match(query, relaxed, _term_counts(cursor, relaxed.words))
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

        match = build_match(query)
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
        f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} JOIN search_searchentry e "  # noqa: S608
        f"ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{where} LIMIT {TOTAL_LIMIT + 1})",
        [match, *params],
    )
    return int(cursor.fetchone()[0])


def _ranked(
    cursor: Any, match: str, where: str, params: list[Any], limit: int, offset: int, *, newest: bool = False
) -> list[tuple[int, float]]:
    """The ranked ``(id, score)`` rows of a page.

    ``newest``: rank only the ``RANK_LIMIT`` most recently indexed matches (highest rowids), for a query
    that matches more; FTS5 walks matches in rowid order without scoring them, so the cut-off is cheap.
    """
    rank = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"
    window = ""
    window_params: list[Any] = []
    if newest:
        window = (
            f" AND {FTS_TABLE}.rowid >= (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
            f"ORDER BY rowid DESC LIMIT 1 OFFSET {RANK_LIMIT - 1})"
        )
        window_params = [match]
    cursor.execute(
        f"SELECT e.id, -{rank} FROM {FTS_TABLE} JOIN search_searchentry e "  # noqa: S608
        f"ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{window}{where} "
        f"ORDER BY {rank}, e.published_at DESC LIMIT %s OFFSET %s",
        [match, *window_params, *params, limit, offset],
    )
    return [(int(i), float(s)) for i, s in cursor.fetchall()]


def _term_counts(cursor: Any, words: Sequence[str]) -> dict[str, int]:
    """How many items hold each word, from FTS5's own vocabulary (a per-connection temp table)."""
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{FTS_TABLE}_vocab USING fts5vocab(main, {FTS_TABLE}, row)"
    )
    cursor.execute(
        f"SELECT term, doc FROM temp.{FTS_TABLE}_vocab WHERE term IN ({', '.join('%s' for _ in words)})",  # noqa: S608
        list(words),
    )
    return {str(term): int(doc) for term, doc in cursor.fetchall()}


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
    chosen = {w for unit in words for w in unit.split()}
    pairs = [_phrase(pair) for pair in relaxed.pairs if chosen & set(pair)]
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
