"""``python -m bench.web``: congtin's pages against vanilla Wagtail and nginx, in one run.

See bench/web/README.md for what is measured and how; docs/decisions/0019-web-bench.md for why it is
fair. Writes ``docs/benchmarks/<date>-web.md`` and prints the same table.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from bench.web import report, sites
from bench.web.corpus import corpus_write, search_queries, source_records
from bench.web.procs import DatabaseCPU, Server, fetch, loadavg, machine_busy
from bench.web.wrk import WrkResult, run, wrk_path

REPO = sites.REPO
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"
CONGTIN_DB = "ct_bench_web"
CONGTIN_SEARCH = "/tim-kiem/?q={q}"
VANILLA_SEARCH = "/search/?query={q}"
SIZES = (10_000, 100_000, 1_000_000)
QUICK_ARTICLES = 500


@dataclass
class Measurement:
    target: str  # article, section, home, search
    server: str  # congtin, congtin + Varnish, vanilla Wagtail, nginx static
    wrk: WrkResult | None = None
    cpu_ms_per_request: float = 0.0
    db_cpu_ms_per_request: float = 0.0
    # One request at a time, each waited for: exact request counts, so CPU per request stays right on a
    # machine so busy that wrk's rows finish few requests (those still in flight at the end are not counted).
    sequential_cpu_ms: float = 0.0
    sequential_db_cpu_ms: float = 0.0
    # SQLite (--sqlite): the database work is done inside the server's own processes, counted as app CPU.
    db_in_process: bool = False
    memory_kib: list[int] = field(default_factory=list)
    load_before: float = 0.0
    machine_busy: float = 0.0  # share of both cores busy during the run, all processes
    # Whether the machine was near idle before the row (settle_machine): False means something else ran.
    settled: bool = True
    note: str = ""
    cache_status: str = ""
    # Req/s of the extra rounds run alternately with another server's (the front cache against nginx).
    rounds: list[float] = field(default_factory=list)


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201


def _apt_install(package: str, binary: str) -> bool:
    if shutil.which(binary):
        return True
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    say(f"  installing {package} (apt-get)…")
    done = subprocess.run(["apt-get", "install", "-y", "-q", package], capture_output=True, check=False)  # noqa: S603,S607
    return done.returncode == 0 and bool(shutil.which(binary))


def _postgres_ok(url: str) -> str:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except Exception as error:
        return str(error).strip().splitlines()[0]
    return ""


def _postgres_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else ""


class NoDatabaseCPU:
    """No separate database processes to read: SQLite's work is in the app's CPU, nginx has none."""

    def seconds(self) -> float:
        return 0.0


def database_cpu(args: argparse.Namespace, database: str) -> DatabaseCPU | NoDatabaseCPU:
    if args.db == "sqlite" or database == "-":
        return NoDatabaseCPU()
    return DatabaseCPU(args.pg_url, database)


def status_of(url: str) -> int | str:
    """The status of a GET, or why there is none (a request that takes longer than ``fetch``'s minute)."""
    try:
        return fetch(url)[0]
    except OSError as error:
        return f"no answer ({error.__class__.__name__}: {error})"


def _until_quiet(cpu_seconds: Callable[[], float], cores: float, cap_s: float) -> bool:
    """Wait until ``cpu_seconds`` (a running total) grows by less than ``cores`` cores' worth over half a
    second; False if it still did after ``cap_s``."""
    deadline = time.monotonic() + cap_s
    before = cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds()
        if now - before < cores * 0.5:
            return True
        before = now
    return False


def settle(servers: list[Server], cap_s: float = 90.0) -> bool:
    """Wait until ``servers`` stop working on the warm-up's abandoned requests (wrk closed their connections,
    but sync workers still serve what was queued); False if they were still busy after ``cap_s``.

    A row whose requests take seconds (vanilla Wagtail's search on SQLite) would otherwise start behind
    16 requests nobody reads, and finish none of its own."""
    return _until_quiet(lambda: sum(s.cpu() for s in servers), cores=0.1, cap_s=cap_s)


def settle_machine(cap_s: float = 120.0) -> bool:
    """Wait until the whole machine is near idle (under 0.3 of a core busy); False if it was still busy
    after ``cap_s``.

    ``settle`` watches the row's own servers; this one also sees what an earlier row left behind: vanilla
    Wagtail's search at 100,000 articles takes seconds a request, and the queries of the requests wrk had
    queued when its row ended go on in PostgreSQL (its worker waits, idle) into the next row, which was
    congtin's search through Varnish (5,300-10,400 pages a second at 100,000 against 41,000-47,000 at
    10,000, sessions 7 and 9)."""
    ticks = os.sysconf("SC_CLK_TCK")
    return _until_quiet(lambda: machine_busy()[0] / ticks, cores=0.3, cap_s=cap_s)


def measure(
    target: str,
    label: str,
    server: Server,
    paths: list[str],
    args: argparse.Namespace,
    workdir: Path,
    database: str,
    backends: tuple[Server, ...] = (),
) -> Measurement:
    """Warm up, then one timed wrk run; CPU of ``server``, ``backends`` and the PostgreSQL processes
    serving ``database``, from /proc around it."""
    result = Measurement(target=target, server=label, db_in_process=args.db == "sqlite" and database != "-")
    bad = [(p, status) for p in paths[:20] if (status := status_of(server.url + p)) != 200]
    if bad:
        result.note = f"skipped: {bad[0][0]} answers {bad[0][1]}"
        say(f"  {target:8} {label:22} {result.note}")
        return result
    result.settled = settle_machine()
    if not result.settled:
        result.note = "the machine was still busy before the row after 120 s"
    status, headers, _ = fetch(server.url + paths[0])
    result.cache_status = headers.get("X-Cache", "")
    measured = [server, *backends]
    # A warm-up too short for any request to finish (ValueError) still warmed the workers.
    with contextlib.suppress(ValueError):
        run(
            server.url,
            paths,
            seconds=args.warmup,
            connections=args.connections,
            threads=args.threads,
            workdir=workdir,
        )
    if not settle(measured):
        result.note = " ".join(
            filter(None, (result.note, "still busy with the warm-up's requests after 90 s"))
        )
    # One at a time after the warm-up, as the wrk row is: a freshly started worker's first requests
    # (imports, compiled templates, per-process caches) are start-up, not the cost of a request.
    probe = [paths[i % len(paths)] for i in range(args.sequential)]
    db = database_cpu(args, database)
    app_before = sum(s.cpu() for s in measured)
    failed = [status for path in probe if (status := status_of(server.url + path)) != 200]
    if failed:
        result.note = f"{len(failed)} of {len(probe)} one-at-a-time requests failed ({failed[0]})"
    app_after = sum(s.cpu() for s in measured)
    result.sequential_cpu_ms = (app_after - app_before) * 1000 / len(probe)
    result.sequential_db_cpu_ms = db.seconds() * 1000 / len(probe)
    result.load_before = loadavg()
    db = database_cpu(args, database)
    cpu_before = sum(s.cpu() for s in measured)
    busy_before = machine_busy()
    try:
        result.wrk, _ = run(
            server.url,
            paths,
            seconds=args.duration,
            connections=args.connections,
            threads=args.threads,
            workdir=workdir,
        )
    except ValueError:
        db.seconds()  # stops its reading thread
        result.note = " ".join(filter(None, (result.note, f"no request finished in {args.duration:g} s")))
        say(f"  {target:8} {label:22} {result.note}")
        return result
    cpu_after = sum(s.cpu() for s in measured)
    busy_after = machine_busy()
    db_seconds = db.seconds()
    result.cpu_ms_per_request = (cpu_after - cpu_before) * 1000 / max(result.wrk.requests, 1)
    result.db_cpu_ms_per_request = db_seconds * 1000 / max(result.wrk.requests, 1)
    result.machine_busy = (busy_after[0] - busy_before[0]) / max(busy_after[1] - busy_before[1], 1)
    result.memory_kib = [kib for s in measured for _, kib in s.memory()]
    if result.cache_status:
        result.cache_status = fetch(server.url + paths[0])[1].get("X-Cache", "")
    say(
        f"  {target:8} {label:22} {result.wrk.requests_per_s:9.1f} req/s  p99 {result.wrk.latency_ms.get('99', 0):8.1f} ms"
        f"  CPU {result.cpu_ms_per_request:7.2f} ms/req  errors {result.wrk.errors}"
        + (f"  X-Cache {result.cache_status}" if result.cache_status else "")
    )
    return result


def alternate(
    first: Measurement,
    second: Measurement,
    one: Server,
    other: Server,
    paths: list[str],
    args: argparse.Namespace,
    workdir: Path,
) -> None:
    """``args.front_rounds`` more rows of each of two servers, one after the other, each a third of a row
    long: at tens of thousands of requests a second a burst of other work on the machine moves a single
    row by a tenth, so the ratio of the two is taken on the medians of all their rows."""
    if not (first.wrk and second.wrk):
        return
    seconds = max(2.0, args.duration / 3)
    for _round in range(args.front_rounds):
        for measurement, server in ((first, one), (second, other)):
            try:
                result, _ = run(
                    server.url,
                    paths,
                    seconds=seconds,
                    connections=args.connections,
                    threads=args.threads,
                    workdir=workdir,
                )
            except ValueError:
                continue
            measurement.rounds.append(result.requests_per_s)
    say(
        f"  alternating rounds: {first.server} {', '.join(f'{r:,.0f}' for r in first.rounds)}; "
        f"{second.server} {', '.join(f'{r:,.0f}' for r in second.rounds)} req/s"
    )


def kept_articles(workdir: Path) -> int | None:
    """The number of articles of a working folder kept for ``--reuse`` (its corpus has one per line)."""
    corpus = workdir / "corpus.jsonl"
    if not corpus.exists():
        return None
    with corpus.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def _database(args: argparse.Namespace, workdir: Path, name: str, *, fresh: bool) -> str:
    """The site's DATABASE_URL; emptied first unless a kept folder already holds the loaded site."""
    if args.db == "sqlite":
        path = workdir / f"{name}.sqlite3"
        if fresh:
            sites.sqlite_recreate(path)
        return sites.sqlite_url(path)
    if fresh:
        sites.database_recreate(args.pg_url, name)
    return sites.database_url(args.pg_url, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        default=int(os.environ.get("BENCH_ARTICLES") or 0),
        help="corpus size (default 10,000; $BENCH_ARTICLES; 100000 and 1000000 are the issue's other sizes)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("BENCH_QUICK", "") not in ("", "0"),
        help="a short smoke run: 500 articles, 5 s per target ($BENCH_QUICK=1)",
    )
    parser.add_argument(
        "--duration", type=float, help="seconds of measurement per target (default 12; 3 with --quick)"
    )
    parser.add_argument(
        "--warmup", type=float, help="seconds of warm-up per target (default 3; 1 with --quick)"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--front-rounds",
        type=int,
        default=8,
        help="extra rounds of Varnish and nginx, alternately, for their ratio (default 8; 0 for none)",
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument(
        "--workers", type=int, default=5, help="gunicorn sync workers for both sites (default 5)"
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("CONGTIN_BENCH_PG_URL") or DEFAULT_PG,
        help="a PostgreSQL URL whose user may create databases",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("CONGTIN_BENCH_REDIS_URL") or "redis://127.0.0.1:6379/7"
    )
    parser.add_argument(
        "--vcl",
        type=Path,
        default=sites.VCL,
        help="the front cache's VCL (default deploy/varnish/congtin.vcl)",
    )
    parser.add_argument(
        "--congtin-search", default=CONGTIN_SEARCH, help="congtin's search URL, {q} for the query"
    )
    parser.add_argument("--no-vanilla", action="store_true")
    parser.add_argument(
        "--output",
        type=Path,
        help="the results file (default docs/benchmarks/<today>-web.md; a file already there gets the run added at its "
        "end; '-' for none)",
    )
    parser.add_argument(
        "--sequential",
        type=int,
        help="requests made one at a time per row for CPU per request (default 30; 10 with --quick)",
    )
    parser.add_argument("--note", action="append", default=[], help="a paragraph added to the results file")
    parser.add_argument(
        "--database",
        default=CONGTIN_DB,
        help="congtin's database (default ct_bench_web; vanilla's adds _vanilla; with --sqlite, <name>.sqlite3 "
        "in the working folder)",
    )
    parser.add_argument(
        "--db",
        choices=("postgresql", "sqlite"),
        default="postgresql",
        help="both sites on one PostgreSQL server (default), or each on a SQLite file, the embedded default",
    )
    parser.add_argument(
        "--sqlite", dest="db", action="store_const", const="sqlite", help="the same as --db sqlite"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases and the working folder")
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="build (or bring up to date) both sites, keep them and measure nothing: for a later --reuse",
    )
    parser.add_argument(
        "--reuse", type=Path, help="a working folder kept by --keep: its corpus and databases, not rebuilt"
    )
    args = parser.parse_args(argv)
    congtin_name, vanilla_name = args.database, f"{args.database}_vanilla"
    if args.reuse:
        # A kept site is measured, and reported, at the size it was built with, whatever --articles says.
        args.articles = kept_articles(args.reuse) or args.articles
    if not args.articles:
        args.articles = QUICK_ARTICLES if args.quick else SIZES[0]
    args.sequential = args.sequential or (10 if args.quick else 30)
    if args.quick:
        args.duration = args.duration or 5
        args.warmup = args.warmup or 2
    args.duration = args.duration or 12
    args.warmup = args.warmup if args.warmup is not None else 3

    say(
        f"bench.web: {args.articles:,} articles, {args.duration:g} s per target, {args.connections} connections, "
        f"{args.workers} gunicorn workers, {'SQLite files' if args.db == 'sqlite' else 'PostgreSQL'}"
    )
    if not (wrk_path() or _apt_install("wrk", "wrk")):
        say(
            "bench.web: wrk is missing and could not be installed (apt-get install wrk, as root); web bench skipped."
        )
        return 0
    if args.db == "postgresql" and (problem := _postgres_ok(args.pg_url)):
        say(f"bench.web: no PostgreSQL server at {args.pg_url} ({problem}); web bench skipped.")
        return 0
    has_nginx = _apt_install("nginx", "nginx")
    has_varnish = _apt_install("varnish", "varnishd") and args.vcl.exists()
    if not has_nginx:
        say("  nginx is missing and could not be installed: the static-file row is left out.")
    if not has_varnish:
        say(
            f"  varnishd or {args.vcl.relative_to(REPO) if args.vcl.is_relative_to(REPO) else args.vcl} is missing: "
            "the front-cache rows are left out."
        )

    workdir = args.reuse or Path(tempfile.mkdtemp(prefix="congtin-bench-web-"))
    args.keep = args.keep or bool(args.reuse) or args.build_only
    workdir.chmod(0o755)  # nginx and varnish workers run as other users
    servers: list[Server] = []
    databases: list[str] = []
    measurements: list[Measurement] = []
    context: dict = {
        "notes": list(args.note),
        "args": args,
        "started": dt.datetime.now(dt.UTC),
        "pg_version": _postgres_version(args.pg_url) if args.db == "postgresql" else "",
    }
    try:
        say("  corpus…")
        corpus = workdir / "corpus.jsonl"
        context["source"], records = source_records()
        if not args.reuse:
            corpus_write(corpus, args.articles, records)
        queries = search_queries(records)
        say(f"    {context['source']}")

        say(f"  congtin: database {congtin_name}, migrate, {args.articles:,} articles, search index…")
        congtin_db = _database(
            args, workdir, congtin_name, fresh=not (workdir / "load-congtin.json").exists()
        )
        if args.db == "postgresql":
            databases.append(congtin_name)
        congtin_env = sites.congtin_env(congtin_db, args.redis_url)
        congtin_paths = sites.load("congtin", corpus, congtin_env, REPO, workdir / "load-congtin.log")
        context["congtin_load"] = congtin_paths["timings"]
        congtin = sites.gunicorn(
            "congtin",
            "congtin.wsgi:application",
            env=congtin_env,
            cwd=REPO,
            workers=args.workers,
            workdir=workdir,
            # deploy/gunicorn.conf.py's hook: a recycled worker warms itself before its first reader.
            config="python:congtin.core.warmup",
        )
        servers.append(congtin)

        vanilla = vanilla_paths = None
        if not args.no_vanilla:
            say(
                f"  vanilla Wagtail: wagtail start, database {vanilla_name}, migrate, articles, update_index…"
            )
            project = sites.vanilla_create(workdir / "vanilla")
            vanilla_db = _database(
                args, workdir, vanilla_name, fresh=not (workdir / "load-vanilla.json").exists()
            )
            if args.db == "postgresql":
                databases.append(vanilla_name)
            env = sites.vanilla_env(project, vanilla_db)
            vanilla_paths = sites.load("vanilla", corpus, env, project, workdir / "load-vanilla.log")
            context["vanilla_load"] = vanilla_paths["timings"]
            vanilla = sites.gunicorn(
                "vanilla",
                "vanilla.wsgi:application",
                env=env,
                cwd=project,
                workers=args.workers,
                workdir=workdir,
            )
            servers.append(vanilla)

        if args.build_only:
            say(f"  built: {workdir}; measure it with --reuse {workdir} --database {congtin_name}")
            return 0
        static_root = workdir / "static-pages"
        for path in congtin_paths["articles"]:
            status, _, body = fetch(congtin.url + path)
            if status == 200:
                (static_root / path.strip("/")).mkdir(parents=True, exist_ok=True)
                (static_root / path.strip("/") / "index.html").write_bytes(body)
                # Varnish keeps text gzip-compressed at its default level 6 (deploy/varnish/congtin.vcl).
                (static_root / path.strip("/") / "index.html.gz").write_bytes(gzip.compress(body, 6, mtime=0))
        static_root.chmod(0o755)
        for folder in static_root.rglob("*"):
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        static = sites.nginx(static_root, workdir=workdir, workers=2) if has_nginx else None
        if static:
            servers.append(static)

        front = None
        if has_varnish:
            probe = fetch(congtin.url + "/healthz")[0] == 200
            try:
                front = sites.varnish(congtin, workdir=workdir, probe=probe, vcl=args.vcl)
            except RuntimeError as error:
                say(f"  Varnish did not start, front-cache rows left out: {error}")
                context.setdefault("notes", []).append(f"Varnish did not start: {error}.")
            else:
                servers.append(front)

        congtin_search = [args.congtin_search.format(q=quote(q)) for q in queries]
        vanilla_search = [VANILLA_SEARCH.format(q=quote(q)) for q in queries]
        targets = [
            ("article", congtin_paths["articles"], vanilla_paths["articles"] if vanilla_paths else []),
            ("section", congtin_paths["sections"], vanilla_paths["sections"] if vanilla_paths else []),
            ("home", ["/"], ["/"]),
            ("search", congtin_search, vanilla_search),
        ]
        say("  measuring (wrk, 127.0.0.1)…")
        # Interleaved per target, so a burst of other work on the machine hits all servers alike.
        for target, congtin_list, vanilla_list in targets:
            measurements.append(
                measure(target, "congtin", congtin, congtin_list, args, workdir, congtin_name)
            )
            if vanilla:
                measurements.append(
                    measure(target, "vanilla Wagtail", vanilla, vanilla_list, args, workdir, vanilla_name)
                )
            if front:
                # Every path once through the cache first, so the warm-up starts from hits.
                for path in congtin_list:
                    fetch(front.url + path)
                measurements.append(
                    measure(
                        target,
                        "congtin + Varnish",
                        front,
                        congtin_list,
                        args,
                        workdir,
                        congtin_name,
                        backends=(congtin,),
                    )
                )
            if static and target == "article":
                measurements.append(measure(target, "nginx static", static, congtin_list, args, workdir, "-"))
                if front:
                    alternate(measurements[-2], measurements[-1], front, static, congtin_list, args, workdir)
        context["finished"] = dt.datetime.now(dt.UTC)
        text = report.markdown(measurements, context)
        say("")
        say(report.table(measurements))
        say("")
        say(report.ratios_text(measurements))
        if str(args.output) != "-":
            suffix = "-sqlite" if args.db == "sqlite" else ""
            output = (
                args.output or REPO / "docs" / "benchmarks" / f"{context['started']:%Y-%m-%d}-web{suffix}.md"
            )
            output.parent.mkdir(parents=True, exist_ok=True)
            appended = report.save(output, text)
            say(
                f"\nbench.web: {'added to the end of' if appended else 'written to'} "
                f"{output.relative_to(REPO) if output.is_relative_to(REPO) else output}"
            )
    finally:
        for server in reversed(servers):
            server.stop()
        if not args.keep:
            for name in databases:
                try:
                    sites.database_drop(args.pg_url, name)
                except Exception as error:
                    say(f"  could not drop {name}: {error}")
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            say(f"  kept: {workdir}" + (f", databases {', '.join(databases)}" if databases else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
