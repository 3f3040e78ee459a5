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

from django.db import connection, transaction

from congtin.search.backends.base import (
    MAX_TERMS,
    ParsedQueryLike,
    SearchDocument,
    SearchFilters,
    SearchResults,
    adjacent_pairs,
    engine_text,
    exact_terms,
    exact_text,
    excluded_groups,
    filter_sql,
    hits_for,
    key_token,
    query_symbol_keys,
    query_terms,
    valid_keys,
)
from congtin.search.models import SearchEntry

FTS_TABLE = "search_fts"
# bm25 column weights: title, body, keys, exact.
WEIGHTS = (4.0, 1.0, 6.0, 1.0)
MATCH_COLUMNS = "{title body keys}"


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
        where, params = filter_sql(filters)
        rank = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"
        base = f"FROM {FTS_TABLE} JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{where}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [match, *params])
            total = cursor.fetchone()[0]
            if not total:
                return SearchResults()
            cursor.execute(
                f"SELECT e.id, -{rank} {base} ORDER BY {rank}, e.published_at DESC LIMIT %s OFFSET %s",
                [match, *params, limit, max(offset, 0)],
            )
            rows = cursor.fetchall()
        return SearchResults(hits=hits_for(rows, query), total=int(total))

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
