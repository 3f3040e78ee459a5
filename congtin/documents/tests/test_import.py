from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from congtin.documents.choices import DocumentStatus, DocumentType
from congtin.documents.importing import read_rows
from congtin.documents.models import OfficialDocument, Organisation
from congtin.documents.services import document_import

pytestmark = pytest.mark.django_db

SILVER = Path("/work/shared/data/legal/document_registry_silver.jsonl")

GOOD_ROWS = [
    {
        "number": "09/2017/NĐ-CP",
        "doc_type": "Nghị định",
        "issue_date": "2017-02-09",
        "issuer": "Chính phủ",
        "title": "quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí",
        "effective_date": "30/03/2017",
        "status": "Còn hiệu lực",
        "fields": "Thông tin, báo chí",
    },
    {
        "number": "2761/BNV-TC",
        "doc_type": "Công văn",
        "issue_date": "09/06/2021",
        "issuer": "Bộ Nội vụ",
        "title": "Về việc thực hiện Chỉ thị số 12/CT-TTg",
        "signer": "Nguyễn Văn A",
    },
    {
        "number": "55/2005/TTLT-BNV-VPCP",
        "issue_date": "2005-05-06",
        "title": "Hướng dẫn về thể thức và kỹ thuật trình bày văn bản",
        "status": "het_hieu_luc",
    },
]
BAD_ROWS = [
    {"number": "NĐ-CP", "issue_date": "2021-01-01"},
    {"number": "12/2021/NĐ-CP", "issue_date": "2021-02-30"},
    {"number": "13/2021/NĐ-CP", "issue_date": "2021-05-01", "effective_date": "2021-04-01"},
    {"number": "14/2021/NĐ-CP", "doc_type": "Thông tư", "issue_date": "2021-05-01"},
    {"number": "798/QĐ-TTg"},
    {"number": "12/2021/TT-BL", "issue_date": "2021-05-01"},
]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


def _csv(path: Path, rows: list[dict]) -> Path:
    columns = sorted({key for row in rows for key in row})
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_valid_jsonl_file_is_imported_as_drafts_with_its_values(tmp_path):
    report = document_import(rows=read_rows(_jsonl(tmp_path / "a.jsonl", GOOD_ROWS), "jsonl"))
    assert report.applied and report.counts["created"] == 3
    decree = OfficialDocument.objects.get(canonical_symbol="09/2017/NĐ-CP")
    assert decree.summary == "Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí"
    assert (decree.status, decree.is_published) == (DocumentStatus.IN_FORCE, False)
    assert [f.name for f in decree.fields.all()] == ["Thông tin, báo chí"]
    joint = OfficialDocument.objects.get(canonical_symbol="55/2005/TTLT-BNV-VPCP")
    assert joint.doc_type == DocumentType.THONG_TU_LIEN_TICH  # inferred from the symbol
    assert (joint.issuer.abbreviation, [o.abbreviation for o in joint.co_issuers.all()]) == ("BNV", ["VPCP"])


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    path = _csv(tmp_path / "a.csv", GOOD_ROWS)
    document_import(rows=read_rows(path, "csv"))
    again = document_import(rows=read_rows(path, "csv"))
    assert again.counts == {"unchanged": 3}
    assert OfficialDocument.objects.count() == 3


def test_a_later_file_updates_only_what_it_gives(tmp_path):
    document_import(rows=read_rows(_jsonl(tmp_path / "a.jsonl", GOOD_ROWS), "jsonl"))
    update = [{"number": "9/2017/nd-cp", "issue_date": "2017-02-09", "signer": "Nguyễn Xuân Phúc"}]
    report = document_import(rows=read_rows(_jsonl(tmp_path / "b.jsonl", update), "jsonl"))
    assert report.counts == {"updated": 1}
    decree = OfficialDocument.objects.get(canonical_symbol="09/2017/NĐ-CP")
    assert decree.signer == "Nguyễn Xuân Phúc"
    assert decree.summary.startswith("Quy định chi tiết")  # an empty cell never erases


def test_a_file_with_one_bad_row_applies_nothing_and_reports_every_row(tmp_path):
    path = _jsonl(tmp_path / "mixed.jsonl", [*GOOD_ROWS, *BAD_ROWS])
    with (tmp_path / "mixed.jsonl").open("a", encoding="utf-8") as stream:
        stream.write("{not json\n")
    report = document_import(rows=read_rows(path, "jsonl"))
    assert not report.applied
    assert OfficialDocument.objects.count() == 0
    assert Organisation.objects.count() == 0
    refused = {result.line: result.reasons for result in report.refused}
    assert len(refused) == len(BAD_ROWS) + 1
    assert all(refused.values()), "every refused row has its reason"
    text = json.dumps(refused, ensure_ascii=False)
    for expected in (
        "số ký hiệu “NĐ-CP” không đọc được",
        "ngày ban hành “2021-02-30” không có thật trên lịch",
        "không được trước ngày ban hành",
        "là của Nghị định, không phải Thông tư",
        "không ghi năm và thiếu ngày ban hành",
        "cơ quan ký hiệu BL chưa có trong danh mục",
        "dòng không phải JSON hợp lệ",
    ):
        assert expected in text


def test_partial_applies_the_valid_rows_only(tmp_path):
    report = document_import(
        rows=read_rows(_jsonl(tmp_path / "m.jsonl", [*GOOD_ROWS, *BAD_ROWS]), "jsonl"), partial=True
    )
    assert report.applied
    assert (report.counts["created"], report.counts["refused"]) == (3, len(BAD_ROWS))
    assert OfficialDocument.objects.count() == 3


def test_a_duplicate_inside_the_file_is_refused_with_the_line_it_repeats(tmp_path):
    rows = [GOOD_ROWS[0], {**GOOD_ROWS[0], "number": "9/2017/NĐ-CP"}]
    report = document_import(rows=read_rows(_jsonl(tmp_path / "d.jsonl", rows), "jsonl"), partial=True)
    assert report.refused[0].reasons == ["trùng văn bản ở dòng 1 của tệp"]


def test_the_command_dry_runs_reports_and_fails_all_or_nothing(tmp_path, capsys):
    path = _csv(tmp_path / "mixed.csv", [*GOOD_ROWS, *BAD_ROWS])
    call_command("import_documents", str(path), "--dry-run", "--report", str(tmp_path / "report.csv"))
    assert OfficialDocument.objects.count() == 0
    with (tmp_path / "report.csv").open(encoding="utf-8") as stream:
        report = list(csv.DictReader(stream))
    assert len(report) == len(GOOD_ROWS) + len(BAD_ROWS)
    assert {row["ket_qua"] for row in report} == {"tạo mới", "từ chối"}
    assert all(row["ly_do"] for row in report if row["ket_qua"] == "từ chối")

    with pytest.raises(CommandError, match="Không ghi gì"):
        call_command("import_documents", str(path))
    assert OfficialDocument.objects.count() == 0
    call_command("import_documents", str(path), "--partial", "--publish")
    assert OfficialDocument.objects.filter(is_published=True).count() == 3
    assert "3 tạo mới" in capsys.readouterr().out


def test_the_csv_export_imports_back(tmp_path, client):
    document_import(rows=read_rows(_jsonl(tmp_path / "a.jsonl", GOOD_ROWS), "jsonl"), publish=True)
    exported = b"".join(client.get("/api/documents.csv").streaming_content).decode("utf-8-sig")
    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    assert document_import(rows=read_rows(path, "csv")).counts == {"unchanged": 3}


@pytest.mark.skipif(not SILVER.exists(), reason="the shared silver registry is not on this machine")
def test_the_silver_registry_imports_with_a_reason_for_every_refused_row(tmp_path):
    rows = sum(1 for line in SILVER.open(encoding="utf-8") if line.strip())
    report = document_import(rows=read_rows(SILVER, "jsonl"), partial=True)
    counts = report.counts
    assert sum(counts.values()) == rows
    assert counts["created"] > rows / 2, counts
    assert 0 < counts["refused"] < rows / 2, counts
    assert all(result.reasons for result in report.refused)
    assert OfficialDocument.objects.count() == counts["created"]
    assert not OfficialDocument.objects.filter(is_published=True).exists()
    # Nobody invented a body from a truncated symbol ("13/2018/TT-BL").
    assert not Organisation.objects.filter(abbreviation="BL").exists()
    again = document_import(rows=read_rows(SILVER, "jsonl"), partial=True, dry_run=True)
    assert again.counts["unchanged"] == counts["created"]
