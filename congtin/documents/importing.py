"""The import file format: reading CSV and JSONL rows, turning cells into typed values, the report.

The columns are documented in ``docs/documents-import.md``. Writing to the registry is
``services.document_import``; this module only reads and explains.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from congtin.documents.choices import TYPE_WORDS, DocumentStatus, DocumentType
from congtin.vietnamese import fold, nfc

# Column → the names it may also go by (the silver registry's names come first).
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("number", "so_ky_hieu", "so_hieu", "symbol_full"),
    "doc_type": ("doc_type", "loai_van_ban", "loai"),
    "issue_date": ("issue_date", "ngay_ban_hanh"),
    "year": ("year", "nam", "nam_ban_hanh"),
    "issuer": ("issuer", "co_quan_ban_hanh", "co_quan"),
    "title": ("title", "trich_yeu", "summary"),
    "signer": ("signer", "nguoi_ky"),
    "signer_position": ("signer_position", "chuc_vu_ky", "chuc_vu"),
    "effective_date": ("effective_date", "ngay_hieu_luc", "ngay_co_hieu_luc"),
    "expiry_date": ("expiry_date", "ngay_het_hieu_luc"),
    "status": ("status", "tinh_trang", "tinh_trang_hieu_luc"),
    "fields": ("fields", "linh_vuc"),
    "co_issuers": ("co_issuers", "co_quan_cung_ban_hanh"),
    "full_text": ("full_text", "toan_van", "text"),
    "published": ("published", "cong_bo", "is_published"),
}
LIST_SEPARATOR = ";"
# Silver data writes the body the way a citation does ("Bộ trưởng Bộ Tài chính"): the position
# before the body's name is dropped to find the body.
_POSITION_PREFIXES = re.compile(
    r"^(bộ trưởng|thống đốc|chánh án|viện trưởng|tổng kiểm toán|chủ nhiệm|tổng thanh tra)\s+(?=\S)",
    re.IGNORECASE,
)
_GENERIC_TYPE_WORDS = {"van ban", "vb"}
_TRUE = {"1", "true", "yes", "co", "x"}
_FALSE = {"0", "false", "no", "khong", ""}


class RowError(Exception):
    """A row that cannot be imported, with every reason found."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class ImportRow:
    """One row's values, typed; empty strings and None mean "not given" (an import never erases)."""

    line: int
    number: str
    doc_type: DocumentType | None = None
    issue_date: dt.date | None = None
    year: int | None = None
    issuer: str = ""
    title: str = ""
    signer: str = ""
    signer_position: str = ""
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    status: DocumentStatus | None = None
    fields: list[str] = field(default_factory=list)
    co_issuers: list[str] = field(default_factory=list)
    full_text: str = ""
    published: bool | None = None


@dataclass
class RowResult:
    line: int
    symbol: str
    action: str  # created | updated | unchanged | refused
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    document_id: int | None = None


ACTION_LABELS = {
    "created": "tạo mới",
    "updated": "cập nhật",
    "unchanged": "không đổi",
    "refused": "từ chối",
}


@dataclass
class ImportReport:
    results: list[RowResult] = field(default_factory=list)
    applied: bool = False
    dry_run: bool = False
    partial: bool = False
    organisations_created: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(result.action for result in self.results)

    @property
    def refused(self) -> list[RowResult]:
        return [result for result in self.results if result.action == "refused"]

    def reason_counts(self) -> Counter[str]:
        """How often each kind of reason occurs, its particulars (symbols, dates, lines) blanked out."""
        return Counter(reason_kind(reason) for result in self.refused for reason in result.reasons)

    def summary(self) -> str:
        counts = self.counts
        text = _(
            "%(rows)s dòng: %(created)s tạo mới, %(updated)s cập nhật, %(unchanged)s không đổi, "
            "%(refused)s từ chối."
        ) % {
            "rows": len(self.results),
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "refused": counts["refused"],
        }
        if self.dry_run:
            return text + " " + _("Chạy thử: không ghi gì vào cơ sở dữ liệu.")
        if not self.applied:
            return text + " " + _("Không ghi gì: tệp có dòng bị từ chối (nhập tất cả hoặc không nhập gì).")
        return text


_QUOTED = re.compile(r"“[^”]*”")
# A symbol, date, line number or issuer code: any word with a digit, a slash or two capitals.
_PARTICULAR = re.compile(r"[^\s(),;:]*(?:[0-9/]|[A-ZĐ][^\s(),;:]*[A-ZĐ])[^\s(),;:]*")


def reason_kind(reason: str) -> str:
    """ "số ký hiệu 798/QĐ-TTg không ghi năm…" → "số ký hiệu … không ghi năm…", for counting."""
    text = _QUOTED.sub("“…”", reason).split(":", 1)[0]
    return _PARTICULAR.sub("…", text)


def write_report(report: ImportReport, stream: IO[str]) -> None:
    """The row-by-row report as CSV: line, symbol, outcome, reasons, notes."""
    writer = csv.writer(stream)
    writer.writerow(["dong", "so_ky_hieu", "ket_qua", "ly_do", "ghi_chu", "ma_van_ban"])
    for result in report.results:
        writer.writerow(
            [
                result.line,
                result.symbol,
                ACTION_LABELS[result.action],
                "; ".join(result.reasons),
                "; ".join(result.notes),
                result.document_id or "",
            ]
        )


# -- reading ----------------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise ValueError(_("Không nhận ra định dạng tệp %(name)s: dùng .csv hoặc .jsonl.") % {"name": path.name})


def count_rows(path: Path, file_format: str) -> int:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        if file_format == "csv":
            return max(sum(1 for _row in csv.reader(stream)) - 1, 0)
        return sum(1 for line in stream if line.strip())


def read_rows(path: Path, file_format: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield (line number, row) pairs; a row that is not a JSON object comes back as the error text."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        if file_format == "csv":
            reader = csv.DictReader(stream)
            for row in reader:
                yield reader.line_num, {k: v for k, v in row.items() if k is not None}
            return
        for line_number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield line_number, _("dòng không phải JSON hợp lệ: %(error)s") % {"error": error.msg}
                continue
            if not isinstance(value, dict):
                yield line_number, _("dòng không phải một đối tượng JSON")
                continue
            yield line_number, value


# -- cells to values --------------------------------------------------------------------------


def _cell(raw: dict[str, Any], column: str) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    for name in ALIASES[column]:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    return nfc(" ".join(str(value).split()))


def parse_date(value: Any, label: str) -> dt.date | None:
    text = _text(value)
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
        if not match:
            raise RowError([_("%(label)s “%(value)s” không đọc được") % {"label": label, "value": text}])
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise RowError(
            [_("%(label)s “%(value)s” không có thật trên lịch") % {"label": label, "value": text}]
        ) from None


def parse_year(value: Any) -> int | None:
    text = _text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise RowError([_("năm “%(value)s” không đọc được") % {"value": text}])
    return int(text)


def parse_doc_type(value: Any) -> DocumentType | None:
    text = _text(value)
    if not text:
        return None
    if text in DocumentType.values:
        return DocumentType(text)
    key = " ".join(fold(text).split())
    if key in _GENERIC_TYPE_WORDS:
        return None
    if key in TYPE_WORDS:
        return TYPE_WORDS[key]
    raise RowError([_("loại văn bản “%(value)s” không có trong danh mục") % {"value": text}])


def parse_status(value: Any) -> DocumentStatus | None:
    text = _text(value)
    if not text:
        return None
    if text in DocumentStatus.values:
        return DocumentStatus(text)
    key = " ".join(fold(text).split())
    for status in DocumentStatus:
        if key == fold(str(status.label)) or key == status.value.replace("_", " "):
            return status
    raise RowError([_("tình trạng hiệu lực “%(value)s” không có trong danh mục") % {"value": text}])


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(LIST_SEPARATOR)
    return [_text(item) for item in items if _text(item)]


def _bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    key = fold(_text(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise RowError([_("cột công bố “%(value)s” phải là true/false") % {"value": value}])


def issuer_name(value: str) -> str:
    """ "Bộ trưởng Bộ Tài chính" → "Bộ Tài chính": the body, without its head's position."""
    return _POSITION_PREFIXES.sub("", value).strip()


def sentence_case(text: str) -> str:
    """Trích yếu start with a capital ("Quy định chi tiết…"); silver titles are cut from mid-sentence."""
    return text[:1].upper() + text[1:] if text else text


def parse_row(line: int, raw: dict[str, Any]) -> ImportRow:
    """Type every cell of ``raw``, collecting every problem before giving up on the row."""
    reasons: list[str] = []

    def attempt(parse: Any, *args: Any) -> Any:
        try:
            return parse(*args)
        except RowError as error:
            reasons.extend(error.reasons)
            return None

    number = _text(_cell(raw, "number"))
    if not number:
        reasons.append(_("thiếu số ký hiệu"))
    row = ImportRow(
        line=line,
        number=number,
        doc_type=attempt(parse_doc_type, _cell(raw, "doc_type")),
        issue_date=attempt(parse_date, _cell(raw, "issue_date"), _("ngày ban hành")),
        year=attempt(parse_year, _cell(raw, "year")),
        issuer=issuer_name(_text(_cell(raw, "issuer"))),
        title=sentence_case(_text(_cell(raw, "title"))),
        signer=_text(_cell(raw, "signer")),
        signer_position=_text(_cell(raw, "signer_position")),
        effective_date=attempt(parse_date, _cell(raw, "effective_date"), _("ngày có hiệu lực")),
        expiry_date=attempt(parse_date, _cell(raw, "expiry_date"), _("ngày hết hiệu lực")),
        status=attempt(parse_status, _cell(raw, "status")),
        fields=_list(_cell(raw, "fields")),
        co_issuers=_list(_cell(raw, "co_issuers")),
        full_text=str(_cell(raw, "full_text") or "").strip(),
        published=attempt(_bool, _cell(raw, "published")),
    )
    if reasons:
        raise RowError(reasons)
    return row
