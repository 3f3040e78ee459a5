"""Working-day arithmetic for statutory deadlines. Pure Python: no Django import.

The counting rule (our reading of the law, recorded in docs/decisions/0011-case-engine.md):

* Law 104/2016/QH13 Art. 30–31 count "kể từ ngày nhận được yêu cầu hợp lệ". Following the Civil Code
  2015 Art. 147(1), the day of receipt is not counted: day one is the first *working* day after the
  calendar day of receipt, whatever the hour. A request received on a Saturday, a holiday or at
  23:00 therefore starts its clock on the next working day.
* The deadline is the end (24:00, Civil Code Art. 148(3)) of the N-th working day, in Vietnam time.
* A working day is a weekday that is not a holiday or bridging day, or a make-up day (làm bù) that
  the government moved onto a weekend.
* While the agency waits for the requester to complete the request (yêu cầu bổ sung) the clock is
  stopped: every calendar day touched by a pause, from the day it starts to the day the missing
  information arrives, is not counted. Resuming is treated like a new receipt, so counting carries on
  from the next working day after the resume day. A pause therefore never shortens a deadline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "VIETNAM_TZ",
    "Pause",
    "WorkCalendar",
    "add_working_days",
    "days_off_between",
    "deadline_end",
    "local_date",
    "working_days_between",
]

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday == 0: Saturday and Sunday are the weekly rest days of state agencies (Decree 145/2020).
DEFAULT_WEEKEND = frozenset({5, 6})
# A deadline has to fall somewhere: no real calendar has a year without a working day, so a search
# longer than this means the calendar data is broken (e.g. every day entered as a holiday).
_MAX_SCAN_DAYS = 366 * 5


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days: weekdays minus holidays and bridges, plus make-up days."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)
    weekend: frozenset[int] = DEFAULT_WEEKEND

    def __init__(
        self,
        holidays: Iterable[date] = (),
        makeup_workdays: Iterable[date] = (),
        weekend: Iterable[int] = DEFAULT_WEEKEND,
    ) -> None:
        object.__setattr__(self, "holidays", frozenset(holidays))
        object.__setattr__(self, "makeup_workdays", frozenset(makeup_workdays))
        object.__setattr__(self, "weekend", frozenset(weekend))

    def is_working_day(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays


@dataclass(frozen=True)
class Pause:
    """The clock stopped from ``start`` until ``end`` (both aware datetimes)."""

    start: datetime
    end: datetime

    def days(self) -> Iterator[date]:
        day, last = local_date(self.start), local_date(self.end)
        while day <= last:
            yield day
            day += timedelta(days=1)


def local_date(moment: date | datetime) -> date:
    """The calendar day in Vietnam of ``moment``; a naive datetime is refused, a date passes through."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("naive datetime refused: pass a timezone-aware datetime")
        return moment.astimezone(VIETNAM_TZ).date()
    return moment


def _paused_days(pauses: Iterable[Pause]) -> frozenset[date]:
    return frozenset(day for pause in pauses for day in pause.days())


def add_working_days(
    start: date | datetime, n: int, cal: WorkCalendar, *, pauses: Iterable[Pause] = ()
) -> date:
    """The day on which ``n`` working days counted from ``start`` end (day one is the next working day).

    ``n == 0`` gives the day of ``start`` itself. Days touched by a pause do not count.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    paused = _paused_days(pauses)
    day = local_date(start)
    counted = 0
    for _step in range(_MAX_SCAN_DAYS):
        if counted == n:
            return day
        day += timedelta(days=1)
        if cal.is_working_day(day) and day not in paused:
            counted += 1
    raise ValueError("the calendar has no working day in five years: check the holiday data")


def working_days_between(
    a: date | datetime, b: date | datetime, cal: WorkCalendar, *, pauses: Iterable[Pause] = ()
) -> int:
    """How many counted working days lie after the day of ``a`` up to and including the day of ``b``.

    The inverse of :func:`add_working_days`; negative when ``b`` is before ``a``.
    """
    first, last = local_date(a), local_date(b)
    if last < first:
        return -working_days_between(b, a, cal, pauses=pauses)
    paused = _paused_days(pauses)
    count = 0
    day = first + timedelta(days=1)
    while day <= last:
        if cal.is_working_day(day) and day not in paused:
            count += 1
        day += timedelta(days=1)
    return count


def deadline_end(day: date) -> datetime:
    """The last instant of ``day`` in Vietnam: a deadline runs to the end of its last day."""
    return datetime.combine(day, time.max, tzinfo=VIETNAM_TZ)


def days_off_between(a: date | datetime, b: date | datetime, cal: WorkCalendar) -> list[date]:
    """The weekdays after the day of ``a`` up to the day of ``b`` that were not counted (holidays, bridges)."""
    first, last = local_date(a), local_date(b)
    skipped = []
    day = first + timedelta(days=1)
    while day <= last:
        if day.weekday() not in cal.weekend and not cal.is_working_day(day):
            skipped.append(day)
        day += timedelta(days=1)
    return skipped
