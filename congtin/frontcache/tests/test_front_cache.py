"""The front cache for real: Varnish with deploy/varnish/congtin.vcl in front of congtin.

Publishing tests run congtin in this process (so they share the test database) behind a private
varnishd; the production-stack tests run congtin under gunicorn with the production settings.
Timings are printed for the report (run with -s), never asserted.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from congtin.core.models import JournalSettings
from congtin.frontcache.tests.conftest import needs_redis, needs_varnish
from congtin.frontcache.tests.stack import Gunicorn, Varnish, fetch, wait_until
from congtin.news import services as news_services
from congtin.news.models import ArticlePage
from congtin.news.tests.helpers import published_article
from congtin.users.tests.factories import UserFactory

pytestmark = [
    # Committed data (another thread or process serves it); the migrations' rows are restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # An application-server thread that fails after its test (stopping the server must wait for it) fails it.
    pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning"),
]


def _warm(varnish: Varnish, *paths: str) -> None:
    """Fetch each address until the front cache answers it from its copy."""
    for path in paths:
        varnish.get(path)
        assert varnish.get(path).headers.get("x-cache") == "HIT", path


@needs_varnish
def test_publishing_an_article_refreshes_every_cached_page_that_lists_it(varnish: Varnish, site_tree) -> None:
    older = published_article(site_tree.news, title="Hội nghị tổng kết công tác tổ chức nhà nước")
    older.tags.add("tổ chức bộ máy")
    older.save_revision().publish()
    tag_page = f"/chu-de/{older.tags.get().slug}/"
    dependent = [older.url, site_tree.news.url, "/", tag_page, "/sitemap.xml"]
    _warm(varnish, *dependent)

    fresh = ArticlePage(
        title="Chính phủ ban hành nghị định mới về tinh giản biên chế",
        summary="Tóm tắt.",
        dateline_place="Hà Nội",
        dateline_date=timezone.localdate(),
        byline="PV",
        body=[("paragraph", "<p>Nội dung.</p>")],
    )
    site_tree.news.add_child(instance=fresh)
    fresh.tags.add("tổ chức bộ máy")
    started = time.perf_counter()
    fresh.save_revision().publish()
    pages = {path: varnish.get(path) for path in dependent}
    print(  # noqa: T201 (reported, never asserted)
        f"\npublish → {len(pages)} dependent pages fresh through Varnish: {time.perf_counter() - started:.3f} s"
    )

    for path in (older.url, site_tree.news.url, "/", tag_page):
        assert pages[path].status == 200
        assert fresh.title in pages[path].body, path
    assert fresh.url in pages["/sitemap.xml"].body
    assert varnish.get(fresh.url).status == 200


@needs_varnish
def test_a_correction_a_new_revision_and_a_withdrawal_reach_readers_at_once(
    varnish: Varnish, site_tree
) -> None:
    article = ArticlePage.objects.get(
        pk=published_article(site_tree.news, title="Bộ Nội vụ công bố số liệu biên chế").pk
    )
    editor = UserFactory(is_superuser=True)
    _warm(varnish, article.url, site_tree.news.url)

    news_services.article_add_correction(article=article, text="Số liệu đúng là 1.250 người.", user=editor)
    assert "Số liệu đúng là 1.250 người." in varnish.get(article.url).body

    article.title = "Bộ Nội vụ công bố số liệu biên chế năm 2025"
    article.save_revision().publish()
    assert "số liệu biên chế năm 2025" in varnish.get(article.url).body
    assert "số liệu biên chế năm 2025" in varnish.get(site_tree.news.url).body

    _warm(varnish, article.url, site_tree.news.url)
    news_services.article_withdraw(
        article=ArticlePage.objects.get(pk=article.pk), reason="Sai sự thật.", user=editor
    )
    assert varnish.get(article.url).status == 410
    assert "số liệu biên chế năm 2025" not in varnish.get(site_tree.news.url).body


@needs_varnish
def test_stale_pages_are_served_while_the_application_is_down(
    varnish: Varnish, app_server, site_tree, settings
) -> None:
    settings.CONGTIN_FRONTCACHE_TTLS = {"article": 1}
    article = published_article(site_tree.news, title="Thông báo lịch tiếp công dân tháng này")
    _warm(varnish, article.url)

    app_server.stop()
    wait_until(lambda: varnish.backend_health() == "sick", "Varnish's probe marks the application down")
    time.sleep(1.5)  # the copy is now past its one-second TTL

    stale = varnish.get(article.url)
    never_cached = varnish.get(site_tree.research.url)

    assert stale.status == 200
    assert article.title in stale.body
    assert never_cached.status == 503
    assert "tạm thời gián đoạn" in never_cached.body


@needs_varnish
def test_pages_reach_browsers_compressed_once_and_other_clients_whole(varnish: Varnish, site_tree) -> None:
    article = published_article(site_tree.news, title="Bài viết nén gzip", summary="Tóm tắt " * 200)
    browser = {"Accept-Encoding": "gzip, deflate, br"}

    first = varnish.get(article.url, headers=browser)
    compressed = varnish.get(article.url, headers=browser)
    whole = varnish.get(article.url)

    assert first.headers.get("x-cache") == "MISS"
    assert compressed.headers.get("x-cache") == "HIT"
    assert compressed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.headers["vary"]
    assert article.title in compressed.body
    # The stored copy is the compressed one; a client that asks for no encoding gets the same page whole.
    assert whole.headers.get("x-cache") == "HIT"
    assert "content-encoding" not in whole.headers
    assert whole.body == compressed.body
    assert len(compressed.content) * 3 < len(whole.content)


@needs_varnish
def test_responses_with_cookies_and_the_admin_are_never_stored(varnish: Varnish, site_tree) -> None:
    for _ in range(2):
        login = varnish.get("/admin/login/")
        assert login.headers.get("x-cache") != "HIT"
    for _ in range(2):
        signed_in = varnish.get("/", headers={"Cookie": "sessionid=abc"})
        assert signed_in.headers.get("x-cache") == "PASS"


@needs_redis
def test_pages_are_served_when_redis_dies(app_server, private_redis, site_tree, settings, caplog) -> None:
    settings.CACHES = {
        "default": {"BACKEND": "congtin.core.cache.ResilientRedisCache", "LOCATION": private_redis.url}
    }
    article = published_article(site_tree.news, title="Lịch công tác tuần của Lãnh đạo Bộ")
    port = app_server.thread.port

    assert fetch(port, article.url).status == 200
    # The pages do use Redis (Wagtail keeps the site root paths there).
    assert redis.Redis.from_url(private_redis.url).dbsize() > 0

    private_redis.kill()
    statuses = [fetch(port, path).status for path in (article.url, "/", site_tree.news.url, article.url)]

    assert statuses == [200, 200, 200, 200]
    assert any("Redis unavailable" in record.getMessage() for record in caplog.records)


@needs_varnish
def test_reset_derived_data_bans_every_page_from_the_front_cache(varnish: Varnish, site_tree) -> None:
    paths = ("/", site_tree.news.url, site_tree.research.url)
    for path in paths:
        varnish.get(path)
        assert varnish.get(path).headers.get("x-cache") == "HIT", path
    # A database restored with another masthead: its row is written without the signal that would ban.
    JournalSettings.objects.filter(site=site_tree.site).update(journal_name="Tên trong bản khôi phục")
    assert "Tạp chí Tổ chức nhà nước" in varnish.get("/").body

    out = StringIO()
    call_command("reset_derived_data", stdout=out)

    assert "Đã xóa toàn bộ bộ đệm trước ở 1/1 máy" in out.getvalue()
    for path in paths:
        page = varnish.get(path)
        assert page.headers.get("x-cache") == "MISS", path
        assert "Tên trong bản khôi phục" in page.body and "Tạp chí Tổ chức nhà nước" not in page.body, path


def _database_url_for_another_process(directory: Path) -> str:
    """The test database as a URL gunicorn can open: a copy of in-memory SQLite, or PostgreSQL itself."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = directory / "app.sqlite3"
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def production_stack(site_tree, tmp_path: Path) -> Iterator[tuple[Varnish, ArticlePage]]:
    article = published_article(site_tree.news, title="Quy định mới về tiếp công dân")
    app = Gunicorn(database_url=_database_url_for_another_process(tmp_path)).start()
    front = Varnish(backend_port=app.port).start()
    yield front, article
    front.stop()
    app.stop()


@needs_varnish
def test_the_production_stack_serves_pages_through_the_front_cache(production_stack) -> None:
    front, article = production_stack

    first = front.get(article.url)
    second = front.get(article.url)

    assert first.status == 200
    assert article.title in first.body
    assert first.headers["x-cache"] == "MISS"
    assert second.headers["x-cache"] == "HIT"
    assert second.body == first.body


@needs_varnish
def test_a_short_load_run_through_the_front_cache_has_no_errors(production_stack) -> None:
    front, article = production_stack
    paths = ["/", article.url, article.get_parent().url]
    statuses: Counter[int] = Counter()
    lock = threading.Lock()

    def reader(offset: int) -> None:
        for i in range(60):
            status = front.get(paths[(offset + i) % len(paths)]).status
            with lock:
                statuses[status] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=reader, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    total = sum(statuses.values())
    print(f"\nload smoke: {total} requests, 16 connections, {elapsed:.2f} s, {total / elapsed:.0f} req/s")  # noqa: T201

    assert statuses == Counter({200: 16 * 60})
