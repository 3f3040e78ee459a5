"""CPU instructions per uncached page, counted by callgrind: the same figure on a busy or an idle machine.

    python -m bench.web --quick --keep            # builds both sites' databases; prints the kept folder
    python -m bench.web.instructions --reuse /tmp/congtin-bench-web-XXXX [--n 20] [--profile]

For each site (congtin with production settings and its Redis cache, the vanilla Wagtail news site) one
Python process runs under ``valgrind --tool=callgrind --instr-atstart=no``: ``django.setup()``, then for
every page kind 20 warm-up requests (templates compiled, caches filled, connections open) without
instrumentation, then N requests for different URLs of that kind (the five sections and the home page
repeat; search: N queries other than the warm-up's, the first words of the corpus's titles) with
instrumentation on. The process turns callgrind on and off itself through the client
requests of ``valgrind/callgrind.h`` (a ten-line C helper compiled here with the system's ``cc``), and
dumps the counts after 0 requests and after N: instructions per request = (count after N − count after
0) / N. Requests go straight to the site's WSGI application, as gunicorn calls it. Only the Python process
is counted, not PostgreSQL; the queries per request are counted in a separate pass without valgrind. A
folder kept by ``--sqlite`` is measured on its SQLite files, whose work runs inside the process and is
counted with it.

``--explain`` adds the database's side: each query of the measured requests is run again under ``EXPLAIN
(ANALYZE)`` and its planning and execution times summed per request (PostgreSQL's own timing of the
backend's work, not the round trips; the same on every run give or take the machine's load).

``--profile`` adds, without valgrind, where the time of a request goes (cProfile, cumulative per
function, the functions that matter for the page path).
"""

from __future__ import annotations

import argparse
import ctypes
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.web import sites
from bench.web.__main__ import CONGTIN_SEARCH, VANILLA_SEARCH, say
from bench.web.corpus import corpus_read, search_queries

KINDS = ("article", "section", "home", "search")
# The sites' search pages, as ``bench.web`` measures them.
SEARCH_URLS = {"congtin": CONGTIN_SEARCH, "vanilla": VANILLA_SEARCH}
WARMUP = 20
HELPER = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void cg_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
"""


def _paths(workdir: Path, site: str, n: int) -> dict[str, list[str]]:
    loaded = json.loads((workdir / f"load-{site}.json").read_text(encoding="utf-8"))
    # Search: the first two or three words of the kept corpus's own titles (``search_queries``), as
    # many as the warm-up and the measured requests together, so no measured query was asked before.
    records = [(a.title, a.summary, a.paragraphs) for a in corpus_read(workdir / "corpus.jsonl")]
    queries = search_queries(records, WARMUP + n)
    return {
        "article": loaded["articles"],
        "section": loaded["sections"],
        "home": ["/"],
        "search": [SEARCH_URLS[site].format(q=quote(q)) for q in queries],
    }


def _db_url(workdir: Path, pg_url: str, name: str) -> str:
    """The SQLite file a ``--sqlite`` run kept in the folder, otherwise the PostgreSQL database."""
    path = workdir / f"{name}.sqlite3"
    return sites.sqlite_url(path) if path.exists() else sites.database_url(pg_url, name)


def _env(site: str, workdir: Path, pg_url: str, redis_url: str, database: str) -> tuple[dict[str, str], Path]:
    if site == "congtin":
        return sites.congtin_env(_db_url(workdir, pg_url, database), redis_url), sites.REPO
    project = workdir / "vanilla"
    return sites.vanilla_env(project, _db_url(workdir, pg_url, f"{database}_vanilla")), project


def _request(app, path: str) -> tuple[int, int]:
    """One GET through the WSGI application; (status, body length)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.split("?")[1] if "?" in path else "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "HTTP_USER_AGENT": "bench",
        "HTTP_ACCEPT": "text/html",
    }
    status: list[str] = []
    body = app(environ, lambda s, h, exc_info=None: status.append(s))
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0]), size


def _measured(paths: list[str], n: int) -> tuple[list[str], list[str]]:
    """The warm-up paths and the N measured ones, different URLs as far as the kind has them."""
    if len(paths) > WARMUP + n:
        return paths[:WARMUP], paths[WARMUP : WARMUP + n]
    return [paths[i % len(paths)] for i in range(WARMUP)], [paths[i % len(paths)] for i in range(n)]


def child(args: argparse.Namespace) -> int:
    """Runs under valgrind (or alone for --profile / query counts) with the site's settings."""
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    app = WSGIHandler()
    paths = json.loads(args.paths)
    helper = ctypes.CDLL(args.helper) if args.helper else None
    result: dict[str, dict] = {}
    for kind in args.kinds.split(","):
        warm, measured = _measured(paths[kind], args.n)
        for path in warm:
            status, _ = _request(app, path)
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        if helper is not None:
            helper.cg_start()
            helper.cg_dump(f"{kind}-0".encode())
            for path in measured:
                _request(app, path)
            helper.cg_dump(f"{kind}-{len(measured)}".encode())
            helper.cg_stop()
        elif args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            for path in measured:
                _request(app, path)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(args.profile_lines)
            result[kind] = {"profile": out.getvalue()}
        else:
            queries: list[tuple[str, Any]] = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append((sql, params))
                return execute(sql, params, many, context)

            sizes = []
            with connection.execute_wrapper(count):
                for path in measured:
                    sizes.append(_request(app, path)[1])
            result[kind] = {
                "queries": len(queries) / len(measured),
                "bytes": sum(sizes) // len(sizes),
                "sql": [sql for sql, _ in queries[: int(len(queries) / len(measured))]],
            }
            if args.explain:
                result[kind]["db_ms"] = _explained(connection, queries) / len(measured)
    print(json.dumps(result))  # noqa: T201 - the parent reads it
    return 0


def _explained(connection: Any, queries: list[tuple[str, Any]]) -> float:
    """Milliseconds PostgreSQL reports for planning and running ``queries`` again (``EXPLAIN ANALYZE``)."""
    total = 0.0
    with connection.cursor() as cursor:
        for sql, params in queries:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
    return total


def _helper(folder: Path) -> Path:
    source, library = folder / "cgtoggle.c", folder / "cgtoggle.so"
    source.write_text(HELPER, encoding="utf-8")
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)], check=True)  # noqa: S603, S607
    return library


def _run_child(
    site: str, args: argparse.Namespace, extra: list[str], valgrind: list[str] | None = None
) -> str:
    env, cwd = _env(site, args.reuse, args.pg_url, args.redis_url, args.database)
    command = [
        *(valgrind or []),
        sys.executable,
        "-m",
        "bench.web.instructions",
        "child",
        "--paths",
        json.dumps(_paths(args.reuse, site, args.n)),
        "--n",
        str(args.n),
        "--kinds",
        args.kinds,
        *extra,
    ]
    env = {**env, "PYTHONPATH": f"{env['PYTHONPATH']}{os.pathsep}{sites.REPO}"}
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"{site}: {done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1]


def _totals(out_dir: Path, site: str) -> dict[str, int]:
    """Instructions per dump label, from callgrind's dump files."""
    totals: dict[str, int] = {}
    for dump in out_dir.glob(f"callgrind.{site}.*"):
        text = dump.read_text(encoding="utf-8", errors="replace")
        label = re.search(r"^desc: Trigger: Client Request: (\S+)", text, re.MULTILINE)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
        if label and total:
            totals[label.group(1)] = int(total.group(1))
    return totals


def _callgrind(site: str, args: argparse.Namespace) -> dict[str, int]:
    """Callgrind's counts per dump label for one site's child process."""
    with tempfile.TemporaryDirectory(prefix="congtin-cg-") as tmp:
        out_dir = args.keep_dumps or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for old in out_dir.glob(f"callgrind.{site}.*"):
            old.unlink()
        valgrind = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out_dir}/callgrind.{site}.%p",
        ]
        _run_child(site, args, ["--helper", str(_helper(Path(tmp)))], valgrind)
        return _totals(out_dir, site)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "child":
        parser = argparse.ArgumentParser()
        parser.add_argument("--paths", required=True)
        parser.add_argument("--n", type=int, default=20)
        parser.add_argument("--kinds", default=",".join(KINDS))
        parser.add_argument("--helper", default="")
        parser.add_argument("--profile", action="store_true")
        parser.add_argument("--explain", action="store_true")
        parser.add_argument("--profile-lines", type=int, default=60)
        return child(parser.parse_args(argv[1:]))
    parser = argparse.ArgumentParser(
        prog="python -m bench.web.instructions", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--reuse", type=Path, required=True, help="a folder kept by python -m bench.web --keep"
    )
    parser.add_argument("--n", type=int, default=20, help="measured requests per page kind (default 20)")
    parser.add_argument("--sites", default="congtin,vanilla")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument(
        "--database", default="ct_bench_web", help="congtin's database (vanilla's adds _vanilla)"
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("CONGTIN_BENCH_PG_URL") or "postgres://postgres@127.0.0.1:5432/postgres",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("CONGTIN_BENCH_REDIS_URL") or "redis://127.0.0.1:6379/7"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of each kind (no valgrind)"
    )
    parser.add_argument("--no-callgrind", action="store_true", help="only the queries (and --profile)")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also the database's milliseconds per request (each query again under EXPLAIN ANALYZE)",
    )
    parser.add_argument("--show-sql", action="store_true", help="print the queries of one request per kind")
    parser.add_argument(
        "--keep-dumps", type=Path, help="keep callgrind's dump files here (for callgrind_annotate)"
    )
    args = parser.parse_args(argv)
    rows = []
    for site in args.sites.split(","):
        totals = {} if args.no_callgrind else _callgrind(site, args)
        counted = json.loads(_run_child(site, args, ["--explain"] if args.explain else []))
        for kind in args.kinds.split(","):
            measured = [label for label in totals if label.startswith(f"{kind}-") and label != f"{kind}-0"]
            millions = float("nan")
            if measured:
                n = int(measured[0].split("-")[1])
                millions = (totals[measured[0]] - totals.get(f"{kind}-0", 0)) / n / 1e6
            rows.append(
                (
                    kind,
                    site,
                    millions,
                    counted[kind]["queries"],
                    counted[kind]["bytes"],
                    counted[kind].get("db_ms"),
                )
            )
            if args.show_sql:
                say("\n".join([f"\n## {site} {kind}: queries of one request", *counted[kind]["sql"]]))
        if args.profile:
            for kind, data in json.loads(_run_child(site, args, ["--profile"])).items():
                say(f"\n## {site} {kind} (cProfile, {args.n} requests)\n{data['profile']}")
    explain = " database ms (EXPLAIN ANALYZE) |" if args.explain else ""
    say(
        f"\n| page | site | instructions per request (M) | queries | HTML bytes |{explain}\n"
        f"|---|---|---:|---:|---:|{'---:|' if explain else ''}"
    )
    for kind, site, millions, queries, size, db_ms in sorted(rows, key=lambda r: (KINDS.index(r[0]), r[1])):
        db = f" {db_ms:.2f} |" if explain else ""
        say(f"| {kind} | {site} | {millions:.1f} | {queries:g} | {size:,} |{db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
