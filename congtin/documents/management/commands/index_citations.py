"""``manage.py index_citations``: rebuild the citation index of live articles and registry entries."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from congtin.documents import services


class Command(BaseCommand):
    help = (
        "Tìm lại trích dẫn văn bản trong mọi bài đang đăng và toàn văn các văn bản, để liên kết tới cơ sở dữ "
        "liệu văn bản. Cần chạy một lần sau khi nâng cấp; về sau việc đăng bài tự cập nhật."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = services.citations_reindex()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã lập chỉ mục {counts['citations']} trích dẫn trong {counts['pages']} trang "
                f"và {counts['documents']} văn bản."
            )
        )
