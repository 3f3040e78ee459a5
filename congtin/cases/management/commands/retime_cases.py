from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.cases.services import case_retime_open_cases


class Command(BaseCommand):
    help = "Tính lại thời hạn các hồ sơ đang mở theo lịch nghỉ lễ, Tết hiện hành."

    def handle(self, *args: Any, **options: Any) -> None:
        moved = case_retime_open_cases()
        self.stdout.write(f"Đã tính lại thời hạn của {moved} hồ sơ.")
