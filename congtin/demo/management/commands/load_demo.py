from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from congtin.demo import services


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (chỉ cho môi trường phát triển). Chạy lại không tạo trùng."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--allow-production", action="store_true", help="Cho phép chạy khi DEBUG=False.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("Nội dung mẫu chỉ dành cho môi trường phát triển (DEBUG=True).")
        result = services.demo_load()
        if not result["created"]:
            self.stdout.write("Đã có nội dung; không nạp lại nội dung mẫu.")
            return
        self.stdout.write(self.style.SUCCESS(f"Đã nạp {result['articles']} bài viết mẫu."))
