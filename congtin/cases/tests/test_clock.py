"""The working-day arithmetic, on its own (no database)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtin.cases.clock import (
    VIETNAM_TZ,
    Pause,
    WorkCalendar,
    add_working_days,
    days_off_between,
    deadline_end,
    working_days_between,
)

TET_2026 = {date(2026, 2, 14) + timedelta(days=i) for i in range(9)}
CAL_2026 = WorkCalendar(
    holidays=TET_2026
    | {date(2026, 1, 1), date(2026, 4, 26), date(2026, 4, 27), date(2026, 4, 30), date(2026, 5, 1)}
    | {date(2026, 9, 2), date(2026, 9, 1)},
    makeup_workdays=set(),
)
CAL_2025 = WorkCalendar(
    holidays={date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)}, makeup_workdays={date(2025, 4, 26)}
)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VIETNAM_TZ)


def test_day_one_is_the_next_working_day_after_receipt() -> None:
    # Monday 2/3/2026 at 09:00: Tuesday is day one, Thursday day three.
    assert add_working_days(vn(2026, 3, 2, 9), 3, CAL_2026) == date(2026, 3, 5)


def test_a_request_received_at_the_weekend_starts_counting_on_monday() -> None:
    assert add_working_days(vn(2026, 3, 7, 10), 1, CAL_2026) == date(2026, 3, 9)
    assert add_working_days(vn(2026, 3, 8, 23, 59), 3, CAL_2026) == date(2026, 3, 11)


def test_receipt_date_is_read_in_vietnam_time_not_utc() -> None:
    # 18:00 UTC on Friday is 01:00 on Saturday in Hà Nội: received Saturday, day one Monday.
    from datetime import UTC

    friday_evening_utc = datetime(2026, 3, 6, 18, 0, tzinfo=UTC)
    assert add_working_days(friday_evening_utc, 1, CAL_2026) == date(2026, 3, 9)


def test_three_working_days_across_tet_2026_skip_the_whole_break() -> None:
    # Received Friday 13/2/2026, the last working day before Tết Bính Ngọ (14/2–22/2).
    assert add_working_days(vn(2026, 2, 13, 15), 3, CAL_2026) == date(2026, 2, 25)
    assert days_off_between(vn(2026, 2, 13), date(2026, 2, 25), CAL_2026) == [
        date(2026, 2, 16),
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
    ]


def test_fifteen_working_days_across_tet_2026() -> None:
    # Received 10/2/2026 (Tuesday): 11, 12, 13 Feb are days 1–3, then Tết, then 23/2 onwards.
    assert add_working_days(vn(2026, 2, 10, 8), 15, CAL_2026) == date(2026, 3, 10)


def test_clock_across_30_4_and_1_5_2026_and_the_gio_to_substitute_day() -> None:
    # Received Friday 24/4/2026: 27/4 (nghỉ bù Giỗ Tổ), 30/4 and 1/5 are not counted.
    assert add_working_days(vn(2026, 4, 24, 9), 2, CAL_2026) == date(2026, 4, 29)
    assert add_working_days(vn(2026, 4, 24, 9), 3, CAL_2026) == date(2026, 5, 4)


def test_clock_across_2_9() -> None:
    # Received Monday 31/8/2026: 1/9 and 2/9 are days off, so 3/9 is day one.
    assert add_working_days(vn(2026, 8, 31, 9), 1, CAL_2026) == date(2026, 9, 3)
    assert add_working_days(vn(2026, 8, 31, 9), 3, CAL_2026) == date(2026, 9, 7)


def test_a_make_up_saturday_counts_as_a_working_day() -> None:
    # 2025: Saturday 26/4 is worked in exchange for Friday 2/5.
    assert add_working_days(vn(2025, 4, 25, 9), 1, CAL_2025) == date(2025, 4, 26)
    assert add_working_days(vn(2025, 4, 29, 9), 1, CAL_2025) == date(2025, 5, 5)


def test_pause_days_are_not_counted_and_counting_resumes_the_next_working_day() -> None:
    pause = Pause(vn(2026, 3, 3, 10), vn(2026, 3, 5, 16))
    # Without a pause, Monday 2/3 + 3 = Thursday 5/3; Tue–Thu are paused, so Fri, Mon, Tue.
    assert add_working_days(vn(2026, 3, 2, 9), 3, CAL_2026, pauses=[pause]) == date(2026, 3, 10)


def test_deadline_runs_to_the_end_of_the_day_in_vietnam() -> None:
    end = deadline_end(date(2026, 3, 5))
    assert end.tzinfo == VIETNAM_TZ
    assert (end.date(), end.hour, end.minute) == (date(2026, 3, 5), 23, 59)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        add_working_days(datetime(2026, 3, 2, 9), 1, CAL_2026)  # noqa: DTZ001


def test_negative_day_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(vn(2026, 3, 2), -1, CAL_2026)


def test_a_calendar_without_working_days_is_reported() -> None:
    with pytest.raises(ValueError, match="holiday data"):
        add_working_days(date(2026, 1, 1), 1, WorkCalendar(weekend=range(7)))


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
calendars = st.builds(
    WorkCalendar,
    holidays=st.sets(days, max_size=40),
    makeup_workdays=st.sets(days.filter(lambda d: d.weekday() >= 5), max_size=10),
)


@given(start=days, n=st.integers(min_value=0, max_value=60), cal=calendars)
def test_adding_n_working_days_then_counting_back_gives_n(start: date, n: int, cal: WorkCalendar) -> None:
    due = add_working_days(start, n, cal)
    assert working_days_between(start, due, cal) == n
    assert due == start or cal.is_working_day(due)


@given(
    start=days,
    n=st.integers(min_value=1, max_value=40),
    cal=calendars,
    offset=st.integers(min_value=0, max_value=50),
    length=st.integers(min_value=0, max_value=20),
)
def test_pausing_never_shortens_a_deadline(
    start: date, n: int, cal: WorkCalendar, offset: int, length: int
) -> None:
    begin = datetime.combine(start + timedelta(days=offset), datetime.min.time(), tzinfo=VIETNAM_TZ)
    pause = Pause(begin, begin + timedelta(days=length, hours=5))
    assert add_working_days(start, n, cal, pauses=[pause]) >= add_working_days(start, n, cal)


@given(start=days, n=st.integers(min_value=0, max_value=40), cal=calendars, extra=st.sets(days, max_size=5))
def test_adding_a_holiday_never_brings_a_deadline_forward(
    start: date, n: int, cal: WorkCalendar, extra: set[date]
) -> None:
    more = WorkCalendar(cal.holidays | extra, cal.makeup_workdays - extra)
    assert add_working_days(start, n, more) >= add_working_days(start, n, cal)
