from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.cases.emails import case_emails_send_due


class Command(BaseCommand):
    help = "Gửi các thư cho người yêu cầu còn nằm trong hàng đợi (mã tra cứu…); chạy vài phút một lần."

    def handle(self, *args: Any, **options: Any) -> None:
        sent, waiting = case_emails_send_due()
        self.stdout.write(f"Đã gửi {sent} thư; {waiting} thư chưa gửi được, sẽ thử lại sau.")
