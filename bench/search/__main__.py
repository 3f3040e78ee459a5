"""Search quality and speed: ALQAC 2023, the known-item news set, and latency on synthetic corpora.

Run from the repository root::

    python -m bench.search                          # default: quality tables + latency at 20,000 docs
    python -m bench.search --quick                  # smoke run: fewer queries, 2,000 docs
    python -m bench.search --sizes 100000,1000000   # the latency sizes of the search issue

Engines: plain BM25 (``bm25s``) over accented and over folded syllables, Wagtail's default database
backend on SQLite and (when reachable) PostgreSQL, and the project's own backends when
``congtin.search`` offers them.  The texts come from ``$CONGTIN_SHARED_DATA`` (default
``<repo>/../shared/data``); without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.search import corpora, known_items
from bench.search.django_engines import DjangoEngine, postgres_reachable, project_backend_available
from bench.search.engines import Engine, baseline_engines, project_engines
from bench.search.metrics import ndcg_at, percentile, recall_at, reciprocal_rank_at

K = 10
LATENCY_QUERIES = 200
# What readers type most on a government portal: short, broad queries (accented and not). Written for
# this bench, not taken from any corpus.
COMMON_QUERIES = [
    "nghị định",
    "cán bộ",
    "thông tư",
    "chính phủ",
    "ủy ban nhân dân",
    "quốc hội",
    "bộ y tế",
    "thủ tướng",
    "hà nội",
    "kinh tế",
    "công an",
    "giáo dục",
    "bảo hiểm xã hội",
    "thuế",
    "đất đai",
    "học sinh",
    "bệnh viện",
    "tai nạn giao thông",
    "nghi dinh",
    "can bo",
    "giao thong",
    "covid",
]
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"
# The latency mix, per 20 queries (docs/decisions/0021): short broad queries ("nghị định", "can bo"),
# what readers type to find one item (known-item queries: toneless and partial titles, document
# numbers, runs of body words) and whole questions (ALQAC). Each kind is also reported on its own.
MIX = [("short", 8), ("typed", 9), ("question", 3)]


def out(*parts: object) -> None:
    """Write one line to stdout (a report, so not logging)."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


@dataclass
class Run:
    """One engine over one query set: index time and size, ranked ids, per-query seconds."""

    engine: str
    build_seconds: float = 0.0
    size_bytes: int = 0
    ranked: list[list[str]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds per query, when the engine reports it
    note: str = ""


def run_engine(
    engine: Engine,
    docs: Sequence[tuple[str, str, str]],
    queries: Sequence[str],
    budget: float,
    rounds: int = 1,
) -> Run:
    """Index ``docs`` and run ``queries``; with ``rounds`` > 1, the queries again that many times in all,
    keeping each query's fastest run (wall and CPU): on a shared machine the slower runs measure the
    others' load, not the engine."""
    run = Run(engine.name)
    t0 = time.perf_counter()
    try:
        engine.index(docs)
    except Exception as exc:
        run.note = f"index failed: {exc}"
        return run
    run.build_seconds = getattr(engine, "last_index", {}).get("seconds") or time.perf_counter() - t0
    size = getattr(engine, "size_bytes", None)
    run.size_bytes = size() if callable(size) else 0
    spent_from = time.perf_counter()
    for query in queries:
        if time.perf_counter() - spent_from > budget:
            run.note = f"stopped after {budget:.0f} s: {len(run.ranked)} of {len(queries)} queries"
            break
        q0 = time.perf_counter()
        try:
            ranked = engine.search(query, K)
        except Exception as exc:
            run.note = f"search failed: {exc}"
            break
        run.seconds.append(time.perf_counter() - q0)
        run.ranked.append(ranked)
        cpu = getattr(engine, "last_cpu", None)
        if cpu is not None:
            run.cpu.append(cpu)
    for _ in range(rounds - 1):
        for i, query in enumerate(queries[: len(run.seconds)]):
            q0 = time.perf_counter()
            engine.search(query, K)
            run.seconds[i] = min(run.seconds[i], time.perf_counter() - q0)
            cpu = getattr(engine, "last_cpu", None)
            if cpu is not None and len(run.cpu) == len(run.seconds):
                run.cpu[i] = min(run.cpu[i], cpu)
    return run


def engines_for(args: argparse.Namespace, n_docs: int, notes: list[str]) -> list[Engine]:
    engines: list[Engine] = [*baseline_engines(), *args.project]
    if not args.no_django:
        engines += _django_engines(args, n_docs, notes)
    if args.only:
        engines = [e for e in engines if any(word.lower() in e.name.lower() for word in args.only)]
    return engines


def _django_engines(args: argparse.Namespace, n_docs: int, notes: list[str]) -> list[Engine]:
    engines: list[Engine] = []
    for engine in args.django:
        kind = getattr(engine, "kind", "")
        limit = args.wagtail_max_docs if kind == "wagtail" else args.project_max_docs
        flag = "--wagtail-max-docs" if kind == "wagtail" else "--project-max-docs"
        if limit and n_docs > limit:
            notes.append(f"{engine.name}: skipped at {n_docs:,} documents (limit {flag} {limit:,}).")
        else:
            engines.append(engine)
    return engines


def close(engines: Sequence[Engine]) -> None:
    for engine in engines:
        closer = getattr(engine, "close", None)
        if callable(closer):
            closer()


def _scored(run: Run, n_queries: int) -> str:
    return f"{len(run.ranked)}/{n_queries}" if len(run.ranked) < n_queries else str(n_queries)


def quality_table(
    title: str,
    docs: Sequence[tuple[str, str, str]],
    queries: Sequence[str],
    relevant: Sequence[frozenset[str]],
    args: argparse.Namespace,
    *,
    groups: Sequence[str] | None = None,
) -> None:
    out(f"\n== {title}: {len(docs):,} documents, {len(queries)} queries ==")
    notes: list[str] = []
    engines = engines_for(args, len(docs), notes)
    out(f"| engine | queries | recall@{K} | MRR@{K} | nDCG@{K} | index s | p50 ms | p95 ms |")
    out("|---|---|---|---|---|---|---|---|")
    per_group: dict[str, dict[str, float]] = {}
    for engine in engines:
        try:
            run = run_engine(engine, docs, queries, args.budget)
        finally:  # drop throwaway databases even on Ctrl-C
            close([engine])
        n = len(run.ranked)
        if n == 0:
            out(f"| {run.engine} | 0 | – | – | – | – | – | – |")
            notes.append(f"{run.engine}: {run.note}")
            continue
        pairs = list(zip(run.ranked, relevant, strict=False))
        rec = sum(recall_at(r, g, K) for r, g in pairs) / n
        mrr = sum(reciprocal_rank_at(r, g, K) for r, g in pairs) / n
        ndcg = sum(ndcg_at(r, g, K) for r, g in pairs) / n
        out(
            f"| {run.engine} | {_scored(run, len(queries))} | {rec:.3f} | {mrr:.3f} | {ndcg:.3f} | "
            f"{run.build_seconds:.1f} | {percentile(run.seconds, 50) * 1e3:.1f} | "
            f"{percentile(run.seconds, 95) * 1e3:.1f} |"
        )
        if run.note:
            notes.append(f"{run.engine}: {run.note} (metrics over the queries that ran).")
        if groups is not None:
            for (r, g), group in zip(pairs, groups, strict=False):
                cell = per_group.setdefault(f"{group}\t{run.engine}", {"n": 0, "rr": 0.0, "hit": 0.0})
                cell["n"] += 1
                cell["rr"] += reciprocal_rank_at(r, g, K)
                cell["hit"] += recall_at(r, g, K)
    if per_group:
        kinds = list(dict.fromkeys(key.split("\t")[0] for key in per_group))
        totals = {kind: sum(1 for g in groups or () if g == kind) for kind in kinds}
        out(f"\nBy kind of query, MRR@{K} / success@{K}:")
        out("| kind | queries | " + " | ".join(e.name for e in engines) + " |")
        out("|---|---|" + "---|" * len(engines))
        for kind in kinds:
            cells = []
            for engine in engines:
                found = per_group.get(f"{kind}\t{engine.name}")
                if found is None:
                    cells.append("–")
                    continue
                text = f"{found['rr'] / found['n']:.3f} / {found['hit'] / found['n']:.3f}"
                cells.append(text if found["n"] == totals[kind] else f"{text} (n={found['n']:.0f})")
            out(f"| {kind} | {totals[kind]} | " + " | ".join(cells) + " |")
    for note in notes:
        out(f"Note: {note}")


def latency(
    pool: list[str], queries: Sequence[tuple[str, str]], sizes: Sequence[int], args: argparse.Namespace
) -> None:
    out(f"\n== Latency on synthetic corpora (sizes run: {', '.join(f'{s:,}' for s in sizes)}) ==")
    kinds = Counter(kind for kind, _ in queries)
    out(
        f"Documents recombined from {len(pool):,} news sentences (seeded); {len(queries)} queries, a portal's "
        f"mix ({', '.join(f'{n} {kind}' for kind, n in kinds.items())}; see README); top {K}; wall-clock in "
        "one process, and CPU (the engine's process plus its PostgreSQL backend) where the engine reports it. "
        "Per-kind rows follow each engine's 'all' row."
    )
    out(
        "| documents | engine | queries | index s | size MB | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |"
    )
    out("|---|---|---|---|---|---|---|---|---|---|")
    notes: list[str] = []
    texts = [text for _, text in queries]
    for size in sizes:
        docs = list(corpora.synthetic(pool, size))
        engines = engines_for(args, size, notes)
        for engine in engines:
            kept = args.keep_dir is not None and getattr(engine, "kind", "") == "congtin"
            if kept:
                engine.keep_dir = args.keep_dir  # type: ignore[attr-defined]
            try:
                run = run_engine(engine, docs, texts, args.budget, args.rounds)
            finally:
                close([engine])
                if kept:
                    engine.keep_dir = None  # type: ignore[attr-defined]
            if getattr(engine, "last_index", {}).get("reused"):
                notes.append(
                    f"{run.engine} at {size:,}: index reused from --keep-dir (build time and size of its build)."
                )
            if not run.seconds:
                out(f"| {size:,} | {run.engine} | 0 | – | – | – | – | – | – | – |")
                notes.append(f"{run.engine} at {size:,}: {run.note}")
                continue
            ran = len(run.seconds)
            groups = [("all", list(range(ran)))]
            groups += [(kind, [i for i in range(ran) if queries[i][0] == kind]) for kind in kinds]
            for label, index in groups:
                if not index:
                    continue
                wall = [run.seconds[i] for i in index]
                cpu = [run.cpu[i] for i in index] if len(run.cpu) == ran else []
                cpu_cells = (
                    f"{percentile(cpu, 50) * 1e3:.1f} | {percentile(cpu, 95) * 1e3:.1f}" if cpu else "– | –"
                )
                name = run.engine if label == "all" else f"… {label}"
                scored = _scored(run, len(queries)) if label == "all" else str(len(index))
                build = f"{run.build_seconds:.1f} | {run.size_bytes / 1e6:.1f}" if label == "all" else "|"
                out(
                    f"| {size:,} | {name} | {scored} | {build} | {percentile(wall, 50) * 1e3:.1f} | "
                    f"{percentile(wall, 95) * 1e3:.1f} | {max(wall) * 1e3:.1f} | {cpu_cells} |"
                )
            if run.note:
                notes.append(f"{run.engine} at {size:,}: {run.note}.")
        del docs
    out(
        "Size: bm25s = its score matrix in RAM; the Django-backed engines = growth of their throwaway "
        "database (for Wagtail's backend this includes the document table)."
    )
    out(f"Load average (1, 5, 15 min) at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    for note in notes:
        out(f"Note: {note}")


def latency_mix(
    known: Sequence[str], questions: Sequence[str], common: Sequence[str], n: int = LATENCY_QUERIES
) -> list[tuple[str, str]]:
    """``n`` queries in a portal's proportions (``MIX``), interleaved so a budget cut keeps every kind."""
    sources = {"short": common, "typed": known, "question": questions}
    cycle = [
        kind for _, kind in sorted(((i + 0.5) / share, kind) for kind, share in MIX for i in range(share))
    ]
    taken = Counter[str]()
    mix: list[tuple[str, str]] = []
    for i in range(n):
        kind = cycle[i % len(cycle)]
        pool = sources[kind]
        mix.append((kind, pool[taken[kind] % len(pool)]))
        taken[kind] += 1
    return mix


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 40 queries a set, 2,000 news distractors and latency documents, 10 s budget",
    )
    parser.add_argument("--sizes", help="latency corpus sizes, comma-separated (default 20000; quick: 2000)")
    parser.add_argument("--no-latency", action="store_true", help="skip the synthetic-corpus latency run")
    parser.add_argument("--no-django", action="store_true", help="leave out Wagtail's database backend")
    parser.add_argument(
        "--wagtail-max-docs",
        type=int,
        default=100_000,
        help="largest corpus given to Wagtail's database backend (default 100,000)",
    )
    parser.add_argument(
        "--project-max-docs",
        type=int,
        default=0,
        help="largest corpus given to the congtin.search backends (default 0: no limit)",
    )
    parser.add_argument(
        "--sets",
        default="alqac,known",
        help="quality sets to run, comma-separated: alqac, known (default both)",
    )
    parser.add_argument("--no-quality", action="store_true", help="skip the ALQAC and known-item tables")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="latency: run the query mix this many times and keep each query's fastest run (default 1)",
    )
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds of querying per engine and query set (default 60)"
    )
    parser.add_argument(
        "--only",
        action="append",
        help="run only the engines whose name contains this text (repeatable), e.g. --only congtin",
    )
    parser.add_argument(
        "--keep-dir",
        type=Path,
        help="keep the congtin.search indexes built for the latency sizes in this folder (SQLite files; "
        "PostgreSQL databases named congtin_postgresql_<digest>) and reuse them while the documents and "
        "the search migrations are unchanged",
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("CONGTIN_BENCH_PG_URL", DEFAULT_PG),
        help="PostgreSQL server for the Wagtail backend (a user that may create databases); "
        "'none' to skip. Default $CONGTIN_BENCH_PG_URL or " + DEFAULT_PG,
    )
    args = parser.parse_args(argv)
    if args.quick and args.budget == parser.get_default("budget"):
        args.budget = 10.0
    default_sizes = "2000" if args.quick else "20000"
    args.sizes = [int(s.replace("_", "")) for s in (args.sizes or default_sizes).split(",") if s]
    return args


def quality(
    data_dir: Path, records: dict, items: list[known_items.KnownItem], args: argparse.Namespace
) -> None:
    limit: Callable[[list], list] = (lambda xs: xs[:40]) if args.quick else (lambda xs: xs)
    docs, questions = corpora.alqac(data_dir)
    questions = limit(questions)
    if "alqac" in args.sets:
        quality_table(
            "ALQAC 2023, law articles (train questions)",
            docs,
            [q.text for q in questions],
            [q.relevant for q in questions],
            args,
        )

    news_docs = [(rid, fields["title"], fields["body"]) for rid, (_, fields) in records.items()]
    chosen = items
    if args.quick:
        # The first 40 queries (the kinds are interleaved), against their targets and 2,000 distractors.
        chosen = items[:40]
        targets = {item.target for item in chosen}
        distractors = [doc for doc in news_docs if doc[0] not in targets][:2000]
        news_docs = [doc for doc in news_docs if doc[0] in targets] + distractors
    if "known" not in args.sets:
        return
    quality_table(
        "Known items, news (" + ", ".join(corpora.NEWS_SOURCES) + ")",
        news_docs,
        [item.query for item in chosen],
        [frozenset([item.target]) for item in chosen],
        args,
        groups=[item.kind for item in chosen],
    )


def _flavours(kind: str, vendor: str, vendor_label: str) -> list[tuple[str, str]]:
    """The project's backends on a database: on SQLite the tantivy default and FTS5 (both selectable)."""
    if kind == "congtin" and vendor == "sqlite":
        return [
            ("tantivy", "congtin.search.backends.tantivy.TantivyBackend"),
            ("SQLite FTS5", "congtin.search.backends.sqlite.SQLiteFTS5Backend"),
        ]
    return [(vendor_label, "")]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = corpora.shared_data_dir()
    if not (data_dir / corpora.ALQAC_ARTICLES).is_file() or not (data_dir / "news").is_dir():
        out(f"Shared data folder {data_dir} not found; set CONGTIN_SHARED_DATA. Nothing to measure.")
        return 0
    started = time.perf_counter()
    args.project, found = project_engines()
    if found:
        out(found)
    kinds = [("Wagtail database backend", "wagtail")]
    if project_backend_available():
        kinds.insert(0, ("congtin.search", "congtin"))
        out("congtin.search.backends.get_backend() found: measuring the project's backend too.")
    vendors = [("SQLite", "sqlite", None)]
    if not args.no_django and args.pg_url.lower() != "none":
        reason = postgres_reachable(args.pg_url)
        if reason is None:
            vendors.append(("PostgreSQL", "postgresql", args.pg_url))
        else:
            out(f"PostgreSQL at {args.pg_url} is not usable ({reason}); its rows are left out.")
    args.django = [
        DjangoEngine(f"{label}, {vendor_label}", kind, vendor, url, backend=backend)
        for label, kind in kinds
        for vendor_label, vendor, url in vendors
        for vendor_label, backend in _flavours(kind, vendor, vendor_label)
    ]
    records = corpora.news(data_dir)
    items, skipped = known_items.load(data_dir)
    for message in skipped:
        sys.stderr.write(f"warning: {message}\n")
    if not args.no_quality:
        quality(data_dir, records, items, args)
    if not args.no_latency:
        pool = corpora.sentences(records)
        del records
        _, questions = corpora.alqac(data_dir)
        # Interleaved so a budget cut keeps every kind: known items, ALQAC questions, common short queries.
        mix = latency_mix([item.query for item in items], [q.text for q in questions], COMMON_QUERIES)
        latency(pool, mix, args.sizes, args)
    out(f"\nTotal {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
