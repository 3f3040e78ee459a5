from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.news.services import portal_setup


class Command(BaseCommand):
    help = (
        "Chuẩn bị cổng thông tin mới cài đặt: trang chủ, nhóm biên tập, quy trình duyệt tin bài, "
        "quyền trên cơ sở dữ liệu văn bản. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--site-name", default="", help="Tên cổng thông tin / tạp chí.")

    def handle(self, *args: Any, **options: Any) -> None:
        home = portal_setup(site_name=options["site_name"])
        self.stdout.write(
            self.style.SUCCESS(f"Đã sẵn sàng: trang chủ “{home.title}”, nhóm biên tập và quy trình duyệt.")
        )
