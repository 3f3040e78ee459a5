"""``manage.py import_documents FILE``: load registry entries from CSV or JSONL (docs/documents-import.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from congtin.documents import services
from congtin.documents.importing import count_rows, detect_format, read_rows, write_report

# Below this many rows the import is over before a progress bar would help.
PROGRESS_MIN_ROWS = 200


class Command(BaseCommand):
    help = (
        "Nhập văn bản vào cơ sở dữ liệu từ tệp CSV hoặc JSONL. Mặc định nhập tất cả hoặc không nhập gì; "
        "--partial nhập các dòng hợp lệ. Chạy lại cùng tệp không tạo trùng."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path, help="Tệp .csv hoặc .jsonl")
        parser.add_argument(
            "--format", choices=["csv", "jsonl"], help="Định dạng, nếu đuôi tệp không cho biết."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không ghi gì.")
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Nhập các dòng hợp lệ, bỏ qua (và báo cáo) các dòng bị từ chối.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Công bố các văn bản nhập vào (khi có ngày ban hành và trích yếu); mặc định là bản nháp.",
        )
        parser.add_argument("--report", type=Path, help="Ghi báo cáo từng dòng ra tệp CSV này.")
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        try:
            file_format = options["format"] or detect_format(path)
        except ValueError as error:
            raise CommandError(str(error)) from error
        total = count_rows(path, file_format)
        show_progress = not options["no_progress"] and options["verbosity"] > 0 and total >= PROGRESS_MIN_ROWS
        report = services.document_import(
            rows=read_rows(path, file_format),
            partial=options["partial"],
            dry_run=options["dry_run"],
            publish=options["publish"],
            progress=self._progress(total) if show_progress else None,
        )
        if show_progress:
            self.stderr.write("")
        if options["report"]:
            with options["report"].open("w", encoding="utf-8", newline="") as stream:
                write_report(report, stream)
        if options["verbosity"] > 0:
            self._print_refusals(report, verbose=options["verbosity"] > 1)
        summary = report.summary()
        if report.refused and not report.applied and not report.dry_run:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary) if report.applied else summary)

    def _progress(self, total: int) -> Any:
        width = 30
        step = max(total // 100, 1)

        def show(done: int) -> None:
            if done % step and done != total:
                return
            filled = width * done // total if total else width
            bar = "█" * filled + "·" * (width - filled)
            self.stderr.write(f"\r[{bar}] {done}/{total} dòng", ending="")
            sys.stderr.flush()

        return show

    def _print_refusals(self, report: Any, *, verbose: bool) -> None:
        refused = report.refused
        if not refused:
            return
        self.stdout.write(f"Dòng bị từ chối: {len(refused)}")
        for reason, count in report.reason_counts().most_common():
            self.stdout.write(f"  {count:5d}  {reason}")
        shown = refused if verbose else refused[:20]
        for result in shown:
            self.stdout.write(f"  dòng {result.line} ({result.symbol or '?'}): {'; '.join(result.reasons)}")
        if len(shown) < len(refused):
            self.stdout.write(f"  … và {len(refused) - len(shown)} dòng nữa (xem --report hoặc -v 2).")
