"""Rules for the Vietnamese date formats."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest

from congtin.vietnamese import (
    VIETNAM_TZ,
    format_date,
    format_dateline,
    format_datetime,
    format_long_date,
    weekday_name,
)

if TYPE_CHECKING:
    from collections.abc import Callable

UTC_EVENING = datetime(2021, 6, 8, 20, 41, tzinfo=UTC)
NAIVE = datetime(2021, 6, 8, 20, 41)  # noqa: DTZ001 - the point is that it is naive


def test_vietnam_tz_is_utc_plus_seven() -> None:
    assert datetime(2021, 6, 9, tzinfo=VIETNAM_TZ).utcoffset() == timedelta(hours=7)


def test_date_is_zero_padded_day_first() -> None:
    assert format_date(date(2021, 6, 9)) == "09/06/2021"
    assert format_date(date(2021, 12, 25)) == "25/12/2021"


def test_date_pads_years_below_1000() -> None:
    assert format_date(date(938, 1, 2)) == "02/01/0938"


def test_utc_datetime_is_shown_in_vietnam_time() -> None:
    assert format_datetime(UTC_EVENING) == "09/06/2021 03:41"


def test_aware_datetime_date_is_the_vietnam_calendar_date() -> None:
    assert format_date(UTC_EVENING) == "09/06/2021"


def test_datetime_in_another_zone_is_converted() -> None:
    new_york = timezone(timedelta(hours=-4))
    assert format_datetime(datetime(2021, 6, 8, 16, 41, tzinfo=new_york)) == "09/06/2021 03:41"


def test_vietnam_datetime_is_shown_unchanged() -> None:
    assert format_datetime(datetime(2021, 6, 9, 3, 41, 59, tzinfo=VIETNAM_TZ)) == "09/06/2021 03:41"


def test_datetime_refuses_a_plain_date() -> None:
    with pytest.raises(TypeError):
        format_datetime(date(2021, 6, 9))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "formatter",
    [format_date, format_datetime, format_long_date, weekday_name, lambda d: format_dateline("Hà Nội", d)],
)
def test_naive_datetime_is_refused(formatter: Callable[[date], str]) -> None:
    with pytest.raises(ValueError, match="naive"):
        formatter(NAIVE)


def test_dateline_starts_with_the_place() -> None:
    assert format_dateline("Hà Nội", date(2021, 6, 20)) == "Hà Nội, ngày 20/06/2021"


def test_dateline_without_place_starts_with_capital_ngay() -> None:
    assert format_dateline("", date(2021, 6, 20)) == "Ngày 20/06/2021"
    assert format_dateline("   ", date(2021, 6, 20)) == "Ngày 20/06/2021"


def test_dateline_normalises_the_place_to_nfc() -> None:
    assert format_dateline(" Ha\u0300 Nô\u0323i ", date(2021, 6, 20)) == "Hà Nội, ngày 20/06/2021"


def test_dateline_uses_the_vietnam_date_of_a_datetime() -> None:
    assert format_dateline("Đà Nẵng", UTC_EVENING) == "Đà Nẵng, ngày 09/06/2021"


def test_long_date_spells_out_day_month_year() -> None:
    assert format_long_date(date(2021, 6, 20)) == "ngày 20 tháng 6 năm 2021"
    assert format_long_date(date(2021, 12, 31)) == "ngày 31 tháng 12 năm 2021"


def test_long_date_pads_days_below_ten_and_months_one_and_two() -> None:
    assert format_long_date(date(2021, 1, 5)) == "ngày 05 tháng 01 năm 2021"
    assert format_long_date(date(2021, 2, 10)) == "ngày 10 tháng 02 năm 2021"
    assert format_long_date(date(2021, 3, 9)) == "ngày 09 tháng 3 năm 2021"


def test_long_date_of_datetime_uses_vietnam_date() -> None:
    assert format_long_date(UTC_EVENING) == "ngày 09 tháng 6 năm 2021"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2021, 6, 7), "Thứ Hai"),
        (date(2021, 6, 8), "Thứ Ba"),
        (date(2021, 6, 9), "Thứ Tư"),
        (date(2021, 6, 10), "Thứ Năm"),
        (date(2021, 6, 11), "Thứ Sáu"),
        (date(2021, 6, 12), "Thứ Bảy"),
        (date(2021, 6, 13), "Chủ Nhật"),
    ],
)
def test_weekday_names_run_from_thu_hai_to_chu_nhat(day: date, name: str) -> None:
    assert weekday_name(day) == name


def test_weekday_of_datetime_uses_vietnam_date() -> None:
    # Tuesday evening in UTC is already Wednesday morning in Vietnam.
    assert weekday_name(UTC_EVENING) == "Thứ Tư"
