"""The PostgreSQL backend: a ``tsvector`` of folded text with the ``simple`` config, GIN-indexed.

Text is folded in Python (``congtin.vietnamese.fold``) before ``to_tsvector('simple', …)``, so the
database needs no ``unaccent`` extension and indexes exactly what the SQLite backend indexes.
Title is weight A, symbol keys B (verbatim lexemes: "nd 09/2017" is one), body C. ``exact_vector`` keeps the accents, for the accent boost.

Ranking is ``ts_rank_cd`` (cover density: short stretches holding all the terms rank high), plus a
boost for adjacent pairs of the query's terms and for the accents the user typed (vi-text.md §3c).
Parameters are bound; the query text is only ever read by ``phraseto_tsquery``/``to_tsquery`` with
word-character input, so nothing a user types can make the SQL or the tsquery syntax fail.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from congtin.search.backends.base import (
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
    query_symbol_keys,
    query_terms,
    valid_keys,
)
from congtin.search.models import SearchEntry

# How much a matched adjacent pair / the typed accents add to the cover-density rank.
PAIR_BOOST = 1.0
EXACT_BOOST = 0.5


def _phrase_sql(words: Sequence[str], params: list[Any]) -> str:
    params.append(" ".join(words))
    return "phraseto_tsquery('simple', %s)"


def _prefix_sql(prefix: str, params: list[Any]) -> str:
    params.append(f"'{prefix}':*")  # word characters only: nothing to escape
    return "to_tsquery('simple', %s)"


def _key_sql(key: str, params: list[Any]) -> str:
    params.append(f"'{key}'")  # ``valid_keys`` shape: no quote or backslash to escape
    return "%s::tsquery"


def build_tsquery(query: ParsedQueryLike) -> tuple[str, list[Any], str, list[Any]] | None:
    """SQL for the matching tsquery and for the boost tsquery, each with its parameters.

    Matching: every term (phrases as ``<->``), or any symbol key the query names, minus the excluded.
    """
    groups, prefixes = query_terms(query)
    params: list[Any] = []
    parts = [_phrase_sql(g, params) for g in groups] + [_prefix_sql(p, params) for p in prefixes]
    alternatives = [f"({' && '.join(parts)})"] if parts else []
    alternatives += [_key_sql(key, params) for key in query_symbol_keys(query)]
    if not alternatives:
        return None
    match = " || ".join(alternatives)
    excluded = excluded_groups(query)
    if excluded:
        match = f"({match}) && !!({' || '.join(_phrase_sql(g, params) for g in excluded)})"
    boost_params: list[Any] = []
    boosts = [_phrase_sql(pair, boost_params) for pair in adjacent_pairs(groups)]
    boost = " || ".join(boosts) if boosts else "''::tsquery"
    return match, params, boost, boost_params


class PostgreSQLBackend:
    """``SearchBackend`` for PostgreSQL."""

    def index(self, items: Iterable[SearchDocument]) -> None:
        documents = list(items)
        if not documents:
            return
        with transaction.atomic():
            SearchEntry.objects.filter(key__in=[d.key for d in documents]).delete()
            entries = SearchEntry.objects.bulk_create([SearchEntry.for_document(d) for d in documents])
            columns: list[list[Any]] = [[], [], [], [], []]
            for entry, d in zip(entries, documents, strict=True):
                values = (entry.pk, engine_text(d.title), "\n".join(valid_keys(d.keys)), engine_text(d.body))
                for column, value in zip(columns, (*values, exact_text(f"{d.title}\n{d.body}")), strict=True):
                    column.append(value)
            # One statement per batch: the rows arrive as parallel arrays.
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE search_searchentry e SET "
                    "vector = setweight(to_tsvector('simple', v.title), 'A') "
                    "|| setweight(array_to_tsvector(string_to_array(v.keys, E'\\n')), 'B') "
                    "|| setweight(to_tsvector('simple', v.body), 'C'), "
                    "exact_vector = to_tsvector('simple', v.exact) "
                    "FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS title, "
                    "unnest(%s::text[]) AS keys, unnest(%s::text[]) AS body, unnest(%s::text[]) AS exact) v "
                    "WHERE e.id = v.id",
                    columns,
                )

    def remove(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if keys:
            SearchEntry.objects.filter(key__in=keys).delete()

    def clear(self) -> None:
        SearchEntry.objects.all().delete()

    def search(
        self, query: ParsedQueryLike, *, filters: SearchFilters, offset: int, limit: int
    ) -> SearchResults:
        built = build_tsquery(query)
        if built is None or limit <= 0:
            return SearchResults()
        match, match_params, boost, boost_params = built
        exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
        exact_params: list[Any] = list(exact)
        exact_sql = " || ".join("phraseto_tsquery('simple', %s)" for _ in exact) or "''::tsquery"
        where, filter_params = filter_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM search_searchentry e WHERE e.vector @@ ({match}){where}",  # noqa: S608
                [*match_params, *filter_params],
            )
            total = cursor.fetchone()[0]
            if not total:
                return SearchResults()
            cursor.execute(
                "SELECT e.id, "  # noqa: S608
                f"ts_rank_cd(e.vector, q.m) + {PAIR_BOOST} * ts_rank_cd(e.vector, q.b) "
                f"+ {EXACT_BOOST} * ts_rank_cd(e.exact_vector, q.x) AS score "
                f"FROM search_searchentry e, (SELECT ({match}) AS m, ({boost}) AS b, ({exact_sql}) AS x) q "
                f"WHERE e.vector @@ q.m{where} "
                "ORDER BY score DESC, e.published_at DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s",
                [*match_params, *boost_params, *exact_params, *filter_params, limit, max(offset, 0)],
            )
            rows = cursor.fetchall()
        return SearchResults(hits=hits_for(rows, query), total=int(total))

    def facet_counts(self, query: ParsedQueryLike, *, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Hits per facet value under the strict match (``build_tsquery``), in one statement."""
        from congtin.search.backends.facets import facet_statement, read_facets

        built = build_tsquery(query)
        if built is None:
            return read_facets([])
        match, match_params = built[0], built[1]

        def source() -> tuple[str, list[Any]]:
            return f"FROM search_searchentry e WHERE e.vector @@ ({match})", list(match_params)

        sql, params = facet_statement(source, filters)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return read_facets(cursor.fetchall())
