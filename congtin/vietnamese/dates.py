"""Date formats used on Vietnamese government portals.

Portals show dates day-first with zero padding ("09/06/2021") and datelines in
the style of administrative documents ("Hà Nội, ngày 20/06/2021").  Formatting is
done by hand rather than with ``strftime``/locales because server locales vary,
``%Y`` does not pad years below 1000 on glibc, and Vietnamese month names are
simply "tháng N".

Every datetime is shown in Vietnam time, whatever zone it was stored in: readers
are in Vietnam and a UTC date would be wrong for seven hours of every day.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from congtin.vietnamese.text import nfc

__all__ = [
    "VIETNAM_TZ",
    "format_date",
    "format_dateline",
    "format_datetime",
    "format_long_date",
    "weekday_name",
]

#: Vietnam has used UTC+7 without daylight saving since 1975; the named zone is
#: still used so historical dates before that convert correctly.
VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Indexed by ``date.weekday()`` (Monday == 0).  "Thứ Hai" is literally "day two":
# Vietnamese counts Sunday as the first day, hence Monday is "two".
_WEEKDAY_NAMES: tuple[str, ...] = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
)


def _to_vietnam(dt: datetime) -> datetime:
    """Convert an aware datetime to Vietnam time, refusing naive ones.

    The project runs with ``USE_TZ = True``, so a naive datetime is a bug
    upstream; guessing its zone would silently shift published times.
    """
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt.isoformat()} refused: pass a timezone-aware datetime")
    return dt.astimezone(VIETNAM_TZ)


def _local_date(d: date | datetime) -> date:
    """Return the calendar date a reader in Vietnam would see for ``d``."""
    # ``datetime`` is a subclass of ``date``, so it must be checked first.
    if isinstance(d, datetime):
        return _to_vietnam(d).date()
    return d


def format_date(d: date | datetime) -> str:
    """Format as "dd/mm/yyyy", e.g. "09/06/2021"."""
    local = _local_date(d)
    return f"{local.day:02d}/{local.month:02d}/{local.year:04d}"


def format_datetime(dt: datetime) -> str:
    """Format as "dd/mm/yyyy HH:MM" in Vietnam time, e.g. "09/06/2021 03:41".

    Only datetimes are accepted: a bare date has no time to show, and printing
    "00:00" would claim a precision the value does not have.
    """
    if not isinstance(dt, datetime):
        raise TypeError(f"format_datetime needs a datetime, got {type(dt).__name__}")
    local = _to_vietnam(dt)
    return f"{format_date(local.date())} {local.hour:02d}:{local.minute:02d}"


def format_dateline(place: str, d: date | datetime) -> str:
    """Format a dateline, e.g. "Hà Nội, ngày 20/06/2021".

    Without a place the sentence starts with the date, so "ngày" is capitalised:
    "Ngày 20/06/2021".
    """
    place = nfc(place.strip())
    if not place:
        return f"Ngày {format_date(d)}"
    return f"{place}, ngày {format_date(d)}"


def format_long_date(d: date | datetime) -> str:
    """Format in words, e.g. "ngày 20 tháng 6 năm 2021".

    Follows Nghị định 30/2020/NĐ-CP (Phụ lục I) on administrative documents: days
    below 10 and the months 1 and 2 get a leading zero ("ngày 05 tháng 02 năm
    2021"), so that nobody can turn "tháng 1" into "tháng 11" by adding a digit;
    other months are written without one ("tháng 6").
    """
    local = _local_date(d)
    month = f"{local.month:02d}" if local.month <= 2 else str(local.month)
    return f"ngày {local.day:02d} tháng {month} năm {local.year}"


def weekday_name(d: date | datetime) -> str:
    """Return the Vietnamese weekday, "Thứ Hai" (Monday) … "Chủ Nhật" (Sunday)."""
    return _WEEKDAY_NAMES[_local_date(d).weekday()]
