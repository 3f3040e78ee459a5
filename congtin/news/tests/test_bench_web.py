"""The web bench's corpus builder and its reading of wrk's report (bench/web; speed itself is never asserted)."""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page

from bench.web import report
from bench.web.__main__ import Measurement, kept_articles
from bench.web.corpus import articles, demo_records
from bench.web.load import article_rows
from bench.web.procs import cpu_seconds
from bench.web.treebuild import pages_bulk_create
from bench.web.wrk import parse
from congtin.news.models import ArticlePage
from congtin.news.tests.factories import ArticlePageFactory

WRK_REPORT = """\
Running 3s test @ http://127.0.0.1:40111/tin-tuc-su-kien/a-1/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    95.03ms   40.12ms 412.00ms   71.20%
    Req/Sec    84.12     20.01   130.00     66.67%
  Latency Distribution
     50%   88.10ms
     75%  110.52ms
     90%  150.00ms
     99%    1.21s
  503 requests in 3.01s, 12.40MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    167.11
Transfer/sec:      4.12MB
"""


@pytest.mark.django_db
def test_corpus_builder_appends_live_articles_with_sound_tree_paths_that_render(site_tree, client: Client):
    earlier = ArticlePageFactory(parent=site_tree.news, title="Bài viết có trước")
    corpus = list(articles(50, demo_records()))

    created = pages_bulk_create(parent=site_tree.news, model=ArticlePage, rows=article_rows(corpus))

    assert created == 50
    # treebeard's own consistency check: steps, depths, child counts, orphans.
    assert all(not problem for problem in Page.find_problems())
    section = Page.objects.get(pk=site_tree.news.pk)
    assert section.numchild == 51
    built = ArticlePage.objects.child_of(section).live().exclude(pk=earlier.pk).order_by("path")
    assert [a.slug for a in built] == [a.slug for a in corpus]
    assert all(a.path > earlier.path for a in built)
    newest = corpus[-1]
    response = client.get(f"/{site_tree.news.slug}/{newest.slug}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert newest.title in text
    # The corpus's heading as congtin's heading block prints it (not left empty by a misshapen value).
    assert f'<h2 class="body-heading">{escape(newest.heading)}</h2>' in text
    listing = client.get(f"/{site_tree.news.slug}/").content.decode()
    assert newest.title in listing
    assert earlier.title in client.get(f"/{site_tree.news.slug}/{earlier.slug}/").content.decode()


def test_corpus_is_the_same_on_every_run_and_slugs_are_unique():
    records = demo_records()
    first = [a.to_json() for a in articles(120, records)]
    assert first == [a.to_json() for a in articles(120, records)]
    assert len({a.slug for a in articles(120, records)}) == 120
    assert sum(a.is_top_story for a in articles(120, records)) == 5


def test_wrk_report_is_read_with_latency_units_and_errors():
    result = parse(WRK_REPORT)

    assert result.requests == 503
    assert result.seconds == pytest.approx(3.01)
    assert result.requests_per_s == pytest.approx(167.11)
    assert result.latency_ms == pytest.approx({"50": 88.10, "75": 110.52, "90": 150.0, "99": 1210.0})
    assert result.non_2xx_3xx == 4
    assert result.socket_errors == {"connect": 0, "read": 2, "write": 0, "timeout": 1}
    assert result.errors == 7


def test_wrk_report_without_requests_is_refused():
    with pytest.raises(ValueError, match="no requests"):
        parse("unable to connect to 127.0.0.1:1 Connection refused\n")


def _row(target: str, server: str, app_ms: float, **extra) -> Measurement:
    return Measurement(target=target, server=server, wrk=parse(WRK_REPORT), sequential_cpu_ms=app_ms, **extra)


def test_report_on_sqlite_says_the_database_is_in_process_and_ratios_use_the_app_alone():
    rows = [
        _row("search", "congtin", 8.0, db_in_process=True),
        _row("search", "vanilla Wagtail", 400.0, db_in_process=True),
    ]

    text = report.table(rows)
    ratios = report.ratios(rows)

    assert "| 8.00 + in-process |" in text
    assert "| 400.00 + in-process |" in text
    [(what, measured, target, met)] = ratios
    assert what == "search: vanilla Wagtail CPU per request ÷ congtin's (app, DB in-process)"
    assert measured.startswith("50.0× (400.0 / 8.0 ms)")
    assert "vanilla Wagtail: 7 of 503 requests failed under wrk" in measured
    assert (target, met) == ("≥ 10×", "yes")


def test_report_keeps_a_failed_row_and_says_its_ratio_is_not_judged():
    rows = [
        _row("search", "congtin", 8.0),
        Measurement(target="search", server="vanilla Wagtail", note="skipped: /search/?query=a answers 500"),
    ]

    ratios = report.ratios(rows)

    assert "skipped: /search/?query=a answers 500" in report.table(rows)
    assert ratios == [
        (
            "search: vanilla Wagtail row failed, no ratio",
            "skipped: /search/?query=a answers 500",
            "≥ 10×",
            "not judged",
        )
    ]


def test_search_ratio_names_a_wrk_row_where_no_request_finished():
    rows = [
        _row("search", "congtin", 28.0, db_in_process=True),
        Measurement(
            target="search",
            server="vanilla Wagtail",
            sequential_cpu_ms=3347.0,
            db_in_process=True,
            note="no request finished in 12 s",
        ),
    ]

    [(_, measured, _, met)] = report.ratios(rows)

    assert measured.startswith("119.5× (3347.0 / 28.0 ms)")
    assert measured.endswith("; vanilla Wagtail: no request finished in 12 s")
    assert met == "yes"


def test_results_file_of_the_day_keeps_its_write_up_and_gets_the_next_run_at_its_end(tmp_path):
    results = tmp_path / "2026-11-29-web.md"

    assert report.save(results, "# Web bench, 2026-11-29\n\n## Results\n\nfirst run\n") is False
    results.write_text(results.read_text(encoding="utf-8") + "\nWhat the engineer wrote about it.\n")
    assert report.save(results, "# Web bench, 2026-11-29\n\n## Results\n\nsecond run\n") is True

    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Web bench, 2026-11-29\n\n## Results\n\nfirst run\n")
    assert "What the engineer wrote about it." in text
    assert text.endswith("## Web bench, 2026-11-29\n\n### Results\n\nsecond run\n")


def test_server_cpu_is_read_to_the_millisecond_not_in_clock_ticks():
    # A child that, once started, burns about 3 ms of CPU when told to: the bench must see those 3 ms,
    # where the 10 ms ticks of /proc/<pid>/stat move by 0 or 10.
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "print('ready', flush=True)\n"
            "sys.stdin.readline()\n"
            "t = time.thread_time()\n"
            "while time.thread_time() - t < 0.003: pass\n"
            "print(time.thread_time() - t, flush=True)\n"
            "sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        before = cpu_seconds([child.pid])
        child.stdin.write("go\n")
        child.stdin.flush()
        burned = float(child.stdout.readline())
        seen = cpu_seconds([child.pid]) - before
    finally:
        child.communicate("")
    assert abs(seen - burned) < 0.0015


@pytest.mark.django_db
def test_database_cpu_counts_a_connection_that_ended_during_the_row_and_nothing_from_before_it():
    """What PostgreSQL spent for the site in the row, read as the kernel counts it, on a real server:
    a connection closed during the row (Django replaces one older than ``CONN_MAX_AGE``) counts with its
    work, which a reading at both ends of the row missed; work done before the row does not count."""
    import psycopg
    from django.db import connection

    from bench.web.procs import DatabaseCPU

    if connection.vendor != "postgresql":
        pytest.skip("the bench counts PostgreSQL's server processes")
    settings = connection.settings_dict
    credentials = quote(settings["USER"] or "postgres") + (
        f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    )
    server = f"postgresql://{credentials}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    database = settings["NAME"]
    busy = "SELECT count(*) FROM generate_series(1, 2000000) g WHERE g % 7 = 3"

    def cpu_of(session) -> float:
        pid = session.execute("SELECT pg_backend_pid()").fetchone()[0]
        return cpu_seconds([pid])

    kept = psycopg.connect(f"{server}/{database}", autocommit=True)
    try:
        kept.execute(busy)  # before the row: not counted
        kept_before = cpu_of(kept)
        measured = DatabaseCPU(server + "/postgres", database)
        with psycopg.connect(f"{server}/{database}", autocommit=True) as replaced:
            replaced.execute(busy)
            replaced_work = cpu_of(replaced)  # its whole life lies in the row
            time.sleep(0.2)  # a reading or two while it lives
        kept.execute(busy)
        kept_work = cpu_of(kept) - kept_before
        seen = measured.seconds()
    finally:
        kept.close()

    assert seen == pytest.approx(replaced_work + kept_work, rel=0.25)


def test_front_cache_ratio_is_taken_on_the_medians_of_rows_run_alternately():
    # The first rows (167 req/s each, from the wrk report) say 1.00; the four alternating rounds say less.
    front = _row("article", report.FRONT, 0.0, rounds=[200.0, 210.0, 190.0, 205.0])
    static = _row("article", report.NGINX, 0.0, rounds=[220.0, 230.0, 240.0, 225.0])

    [(what, measured, target, met)] = [r for r in report.ratios([front, static]) if "Varnish" in r[0]]

    assert what.endswith("(medians of 5 rows each, run alternately)")
    assert measured.startswith("0.89 (200 / 225); row by row 1.00, 0.91, 0.91, 0.79, 0.91")
    assert (target, met) == ("≥ 0.8", "yes")


def test_a_kept_site_is_reported_at_the_size_it_was_built_with(tmp_path) -> None:
    """``--reuse`` of a 100,000-article folder without ``--articles`` had reported 10,000 articles."""
    assert kept_articles(tmp_path) is None
    (tmp_path / "corpus.jsonl").write_text(
        '{"title": "a"}\n{"title": "b"}\n{"title": "c"}\n\n', encoding="utf-8"
    )
    assert kept_articles(tmp_path) == 3


def test_results_say_provisional_only_when_the_machine_was_busy_before_a_row():
    args = argparse.Namespace(
        articles=10_000,
        connections=16,
        threads=2,
        warmup=3.0,
        duration=12.0,
        workers=5,
        sequential=30,
        db="postgresql",
    )
    started = dt.datetime(2026, 11, 29, 16, 5, tzinfo=dt.UTC)
    context = {"args": args, "started": started, "finished": started, "source": "the project's own text"}
    quiet = [_row("article", "congtin", 1.5), _row("article", "vanilla Wagtail", 25.0)]
    busy = [_row("article", "congtin", 1.5), _row("article", "vanilla Wagtail", 25.0, settled=False)]

    quiet_text = report.markdown(quiet, context)
    busy_text = report.markdown(busy, context)

    assert quiet_text.startswith("# Web bench, 2026-11-29\n")
    assert "Provisional" not in quiet_text
    assert "Before every row the machine was near idle" in quiet_text
    assert busy_text.startswith("# Web bench, 2026-11-29 (provisional)\n")
    assert "Before 1 of 2 rows the machine was still busy" in busy_text
