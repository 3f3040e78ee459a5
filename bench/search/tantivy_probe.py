"""Tantivy as the embedded search backend? A measurement, not a backend (issue #4, decision 0021).

Indexes the bench's corpora (``bench.search.corpora``: the same seeded synthetic documents for latency,
ALQAC and the known-item news set for quality) in tantivy, with the tokens of the SQLite backend: the
text is folded and split by ``congtin`` (``engine_text``, ``exact_text``) and tantivy only splits on
whitespace. Queries go through ``congtin.vietnamese.query.parse_query`` and ``query_terms`` as on
SQLite, and are built as tantivy queries as close to the strict search as tantivy allows:

* every group (a word, or a phrase typed with punctuation) required in ``all`` (title and body, two
  values of one field);
* should clauses that only add to the score: the groups in the title, adjacent pairs as phrases (not
  pairs of two very common words, ``PAIR_SHARE``), the whole query as one phrase (boosted: SQLite's
  "focus" candidates), typed accents on the accent-keeping field, symbol keys;
* ties: the newer item first (``published_at``, the insertion order, as the bench's row ids);
* fewer than 10 strict hits: the relaxed match of ``relaxed_query`` (three or four units: all but one;
  five or more: any of the rarer ones, SQLite's bounds), its rows after the strict ones.

Every strict match is ranked (SQLite ranks its newest 500 and the whole-phrase matches); the count is
exact (``count=True``), and reported beside a run without it.

The probe came first (it was run from a virtualenv of its own); the backend built from it is
``congtin.search.backends.tantivy`` (decision 0024), measured by ``python -m bench.search`` as
``congtin.search, tantivy``. The probe stays as the record of the design points it measured::

    nice .venv/bin/python -m bench.search.tantivy_probe --sizes 100000,1000000 --keep-dir /var/tmp/tv-probe-all

Without ``tantivy`` (or without the shared data) it says why and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.search import corpora, known_items
from bench.search.metrics import percentile, recall_at, reciprocal_rank_at
from congtin.vietnamese import fold

K = 10
# Scores: tantivy's BM25 per field, summed over the clauses (FTS5 weighs the columns' occurrences into one
# BM25 instead): a word of the title scores in ``all`` and again in ``title``, a short field, so a large
# boost over-rewards titles. The whole query as one phrase gets the weight SQLite gives it by making its
# items candidates of any age: without a boost, body runs of the known-item set fall to MRR 0.35.
TITLE_BOOST = 1.0
KEYS_BOOST = 6.0
PHRASE_BOOST = 16.0
# The SQLite backend's bounds on a relaxed match (congtin/search/backends/sqlite.py, decision 0021).
RELAXED_POSTINGS = 5_000
PAIR_POSTINGS = 20_000
# A strict match weighs an adjacent pair only when one of its words is in at most this share of the items.
PAIR_SHARE = 0.1
# Latency runs: (count the matches exactly, the relaxed match's postings bound or 0 for none).
VARIANTS = [(False, RELAXED_POSTINGS), (True, RELAXED_POSTINGS), (True, 0)]


def out(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


class Probe:
    """One tantivy index of (id, title, body) documents and the congtin-like search over it."""

    def __init__(self, tantivy: Any, path: Path | None = None) -> None:
        self.tv = tantivy
        builder = tantivy.SchemaBuilder()
        for name in ("title", "all", "exact", "keys"):
            builder.add_text_field(name, stored=False, tokenizer_name="whitespace", index_option="position")
        builder.add_unsigned_field("published_at", stored=False, indexed=False, fast=True)
        self.schema = builder.build()
        self.path = path
        if path is None:
            self.index = tantivy.Index(self.schema)
        else:
            path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        self.ids: list[str] = []
        self.title_boost = TITLE_BOOST
        self.phrase_boost = PHRASE_BOOST
        self.pair_share = PAIR_SHARE
        self.relaxed_postings = RELAXED_POSTINGS  # 0: rank every unit and pair of a relaxed match

    # -- indexing ----------------------------------------------------------------------------------

    def build(
        self, docs: Iterable[tuple[str, str, str]], *, threads: int = 2, heap: int = 512_000_000
    ) -> None:
        from congtin.search.backends.base import engine_text, exact_text

        writer = self.index.writer(heap_size=heap, num_threads=threads)
        document = self.tv.Document
        for n, (doc_id, title, body) in enumerate(docs):
            self.ids.append(doc_id)
            doc = document()
            doc.add_text("title", engine_text(title))
            doc.add_text("all", engine_text(title))  # two values: no phrase across title and body
            doc.add_text("all", engine_text(body))
            doc.add_text("exact", exact_text(f"{title}\n{body}"))
            doc.add_unsigned("published_at", n)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def searcher(self) -> Any:
        self.index.reload()
        return self.index.searcher()

    # -- queries -----------------------------------------------------------------------------------

    def _words(self, field: str, words: Sequence[str], boost: float = 1.0) -> Any:
        q = self.tv.Query
        query = (
            q.term_query(self.schema, field, words[0])
            if len(words) == 1
            else q.phrase_query(self.schema, field, list(words))
        )
        return q.boost_query(query, boost) if boost != 1.0 else query

    def _text(self, words: Sequence[str], boost: float = 1.0) -> Any:
        """The words (one, or a phrase) anywhere: title and body are one field, ``all``, for matching.

        One field keeps every required word a plain term query, which tantivy intersects by skipping
        through the postings; a (title OR body) union per word cannot skip, and cost 2–3× as much at
        1,000,000 items. The title's weight is added by optional clauses (``_title``).
        """
        return self._words("all", words, boost)

    def _title(self, words: Sequence[str]) -> Any:
        return self._words("title", words, self.title_boost)

    def _pairs(self, searcher: Any, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """The adjacent pairs weighed in a strict match: not those of two very common words.

        An optional phrase is advanced to its next occurrence past each match, through the positions
        of every item holding both words: for two words each in most items ("va co") that is a walk of
        most of the index, 10–15 ms a pair at 1,000,000 items, for a pair whose IDF adds little.
        """
        if not self.pair_share:
            return list(pairs)
        limit = self.pair_share * searcher.num_docs
        return [pair for pair in pairs if min(searcher.doc_freq("all", w) for w in pair) <= limit]

    def strict(self, searcher: Any, parsed: Any) -> Any | None:
        from congtin.search.backends.base import (
            MAX_TERMS,
            adjacent_pairs,
            exact_terms,
            exact_text,
            excluded_groups,
            key_token,
            query_symbol_keys,
            query_terms,
        )

        occur = self.tv.Occur
        groups, _prefixes = query_terms(parsed)  # prefixes: none in the bench's queries
        clauses: list[tuple[Any, Any]] = [(occur.Must, self._text(g)) for g in groups]
        if clauses:
            clauses += [(occur.Should, self._title(g)) for g in groups]
            clauses += [
                (occur.Should, self._text(pair)) for pair in self._pairs(searcher, adjacent_pairs(groups))
            ]
            words = [w for g in groups for w in g]
            if len(words) > 2:
                clauses.append((occur.Should, self._text(words, self.phrase_boost)))
            exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(parsed)) if e]
            clauses += [(occur.Should, self._words("exact", e.split())) for e in exact[:MAX_TERMS]]
        symbols = [
            (occur.Should, self._words("keys", [key_token(k)], KEYS_BOOST)) for k in query_symbol_keys(parsed)
        ]
        if not clauses and not symbols:
            return None
        query = self.tv.Query.boolean_query(clauses) if clauses else None
        if symbols:
            query = self.tv.Query.boolean_query(([(occur.Should, query)] if query else []) + symbols)
        excluded = excluded_groups(parsed)
        if excluded:
            query = self.tv.Query.boolean_query(
                [(occur.Must, query)] + [(occur.MustNot, self._text(g)) for g in excluded]
            )
        return query

    def relaxed(self, searcher: Any, parsed: Any, strict_total: int) -> Any | None:
        """The relaxed match of the SQLite backend (``build_relaxed_match``), in tantivy.

        Three or four units: all but one, with pairs and typed accents adding to the score. Five or more:
        any of the rarer units within ``RELAXED_POSTINGS`` (``choose_terms``), or the rarest three together
        when even the rarest is common (``crowded``); a pair is weighed only when neither word is in more
        than ``PAIR_POSTINGS`` items. Document counts: tantivy's own (exact, cheap: the term dictionary).
        """
        from congtin.search.backends.base import (
            CROWDED_UNITS,
            choose_terms,
            crowded,
            excluded_groups,
            relaxed_query,
        )

        found = relaxed_query(parsed, strict_total, K)
        if found is None:
            return None
        occur = self.tv.Occur
        counts = {w: searcher.doc_freq("all", w) for w in found.words}
        units = found.units
        need = len(units) - 1 if found.combinations else 1
        if not found.combinations and self.relaxed_postings:
            units = choose_terms(counts, found.units, self.relaxed_postings)
            if crowded(counts, units, self.relaxed_postings):
                units = choose_terms(counts, found.units, 0, least=CROWDED_UNITS)
                need = len(units)
        if not units:
            return None
        chosen = {w for unit in units for w in unit.split()}
        pairs = [
            pair
            for pair in found.pairs
            if chosen & set(pair)
            and (not self.relaxed_postings or max(counts.get(w, 0) for w in pair) <= PAIR_POSTINGS)
        ]
        match = self.tv.Query.boolean_query(
            [(occur.Should, self._text(u.split())) for u in units], minimum_number_should_match=need
        )
        clauses = [(occur.Must, match)]
        clauses += [(occur.Should, self._title(u.split())) for u in units]
        clauses += [(occur.Should, self._text(pair)) for pair in pairs]
        exact = [e for e in found.exact if fold(e.split()[0]) in chosen]
        clauses += [(occur.Should, self._words("exact", e.split())) for e in exact]
        clauses += [(occur.MustNot, self._text(g)) for g in excluded_groups(parsed)]
        return self.tv.Query.boolean_query(clauses)

    def _top(self, searcher: Any, query: Any, count: bool) -> tuple[list[tuple[int, float]], int | None]:
        """Hits (document number, score) best first, newer first on equal scores; and the count."""
        result = searcher.search(query, 2 * K, count=count)
        addresses = [address for _, address in result.hits]
        published = searcher.fast_field_values("published_at", addresses) if addresses else []
        rows = sorted(
            ((int(p), float(score)) for (score, _), p in zip(result.hits, published, strict=True)),
            key=lambda row: (-row[1], -row[0]),
        )
        return rows[:K], (result.count if count else None)

    def search(self, searcher: Any, text: str, *, count: bool) -> tuple[list[str], int]:
        from congtin.vietnamese.query import parse_query

        parsed = parse_query(text)
        query = self.strict(searcher, parsed)
        if query is None:
            return [], 0
        rows, total = self._top(searcher, query, count)
        total = total if total is not None else len(rows)
        relaxed = self.relaxed(searcher, parsed, total) if len(rows) < K else None
        if relaxed is not None:
            more, found = self._top(searcher, relaxed, count)
            seen = {n for n, _ in rows}
            rows = [*rows, *(r for r in more if r[0] not in seen)][:K]
            total = max(total, found if found is not None else len(rows))
        return [self.ids[n] if self.ids else str(n) for n, _ in rows], total


# -- runs ------------------------------------------------------------------------------------------


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def quality(tantivy: Any, data_dir: Path) -> None:
    docs, questions = corpora.alqac(data_dir)
    records = corpora.news(data_dir)
    items, skipped = known_items.load(data_dir)
    for message in skipped:
        sys.stderr.write(f"warning: {message}\n")
    news_docs = [(rid, fields["title"], fields["body"]) for rid, (_, fields) in records.items()]
    sets = [
        ("ALQAC 2023", docs, [q.text for q in questions], [q.relevant for q in questions], None),
        (
            "known items",
            news_docs,
            [i.query for i in items],
            [frozenset([i.target]) for i in items],
            [i.kind for i in items],
        ),
    ]
    out("\n== Quality (tantivy, strict + relaxed as above, exact count) ==")
    out(f"| set | relaxed bound | documents | queries | recall@{K} | MRR@{K} | index s |")
    out("|---|---|---|---|---|---|---|")
    kinds: dict[str, list[tuple[float, float]]] = {}
    for (name, documents, queries, relevant, groups), bound in itertools.product(sets, (RELAXED_POSTINGS, 0)):
        probe = Probe(tantivy)
        probe.relaxed_postings = bound
        started = time.perf_counter()
        probe.build(documents)
        built = time.perf_counter() - started
        searcher = probe.searcher()
        rr = rec = 0.0
        for i, (text, gold) in enumerate(zip(queries, relevant, strict=True)):
            ranked, _ = probe.search(searcher, text, count=True)
            r, h = reciprocal_rank_at(ranked, gold, K), recall_at(ranked, gold, K)
            rr += r
            rec += h
            if groups is not None and bound:
                kinds.setdefault(groups[i], []).append((r, h))
        n = len(queries)
        out(
            f"| {name} | {bound or 'none'} | {len(documents):,} | {n} | {rec / n:.3f} | {rr / n:.3f} | {built:.1f} |"
        )
    out(f"\nKnown items by kind (relaxed bound {RELAXED_POSTINGS}), MRR@{K} / success@{K}:")
    out("| kind | queries | tantivy |")
    out("|---|---|---|")
    for kind, values in kinds.items():
        n = len(values)
        out(f"| {kind} | {n} | {sum(r for r, _ in values) / n:.3f} / {sum(h for _, h in values) / n:.3f} |")


def latency(tantivy: Any, data_dir: Path, sizes: Sequence[int], keep_dir: Path, rounds: int) -> None:
    from bench.search.__main__ import COMMON_QUERIES, latency_mix

    records = corpora.news(data_dir)
    items, _ = known_items.load(data_dir)
    pool = corpora.sentences(records)
    del records
    _, questions = corpora.alqac(data_dir)
    mix = latency_mix([i.query for i in items], [q.text for q in questions], COMMON_QUERIES)
    kinds = list(Counter(kind for kind, _ in mix))
    out(f"\n== Latency (tantivy), {len(mix)} queries of the bench's mix, top {K} ==")
    out(
        "| documents | count | relaxed bound | kind | queries | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | build s | "
        "build CPU s | size MB | load |"
    )
    out("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        path = keep_dir / f"tantivy-{size}"
        stats_file = path / "probe-build.json"
        probe = Probe(tantivy, path) if stats_file.is_file() else None
        if probe is None:
            shutil.rmtree(path, ignore_errors=True)
            probe = Probe(tantivy, path)
            started, cpu = time.perf_counter(), time.process_time()
            probe.build(corpora.synthetic(pool, size))
            stats = {
                "build_s": time.perf_counter() - started,
                "build_cpu_s": time.process_time() - cpu,
                "load": load(),
            }
            stats["size_mb"] = directory_size(path) / 1e6
            stats_file.write_text(json.dumps(stats))
        stats = json.loads(stats_file.read_text())
        searcher = probe.searcher()
        if searcher.num_docs != size:
            raise SystemExit(f"{path} holds {searcher.num_docs:,} documents, not {size:,}: delete it")
        for count, bound in VARIANTS:
            probe.relaxed_postings = bound
            for text in [t for _, t in mix[:20]]:  # warm the page cache and the code paths
                probe.search(searcher, text, count=count)
            wall: list[list[float]] = [[] for _ in mix]
            cpu_times: list[list[float]] = [[] for _ in mix]
            for _ in range(rounds):
                for i, (_, text) in enumerate(mix):
                    t0, c0 = time.perf_counter(), time.process_time()
                    probe.search(searcher, text, count=count)
                    wall[i].append(time.perf_counter() - t0)
                    cpu_times[i].append(time.process_time() - c0)
            best_wall = [min(w) for w in wall]  # best of the rounds: the load of others, not tantivy
            best_cpu = [min(c) for c in cpu_times]
            for label in ["all", *kinds]:
                index = [i for i, (kind, _) in enumerate(mix) if label in ("all", kind)]
                w = [best_wall[i] for i in index]
                c = [best_cpu[i] for i in index]
                tail = (
                    f"{stats['build_s']:.1f} | {stats['build_cpu_s']:.1f} | {stats['size_mb']:.0f} | {load()}"
                    if label == "all"
                    else "| | |"
                )
                out(
                    f"| {size:,} | {'exact' if count else 'none'} | {bound or 'none'} | {label} | {len(index)} | "
                    f"{percentile(w, 50) * 1e3:.1f} | {percentile(w, 95) * 1e3:.1f} | {max(w) * 1e3:.1f} | "
                    f"{percentile(c, 50) * 1e3:.1f} | {percentile(c, 95) * 1e3:.1f} | {tail} |"
                )
        out(
            f"Build of {size:,} at load {stats['load']} (1, 5, 15 min at its end); "
            f"{searcher.num_segments} segments."
        )
        del probe, searcher


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000", help="latency corpus sizes, comma-separated")
    parser.add_argument(
        "--keep-dir",
        type=Path,
        default=Path("/var/tmp/tv-probe-all"),  # noqa: S108 - a scratch folder
        help="where indexes live",
    )
    parser.add_argument("--rounds", type=int, default=1, help="times each latency query runs (best kept)")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import tantivy
    except ImportError:
        out("tantivy is not importable (run `make install`): see this module's docstring. Nothing measured.")
        return 0
    data_dir = corpora.shared_data_dir()
    if not (data_dir / corpora.ALQAC_ARTICLES).is_file() or not (data_dir / "news").is_dir():
        out(f"Shared data folder {data_dir} not found; set CONGTIN_SHARED_DATA. Nothing to measure.")
        return 0
    out(f"tantivy {getattr(tantivy, '__version__', '?')}, load {load()}")
    if not args.no_quality:
        quality(tantivy, data_dir)
    if not args.no_latency:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        latency(tantivy, data_dir, sizes, args.keep_dir, args.rounds)
    out(f"Load average at the end: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
