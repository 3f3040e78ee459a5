"""The monthly roll-up behind the reports: ``CaseTally`` (docs/decisions/0020-case-report-rollup.md).

For each Vietnam month of receipt, a row holds three counts (cases, measured, on time) for one value of one
dimension (field, unit, state, channel, case type, or working days taken), either over every case of the month
(slice ``""``) or over the cases of one value of one dimension (the slice a report filtered on that dimension
reads). A report over whole months with at most one filter (a handler's units count as a filter on the unit)
then sums a few thousand rows instead of reading a million cases; its figures are the same, to the case.

The roll-up follows every write of a case in the same transaction: ``Case.save`` and ``Case.delete`` and the
case queryset's ``update``, ``delete`` and ``bulk_create`` call :func:`case_tally_follow` with the row as it
was in the database (read with a row lock, so two concurrent transitions of one case cannot both count from
the same old state) and as it is after the write. Only raw SQL (the bench's generator, a migration's
historical models) goes around it: run ``manage.py rebuild_case_tallies`` afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, DateField, Model, Q, QuerySet
from django.db.models.functions import TruncMonth

from congtin.cases import clock

SLICE_ALL = ""
# Report dimension → the case column it reads.
DIMENSIONS: dict[str, str] = {
    "field": "field_id",
    "unit": "unit_id",
    "state": "state",
    "channel": "channel",
    "type": "case_type_id",
}
DAYS = "days"  # the working-days histogram: only cases with stored figures have a row there
# Every column a roll-up row depends on. A write that changes none of them leaves the roll-up alone.
COLUMNS = ("submitted_at", *DIMENSIONS.values(), "working_days_taken", "on_time")

Cell = tuple[str, str, date, str, str]  # slice dimension, slice key, month, dimension, key: the unique key
Counts = tuple[int, int, int]  # cases, measured (figures stored), on time
Row = Mapping[str, Any]  # a case's values of COLUMNS


def key_of(value: Any) -> str:
    """How a value is stored in ``slice_key`` / ``key``: ids and states as text, no field / no unit as ''."""
    return "" if value is None else str(value)


def month_of(submitted_at: datetime) -> date:
    """The first day of the Vietnam month the case was received in."""
    return clock.local_date(submitted_at).replace(day=1)


def case_cells(row: Row) -> tuple[list[Cell], Counts]:
    """The roll-up rows one case counts in, and what it adds to each."""
    month = month_of(row["submitted_at"])
    keys = [(dim, key_of(row[column])) for dim, column in DIMENSIONS.items()]
    breakdowns = list(keys)
    if row["working_days_taken"] is not None:
        breakdowns.append((DAYS, str(row["working_days_taken"])))
    on_time = row["on_time"]
    counts = (1, int(on_time is not None), int(on_time is True))
    slices = [(SLICE_ALL, ""), *keys]
    return [(s, s_key, month, dim, key) for s, s_key in slices for dim, key in breakdowns], counts


def _delta(changes: Iterable[tuple[Row | None, Row | None]]) -> dict[Cell, list[int]]:
    delta: dict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    for before, after in changes:
        for row, sign in ((before, -1), (after, 1)):
            if row is None:
                continue
            cells, counts = case_cells(row)
            for cell in cells:
                acc = delta[cell]
                for i, count in enumerate(counts):
                    acc[i] += sign * count
    return {cell: acc for cell, acc in delta.items() if any(acc)}


_BATCH = 100  # rows per INSERT: 800 parameters, under SQLite's oldest limit (999)


def _apply(delta: Mapping[Cell, list[int]]) -> None:
    """Add ``delta`` to the roll-up: one INSERT … ON CONFLICT DO UPDATE (PostgreSQL and SQLite alike).

    Rows go in key order, so that two transactions never lock the same two rows in opposite orders.
    """
    from congtin.cases.models import CaseTally

    if not delta:
        return
    table = connection.ops.quote_name(CaseTally._meta.db_table)
    q = connection.ops.quote_name
    key_columns = ", ".join(q(c) for c in ("slice_dim", "slice_key", "month", "dim", "key"))
    counts = [q(c) for c in ("cases", "measured", "on_time")]
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts)
    rows = sorted(delta.items())
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            chunk = rows[start : start + _BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            params: list[Any] = []
            for (s, s_key, month, dim, key), (n, measured, on_time) in chunk:
                params += [
                    s,
                    s_key,
                    connection.ops.adapt_datefield_value(month),
                    dim,
                    key,
                    n,
                    measured,
                    on_time,
                ]
            cursor.execute(
                f"INSERT INTO {table} ({key_columns}, {', '.join(counts)}) VALUES {values} "  # noqa: S608
                f"ON CONFLICT ({key_columns}) DO UPDATE SET {updates}",
                params,
            )


def case_tally_follow(changes: Iterable[tuple[Row | None, Row | None]]) -> None:
    """Move cases in the roll-up: each pair is a case as it was (None: new) and as it is (None: deleted)."""
    _apply(_delta(changes))


# --- what the write hooks of models.Case read -----------------------------------------------------


def attnames(model: type[Model], names: Iterable[str]) -> set[str]:
    """The columns written under these field names (``unit`` → ``unit_id``)."""
    return {getattr(model._meta.get_field(name), "attname", name) for name in names}


def touches(columns: Iterable[str] | None) -> bool:
    """Whether a write of ``columns`` (None: every column) can change the roll-up."""
    return columns is None or not set(COLUMNS).isdisjoint(columns)


def locked_rows(cases: QuerySet[Any]) -> dict[int, dict[str, Any]]:
    """The roll-up columns of ``cases`` as they are in the database, their rows locked until commit."""
    from congtin.cases.models import Case

    locked = Case.objects.filter(pk__in=cases.values("pk")).order_by("pk").select_for_update(of=("self",))
    return {row["pk"]: row for row in locked.values("pk", *COLUMNS)}


def current_rows(pks: Iterable[int]) -> dict[int, dict[str, Any]]:
    from congtin.cases.models import Case

    return {row["pk"]: row for row in Case.objects.filter(pk__in=list(pks)).values("pk", *COLUMNS)}


def saved_row(case: Model, before: Row | None, update_fields: Iterable[str] | None) -> dict[str, Any]:
    """The case's row after ``save(update_fields=…)``: the saved columns from the instance, the rest unchanged."""
    return {
        column: getattr(case, column)
        if before is None or update_fields is None or column in update_fields
        else before[column]
        for column in COLUMNS
    }


# --- rebuilding it from the cases -------------------------------------------------------------------


def recount(case_model: type[Model]) -> Iterator[tuple[Cell, Counts]]:
    """Every roll-up row, counted from the cases: one grouped query per (slice, dimension) pair.

    Takes the model so that a migration can pass its historical one.
    """
    month = TruncMonth("submitted_at", tzinfo=clock.VIETNAM_TZ, output_field=DateField())
    counts = {
        "n": Count("pk"),
        "measured": Count("on_time"),
        "on_time_n": Count("pk", filter=Q(on_time=True)),
    }
    cases = case_model._default_manager.order_by().annotate(tally_month=month)
    slices = [(SLICE_ALL, None), *DIMENSIONS.items()]
    breakdowns = [*DIMENSIONS.items(), (DAYS, "working_days_taken")]
    for s, s_column in slices:
        for dim, column in breakdowns:
            rows = cases.filter(**{f"{column}__isnull": False}) if dim == DAYS else cases
            group = (
                ["tally_month", column] if s_column in (None, column) else ["tally_month", s_column, column]
            )
            for row in rows.values(*group).annotate(**counts):
                s_key = "" if s_column is None else key_of(row[s_column])
                cell = (s, s_key, row["tally_month"], dim, key_of(row[column]))
                yield cell, (row["n"], row["measured"], row["on_time_n"])


def rebuild(case_model: type[Model], tally_model: type[Model]) -> int:
    """Replace every roll-up row with a recount; returns how many rows there are."""
    tally_model._default_manager.all().delete()
    batch: list[Model] = []
    total = 0
    for (s, s_key, month, dim, key), (n, measured, on_time) in recount(case_model):
        batch.append(
            tally_model(
                slice_dim=s,
                slice_key=s_key,
                month=month,
                dim=dim,
                key=key,
                cases=n,
                measured=measured,
                on_time=on_time,
            )
        )
        if len(batch) >= 5000:
            tally_model._default_manager.bulk_create(batch)
            total += len(batch)
            batch = []
    tally_model._default_manager.bulk_create(batch)
    return total + len(batch)


@transaction.atomic
def case_tallies_rebuild() -> int:
    """Recount the roll-up from the cases (after raw SQL writes); the cases are locked meanwhile."""
    from congtin.cases.models import Case, CaseTally

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Transitions wait for the recount rather than change a case it has already counted.
            cursor.execute(f"LOCK TABLE {Case._meta.db_table} IN SHARE MODE")
    return rebuild(Case, CaseTally)
