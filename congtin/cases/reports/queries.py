"""Reads for the reports: the monthly roll-up where it answers, the cases themselves where it does not.

A report counts the cases received from one day to another. Its whole months with at most one filter are
read from the roll-up (``CaseTally``, ``reports.tallies``): a few thousand rows whatever the number of
cases. The days before the first whole month and after the last one, and every report with two filters or
more, are counted from the cases, reading only columns of the report index (``submitted_at`` plus the
included columns, see migration 0005) and the figures stored at closing time. Both give the same figures,
to the case (docs/decisions/0020-case-report-rollup.md). The number of queries does not depend on the
number of cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils import timezone
from django.utils.translation import gettext as _

from congtin.cases import clock
from congtin.cases.choices import OPEN_STATES, CaseState, Channel
from congtin.cases.models import Case, CaseTally, CaseType, Unit
from congtin.cases.reports import figures, tallies
from congtin.cases.reports.access import ReportScope
from congtin.documents.models import Field

OVERDUE_LIST_LIMIT = 100
NONE_KEY = 0  # the key of "no field" / "no unit" rows


class Period(StrEnum):
    MONTH = "thang"
    QUARTER = "quy"
    YEAR = "nam"


@dataclass(frozen=True)
class ReportFilters:
    """What the report counts: cases received from ``start`` to ``end`` (both included, Vietnam days)."""

    start: date
    end: date
    period: Period = Period.MONTH
    field_id: int | None = None
    unit_id: int | None = None
    case_type_id: int | None = None
    state: str = ""
    channel: str = ""

    def as_params(self) -> dict[str, str]:
        """The filters as URL parameters (the names the filter form reads)."""
        params = {"tu": self.start.isoformat(), "den": self.end.isoformat(), "ky": self.period.value}
        for name, value in (
            ("linh_vuc", self.field_id),
            ("don_vi", self.unit_id),
            ("loai", self.case_type_id),
            ("trang_thai", self.state),
            ("kenh", self.channel),
        ):
            if value:
                params[name] = str(value)
        return params


def default_filters(today: date | None = None) -> ReportFilters:
    """This year so far, by month."""
    today = today or clock.local_date(timezone.now())
    return ReportFilters(start=date(today.year, 1, 1), end=today)


@dataclass
class Tally:
    """One row of a breakdown: how many cases, how many closed with a measured deadline, how many on time."""

    key: Any
    label: str
    total: int = 0
    measured: int = 0
    on_time: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.measured if self.measured else None

    @property
    def on_time_percent(self) -> str:
        rate = self.on_time_rate
        return "—" if rate is None else format_percent(rate)


def format_percent(rate: float) -> str:
    return f"{rate * 100:.1f}".replace(".", ",") + " %"


def format_days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


@dataclass
class CaseReport:
    filters: ReportFilters
    total: Tally
    by_state: list[Tally]
    by_field: list[Tally]
    by_unit: list[Tally]
    by_channel: list[Tally]
    by_type: list[Tally]
    by_period: list[Tally]
    days_histogram: dict[int, int]
    overdue_total: int
    overdue: list[Case] = field(default_factory=list)

    @property
    def mean_days(self) -> float | None:
        return figures.mean(self.days_histogram)

    @property
    def median_days(self) -> float | None:
        return figures.median(self.days_histogram)

    @property
    def mean_days_text(self) -> str:
        return format_days(self.mean_days)

    @property
    def median_days_text(self) -> str:
        return format_days(self.median_days)

    def breakdowns(self) -> Iterator[tuple[str, str, list[Tally]]]:
        """(key, heading, rows) of every breakdown, in the order the page and the exports show them."""
        yield "period", _("Theo kỳ"), self.by_period
        yield "field", _("Theo lĩnh vực"), self.by_field
        yield "unit", _("Theo đơn vị"), self.by_unit
        yield "state", _("Theo trạng thái"), self.by_state
        yield "channel", _("Theo kênh tiếp nhận"), self.by_channel
        yield "type", _("Theo loại hồ sơ"), self.by_type


@dataclass(frozen=True)
class Choices:
    """The names behind the ids: read once per page, used by the filter form and the report's labels."""

    fields: list[tuple[int, str]]
    units: list[tuple[int, str]]
    case_types: list[tuple[int, str]]


def report_choices(scope: ReportScope) -> Choices:
    units = Unit.objects.order_by("name")
    if not scope.all_units:
        units = units.filter(pk__in=scope.unit_ids)
    return Choices(
        fields=list(Field.objects.order_by("name").values_list("pk", "name")),
        units=list(units.values_list("pk", "name")),
        case_types=list(CaseType.objects.order_by("name").values_list("pk", "name")),
    )


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.VIETNAM_TZ)


def _scoped(scope: ReportScope, filters: ReportFilters) -> QuerySet[Case]:
    """The cases in scope matching every filter but the period (the overdue list ignores the period)."""
    cases = Case.objects.order_by()
    if not scope.all_units:
        cases = cases.filter(unit_id__in=sorted(scope.unit_ids))
    if filters.field_id:
        cases = cases.filter(field_id=filters.field_id)
    if filters.unit_id:
        cases = cases.filter(unit_id=filters.unit_id)
    if filters.case_type_id:
        cases = cases.filter(case_type_id=filters.case_type_id)
    if filters.state:
        cases = cases.filter(state=filters.state)
    if filters.channel:
        cases = cases.filter(channel=filters.channel)
    return cases


DaySpan = tuple[date, date]  # from the first day, up to the second one excluded


def report_cases(
    *, scope: ReportScope, filters: ReportFilters, spans: Iterable[DaySpan] | None = None
) -> QuerySet[Case]:
    """The cases a report counts: in scope, received in the period (or in ``spans`` of it), matching the
    filters."""
    if not scope.allowed:
        return Case.objects.none()
    if spans is None:
        spans = [(filters.start, filters.end + timedelta(days=1))]
    received = Q(pk__in=[])
    for first, stop in spans:
        received |= Q(submitted_at__gte=_day_start(first), submitted_at__lt=_day_start(stop))
    return _scoped(scope, filters).filter(received)


def report_overdue(*, scope: ReportScope, filters: ReportFilters, now: datetime) -> QuerySet[Case]:
    """Open cases in scope past their deadline, most overdue first, whenever they were received."""
    if not scope.allowed:
        return Case.objects.none()
    return (
        _scoped(scope, filters)
        .filter(state__in=OPEN_STATES, deadline_at__lt=now)
        .select_related("case_type", "unit", "field")
        .order_by("deadline_at", "pk")
    )


_COUNTS = {
    "total": Count("*"),
    # on_time is set exactly when the figures were stored, so COUNT(on_time) counts the measured cases.
    "measured": Count("on_time"),
    "on_time_count": Count("on_time", filter=Q(on_time=True)),
}
_DIMENSIONS = ("field", "unit", "state", "channel", "type")
_TRUNC = {Period.MONTH: TruncMonth, Period.QUARTER: TruncQuarter, Period.YEAR: TruncYear}


def _add(tally: Tally, total: int, measured: int, on_time: int) -> None:
    tally.total += total
    tally.measured += measured
    tally.on_time += on_time


def _rows(tallies: dict[Any, Tally], order: Iterable[Any] | None = None) -> list[Tally]:
    """Rows by descending count (or in ``order``), leaving out empty ones."""
    if order is not None:
        return [tallies[key] for key in order if key in tallies and tallies[key].total]
    return sorted((t for t in tallies.values() if t.total), key=lambda t: (-t.total, t.label))


def period_label(start: date, period: Period) -> str:
    if period == Period.YEAR:
        return str(start.year)
    if period == Period.QUARTER:
        return _("Quý %(q)s/%(year)s") % {"q": (start.month - 1) // 3 + 1, "year": start.year}
    return f"{start.month:02d}/{start.year}"


def _period_starts(filters: ReportFilters) -> list[date]:
    """Every period from the one holding ``start`` to the one holding ``end``: empty periods show as 0."""
    step = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[filters.period]
    first_month = {
        Period.MONTH: filters.start.month,
        Period.QUARTER: (filters.start.month - 1) // 3 * 3 + 1,
        Period.YEAR: 1,
    }[filters.period]
    day = date(filters.start.year, first_month, 1)
    starts = []
    while day <= filters.end:
        starts.append(day)
        months = day.month - 1 + step
        day = date(day.year + months // 12, months % 12 + 1, 1)
    return starts


@dataclass
class _Counts:
    """[cases, measured, on time] per key of every dimension and per period, and the working-days histogram."""

    dims: dict[str, dict[Any, list[int]]] = field(
        default_factory=lambda: {kind: defaultdict(lambda: [0, 0, 0]) for kind in _DIMENSIONS}
    )
    periods: dict[date, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    histogram: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, acc: list[int], n: int, measured: int, on_time: int) -> None:
        acc[0] += n
        acc[1] += measured
        acc[2] += on_time


def period_start(day: date, period: Period) -> date:
    """The first day of the period holding ``day``."""
    if period == Period.YEAR:
        return date(day.year, 1, 1)
    if period == Period.QUARTER:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def whole_months(filters: ReportFilters) -> tuple[date, date] | None:
    """The whole months inside the period: (first month, month after the last), or None when there is none."""
    first = filters.start if filters.start.day == 1 else _next_month(filters.start)
    stop = (filters.end + timedelta(days=1)).replace(day=1)
    return (first, stop) if first < stop else None


def rollup_slice(scope: ReportScope, filters: ReportFilters) -> tuple[str, list[str]] | None:
    """Which roll-up rows answer these filters: (slice dimension, keys to add up), or None for two filters or
    more (the roll-up keeps one-filter slices only)."""
    wanted: dict[str, list[str]] = {}
    units: set[int] | None = None if scope.all_units else set(scope.unit_ids)
    if filters.unit_id:
        units = {filters.unit_id} if units is None else units & {filters.unit_id}
    if units is not None:
        wanted["unit"] = sorted(str(unit) for unit in units)
    for dim, value in (
        ("field", filters.field_id),
        ("type", filters.case_type_id),
        ("state", filters.state),
        ("channel", filters.channel),
    ):
        if value:
            wanted[dim] = [str(value)]
    if len(wanted) > 1:
        return None
    return next(iter(wanted.items()), (tallies.SLICE_ALL, [""]))


def _key(dim: str, key: str) -> Any:
    if dim in ("field", "unit"):
        return int(key) if key else NONE_KEY
    return int(key) if dim == "type" else key


def _count_rollup(
    counts: _Counts, slice_: tuple[str, list[str]], months: tuple[date, date], period: Period
) -> None:
    """Add the roll-up's counts of the whole months: one query over a few thousand rows."""
    dim, keys = slice_
    rows = (
        CaseTally.objects.filter(slice_dim=dim, slice_key__in=keys, month__gte=months[0], month__lt=months[1])
        .values_list("month", "dim", "key")
        .annotate(n=Sum("cases"), m=Sum("measured"), o=Sum("on_time"))
        .order_by()
    )
    for month, kind, key, n, measured, on_time in rows:
        if not n:
            continue  # a cell every case has left
        if kind == tallies.DAYS:
            counts.histogram[int(key)] += n
            continue
        counts.add(counts.dims[kind][_key(kind, key)], n, measured, on_time)
        if kind == "state":  # every case has exactly one state: the period's totals
            counts.add(counts.periods[period_start(month, period)], n, measured, on_time)


def _count_cases(counts: _Counts, cases: QuerySet[Case], period: Period) -> None:
    """Add [cases, measured, on time] per key of every dimension, and per (period, working days), read from
    the cases.

    PostgreSQL does it in one scan: ``GROUP BY GROUPING SETS`` with the five dimensions together (each
    breakdown summed here) and (period, working days); two hash tables per row rather than one per dimension
    cost 15–20 % less (docs/decisions/0020-case-report-rollup.md). Elsewhere two statements: the cases
    grouped by the five dimensions together, then by period and working days.
    """
    columns = (
        "field_id",
        "unit_id",
        "state",
        "channel",
        "case_type_id",
        "period_start",
        "working_days_taken",
    )
    with_period = cases.annotate(period_start=_TRUNC[period]("submitted_at", tzinfo=clock.VIETNAM_TZ))
    periods: list[tuple[Any, int | None, int, int, int]] = []
    if connection.vendor == "postgresql":
        try:
            inner, params = with_period.values_list(*columns, "on_time").query.sql_with_params()
        except EmptyResultSet:
            return
        listed = ", ".join(columns)
        sets = f"({', '.join(columns[:5])}), (period_start, working_days_taken)"
        sql = (
            f"SELECT {listed}, GROUPING({listed}), COUNT(*), COUNT(on_time), "  # noqa: S608 - fixed names
            f"COUNT(on_time) FILTER (WHERE on_time) FROM ({inner}) AS c GROUP BY GROUPING SETS ({sets})"
        )
        # The planner overestimates the (period, working days) groups (half a million at 1M cases) and
        # would sort a million rows on disk to group them; the real hash tables take a few MB. A higher cap
        # lets it hash every set, and JIT compiling costs more than it saves on this plan
        # (docs/benchmarks/2026-11-28-cases-report.md).
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '128MB'")
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        first_column = 1 << (len(columns) - 1)
        for *keys, grouping, n, measured, on_time in rows:
            # GROUPING() has a 0 bit, counted from the left, for each column the row is grouped by.
            if grouping & first_column:
                periods.append((keys[5], keys[6], n, measured, on_time))
                continue
            keys[0], keys[1] = keys[0] or NONE_KEY, keys[1] or NONE_KEY
            for kind, key in zip(_DIMENSIONS, keys[:5], strict=True):
                counts.add(counts.dims[kind][key], n, measured, on_time)
    else:
        for *keys, n, measured, on_time in cases.values_list(*columns[:5]).annotate(**_COUNTS):
            keys[0], keys[1] = keys[0] or NONE_KEY, keys[1] or NONE_KEY
            for kind, key in zip(_DIMENSIONS, keys, strict=True):
                counts.add(counts.dims[kind][key], n, measured, on_time)
        periods = list(with_period.values_list(*columns[5:]).annotate(**_COUNTS).order_by())
    for moment, days, n, measured, on_time in periods:
        start = moment.date() if isinstance(moment, datetime) else moment
        counts.add(counts.periods[start], n, measured, on_time)
        if days is not None:
            counts.histogram[days] += n


def report_counts(*, scope: ReportScope, filters: ReportFilters, use_rollup: bool = True) -> _Counts:
    """Every count of the report: the whole months from the roll-up when it has the filters' slice, the rest
    from the cases. ``use_rollup=False`` counts everything from the cases (the tests compare the two)."""
    counts = _Counts()
    if not scope.allowed:
        return counts
    months = whole_months(filters)
    slice_ = rollup_slice(scope, filters) if use_rollup else None
    if months is None or slice_ is None:
        _count_cases(counts, report_cases(scope=scope, filters=filters), filters.period)
        return counts
    _count_rollup(counts, slice_, months, filters.period)
    edges = [
        (first, stop)
        for first, stop in ((filters.start, months[0]), (months[1], filters.end + timedelta(days=1)))
        if first < stop
    ]
    if edges:
        _count_cases(counts, report_cases(scope=scope, filters=filters, spans=edges), filters.period)
    return counts


def report_build(
    *,
    scope: ReportScope,
    filters: ReportFilters,
    choices: Choices,
    now: datetime | None = None,
    with_overdue_list: bool = True,
) -> CaseReport:
    """Every figure of the report: the aggregates (one statement on PostgreSQL), the overdue count and list."""
    now = now or timezone.now()
    counts = report_counts(scope=scope, filters=filters)
    sums = counts.dims
    total = Tally("total", _("Tổng số"), *map(sum, zip(*sums["state"].values(), strict=False)))
    labels: dict[str, dict[Any, str]] = {
        "field": {**dict(choices.fields), NONE_KEY: _("(chưa phân loại lĩnh vực)")},
        "unit": {**dict(choices.units), NONE_KEY: _("(chưa giao đơn vị)")},
        "state": {value: str(label) for value, label in CaseState.choices},
        "channel": {value: str(label) for value, label in Channel.choices},
        "type": dict(choices.case_types),
    }
    by = {
        kind: {key: Tally(key, labels[kind].get(key, ""), *acc) for key, acc in sums[kind].items()}
        for kind in _DIMENSIONS
    }

    per_period: dict[date, Tally] = {
        start: Tally(start, period_label(start, filters.period)) for start in _period_starts(filters)
    }
    for start, (n, measured, on_time) in counts.periods.items():
        if start not in per_period:
            per_period[start] = Tally(start, period_label(start, filters.period))
        _add(per_period[start], n, measured, on_time)
    histogram = {days: n for days, n in counts.histogram.items() if n}

    overdue_cases = report_overdue(scope=scope, filters=filters, now=now)
    return CaseReport(
        filters=filters,
        total=total,
        by_state=_rows(by["state"], order=CaseState.values),
        by_field=_rows(by["field"]),
        by_unit=_rows(by["unit"]),
        by_channel=_rows(by["channel"], order=Channel.values),
        by_type=_rows(by["type"]),
        by_period=[per_period[key] for key in sorted(per_period)],
        days_histogram=histogram,
        overdue_total=overdue_cases.count(),
        overdue=list(overdue_cases[:OVERDUE_LIST_LIMIT]) if with_overdue_list else [],
    )


# --- the case list export ------------------------------------------------------------------------


def report_case_rows(*, scope: ReportScope, filters: ReportFilters, personal_data: bool) -> QuerySet[Case]:
    """The cases behind a report, for the case-list export; the contact is joined only when asked for."""
    related = ["case_type", "unit", "field"]
    if personal_data:
        related.append("contact")
    return report_cases(scope=scope, filters=filters).select_related(*related).order_by("submitted_at", "pk")
