from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from congtin.cases.privacy import erase_expired_case_data


class Command(BaseCommand):
    help = (
        "Xoá dữ liệu cá nhân của các hồ sơ đã kết thúc quá CONGTIN_CASE_RETENTION_DAYS ngày, giữ số liệu "
        "thống kê; chạy mỗi ngày một lần."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        erased = erase_expired_case_data()
        days = settings.CONGTIN_CASE_RETENTION_DAYS
        self.stdout.write(f"Đã xoá dữ liệu cá nhân của {erased} hồ sơ kết thúc quá {days} ngày.")
