"""The handling figures stored on a case when it closes: working days taken and whether it was on time.

Pure Python (no Django import) so the transition services, the migration's backfill and the bench's
generator all compute them the same way. Reports only read the stored values: at a million cases the
clock must not run once per row at reading time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from congtin.cases import clock

WORKING_DAYS = "working_days"
HOURS = "hours"


@dataclass(frozen=True)
class HandlingFigures:
    working_days_taken: int
    on_time: bool


def handling_figures(
    *,
    submitted_at: datetime,
    closed_at: datetime,
    deadline_unit: str,
    deadline_amount: int,
    extension_days: int,
    cal: clock.WorkCalendar,
    pauses: Iterable[clock.Pause] = (),
) -> HandlingFigures:
    """How many counted working days the case took and whether it closed by its statutory deadline.

    Working days follow the clock's rule (day one is the first working day after the day of receipt;
    days touched by a pause do not count). The deadline is recomputed from the same inputs rather than
    read from ``Case.deadline_at``, which stands still while a case waits for the requester.
    """
    pauses = list(pauses)
    taken = max(0, clock.working_days_between(submitted_at, closed_at, cal, pauses=pauses))
    if deadline_unit == HOURS:
        paused = sum((p.end - p.start for p in pauses), timedelta())
        due = submitted_at + timedelta(hours=deadline_amount) + paused
    else:
        due_day = clock.add_working_days(submitted_at, deadline_amount + extension_days, cal, pauses=pauses)
        due = clock.deadline_end(due_day)
    return HandlingFigures(working_days_taken=taken, on_time=closed_at <= due)


def median(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: count}; the mean of the two middle values when even."""
    total = sum(histogram.values())
    if total == 0:
        return None
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:  # the k-th value (0-based) in sorted order
        seen = 0
        for value, count in ordered:
            seen += count
            if k < seen:
                return value
        raise IndexError(k)  # pragma: no cover - k < total by construction

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def mean(histogram: dict[int, int]) -> float | None:
    total = sum(histogram.values())
    if total == 0:
        return None
    return sum(value * count for value, count in histogram.items()) / total
