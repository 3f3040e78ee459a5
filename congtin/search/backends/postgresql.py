"""The PostgreSQL backend: a ``tsvector`` of folded text with the ``simple`` config, GIN-indexed.

Text is folded in Python (``congtin.vietnamese.fold``) before ``to_tsvector('simple', …)``, so the
database needs no ``unaccent`` extension and indexes exactly what the SQLite backend indexes.
Title is weight A, symbol keys B (verbatim lexemes: "nd 09/2017" is one), body C. ``exact_vector``
keeps the accents, for the accent boost. ``search_term`` (migration 0003) counts the items holding
each lexeme, kept in step by every write, for BM25-style IDF weights.

Ranking (docs/decisions/0013): per query word, its IDF times ``ts_rank`` of that word alone (which
saturates with repeats, weighs title above body and divides by the log of the length), plus the
same for each adjacent pair of words as a phrase and for each word typed with accents against the
accent-keeping vector. Plain ``ts_rank_cd`` over the whole query weighs "của" like "biên phòng",
which is what put known items lower here than on SQLite.

Matching: every word (strict, ``build_tsquery``); when that finds less than a page, a relaxed match
follows (``congtin.search.backends.base.relaxed_query``), ranking only the rarer words' items.
Parameters are bound; the query text is only ever read by ``phraseto_tsquery``/``to_tsquery`` with
word-character input, so nothing a user types can make the SQL or the tsquery syntax fail.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, transaction

from congtin.search.backends.base import (
    CROWDED_UNITS,
    ENTRY_FIELDS,
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
    entry_hits,
    exact_terms,
    exact_text,
    excluded_groups,
    filter_sql,
    hits_for,
    idf,
    merge_relaxed,
    query_symbol_keys,
    query_terms,
    relaxed_query,
    valid_keys,
)
from congtin.search.backends.facets import FACET_COLUMNS, FACETS, facet_arms, facet_statement, read_facets
from congtin.search.models import SearchEntry
from congtin.vietnamese import fold

# ts_rank weights for D (accent-keeping vector), C (body), B (symbol keys), A (title).
WEIGHTS = "{0.1, 0.4, 1.0, 1.0}"
# Length normalisation of ts_rank: 1 divides by 1 + log(length in lexemes).
NORMALIZATION = 1
# How much an adjacent pair / a word with the typed accents adds, relative to a word.
PAIR_BOOST = 2.0
EXACT_BOOST = 4.0
# Postings a relaxed match may rank: every one is read from the table and ranked (``_ranked``).
RELAXED_POSTINGS = 5_000
# From this many chosen units, a relaxed match of five or more needs two of them (``_relaxed_tsquery``).
RELAXED_AT_LEAST_TWO = 3
# A strict match ranks its newest RANK_LIMIT matches and, when it has more, the newest FOCUS_CANDIDATES
# of its whole-phrase form (``focus_tsqueries``): see ``_ranked_strict``.
RANK_LIMIT = 500
FOCUS_CANDIDATES = 100
FOCUS_POSTINGS = 5_000
FOCUS_WORDS = 3
# Rows the full score is computed for, among the best of the first stage (see ``_ranked``). A relaxed match
# ranked 1,000 until 29/11/2026: 300 gives the same quality figures (bench.search, decision 0027) at a
# third of the cost, 24 ms of PostgreSQL's CPU for "hn nóng như" at 10,000 articles.
STAGE_ROWS = 300
STRICT_STAGE_ROWS = 200
# Ids a partition of ``search_match`` holds (migration 0004 creates the first ones with the same width).
PARTITION_SIZE = 100_000
# A strict match of more words than this finds its items in the index by its rarest ones and checks the
# rest on each item's vector (``_strict_match``): an AND of twenty words, "của" and "có" among them, costs
# GIN tens of milliseconds even when nothing matches.
INDEXED_GROUPS = 3
# Every lexeme of a row's two vectors, once per row, and '' once (the count of items).
_TERMS_OF_ROWS = (
    "SELECT t.term, count(*) AS n FROM search_searchentry e JOIN search_match m ON m.id = e.id, LATERAL ("
    "SELECT unnest(tsvector_to_array(m.vector)) AS term "
    "UNION ALL SELECT '=' || unnest(tsvector_to_array(e.exact_vector)) UNION ALL SELECT '') t "
)
# Lexemes whose counts a write updates: those of the rows written or removed.
_ROW_TERMS = _TERMS_OF_ROWS + "WHERE e.id = ANY(%s) GROUP BY t.term"
# Every lexeme of every row, counted afresh: the end of a rebuild.
_ALL_TERMS = f"INSERT INTO search_term (term, docs) {_TERMS_OF_ROWS}GROUP BY t.term ORDER BY t.term"
# Inside ``PostgreSQLBackend.rebuilding``: writes leave ``search_term`` alone, counted once at the end.
_counts_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("counts_deferred", default=False)


def _phrase_sql(words: Sequence[str], params: list[Any]) -> str:
    params.append(" ".join(words))
    return "phraseto_tsquery('simple', %s)"


def _prefix_sql(prefix: str, params: list[Any]) -> str:
    params.append(f"'{prefix}':*")  # word characters only: nothing to escape
    return "to_tsquery('simple', %s)"


def _key_sql(key: str, params: list[Any]) -> str:
    params.append(f"'{key}'")  # ``valid_keys`` shape: no quote or backslash to escape
    return "%s::tsquery"


def _excluding(match: str, params: list[Any], query: ParsedQueryLike) -> str:
    excluded = excluded_groups(query)
    if not excluded:
        return match
    return f"({match}) && !!({' || '.join(_phrase_sql(g, params) for g in excluded)})"


def build_tsquery(query: ParsedQueryLike) -> tuple[str, list[Any], str, list[Any]] | None:
    """SQL for the strict matching tsquery and for the pair-boost tsquery, each with its parameters.

    Matching: every term (phrases as ``<->``), or any symbol key the query names, minus the excluded.
    """
    groups, prefixes = query_terms(query)
    params: list[Any] = []
    parts = [_phrase_sql(g, params) for g in groups] + [_prefix_sql(p, params) for p in prefixes]
    alternatives = [f"({' && '.join(parts)})"] if parts else []
    alternatives += [_key_sql(key, params) for key in query_symbol_keys(query)]
    if not alternatives:
        return None
    match = _excluding(" || ".join(alternatives), params, query)
    boost_params: list[Any] = []
    boosts = [_phrase_sql(pair, boost_params) for pair in adjacent_pairs(groups)]
    boost = " || ".join(boosts) if boosts else "''::tsquery"
    return match, params, boost, boost_params


def _relaxed_tsquery(
    query: ParsedQueryLike, relaxed: RelaxedQuery, words: Sequence[str], *, together: bool = False
) -> tuple[str, list[Any]]:
    params: list[Any] = []
    if together:  # ``base.crowded``: every one of the rarest units
        alternatives = [f"({' && '.join(_phrase_sql([w], params) for w in words)})"]
    elif relaxed.combinations:
        # Only the combinations holding a chosen (rarer) unit: "đã đưa" without "meghan" is thousands of
        # items the ranking, which counts only the chosen units, would put last anyway.
        chosen = [c for c in relaxed.combinations if set(c) & set(words)] or relaxed.combinations
        alternatives = [f"({' && '.join(_phrase_sql([w], params) for w in c)})" for c in chosen]
    elif len(words) >= RELAXED_AT_LEAST_TWO:
        # Any two of the chosen units: the GIN index sorts that out from its posting lists, and only
        # items sharing two rare words with the question are read from the table and ranked.
        units = ["(" + " <-> ".join(f"'{w}'" for w in unit.split()) + ")" for unit in words]
        params.append(" | ".join(f"({a} & {b})" for a, b in itertools.combinations(units, 2)))
        alternatives = ["to_tsquery('simple', %s)"]
    else:
        alternatives = [_phrase_sql([w], params) for w in words]
    alternatives += [_key_sql(key, params) for key in query_symbol_keys(query)]
    return _excluding(" || ".join(alternatives), params, query), params


class _Scoring:
    """The ranking expression of one query over some of its words, and the lexemes it needs counted."""

    def __init__(self, query: ParsedQueryLike, words: Sequence[str] | None = None) -> None:
        groups, self.prefixes = query_terms(query)
        everything = list(dict.fromkeys(w for group in groups for w in group))
        chosen = set(everything if words is None else words)
        self.words = [w for w in everything if w in chosen]
        flat = [w for group in groups for w in group]
        self.pairs = list(
            dict.fromkeys((a, b) for a, b in itertools.pairwise(flat) if a != b and {a, b} & chosen)
        )
        typed = [" ".join(exact_text(str(x)).split()) for x in exact_terms(query)]
        self.exact = [e for e in dict.fromkeys(typed) if e and fold(e.split()[0]) in chosen]
        self.keys = query_symbol_keys(query)

    def first_stage(self) -> tuple[str, list[Any]]:
        """One ``ts_rank`` over all the words and keys at once: the cheap first stage of ``_ranked``."""
        params: list[Any] = []
        parts = [_phrase_sql([w], params) for w in self.words] + [_key_sql(k, params) for k in self.keys]
        parts += [_prefix_sql(p, params) for p in self.prefixes]
        if not parts:
            return "0", []
        return f"ts_rank('{WEIGHTS}', e.vector, {' || '.join(parts)}, {NORMALIZATION})", params

    def lexemes(self) -> list[str]:
        return ["", *self.words, *self.keys, *(f"={e.split()[0]}" for e in self.exact)]

    def sql(self, counts: dict[str, int]) -> tuple[str, list[Any]]:
        total = counts.get("", 0)
        weight = {w: idf(counts.get(w, 0), total) for w in [*self.words, *self.keys]}
        params: list[Any] = []
        terms: list[str] = []

        def rank(vector: str, tsquery: str, factor: float) -> None:
            terms.append(f"{factor:.6f} * ts_rank('{WEIGHTS}', {vector}, {tsquery}, {NORMALIZATION})")

        for word in self.words:
            rank("e.vector", _phrase_sql([word], params), weight[word])
        for key in self.keys:
            rank("e.vector", _key_sql(key, params), 2 * weight[key])
        for prefix in self.prefixes:
            rank("e.vector", _prefix_sql(prefix, params), 1.0)
        for a, b in self.pairs:
            # ts_rank reads a phrase as its words near each other; only an adjacent pair earns the boost.
            factor = PAIR_BOOST * (weight.get(a, 0) + weight.get(b, 0)) / 2
            phrase = _phrase_sql([a, b], params)
            terms.append(
                f"CASE WHEN e.vector @@ {_phrase_sql([a, b], params)} THEN {factor:.6f} * "
                f"ts_rank('{WEIGHTS}', e.vector, {phrase}, {NORMALIZATION}) ELSE 0 END"
            )
        for exact in self.exact:
            factor = EXACT_BOOST * idf(counts.get(f"={exact.split()[0]}", 0), total)
            rank("x.exact_vector", _phrase_sql(exact.split(), params), factor)
        return (" + ".join(terms) or "0"), params


def _update_counts(cursor: Any, ids: Sequence[int], sign: int) -> None:
    if not ids or _counts_deferred.get():
        return
    if sign > 0:
        cursor.execute(
            f"INSERT INTO search_term (term, docs) SELECT term, n FROM ({_ROW_TERMS}) c ORDER BY term "  # noqa: S608
            "ON CONFLICT (term) DO UPDATE SET docs = search_term.docs + excluded.docs",
            [list(ids)],
        )
    else:
        cursor.execute(
            f"UPDATE search_term s SET docs = s.docs - c.n FROM ({_ROW_TERMS}) c WHERE s.term = c.term",  # noqa: S608
            [list(ids)],
        )


class PostgreSQLBackend:
    """``SearchBackend`` for PostgreSQL."""

    exact_facet_counts = False  # counted among the newest TOTAL_LIMIT + 1 matches (decision 0025)

    def index(self, items: Iterable[SearchDocument]) -> None:
        documents = list(items)
        if not documents:
            return
        with transaction.atomic():
            self.remove(d.key for d in documents)
            entries = SearchEntry.objects.bulk_create([SearchEntry.for_document(d) for d in documents])
            columns: list[list[Any]] = [[], [], [], [], []]
            for entry, d in zip(entries, documents, strict=True):
                values = (entry.pk, engine_text(d.title), "\n".join(valid_keys(d.keys)), engine_text(d.body))
                for column, value in zip(columns, (*values, exact_text(f"{d.title}\n{d.body}")), strict=True):
                    column.append(value)
            ids = columns[0]
            # One statement per batch: the rows arrive as parallel arrays; the accent-keeping vector goes
            # to the stored row, the matching one and the filter columns to the narrow table.
            with connection.cursor() as cursor:
                cursor.execute("SELECT search_match_partitions(%s, %s)", [min(ids), max(ids)])
                cursor.execute(
                    "WITH v AS (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS title, "
                    "unnest(%s::text[]) AS keys, unnest(%s::text[]) AS body, unnest(%s::text[]) AS exact), "
                    "x AS (UPDATE search_searchentry e SET exact_vector = to_tsvector('simple', v.exact) "
                    "FROM v WHERE e.id = v.id RETURNING e.id, e.published_at, e.content_type, e.path, "
                    "e.section_id, e.document_type, e.year) "
                    "INSERT INTO search_match "
                    "(id, published_at, content_type, path, section_id, document_type, year, vector) "
                    "SELECT x.id, x.published_at, x.content_type, x.path, x.section_id, x.document_type, x.year, "
                    "setweight(to_tsvector('simple', v.title), 'A') "
                    "|| setweight(array_to_tsvector(string_to_array(v.keys, E'\\n')), 'B') "
                    "|| setweight(to_tsvector('simple', v.body), 'C') "
                    "FROM x JOIN v ON v.id = x.id ORDER BY x.id",
                    columns,
                )
                _update_counts(cursor, ids, +1)

    @contextlib.contextmanager
    def rebuilding(self) -> Iterator[None]:
        """A rebuild's writes (``search_rebuild``, one transaction): the term counts are left alone while
        it writes and counted from every row once it has written them all.

        Raised batch by batch, the counts of common lexemes were rewritten by every batch of the same
        transaction, and PostgreSQL keeps each of those row versions until it commits: each batch's
        counting then had more of them to step over (0.32 s per 500 items after 10,000, 0.65 s after
        20,000), and a rebuild of 100,000 items took more than half an hour."""
        if _counts_deferred.get():  # nested: the outer rebuild counts
            yield
            return
        token = _counts_deferred.set(True)
        try:
            yield
        finally:
            _counts_deferred.reset(token)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_term")
            cursor.execute(_ALL_TERMS)

    def remove(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        with transaction.atomic():
            ids = list(SearchEntry.objects.filter(key__in=keys).values_list("pk", flat=True))
            if not ids:
                return
            with connection.cursor() as cursor:
                _update_counts(cursor, ids, -1)
                cursor.execute("DELETE FROM search_match WHERE id = ANY(%s)", [ids])
            SearchEntry.objects.filter(pk__in=ids).delete()

    def clear(self) -> None:
        # DELETE, not TRUNCATE: a rebuild runs in one transaction and searches read the old rows meanwhile.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_term")
            cursor.execute("DELETE FROM search_match")
            SearchEntry.objects.all().delete()

    def search(
        self, query: ParsedQueryLike, *, filters: SearchFilters, offset: int, limit: int
    ) -> SearchResults:
        built = build_tsquery(query)
        if built is None or limit <= 0:
            return SearchResults()
        offset = max(offset, 0)
        where = filter_sql(filters)
        scoring = _Scoring(query)
        groups, _ = query_terms(query)
        lexemes = list(dict.fromkeys(scoring.lexemes() + [w for group in groups for w in group]))
        with connection.cursor() as cursor:
            # The newest TOTAL_LIMIT + 1 matches give the capped count, the candidates and (without
            # filters) the facet counts at once; with few words, the counts of the query's lexemes
            # come in the same round trip.
            counts_sql = "SELECT json_object_agg(term, docs) FROM search_term WHERE term = ANY(%s)"
            if _narrowed(query):
                cursor.execute(counts_sql, [lexemes])
                counts = _counts(cursor.fetchone()[0])
                newest_sql, newest_params = _newest(_strict_match(query, counts), filters, where)
                cursor.execute(newest_sql, newest_params)
                found_ids, found_facets, top_id = cursor.fetchone()
            else:
                newest_sql, newest_params = _newest(_strict_match(query, {}), filters, where)
                cursor.execute(f"{newest_sql}, ({counts_sql})", [*newest_params, lexemes])
                found_ids, found_facets, top_id, found_counts = cursor.fetchone()
                counts = _counts(found_counts)
            _top_partition["start"] = int(top_id) // PARTITION_SIZE * PARTITION_SIZE
            newest = [int(i) for i in found_ids]
            facets = read_facets(found_facets) if found_facets is not None else None
            total = len(newest)
            relaxed = relaxed_query(query, total, limit)
            rows: list[tuple[int, float]] = []
            # Without a relaxed match the ranked page is the page: its stored rows come with it.
            entries: dict[int, dict[str, Any]] | None = {} if relaxed is None else None
            if total:
                rows = _ranked_strict(
                    cursor,
                    newest,
                    focus_tsqueries(query, counts) if total > RANK_LIMIT else [],
                    scoring,
                    counts,
                    where,
                    offset + limit if relaxed else limit,
                    0 if relaxed else offset,
                    entries,
                )
            words = choose_terms(counts, relaxed.units, RELAXED_POSTINGS) if relaxed else []
            together = bool(relaxed and not relaxed.combinations and crowded(counts, words, RELAXED_POSTINGS))
            if relaxed and together:
                words = choose_terms(counts, relaxed.units, 0, least=CROWDED_UNITS)
            if relaxed is None or not words:
                return SearchResults(
                    hits=(
                        entry_hits(((entries.get(i), score) for i, score in rows), query)
                        if entries is not None
                        else hits_for(rows[offset:], query)
                    ),
                    total=total,
                    facets=facets,
                )
            relaxed_match = _relaxed_tsquery(query, relaxed, words, together=together)
            more, found = _ranked(
                cursor,
                relaxed_match,
                _Scoring(query, [w for unit in words for w in unit.split()]),
                counts,
                where,
                offset + limit + len(rows),
                0,
            )
        page = merge_relaxed(rows, more, offset, limit)
        return SearchResults(
            hits=hits_for(page, query), total=max(total, found), relaxed=found > total, facets=facets
        )

    def facet_counts(self, query: ParsedQueryLike, *, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Hits per facet value under the strict match (``build_tsquery``), in one statement."""
        built = build_tsquery(query)
        if built is None:
            return read_facets([])
        match, match_params = built[0], built[1]

        with connection.cursor() as cursor:
            # Counted among the newest TOTAL_LIMIT + 1 matches, as ``search`` counts (``_newest``).
            rows, rows_params = _newest_rows(FACET_COLUMNS, f"e.vector @@ ({match})", list(match_params))

            def source() -> tuple[str, list[Any]]:
                return f"FROM ({rows}) e", rows_params

            sql, params = facet_statement(source, filters)
            cursor.execute(sql, params)
            return read_facets(cursor.fetchall())


def _counts(found: dict[str, Any] | None) -> dict[str, int]:
    return {str(k): int(v) for k, v in (found or {}).items()}


# The start of the newest partition, as the last search in this process saw it (``_newest``). Any
# value gives the same rows (``_newest_rows``): a stale one only leaves the newest partitions in one
# branch, and 0, before the first search, makes one branch of the whole table.
_top_partition = {"start": 0}


def _newest_rows(columns: str, condition: str, params: list[Any]) -> tuple[str, list[Any]]:
    """``SELECT columns`` of the newest ``TOTAL_LIMIT + 1`` rows of ``search_match e`` meeting ``condition``.

    One branch per partition, newest first, each that partition's newest matches, under a ``LIMIT``
    that stops the branches once enough rows came: a common query reads the newest partition only. In
    each branch the planner walks the primary key backwards when matches are dense and sorts the GIN
    bitmap's rows when they are rare, from that partition's statistics. (One ``ORDER BY id DESC
    LIMIT`` over the parent stops early only while the planner expects many matches; it expects a
    hundred for four common words that 35,000 items hold, and then sorted all of them: 200 ms.)
    """
    top = _top_partition["start"]
    branches: list[str] = []
    for start in range(top, -1, -PARTITION_SIZE):
        # Literal bounds (integers of ours), so that each branch is planned for its own partition.
        bounds = f"e.id >= {start}" + ("" if start == top else f" AND e.id < {start + PARTITION_SIZE}")
        branches.append(
            f"(SELECT {columns} FROM search_match e WHERE {bounds} AND {condition} "  # noqa: S608
            f"ORDER BY e.id DESC LIMIT {TOTAL_LIMIT + 1})"
        )
    return f"SELECT * FROM ({' UNION ALL '.join(branches)}) b LIMIT {TOTAL_LIMIT + 1}", params * len(branches)  # noqa: S608


def _newest(
    match: tuple[str, list[Any]], filters: SearchFilters, where: tuple[str, list[Any]]
) -> tuple[str, list[Any]]:
    """``SELECT <ids>, <facets>, <top id>`` of the strict match's newest ``TOTAL_LIMIT + 1`` items.

    The ids newest first (the capped count and the candidates); the facet counts among them as
    ``read_facets`` rows, only without filters (a facet is counted under every filter but its own, so
    with a filter the rows counted differ from those found: ``facet_counts`` does that), else NULL; the
    highest id indexed, for the next search's branches (``_top_partition``).
    """
    # The rows keep what is read of them: the id, and the facets' columns when their arms run (without a
    # filter the arms filter nothing: no path or date).
    if filters == SearchFilters():
        arms, arm_params = facet_arms(filters)
        facets = f"(SELECT coalesce(json_agg(json_build_array(facet, value, n)), '[]') FROM ({arms}) f)"  # noqa: S608
        columns = f"e.id, {', '.join(column for column, _, _ in FACETS.values())}"
    else:
        facets, arm_params = "NULL::json", []
        columns = "e.id"
    rows, rows_params = _newest_rows(columns, f"{match[0]}{where[0]}", [*match[1], *where[1]])
    sql = (
        f"WITH m AS MATERIALIZED ({rows}) SELECT ARRAY(SELECT id FROM m ORDER BY id DESC), {facets}, "  # noqa: S608
        "(SELECT coalesce(max(id), 0) FROM search_match)"
    )
    return sql, [*rows_params, *arm_params]


def _narrowed(query: ParsedQueryLike) -> bool:
    """Whether the strict match is found by its rarest words only (``_strict_match``)."""
    groups, prefixes = query_terms(query)
    return len(groups) > INDEXED_GROUPS and not prefixes


def _strict_match(query: ParsedQueryLike, counts: dict[str, int]) -> tuple[str, list[Any]]:
    """The strict match as a condition on ``e.vector``, and its parameters.

    For a query of more than ``INDEXED_GROUPS`` words (``_narrowed``), the GIN index is asked only for
    items holding its rarest ``INDEXED_GROUPS`` (or a key it names), and the whole match is checked on
    each of those rows' vector (``IS TRUE`` keeps the planner from handing it to the index too).
    """
    built = build_tsquery(query)
    assert built is not None  # noqa: S101 - the caller checked
    match, match_params = built[0], built[1]
    if not _narrowed(query):
        return f"e.vector @@ ({match})", list(match_params)
    groups, _ = query_terms(query)
    rare = sorted(groups, key=lambda group: min(counts.get(w, 0) for w in group))[:INDEXED_GROUPS]
    params: list[Any] = []
    parts = [f"({' && '.join(_phrase_sql(g, params) for g in rare)})"]
    parts += [_key_sql(key, params) for key in query_symbol_keys(query)]
    return f"e.vector @@ ({' || '.join(parts)}) AND (e.vector @@ ({match})) IS TRUE", [*params, *match_params]


def _ranked(
    cursor: Any,
    match: tuple[str, list[Any]],
    scoring: _Scoring,
    counts: dict[str, int],
    where: tuple[str, list[Any]],
    limit: int,
    offset: int,
) -> tuple[list[tuple[int, float]], int]:
    """The ranked ``(id, score)`` rows of a page of the relaxed match (every match is ranked), and its
    capped count, from one pass over the matches.

    Two stages: one ``ts_rank`` of all the words together (no IDF) picks the best ``STAGE_ROWS``
    matches, then the full score (a ``ts_rank`` per word, pair and accent) orders those. Each
    ``ts_rank`` call unpacks the row's vector again, so the full score on every match would cost
    tens of calls a row.
    """
    first, first_params = scoring.first_stage()
    ctes = (
        f"m AS MATERIALIZED (SELECT e.id, {first} AS r FROM search_match e "  # noqa: S608
        f"WHERE e.vector @@ ({match[0]}){where[0]}), "
        # ``= ANY(ARRAY(…))``, not a join: the planner would hash the whole table to join 1,000 ids.
        "c AS MATERIALIZED (SELECT e.id, e.published_at, e.vector FROM search_match e WHERE e.id = ANY(ARRAY("
        "SELECT id FROM m ORDER BY r DESC, id DESC LIMIT %s)))"
    )
    params = [*first_params, *match[1], *where[1], max(STAGE_ROWS, limit + offset)]
    found = f"(SELECT count(*) FROM (SELECT 1 FROM m LIMIT {TOTAL_LIMIT + 1}) n)"  # noqa: S608
    return _scored(cursor, ctes, params, scoring, counts, limit, offset, found)


def _ranked_strict(
    cursor: Any,
    newest: Sequence[int],
    focus: Sequence[tuple[str, list[Any]]],
    scoring: _Scoring,
    counts: dict[str, int],
    where: tuple[str, list[Any]],
    limit: int,
    offset: int,
    entries: dict[int, dict[str, Any]] | None = None,
) -> list[tuple[int, float]]:
    """The ranked ``(id, score)`` rows of a page of the strict match (docs/decisions/0021, 0025).

    Candidates: its newest ``RANK_LIMIT`` matches (from ``newest``, its newest ``TOTAL_LIMIT + 1``
    read with the count), plus the newest ``FOCUS_CANDIDATES`` of each whole-phrase form (``focus``).
    The first stage keeps the best ``STRICT_STAGE_ROWS``, the full score orders those.
    """
    first, first_params = scoring.first_stage()
    # Ids and first-stage ranks only: the sorts that pick the best move a few bytes a row, not the vectors
    # (3 kB each: the two sorts of 500 copied 1.6 MB, more CPU time than reading the best 200 again).
    row = f"e.id, {first} AS r"
    params: list[Any] = [*first_params]
    parts = [f"SELECT {row} FROM search_match e WHERE {_among(newest[:RANK_LIMIT], params)}"]  # noqa: S608
    for tsquery, tsquery_params in focus:
        if len(newest) <= TOTAL_LIMIT:
            # Every match is in ``newest``: the phrase is checked on those rows only.
            params += first_params
            parts.append(
                f"(SELECT {row} FROM search_match e WHERE {_among(newest, params)} "  # noqa: S608
                f"AND (e.vector @@ ({tsquery})) IS TRUE ORDER BY e.id DESC LIMIT {FOCUS_CANDIDATES})"
            )
            params += tsquery_params
        else:
            # Read through the GIN index (``id + 0``): its matches are few, and the planner, which
            # cannot estimate a phrase, would otherwise walk the primary key through the whole table.
            parts.append(
                f"(SELECT {row} FROM search_match e WHERE e.vector @@ ({tsquery}){where[0]} "  # noqa: S608
                f"ORDER BY e.id + 0 DESC LIMIT {FOCUS_CANDIDATES})"
            )
            params += [*first_params, *tsquery_params, *where[1]]
    # A candidate in both the newest and a focus branch once (same id, same rank).
    candidates = (
        parts[0]
        if len(parts) == 1
        else f"SELECT DISTINCT ON (id) * FROM ({' UNION ALL '.join(parts)}) u ORDER BY id"  # noqa: S608
    )
    # The best then carry their vector to the full score (``_scored``), read by id like ``_ranked``'s.
    ctes = (
        f"k AS MATERIALIZED (SELECT id FROM ({candidates}) d ORDER BY r DESC, id DESC LIMIT %s), "  # noqa: S608
        "c AS MATERIALIZED (SELECT e.id, e.published_at, e.vector FROM search_match e "
        "WHERE e.id = ANY(ARRAY(SELECT id FROM k)))"
    )
    params.append(max(STRICT_STAGE_ROWS, limit + offset))
    rows, _ = _scored(cursor, ctes, params, scoring, counts, limit, offset, entries=entries)
    return rows


def _among(ids: Sequence[int], params: list[Any]) -> str:
    """``e.id`` is one of ``ids`` (a list the caller read), as SQL; appends its parameter to ``params``.

    The range as literals, so that only the partitions holding them are planned and read; the list
    itself in a subquery, so that the planner does not weigh and prune with each of its hundreds of
    elements (a fifth of the ranking statement's work when they were literals).
    """
    # The array's text, written here: psycopg dumps a list of ints one element at a time, in Python.
    params.append("{" + ",".join(str(int(i)) for i in ids) + "}")
    low, high = (min(ids), max(ids)) if ids else (0, -1)
    return f"e.id BETWEEN {int(low)} AND {int(high)} AND e.id = ANY((SELECT %s::bigint[])::bigint[])"


def _scored(
    cursor: Any,
    ctes: str,
    params: list[Any],
    scoring: _Scoring,
    counts: dict[str, int],
    limit: int,
    offset: int,
    found: str = "0",
    entries: dict[int, dict[str, Any]] | None = None,
) -> tuple[list[tuple[int, float]], int]:
    """The full score over the candidates (a CTE ``c`` of ``id, published_at, vector``), one page of it.

    ``found``: an expression over the CTEs returned with every row (0 when there is none). ``entries``:
    a dict to fill with the page's stored rows (``ENTRY_FIELDS``, by id), read by the same statement:
    one round trip and one statement fewer than ``hits_for``.
    """
    score, score_params = scoring.sql(counts)
    exact = ""
    if scoring.exact:
        # The accent-keeping vector is in the stored row: read only when the query has accented words, by
        # id for each candidate (``OFFSET 0`` keeps the subquery a nested loop), and ranked where it lies.
        # A join the planner may hash copies every candidate's stored row (3-4 kB) into the hash table
        # first: a tenth of the statement's work.
        exact = " JOIN LATERAL (SELECT x.exact_vector FROM search_searchentry x WHERE x.id = e.id OFFSET 0) x ON true"
    if entries is None:
        cursor.execute(
            f"WITH {ctes} SELECT e.id, {score} AS score, {found} FROM c e{exact} "  # noqa: S608
            "ORDER BY score DESC, e.published_at DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s",
            [*params, *score_params, limit, offset],
        )
        fetched = cursor.fetchall()
        return [(int(i), float(s)) for i, s, _ in fetched], int(fetched[0][2]) if fetched else 0
    page = (
        f"SELECT e.id, e.published_at, {score} AS score, {found} AS found FROM c e{exact} "  # noqa: S608
        "ORDER BY score DESC, e.published_at DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s"
    )
    # Each page row's stored row by id (``OFFSET 0``: a nested loop over twenty rows, never a hash).
    columns = ", ".join(f"s.{name}" for name in ENTRY_FIELDS)
    cursor.execute(
        f"WITH {ctes} SELECT p.id, p.score, p.found, {columns} FROM ({page}) p "  # noqa: S608
        f"LEFT JOIN LATERAL (SELECT {columns} FROM search_searchentry s WHERE s.id = p.id OFFSET 0) s ON true "
        "ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.id DESC",
        [*params, *score_params, limit, offset],
    )
    fetched = cursor.fetchall()
    rows: list[tuple[int, float]] = []
    for entry_id, score_value, _, *values in fetched:
        rows.append((int(entry_id), float(score_value)))
        if values[0] is not None:  # else the stored row is gone: the hit is dropped, as ``hits_for`` does
            entries[int(entry_id)] = dict(zip(ENTRY_FIELDS, values, strict=True))
    return rows, int(fetched[0][2]) if fetched else 0


def focus_tsqueries(query: ParsedQueryLike, counts: dict[str, int]) -> list[tuple[str, list[Any]]]:
    """The narrower form of a strict match whose items of any age join the candidates of a large match.

    The whole query as one phrase, as typed (a partial title, or a run of body words copied from an
    article). Symbol keys and prefixes left out; the excluded terms still apply. Only for three words
    or more, one of them in at most ``FOCUS_POSTINGS`` items: PostgreSQL rechecks the phrase on every
    row holding all its words, seconds for a phrase of common words at a million items, and 20 ms for
    "thủ tướng" among 10,000 news articles. Two words as a phrase are the pair the score boosts, which
    most of the newest items holding both have anyway (docs/decisions/0025).
    """
    groups, prefixes = query_terms(query)
    words = [w for group in groups for w in group]
    if len(words) < FOCUS_WORDS or prefixes or min(counts.get(w, 0) for w in words) > FOCUS_POSTINGS:
        return []
    params: list[Any] = []
    return [(_excluding(_phrase_sql(words, params), params, query), params)]
