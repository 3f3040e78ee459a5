"""The web bench's table, its ratios against issue 6's targets, and the dated results file."""

from __future__ import annotations

import platform
import re
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.web.__main__ import Measurement

CONGTIN, VANILLA, FRONT, NGINX = "congtin", "vanilla Wagtail", "congtin + Varnish", "nginx static"


def _find(measurements: list[Measurement], target: str, server: str) -> Measurement | None:
    for m in measurements:
        if m.target == target and m.server == server and (m.wrk is not None or m.sequential_cpu_ms > 0):
            return m
    return None


def _mib(kib: list[int]) -> str:
    if not kib:
        return ""
    return f"{len(kib)} × {median(kib) / 1024:.0f} (max {max(kib) / 1024:.0f}, Σ {sum(kib) / 1024:.0f})"


def _cpu(app: float, db: float, in_process: bool) -> str:
    """``app + DB`` in ms; with SQLite there are no database processes, its work is in the app's figure."""
    return f"{app:.2f} + in-process" if in_process else f"{app:.2f} + {db:.2f}"


def rows(measurements: list[Measurement]) -> list[list[str]]:
    found = []
    for m in measurements:
        w = m.wrk
        measured = w is not None or m.sequential_cpu_ms > 0
        socket_errors = sum(w.socket_errors.values()) if w else 0
        found.append(
            [
                m.target,
                m.server,
                f"{w.requests_per_s:,.1f}" if w else "",
                f"{w.latency_ms.get('50', 0):.2f}" if w else "",
                f"{w.latency_ms.get('99', 0):.2f}" if w else "",
                (f"{w.non_2xx_3xx}" + (f" (+{socket_errors} socket)" if socket_errors else "")) if w else "",
                _cpu(m.sequential_cpu_ms, m.sequential_db_cpu_ms, m.db_in_process) if measured else "",
                _cpu(m.cpu_ms_per_request, m.db_cpu_ms_per_request, m.db_in_process) if w else "",
                _mib(m.memory_kib),
                f"{m.load_before:.1f} / {m.machine_busy:.0%}" if w else "",
                " ".join(x for x in (f"X-Cache: {m.cache_status}" if m.cache_status else "", m.note) if x),
            ]
        )
    return found


HEADER = [
    "page",
    "server",
    "req/s",
    "p50 ms",
    "p99 ms",
    "non-2xx/3xx",
    "CPU ms/req one at a time: app + DB",
    "CPU ms/req under wrk: app + DB",
    "RSS MiB: processes × median",
    "load 1 min / CPU busy",
    "notes",
]


def table(measurements: list[Measurement]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(measurements)]
    return "\n".join(lines)


def _total_cpu(m: Measurement) -> float:
    return m.sequential_cpu_ms + m.sequential_db_cpu_ms


def _what(measurements: list[Measurement]) -> str:
    """What the CPU ratios add up: with SQLite the database is inside the app's processes."""
    return "(app, DB in-process)" if any(m.db_in_process for m in measurements) else "(app + DB)"


def _unmeasured(measurements: list[Measurement], target: str, server: str) -> str:
    """Why a row the ratios need has no figure ("" when it has one or was never attempted)."""
    for m in measurements:
        if m.target == target and m.server == server and m.wrk is None and m.sequential_cpu_ms <= 0:
            return m.note or "not measured"
    return ""


def _errors(m: Measurement | None, server: str) -> str:
    """What went wrong in a row the ratio still uses (its one-at-a-time figure stands)."""
    if m and m.wrk and m.wrk.errors:
        return f"; {server}: {m.wrk.errors:,} of {m.wrk.requests:,} requests failed under wrk"
    if m and m.note:
        return f"; {server}: {m.note}"
    return ""


def ratios(measurements: list[Measurement]) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, met?) for each of issue 6's targets that this run can judge; a ratio whose
    row failed says so (a failed row is never dropped from the comparison silently)."""
    found: list[tuple[str, str, str, str]] = []
    what = _what(measurements)
    for target in ("article", "section", "home", "search"):
        for server in (CONGTIN, VANILLA):
            if reason := _unmeasured(measurements, target, server):
                found.append(
                    (
                        f"{target}: {server} row failed, no ratio",
                        reason,
                        "≥ 10×" if target == "search" else "≤ 0.20",
                        "not judged",
                    )
                )
    for target in ("article", "section", "home"):
        ours, theirs = _find(measurements, target, CONGTIN), _find(measurements, target, VANILLA)
        if ours and theirs and _total_cpu(theirs) > 0:
            ratio = _total_cpu(ours) / _total_cpu(theirs)
            found.append(
                (
                    f"{target}, uncached: congtin CPU per request ÷ vanilla Wagtail's {what}",
                    f"{ratio:.2f} ({_total_cpu(ours):.1f} / {_total_cpu(theirs):.1f} ms; app only "
                    f"{ours.sequential_cpu_ms / max(theirs.sequential_cpu_ms, 1e-9):.2f})"
                    + _errors(ours, CONGTIN)
                    + _errors(theirs, VANILLA),
                    "≤ 0.20",
                    "yes" if ratio <= 0.2 else "no",
                )
            )
        if ours and ours.wrk:
            p99 = ours.wrk.latency_ms.get("99", 0)
            found.append(
                (
                    f"{target}, uncached: congtin p99 at 16 connections",
                    f"{p99:.1f} ms",
                    "≤ 50 ms",
                    "yes" if p99 <= 50 else "no",
                )
            )
    for target in ("article",):
        front, static = _find(measurements, target, FRONT), _find(measurements, target, NGINX)
        if front and static and front.wrk and static.wrk:
            front_rps = median([front.wrk.requests_per_s, *front.rounds])
            static_rps = median([static.wrk.requests_per_s, *static.rounds])
            ratio = front_rps / static_rps
            rounds = len(front.rounds) + 1
            found.append(
                (
                    f"{target}: congtin through Varnish req/s ÷ nginx static req/s"
                    + (f" (medians of {rounds} rows each, run alternately)" if rounds > 1 else ""),
                    f"{ratio:.2f} ({front_rps:,.0f} / {static_rps:,.0f})"
                    + (
                        "; row by row "
                        + ", ".join(
                            f"{a / b:.2f}"
                            for a, b in zip(
                                [front.wrk.requests_per_s, *front.rounds],
                                [static.wrk.requests_per_s, *static.rounds],
                                strict=False,
                            )
                        )
                        if rounds > 1
                        else ""
                    ),
                    "≥ 0.8",
                    "yes" if ratio >= 0.8 else "no",
                )
            )
    ours, theirs = _find(measurements, "search", CONGTIN), _find(measurements, "search", VANILLA)
    if ours and theirs and _total_cpu(ours) > 0:
        speed = _total_cpu(theirs) / _total_cpu(ours)
        found.append(
            (
                f"search: vanilla Wagtail CPU per request ÷ congtin's {what}",
                f"{speed:.1f}× ({_total_cpu(theirs):.1f} / {_total_cpu(ours):.1f} ms)"
                + (
                    f" (req/s {ours.wrk.requests_per_s / max(theirs.wrk.requests_per_s, 1e-9):.1f}×)"
                    if ours.wrk and theirs.wrk
                    else ""
                )
                + _errors(ours, CONGTIN)
                + _errors(theirs, VANILLA),
                "≥ 10×",
                "yes" if speed >= 10 else "no",
            )
        )
    return found


def ratios_text(measurements: list[Measurement]) -> str:
    lines = ["| ratio | measured | target (issue 6) | met |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in ratios(measurements)]
    return "\n".join(lines)


def _command(*argv: str) -> str:
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=10, check=False)  # noqa: S603
    except OSError:
        return "not installed"
    return (done.stdout + done.stderr).strip().splitlines()[0] if (done.stdout + done.stderr).strip() else ""


def machine() -> list[str]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mhz = re.findall(r"^cpu MHz\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text()
    total = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))  # type: ignore[union-attr]
    return [
        f"CPU: {len(models)} × {models[0] if models else 'unknown'}"
        + (f" ({float(mhz[0]):.0f} MHz)" if mhz else ""),
        f"Memory: {total / 1024 / 1024:.1f} GiB",
        f"Kernel: {platform.release()} ({platform.machine()}), {platform.freedesktop_os_release().get('PRETTY_NAME', '')}",
    ]


def versions(pg_version: str, db: str = "postgresql") -> list[str]:
    packages = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("Django", "wagtail", "gunicorn", "psycopg")
    )
    return [
        f"Python {platform.python_version()}; {packages}",
        f"PostgreSQL {pg_version}" if db == "postgresql" else f"SQLite {sqlite3.sqlite_version}",
        f"{_command('wrk', '-v')}",
        f"{_command('nginx', '-v')}",
        f"{_command('varnishd', '-V')}",
    ]


def _database_sentence(db: str) -> str:
    if db == "sqlite":
        return (
            "each on its own SQLite file in the working folder (`--sqlite`, the embedded default both projects "
            "ship with): congtin with `congtin.settings.production` and `DATABASE_URL=sqlite:///…`, its default "
            "embedded search (tantivy, index folder beside the database file, built by `rebuild_search_index`) "
            "and the Redis cache as in the PostgreSQL run; vanilla Wagtail with the template's default database "
            "search backend (`update_index`). Rollback journal (neither project turns WAL on); readers only."
        )
    return "both on the same PostgreSQL server."


def _database_cpu_sentence(db: str) -> str:
    if db == "sqlite":
        return (
            "nothing else: SQLite runs inside the gunicorn workers, so the app's figure already holds the "
            "database's work and the DB column reads *in-process*"
        )
    return "that of the PostgreSQL backends serving the site's database"


def markdown(measurements: list[Measurement], context: dict[str, Any]) -> str:
    args = context["args"]
    started, finished = context["started"], context["finished"]
    loads = [m.load_before for m in measurements if m.wrk]
    busy = [m.machine_busy for m in measurements if m.wrk]
    unsettled = [m for m in measurements if not m.settled]
    provisional = bool(unsettled)
    lines = [
        f"# Web bench{', SQLite' if getattr(args, 'db', '') == 'sqlite' else ''}, {started:%Y-%m-%d}"
        + (" (provisional)" if provisional else ""),
        "",
        "Written by `python -m bench.web` (`make bench-web`); how it works: [bench/web/README.md](../../bench/web/README.md);",
        "why it is fair: [decision 0019](../decisions/0019-web-bench.md).",
        "",
    ]
    if provisional:
        lines += [
            f"**Provisional.** Before {len(unsettled)} of {len(measurements)} rows the machine was still busy after "
            "the bench's wait for it to be idle: something else ran on it. Absolute figures are noisy and low; the "
            "ratios, taken in one interleaved run, are the point. Re-run `make bench` on a quiet machine before "
            "quoting them.",
            "",
        ]
    else:
        lines += [
            "Before every row the machine was near idle (under 0.3 of a core busy): nothing else ran on it.",
            "",
        ]
    lines += [
        f"Run: {started:%H:%M}–{finished:%H:%M} UTC. Corpus: {args.articles:,} articles in 5 sections, from "
        f"{context['source']}. wrk: {args.connections} connections, {args.threads} threads, {args.warmup:g} s warm-up "
        f"and {args.duration:g} s per row, on 127.0.0.1; article rows walk 100 articles, section rows the 5 sections, "
        "search rows 20 queries; every request asks `Accept-Encoding: gzip, deflate, br`, as browsers do (nginx "
        "answers with each page's `.gz` file, Varnish with its stored compressed copy). gunicorn: "
        f"{args.workers} sync workers for both sites; "
        + _database_sentence(getattr(args, "db", "postgresql")),
        "",
        "## Results",
        "",
        "CPU is the scheduler's run time (`/proc/<pid>/task/*/schedstat`, in ns) of the server's processes (gunicorn master and workers; Varnish's "
        "manager and child plus congtin's gunicorn behind it; nginx master and workers) plus "
        + _database_cpu_sentence(getattr(args, "db", "postgresql"))
        + f", per request: first over {args.sequential} requests made one at a "
        "time (exact counts; the ratios use this), then over the wrk row (divided by the requests wrk completed, "
        "so requests still in flight at the end inflate it when few complete). RSS is taken "
        "after the row, per process. *Load* is the 1-minute load average before the row; *CPU busy* is the share of "
        "both cores busy during the row, every process on the machine included (wrk itself too).",
        "",
        table(measurements),
        "",
        "## Against the targets of issue 6",
        "",
        ratios_text(measurements),
        "",
        "## Machine",
        "",
        *[f"- {line}" for line in machine()],
        *[f"- {line}" for line in versions(context.get("pg_version", ""), getattr(args, "db", "postgresql"))],
        f"- Load while measuring: 1-minute load average {min(loads, default=0):.1f}–{max(loads, default=0):.1f} "
        f"before the rows; both cores {min(busy, default=0):.0%}–{max(busy, default=0):.0%} busy during them.",
        "",
        "## Building the corpus",
        "",
    ]
    for site in ("congtin", "vanilla"):
        timings = context.get(f"{site}_load")
        if timings:
            lines.append(
                f"- {site}: migrate {timings['migrate_s']:.0f} s, pages {timings['pages_s']:.0f} s, "
                f"search index {timings['search_index_s']:.0f} s"
            )
    for note in context.get("notes", []):
        lines += ["", note]
    return "\n".join(lines) + "\n"


def save(path: Path, text: str) -> bool:
    """Write the results to ``path``; when the file is already there (an earlier run of the day, often with
    its write-up), add this run at its end, its headings one level down, instead of replacing it.

    True when the run was appended."""
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        path.write_text(text, encoding="utf-8")
        return False
    demoted = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.MULTILINE)
    before = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{before}\n\n{demoted.rstrip()}\n", encoding="utf-8")
    return True
