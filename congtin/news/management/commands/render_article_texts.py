from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.news.texts import article_texts_render_all


class Command(BaseCommand):
    help = (
        "Dựng sẵn phần chữ (sa-pô, nội dung, liên kết văn bản) của mọi tin bài đang xuất bản, "
        "sau khi nhập hàng loạt, khôi phục hoặc triển khai bản mới; phần nào chưa dựng thì người đọc đầu tiên dựng."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = article_texts_render_all()
        self.stdout.write(self.style.SUCCESS(f"Đã dựng sẵn phần chữ của {count} tin bài."))
