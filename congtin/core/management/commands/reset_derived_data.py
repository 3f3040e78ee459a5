"""``manage.py reset_derived_data``: after a database restore, make every kept copy of derived data a miss.

The section counts, the articles' kept texts, the site structure and the masthead are kept in the cache
and in each process's memory under versions (decision 0026); a restored database takes the counters back
to values already used, and the structure version in the cache outlives it. This raises the counters past
the clock, starts a new structure version and bans every page of the front cache.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.base import BaseCommand, CommandError

from congtin.core.structure import derived_data_reset
from congtin.frontcache.services import EVERYTHING, frontcache_ban, frontcache_hosts


class Command(BaseCommand):
    help = (
        "Sau khi khôi phục cơ sở dữ liệu (hoặc khi nghi dữ liệu dẫn xuất đã cũ): nâng mọi phiên bản dữ liệu "
        "dẫn xuất, bắt đầu phiên bản cấu trúc mới và xóa toàn bộ bộ đệm trước (Varnish). "
        "After a database restore: raise every derived-data version, start a new structure version and ban "
        "the whole front cache."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        reset = derived_data_reset()
        counters = ", ".join(f"{name} = {counter}" for name, counter in reset.counters.items())
        self.stdout.write(f"Đã nâng phiên bản dữ liệu dẫn xuất (derived data versions raised): {counters}.")
        if not reset.cache_kept:
            raise CommandError(
                "Bộ đệm chung (Redis) không lưu được phiên bản cấu trúc mới: kiểm tra REDIS_URL rồi chạy lại lệnh. "
                "(The shared cache did not keep the new structure version: check REDIS_URL and run this again.)"
            )
        self.stdout.write(
            f"Đã bắt đầu phiên bản cấu trúc mới (new structure version): {reset.structure_version}."
        )
        if isinstance(caches["default"], LocMemCache | DummyCache):
            # Without Redis each process keeps its own cache (``make run``): this one is not the server's.
            self.stdout.write(
                self.style.WARNING(
                    "Bộ đệm chỉ nằm trong từng tiến trình (chưa đặt REDIS_URL): khởi động lại các tiến trình "
                    "ứng dụng để chúng bỏ cấu trúc trang cũ. (The cache is per process, no REDIS_URL: restart "
                    "the application processes so they drop the old site structure.)"
                )
            )

        hosts = frontcache_hosts()
        if not hosts:
            self.stdout.write(
                "Chưa cấu hình bộ đệm trước (CONGTIN_FRONTCACHE_HOSTS trống), không có gì để xóa. "
                "(No front cache configured: nothing to ban.)"
            )
        else:
            accepted = frontcache_ban(tags=[EVERYTHING], url_prefixes=[])
            if accepted < len(hosts):
                raise CommandError(
                    f"Chỉ {accepted}/{len(hosts)} bộ đệm trước nhận lệnh xóa; xóa tay ở máy còn lại: "
                    f"curl -X BAN -H 'X-Cache-Tags: {EVERYTHING}' http://<varnish>/ "
                    f"(only {accepted} of {len(hosts)} front caches took the ban; ban the others by hand)."
                )
            self.stdout.write(
                f"Đã xóa toàn bộ bộ đệm trước ở {accepted}/{len(hosts)} máy "
                f"(the whole front cache banned on {accepted} of {len(hosts)})."
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Xong: người đọc tiếp theo thấy đúng dữ liệu trong cơ sở dữ liệu. Có thể chạy "
                "manage.py render_article_texts để dựng sẵn phần chữ tin bài. "
                "(Done: the next readers see the database's data; render_article_texts renders the texts ahead.)"
            )
        )
