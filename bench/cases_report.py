"""Time the "Tổng hợp kiến nghị" report on a million cases in PostgreSQL.

Run from the repository root::

    createdb -h 127.0.0.1 -U postgres ct_bench_cases          # once
    python -m bench.cases_report --generate 1000000            # fill it (INSERT … SELECT), rebuild the roll-up, time
    python -m bench.cases_report                               # time again on the data already there
    python -m bench.cases_report --database-url postgres://…   # another database

The report is rendered through the real admin view and the public page with Django's test client
(session, permission checks, template, SVG charts included), each scenario ``--repeat`` times; the
SQL statements are timed one by one as well. The target of issue #5 is under 1 s per page at 1M cases.
Nothing here is asserted: speed is measured, not tested.

Generated cases are realistic in shape, not in text: 20 fields and 15 units with skewed weights, the
five channels, the seeded case types, receipt times over five years on working hours, states by age
(most old cases answered, some refused, forwarded or merged; a small share left open, hence overdue),
and handling figures computed with the working-day calendar of the holiday table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/ct_bench_cases"

FIELDS = [
    "Đất đai",
    "Xây dựng",
    "Giao thông",
    "Môi trường",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Thuế",
    "Hải quan",
    "Lao động, việc làm",
    "Bảo hiểm xã hội",
    "Tài chính",
    "Nông nghiệp",
    "Công thương",
    "Tư pháp, hộ tịch",
    "Nội vụ",
    "Văn hoá, thể thao",
    "Du lịch",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Tài nguyên nước",
]
UNITS = [
    "Văn phòng",
    "Phòng Tiếp công dân",
    "Phòng Quản lý đất đai",
    "Phòng Quản lý đô thị",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Y tế",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Kinh tế",
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Phòng Văn hoá và Thông tin",
    "Thanh tra",
    "Ban Quản lý dự án",
]
CHANNELS = [("web", 55), ("email", 15), ("post", 10), ("in_person", 10), ("phone", 10)]
SUBJECTS = [
    "Phản ánh về {f} tại khu dân cư",
    "Kiến nghị giải quyết hồ sơ {f}",
    "Đề nghị cung cấp thông tin về {f}",
    "Hỏi về thủ tục {f}",
    "Phản ánh chậm giải quyết thủ tục {f}",
]
OPEN = ["received", "classified", "assigned", "in_progress", "extended"]


def out(*parts: object) -> None:
    """Write one line to stdout (a report, so not logging)."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def machine_load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} cores"


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtin.settings.test")
    import django

    django.setup()


def _case_sql(column: str, pairs: list[tuple[str, int]]) -> str:
    """A SQL CASE picking one literal of ``pairs`` with probability proportional to its weight."""
    total = sum(weight for _literal, weight in pairs)
    branches, acc = [], 0
    for literal, weight in pairs[:-1]:
        acc += weight
        branches.append(f"WHEN {column} < {acc / total:.6f} THEN {literal}")
    return f"CASE {' '.join(branches)} ELSE {pairs[-1][0]} END"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def generate(count: int, *, years: int = 5) -> None:
    """Replace every case with ``count`` generated ones, in one INSERT … SELECT over generate_series.

    PostgreSQL draws the random values; the working-day arithmetic joins two small temporary tables built
    from the holiday table by the clock's own ``WorkCalendar`` (the n-th working day after a day is a
    lookup), so the figures follow the same rule as the transition services.
    """
    from django.db import connection

    from congtin.cases import clock, queries
    from congtin.cases.choices import CLOSED_STATES
    from congtin.cases.models import CaseType, Unit
    from congtin.documents.models import Field

    now = datetime.now(tz=clock.VIETNAM_TZ)
    today = now.date()
    first = date(today.year - years + 1, 1, 1)
    field_ids = [
        Field.objects.get_or_create(name=name, defaults={"slug": f"bench-{i}"})[0].pk
        for i, name in enumerate(FIELDS)
    ]
    unit_ids = [
        Unit.objects.get_or_create(code=f"bench-{i}", defaults={"name": name})[0].pk
        for i, name in enumerate(UNITS)
    ]
    types = list(
        CaseType.objects.order_by("pk").values_list("pk", "deadline_amount", "max_extension_days", "code")
    )
    cal = queries.work_calendar()
    cum: list[tuple[date, int]] = []
    working: list[tuple[int, date]] = []
    day = first - timedelta(days=10)
    while day <= date(today.year + 2, 12, 31):
        if cal.is_working_day(day):
            working.append((len(working) + 1, day))
        cum.append((day, len(working)))
        day += timedelta(days=1)

    type_k = _case_sql(
        "b.r_type", [(str(k), 70 if t[3] == "phan-anh-kien-nghi" else 10) for k, t in enumerate(types)]
    )
    type_values = ", ".join(f"({k}, {t[0]}, {t[1]}, {t[2]})" for k, t in enumerate(types))
    field_case = _case_sql("f.r_field", [(str(pk), max(1, 40 // (i + 1))) for i, pk in enumerate(field_ids)])
    unit_case = _case_sql("f.r_unit", [(str(pk), max(1, 30 // (i + 1))) for i, pk in enumerate(unit_ids)])
    channel_case = _case_sql("f.r_chan", [(_quote(c), w) for c, w in CHANNELS])
    outcome_case = _case_sql(
        "x.r_out",
        [
            ("'answered'", 72),
            ("'published'", 8),
            ("'refused'", 5),
            ("'forwarded'", 8),
            ("'merged'", 5),
            ("'open'", 2),
        ],
    )
    open_case = _case_sql("c.r_state", [(_quote(state), 1) for state in OPEN])
    subject_case = _case_sql("f.r_subj", [(_quote(text), 1) for text in SUBJECTS])
    closed = ", ".join(_quote(str(state)) for state in CLOSED_STATES)
    tz = "'Asia/Ho_Chi_Minh'"
    # Every value put in the SQL is a number, a date or a constant of this module quoted by _quote.
    sql = f"""
WITH base AS (
  SELECT g,
    DATE '{first.isoformat()}' + floor({(today - first).days} * power(random(), 0.8))::int AS rday,
    random() AS r_type, random() AS r_field, random() AS r_nofield, random() AS r_unit, random() AS r_chan,
    random() AS r_ext, random() AS r_out, random() AS r_state, random() AS r_subj,
    sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z,
    7 + floor(random() * 11)::int AS hh, floor(random() * 60)::int AS mi, 8 + floor(random() * 8)::int AS ch,
    upper(md5(g::text || ':' || random()::text)) AS m
  FROM generate_series(1, {int(count)}) AS g
), typed AS (
  SELECT b.*, t.type_id, t.amount,
    CASE WHEN t.max_ext > 0 AND b.r_ext < 0.1 THEN t.max_ext ELSE 0 END AS ext, c.cum AS rcum
  FROM base b
  JOIN (VALUES {type_values}) AS t(k, type_id, amount, max_ext) ON t.k = ({type_k})
  JOIN bench_cum c ON c.day = b.rday
), planned AS (
  SELECT x.*, d.day AS deadline_day,
    CASE WHEN DATE '{today.isoformat()}' - x.rday > 45 THEN {outcome_case}
         WHEN x.r_out < 0.67 THEN 'open' ELSE 'answered' END AS outcome,
    GREATEST(0, floor(x.amount * 0.7 + (x.amount * 0.35 + 1) * x.z))::int AS days
  FROM typed x JOIN bench_wd d ON d.idx = x.rcum + x.amount + x.ext
), staged AS (
  SELECT c.*,
    CASE WHEN c.outcome = 'open' OR c.closed_day IS NULL OR c.closed_day > DATE '{today.isoformat()}' THEN {open_case}
         ELSE c.outcome END AS state,
    (c.rday + make_time(c.hh, c.mi, 0)) AT TIME ZONE {tz} AS submitted_at,
    (c.deadline_day + time '23:59:59.999999') AT TIME ZONE {tz} AS deadline_at,
    CASE WHEN c.days = 0 THEN (c.rday + make_time(c.hh, c.mi, 0)) AT TIME ZONE {tz} + interval '2 hours'
         ELSE (c.closed_day + make_time(c.ch, 30, 0)) AT TIME ZONE {tz} END AS closed_ts
  FROM (
    SELECT p.*, CASE WHEN p.days = 0 THEN p.rday ELSE cd.day END AS closed_day
    FROM planned p LEFT JOIN bench_wd cd ON cd.idx = p.rcum + p.days
  ) AS c
), final AS (
  SELECT s.*, s.state IN ({closed}) AS is_closed,
    CASE WHEN s.r_nofield < 0.03 THEN NULL ELSE {field_case.replace("f.", "s.")} END AS field_id
  FROM staged s
)
INSERT INTO cases_case (
  case_type_id, tracking_code, state, resume_state, unit_id, field_id, channel, subject, content,
  submitted_at, deadline_at, paused_total, extension_days, extension_reason, answer, answered_at,
  public_question, public_answer, published_at, forwarded_to, refusal_ground, closed_at,
  working_days_taken, on_time
)
SELECT f.type_id,
  substr(f.m, 1, 4) || '-' || substr(f.m, 5, 4) || '-' || substr(f.m, 9, 4) || '-' || substr(f.m, 13, 4),
  f.state, '', CASE WHEN f.state = 'received' THEN NULL ELSE {unit_case} END, f.field_id, {channel_case},
  replace({subject_case}, '{{f}}', lower(coalesce(fl.name, 'khác'))),
  'Kính gửi cơ quan, tôi xin phản ánh việc liên quan đến lĩnh vực ' || lower(coalesce(fl.name, 'khác'))
    || '. Đề nghị cơ quan xem xét, trả lời bằng văn bản theo quy định. Trân trọng.',
  f.submitted_at, f.deadline_at, interval '0', f.ext, '',
  CASE WHEN f.state IN ('answered', 'published') THEN 'Cơ quan đã trả lời.' ELSE '' END,
  CASE WHEN f.state IN ('answered', 'published') THEN f.closed_ts END,
  '', '', CASE WHEN f.state = 'published' THEN f.closed_ts + interval '3 days' END,
  CASE WHEN f.state = 'forwarded' THEN 'UBND cấp trên' ELSE '' END,
  CASE WHEN f.state = 'refused' THEN 'Điều 6 Luật Tiếp cận thông tin' ELSE '' END,
  CASE WHEN f.is_closed THEN f.closed_ts END,
  CASE WHEN f.is_closed AND f.state <> 'merged' THEN f.days END,
  CASE WHEN f.is_closed AND f.state <> 'merged' THEN f.closed_ts <= f.deadline_at END
FROM final f LEFT JOIN documents_field fl ON fl.id = f.field_id
"""  # noqa: S608
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # CASCADE empties every table that points at a case (events, contacts, attachments, notes…).
        cursor.execute("TRUNCATE cases_case, cases_caseexport RESTART IDENTITY CASCADE")
        cursor.execute("CREATE TEMP TABLE bench_wd (idx int PRIMARY KEY, day date NOT NULL)")
        cursor.execute("CREATE TEMP TABLE bench_cum (day date PRIMARY KEY, cum int NOT NULL)")
        cursor.executemany("INSERT INTO bench_wd VALUES (%s, %s)", working)
        cursor.executemany("INSERT INTO bench_cum VALUES (%s, %s)", cum)
        # One index build after the load is much cheaper than a million index insertions.
        cursor.execute("DROP INDEX IF EXISTS cases_case_report_cover")
        cursor.execute(sql)
        inserted = time.perf_counter() - started
        cursor.execute(
            "CREATE INDEX cases_case_report_cover ON cases_case (submitted_at) "
            "INCLUDE (field_id, unit_id, state, channel, case_type_id, on_time, working_days_taken)"
        )
        indexed = time.perf_counter() - started - inserted
        cursor.execute("DROP TABLE bench_wd, bench_cum")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_case")
    vacuumed = time.perf_counter() - started
    # The INSERT went around the roll-up's write hooks (as any raw SQL does): count it again.
    from congtin.cases.reports.tallies import case_tallies_rebuild

    started = time.perf_counter()
    rows = case_tallies_rebuild()
    rebuilt = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_casetally")
    out(
        f"generated {count:,} cases: INSERT … SELECT {inserted:.1f} s, report index {indexed:.1f} s, "
        f"VACUUM ANALYZE {vacuumed:.1f} s, roll-up rebuilt ({rows:,} rows) {rebuilt:.1f} s"
    )


def _bench_users() -> dict[str, Any]:
    from congtin.cases.models import Unit
    from congtin.cases.services import case_roles_setup
    from congtin.users.models import User

    leader, _c = User.objects.get_or_create(
        username="bench_leader", defaults={"is_superuser": True, "is_staff": True}
    )
    handler, _c = User.objects.get_or_create(username="bench_handler")
    case_roles_setup(handlers=[handler])
    unit = Unit.objects.filter(code="bench-2").first() or Unit.objects.order_by("pk").first()
    if unit is not None:
        unit.members.add(handler)
    return {"leader": leader, "handler": handler}


def _today() -> date:
    from congtin.cases import clock

    return datetime.now(tz=clock.VIETNAM_TZ).date()


class _QueryTimer:
    """A database execute wrapper that keeps the duration of every statement."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.times.append(time.perf_counter() - started)


class _CpuClock:
    """CPU seconds used by this process plus the PostgreSQL backend serving it (same machine).

    On a machine shared with other work, wall time mostly measures the queue for the cores; the CPU time of
    the two processes doing the work is what the page would take on an idle machine (data in cache).
    Parallel query is switched off for the session so that no work hides in parallel workers.
    """

    def __init__(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SET max_parallel_workers_per_gather = 0")
            cursor.execute("SELECT pg_backend_pid()")
            self.backend = cursor.fetchone()[0]
        self.tick = os.sysconf("SC_CLK_TCK")

    def now(self) -> float:
        try:
            with open(f"/proc/{self.backend}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            backend = (int(fields[11]) + int(fields[12])) / self.tick
        except OSError:  # the database is on another machine
            backend = 0.0
        return time.process_time() + backend


def _get(client: Any, url: str) -> None:
    status = client.get(url).status_code
    if status != 200:
        raise SystemExit(f"{url} answered {status}")


def _timed(fn: Callable[[], Any], repeat: int, cpu: _CpuClock) -> tuple[list[float], list[float]]:
    times, cpu_times = [], []
    for _i in range(repeat):
        started, cpu_started = time.perf_counter(), cpu.now()
        fn()
        times.append(time.perf_counter() - started)
        cpu_times.append(cpu.now() - cpu_started)
    return times, cpu_times


def run(repeat: int) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from congtin.cases.models import Case

    total = Case.objects.count()
    overdue = Case.objects.open().filter(deadline_at__lt=datetime.now().astimezone()).count()
    first = Case.objects.order_by("submitted_at").values_list("submitted_at", flat=True).first()
    if not total or first is None:
        out("no cases: run with --generate N first")
        return
    users = _bench_users()
    from congtin.documents.models import Field

    traffic = Field.objects.filter(name="Giao thông").values_list("pk", flat=True).first() or 1
    today = _today()
    all_years = f"tu={first.date().isoformat()}&den={today.isoformat()}"
    scenarios = [
        ("leader, this year by month (default)", "leader", "/admin/tong-hop-kien-nghi/"),
        ("leader, five years by quarter", "leader", f"/admin/tong-hop-kien-nghi/?{all_years}&ky=quy"),
        (
            "leader, five years by month, one field",
            "leader",
            f"/admin/tong-hop-kien-nghi/?{all_years}&linh_vuc={traffic}",
        ),
        (
            "handler (one unit), five years by year",
            "handler",
            f"/admin/tong-hop-kien-nghi/?{all_years}&ky=nam",
        ),
        (
            "leader, five years by quarter, two filters (web, answered: no roll-up)",
            "leader",
            f"/admin/tong-hop-kien-nghi/?{all_years}&ky=quy&kenh=web&trang_thai=answered",
        ),
        (
            "handler (one unit), 15/03 three years ago to 10/09 this year, one field (no roll-up)",
            "handler",
            f"/admin/tong-hop-kien-nghi/?tu={today.year - 3}-03-15&den={today.year}-09-10&linh_vuc={traffic}",
        ),
        ("public page, this year (cache cleared)", None, "/tong-hop-phan-anh-kien-nghi/"),
    ]
    out(f"cases: {total:,}; open and overdue: {overdue:,}; received from {first:%d/%m/%Y}")
    out(machine_load())
    out("")
    out(
        "| scenario | wall min (s) | wall median (s) | wall max (s) | CPU median, Django + PostgreSQL (s) "
        "| SQL queries | SQL wall, last run (s) | slowest query wall (s) |"
    )
    out("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, who, url in scenarios:
        client = Client()
        if who:
            client.force_login(users[who])
        _get(client, url)  # warm-up (session, templates, OS cache)
        timer = _QueryTimer()

        def fetch(client: Client = client, url: str = url, timer: _QueryTimer = timer) -> None:
            cache.clear()
            timer.times.clear()
            with connection.execute_wrapper(timer):
                _get(client, url)

        times, cpu_times = _timed(fetch, repeat, _CpuClock())
        out(
            f"| {label} | {min(times):.3f} | {statistics.median(times):.3f} | {max(times):.3f} | "
            f"{statistics.median(cpu_times):.3f} | "
            f"{len(timer.times)} | {sum(timer.times):.3f} | {max(timer.times):.3f} |"
        )
    out("")
    out(machine_load())


def explain() -> None:
    """The plans of a five-year report's two reads: the roll-up's whole months, and this month's days from the
    cases (which should read the report index alone)."""
    from django.db import connection
    from django.db.models import Count, Sum

    from congtin.cases.models import CaseTally
    from congtin.cases.reports.access import PUBLIC_SCOPE
    from congtin.cases.reports.queries import ReportFilters, report_cases, whole_months

    filters = ReportFilters(start=date(_today().year - 4, 1, 1), end=_today())
    months = whole_months(filters)
    assert months is not None  # noqa: S101 - five years hold whole months
    rollup = (
        CaseTally.objects.filter(slice_dim="", slice_key__in=[""], month__gte=months[0], month__lt=months[1])
        .values_list("month", "dim", "key")
        .annotate(n=Sum("cases"), m=Sum("measured"), o=Sum("on_time"))
        .order_by()
    )
    edge = report_cases(
        scope=PUBLIC_SCOPE, filters=filters, spans=[(months[1], _today() + timedelta(days=1))]
    )
    cube = edge.values_list("field_id", "unit_id", "state", "channel", "case_type_id").annotate(n=Count("*"))
    for label, query in (("roll-up, whole months", rollup), ("cases, this month's days", cube)):
        sql, params = query.query.sql_with_params()
        out(f"{label}:")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            for (line,) in cursor.fetchall():
                out("   ", line)


def _reachable(database_url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(database_url, connect_timeout=5).close()
    except psycopg.OperationalError:
        return False
    return True


def _create_database(database_url: str) -> None:
    """CREATE DATABASE through the server's maintenance database, when the server answers."""
    import psycopg
    from psycopg import sql

    server, name = database_url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{server}/postgres", connect_timeout=5, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        out(f"created database {name}")
    except psycopg.Error as error:
        out(f"could not create database {name}: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_CASES_DATABASE_URL", DEFAULT_DB))
    parser.add_argument(
        "--generate", type=int, default=0, metavar="N", help="replace the cases with N generated ones"
    )
    parser.add_argument(
        "--ensure",
        type=int,
        default=0,
        metavar="N",
        help="create the database if it is missing and generate N cases unless it already holds at least N (make bench)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="print the plan of the main aggregate")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        out("this bench needs PostgreSQL")
        return 2
    name = args.database_url.rsplit("/", 1)[-1]

    if args.ensure and not _reachable(args.database_url):
        _create_database(args.database_url)
    if not _reachable(args.database_url):
        out(f"database {name} not reachable: create it with `createdb -h 127.0.0.1 -U postgres {name}`")
        return 0
    setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if args.generate:
        generate(args.generate)
    elif args.ensure:
        from congtin.cases.models import Case

        held = Case.objects.count()
        if held < args.ensure:
            out(
                f"{name} holds {held:,} cases, fewer than {args.ensure:,}: generating them (a few minutes for a million)"
            )
            generate(args.ensure)
    if args.explain:
        explain()
    run(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
