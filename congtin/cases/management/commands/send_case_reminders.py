from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.cases.services import case_reminders_send


class Command(BaseCommand):
    help = "Gửi mỗi cán bộ xử lý một thư nhắc các hồ sơ quá hạn và sắp đến hạn (chạy mỗi ngày một lần)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=2, help="Sắp đến hạn: trong bao nhiêu ngày làm việc.")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = case_reminders_send(due_soon_days=options["days"])
        self.stdout.write(f"Đã gửi {sent} thư nhắc.")
