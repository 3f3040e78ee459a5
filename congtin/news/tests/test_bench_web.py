"""The web bench's corpus builder and its reading of wrk's report (bench/web; speed itself is never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page

from bench.web import report
from bench.web.__main__ import Measurement
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


def test_database_cpu_counts_a_connection_replaced_mid_run_and_a_worker_that_came_and_went(monkeypatch):
    """What PostgreSQL spent for the site between the two ends of a row, read as the kernel counts it.

    A connection replaced during the row (Django's ``CONN_MAX_AGE``) counted nothing of its work in the
    row, and a parallel worker that lived between the two readings was never seen: the row read low.
    """
    from bench.web import procs

    cpu = {101: 1.0, 102: 2.0}  # two gunicorn workers' connections, CPU seconds so far
    alive = [101, 102]
    monkeypatch.setattr(procs, "postgres_backends", lambda url, database, connection=None: list(alive))
    monkeypatch.setattr(procs, "cpu_seconds", lambda pids: sum(cpu.get(pid, 0.0) for pid in pids))

    class Connection:
        def close(self) -> None:
            pass

    monkeypatch.setattr("psycopg.connect", lambda *args, **kwargs: Connection())
    measured = procs.DatabaseCPU("postgres://server", "ct_site", poll=None)
    # The row: 101 works 0.5 s, then its connection is replaced by 103; a parallel worker 104 of one of
    # 102's queries runs 0.25 s; 102 works 0.25 s; 103 works 0.25 s.
    cpu[101] = 1.5
    cpu[104] = 0.25
    alive[:] = [101, 102, 104]
    measured._read()  # the polling thread's reading, here by hand
    alive[:] = [102, 103]
    del cpu[101], cpu[104]
    cpu[102], cpu[103] = 2.25, 0.25
    assert measured.seconds() == pytest.approx(0.5 + 0.25 + 0.25 + 0.25)


def test_database_cpu_never_counts_a_process_negative_nor_before_the_row(monkeypatch):
    from bench.web import procs

    cpu = {7: 3.0}
    monkeypatch.setattr(procs, "postgres_backends", lambda url, database, connection=None: list(cpu))
    monkeypatch.setattr(procs, "cpu_seconds", lambda pids: sum(cpu.get(pid, 0.0) for pid in pids))
    monkeypatch.setattr(
        "psycopg.connect", lambda *args, **kwargs: type("C", (), {"close": lambda self: None})()
    )
    measured = procs.DatabaseCPU("postgres://server", "ct_site", poll=0.01)
    cpu[7] = 3.5
    assert measured.seconds() == pytest.approx(0.5)
    assert measured._thread is not None and not measured._thread.is_alive()


def test_front_cache_ratio_is_taken_on_the_medians_of_rows_run_alternately():
    # The first rows (167 req/s each, from the wrk report) say 1.00; the four alternating rounds say less.
    front = _row("article", report.FRONT, 0.0, rounds=[200.0, 210.0, 190.0, 205.0])
    static = _row("article", report.NGINX, 0.0, rounds=[220.0, 230.0, 240.0, 225.0])

    [(what, measured, target, met)] = [r for r in report.ratios([front, static]) if "Varnish" in r[0]]

    assert what.endswith("(medians of 5 rows each, run alternately)")
    assert measured.startswith("0.89 (200 / 225); row by row 1.00, 0.91, 0.91, 0.79, 0.91")
    assert (target, met) == ("≥ 0.8", "yes")
