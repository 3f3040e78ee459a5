from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.cases.reports.tallies import case_tallies_rebuild


class Command(BaseCommand):
    help = (
        "Đếm lại bảng số liệu tổng hợp theo tháng của báo cáo từ các hồ sơ; chạy sau khi ghi hồ sơ bằng "
        "SQL trực tiếp (nhập dữ liệu, sinh dữ liệu thử)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = case_tallies_rebuild()
        self.stdout.write(f"Đã đếm lại số liệu tổng hợp: {rows} dòng.")
