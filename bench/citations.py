"""Benchmark the citation finder on the gold set and on the full legal texts.

Run from the repository root::

    python -m bench.citations             # quality table + throughput
    python -m bench.citations --describe  # composition of the gold set
    python -m bench.citations --no-speed  # skip the throughput run
    python -m bench.citations --details   # list every miss, false positive and canonical mismatch

The texts come from the shared data folder (``$CONGTIN_SHARED_DATA``, by default
``<repo>/../shared/data``).  Without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from congtin.vietnamese.citations import find_citations
from congtin.vietnamese.tests.test_citation_gold import (
    GOLD_SETS,
    TARGET_CANONICAL,
    TARGET_PRECISION,
    TARGET_RECALL,
    Found,
    Score,
    finder_adapter,
    load_gold,
    load_windows,
    report,
    score,
    shared_data_dir,
)

THROUGHPUT_SOURCES = ("legal/congbao_8topics_fulltext.jsonl", "legal/vlc_laws_fulltext.jsonl")

# The "single hurried regex" a developer might write in five minutes.
BASELINE_STATE = re.compile(r"\d+(?:/\d{4})?/[A-ZĐ]+(?:-[A-ZĐa-z]+)*")
BASELINE_PARTY = re.compile(r"\d+-[A-ZĐ]+/[A-ZĐ]+")


def out(*parts: object) -> None:
    """Write one line to stdout (a report, so not logging)."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def baseline_find(text: str) -> list[Found]:
    """Party matches first, then state matches that do not overlap them; canonical = the match."""
    found = [Found(m.start(), m.end(), m.group()) for m in BASELINE_PARTY.finditer(text)]
    taken = [(f.start, f.end) for f in found]
    for m in BASELINE_STATE.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            found.append(Found(m.start(), m.end(), m.group()))
    return found


def _row(name: str, result: Score) -> str:
    return (
        f"| {name:<28} | {result.precision:9.4f} | {result.recall:6.4f} | {result.f1:6.4f} | "
        f"{result.canonical_accuracy:9.4f} | {result.tp:4d} | {len(result.missed):4d} | "
        f"{len(result.false_positives):4d} |"
    )


def _noisy_recall(result: Score) -> str:
    noisy_hit = sum(1 for p in result.matched if p.gold.get("noise"))
    noisy_miss = sum(1 for _, g in result.missed if g.get("noise"))
    total = noisy_hit + noisy_miss
    return f"{noisy_hit}/{total}" if total else "-"


def _confusable_hits(result: Score) -> int:
    hits = 0
    for window, f in result.false_positives:
        if any(x["start"] < f.end and f.start < x["end"] for x in window.row["confusables"]):
            hits += 1
    return hits


def describe(rows: list[dict]) -> None:
    records: dict[str, set[str]] = {}
    cites: Counter[str] = Counter()
    confs: Counter[str] = Counter()
    noise: Counter[str] = Counter()
    why: Counter[str] = Counter()
    noisy = 0
    for r in rows:
        records.setdefault(r["source"], set()).add(r["id"])
        cites[r["source"]] += len(r["citations"])
        confs[r["source"]] += len(r["confusables"])
        for c in r["citations"]:
            noise.update(c.get("noise", []))
            noisy += bool(c.get("noise"))
        why.update(x["why"] for x in r["confusables"])
    out(
        f"windows {len(rows)}, records {sum(len(v) for v in records.values())}, "
        f"citations {sum(cites.values())} ({noisy} noisy), confusables {sum(confs.values())}"
    )
    out("| source | records | citations | confusables |")
    out("|---|---|---|---|")
    for source in sorted(records, key=lambda s: -cites[s]):
        out(f"| {source} | {len(records[source])} | {cites[source]} | {confs[source]} |")
    out("noise:", ", ".join(f"{k} {v}" for k, v in noise.most_common()))
    out("confusables:", ", ".join(f"{k} {v}" for k, v in why.most_common()))


def throughput(data_dir: Path, find: Callable[[str], object], repeat: int = 3) -> tuple[float, float, int]:
    """Best-of-``repeat`` MB/s (UTF-8 bytes) of ``find`` over the full legal texts, one process."""
    texts: list[str] = []
    for source in THROUGHPUT_SOURCES:
        path = data_dir / source
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            texts.extend(unicodedata.normalize("NFC", json.loads(line).get("text") or "") for line in f)
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            find(t)
        best = min(best, time.perf_counter() - t0)
    return size / 1e6 / best, best, size


def _score_set(set_name: str, data_dir: Path, *, details: bool) -> None:
    windows, skipped = load_windows(data_dir, load_gold(GOLD_SETS[set_name]))
    for message in skipped:
        sys.stderr.write(f"warning: {message}\n")
    if not windows:
        out(f"None of the {set_name} records were found under {data_dir}. Nothing to measure.")
        return
    n_cites = sum(len(w.row["citations"]) for w in windows)
    out(
        f"{n_cites} citations in {len(windows)} windows "
        f"({len({(w.row['source'], w.row['id']) for w in windows})} records)."
    )
    out(
        f"Targets: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, "
        f"canonical accuracy >= {TARGET_CANONICAL}\n"
    )
    out("| finder                       | precision | recall |     F1 | canonical |   TP |   FN |   FP |")
    out("|------------------------------|-----------|--------|--------|-----------|------|------|------|")
    results: dict[str, Score] = {}
    results["find_citations"] = score(windows, finder_adapter(find_citations))
    results["baseline (one hurried regex)"] = score(windows, baseline_find)
    for name, result in results.items():
        out(_row(name, result))
    out()
    for name, result in results.items():
        line = (
            f"{name}: noisy citations found {_noisy_recall(result)}, "
            f"false positives on annotated confusables {_confusable_hits(result)}, "
            f"exact symbol spans {result.exact_span_rate:.4f}"
        )
        if name == "find_citations":
            line += (
                f", type {result.field_accuracy('type'):.4f}, issued {result.field_accuracy('issued'):.4f}"
            )
        out(line)
    if details:
        out()
        out(report(results["find_citations"], limit=10_000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--describe", action="store_true", help="print the composition of the gold set and exit"
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measurement")
    parser.add_argument(
        "--details", action="store_true", help="list the finder's disagreements with the gold"
    )
    parser.add_argument(
        "--set", choices=sorted(GOLD_SETS), action="append", help="gold set(s) to score (default: all)"
    )
    args = parser.parse_args(argv)

    data_dir = shared_data_dir()
    if args.describe:
        for name in args.set or sorted(GOLD_SETS):
            out(f"== {name} ==")
            describe(load_gold(GOLD_SETS[name]))
        return 0
    if not data_dir.is_dir():
        out(f"Shared data folder {data_dir} not found; set CONGTIN_SHARED_DATA. Nothing to measure.")
        return 0

    for set_name in args.set or sorted(GOLD_SETS):
        out(f"\n== Gold set: {set_name} ({GOLD_SETS[set_name].name}) ==")
        _score_set(set_name, data_dir, details=args.details)

    if not args.no_speed:
        mbps, seconds, size = throughput(data_dir, find_citations)
        out(
            f"\nThroughput of find_citations over {', '.join(THROUGHPUT_SOURCES)}: "
            f"{size / 1e6:.1f} MB in {seconds:.2f} s, {mbps:.2f} MB/s (best of 3, one process)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
