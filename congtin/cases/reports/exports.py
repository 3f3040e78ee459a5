"""CSV and XLSX files of a report and of its case list.

Personal data — the requester's contact details, and the subject, content and tracking code, which
are free text or a key to the case — is left out unless the caller passes ``personal_data=True``;
the view lets only holders of ``cases.export_personal_data`` do that, and records every export.

XLSX is written with openpyxl in write-only mode (rows streamed into the workbook, constant memory
per row): the format is a zip of XML parts with shared strings and styles, too much to hand-write
well for the number and date cells leaders expect to sum and sort.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from congtin.cases import clock
from congtin.cases.choices import OPEN_STATES, CaseState, Channel
from congtin.cases.models import Case, CaseContact
from congtin.cases.reports.queries import CaseReport, Tally
from congtin.vietnamese.dates import format_datetime

Row = Sequence[Any]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def _safe_text(value: str) -> str:
    """Keep a spreadsheet from running text as a formula (CSV/formula injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, str):
        return _safe_text(value)
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Row, rows: Iterable[Row]) -> Iterator[str]:
    """The lines of a UTF-8 CSV file with a byte-order mark (so spreadsheet programs read Vietnamese)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([_csv_cell(v) for v in header])
    for row in rows:
        yield writer.writerow([_csv_cell(v) for v in row])


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime):
        # Excel has no time zones: write Vietnam wall-clock time.
        cell = WriteOnlyCell(sheet, value=value.astimezone(clock.VIETNAM_TZ).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, str):
        return _safe_text(value)
    return value


def xlsx_bytes(sheets: Iterable[tuple[str, Row, Iterable[Row]]]) -> bytes:
    """A workbook with one sheet per (title, header, rows)."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.append([str(h) for h in header])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the report ----------------------------------------------------------------------------------


def report_header() -> list[str]:
    return [
        _("Bảng"),
        _("Nhóm"),
        _("Số hồ sơ"),
        _("Đã kết thúc (tính hạn)"),
        _("Đúng hạn"),
        _("Tỷ lệ đúng hạn (%)"),
        _("Giá trị"),
    ]


def _tally_row(heading: str, tally: Tally) -> list[Any]:
    rate = tally.on_time_rate
    return [
        heading,
        tally.label,
        tally.total,
        tally.measured,
        tally.on_time,
        None if rate is None else round(rate * 100, 1),
        None,
    ]


def report_table(report: CaseReport) -> list[list[Any]]:
    """The whole report as one table: the summary, every breakdown, then working days taken."""
    summary = _("Tổng hợp")
    rows: list[list[Any]] = [
        [
            summary,
            _("Kỳ báo cáo"),
            None,
            None,
            None,
            None,
            f"{report.filters.start:%d/%m/%Y} – {report.filters.end:%d/%m/%Y}",
        ],
        _tally_row(summary, report.total),
        [summary, _("Số ngày làm việc xử lý trung bình"), None, None, None, None, report.mean_days],
        [summary, _("Số ngày làm việc xử lý (trung vị)"), None, None, None, None, report.median_days],
        [summary, _("Đang quá hạn"), report.overdue_total, None, None, None, None],
    ]
    for _key, heading, tallies in report.breakdowns():
        rows.extend(_tally_row(str(heading), tally) for tally in tallies)
    days = _("Số ngày làm việc đã dùng")
    rows.extend(
        [days, str(value), count, None, None, None, None]
        for value, count in sorted(report.days_histogram.items())
    )
    return rows


def report_csv(report: CaseReport) -> Iterator[str]:
    return csv_lines(report_header(), report_table(report))


def report_xlsx(report: CaseReport) -> bytes:
    table = report_table(report)
    header = report_header()
    sheets: list[tuple[str, Row, Iterable[Row]]] = [(str(_("Tổng hợp")), header, table)]
    for _key, heading, _tallies in report.breakdowns():
        sheets.append((str(heading), header, [row for row in table if row[0] == str(heading)]))
    return xlsx_bytes(sheets)


# --- the case list -------------------------------------------------------------------------------


def case_list_header(*, personal_data: bool) -> list[str]:
    header = [
        _("Số hồ sơ"),
        _("Loại hồ sơ"),
        _("Trạng thái"),
        _("Kênh tiếp nhận"),
        _("Lĩnh vực"),
        _("Đơn vị"),
        _("Thời điểm tiếp nhận"),
        _("Hạn giải quyết"),
        _("Thời điểm kết thúc"),
        _("Số ngày làm việc đã dùng"),
        _("Đúng hạn"),
        _("Đang quá hạn"),
    ]
    if personal_data:
        header += [
            _("Mã tra cứu"),
            _("Tiêu đề"),
            _("Nội dung"),
            _("Họ và tên"),
            _("Điện thoại"),
            _("Thư điện tử"),
            _("Địa chỉ"),
        ]
    return header


def case_list_rows(cases: QuerySet[Case], *, personal_data: bool, now: datetime) -> Iterator[list[Any]]:
    states, channels = dict(CaseState.choices), dict(Channel.choices)
    for case in cases.iterator(chunk_size=2000):
        overdue = case.state in OPEN_STATES and case.deadline_at is not None and case.deadline_at < now
        row: list[Any] = [
            case.pk,
            case.case_type.name,
            str(states[case.state]),
            str(channels[case.channel]),
            case.field.name if case.field else "",
            case.unit.name if case.unit else "",
            case.submitted_at,
            case.deadline_at,
            case.closed_at,
            case.working_days_taken,
            case.on_time,
            overdue,
        ]
        if personal_data:
            try:
                contact: CaseContact | None = case.contact
            except CaseContact.DoesNotExist:
                contact = None
            row += [
                case.tracking_code,
                case.subject,
                case.content,
                contact.name if contact else "",
                contact.phone if contact else "",
                contact.email if contact else "",
                contact.address if contact else "",
            ]
        yield row
