"""The lean path (``news.fastpath``, decision 0026) prints what Wagtail's own serving prints, in fewer queries."""

from __future__ import annotations

import datetime as dt
import json
import re

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from congtin.documents import services as document_services
from congtin.documents.choices import DocumentType
from congtin.documents.tests.factories import OrganisationFactory
from congtin.news import texts
from congtin.news.models import ArticleCorrection, ArticlePage, SectionPage
from congtin.news.tests.factories import SectionPageFactory
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db

LEAN = "congtin.news.fastpath.FastPageMiddleware"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def _normal(client, url: str):
    """The page as Django and Wagtail serve it without the lean path. The test client builds its
    middleware chain on its first request and keeps it, so the chain is built again here without the
    lean path, and once more afterwards with it."""
    try:
        with override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != LEAN]):
            client.handler.load_middleware()
            return client.get(url)
    finally:
        client.handler.load_middleware()


def _queries(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), response


def _assert_same(lean, normal, url: str) -> None:
    assert lean.status_code == normal.status_code == 200, url
    # The language switch carries a fresh CSRF token on every request, on both paths.
    assert TOKEN.sub(b"", lean.content) == TOKEN.sub(b"", normal.content), url
    headers = {name: value for name, value in normal.headers.items() if name != "Set-Cookie"}
    assert dict(lean.headers.items()) == headers, url


def test_an_article_page_runs_the_same_few_queries_however_many_related_articles(client, site_tree):
    first = published_article(site_tree.news, title="Bài thứ nhất")
    client.get(first.url)
    alone, _ = _queries(client, first.url)
    for n in range(7):
        published_article(site_tree.news, title=f"Bài cùng chuyên mục {n}")
    first.refresh_from_db()
    client.get(first.url)
    with_related, response = _queries(client, first.url)
    assert "Bài cùng chuyên mục 6" in response.content.decode()
    # The article with its counts of corrections and tags and "Tin tức cùng chuyên mục", in one statement.
    assert alone == with_related == 1


def test_the_newest_and_the_oldest_article_of_a_section_each_list_five_others_as_the_normal_path_does(
    client, site_tree
):
    base = dt.datetime(2021, 6, 1, 8, 0, tzinfo=dt.UTC)
    articles = [
        published_article(site_tree.news, when=base + dt.timedelta(days=n), title=f"Tin số {n}")
        for n in range(8)
    ]
    newest, oldest = articles[-1], articles[0]

    for article, expected in ((newest, [6, 5, 4, 3, 2]), (oldest, [7, 6, 5, 4, 3])):
        lean = client.get(article.url)
        html = lean.content.decode()
        related = html.split('id="cung-chuyen-muc"', 1)[1]
        assert re.findall(r">Tin số (\d)</a>", related) == [str(n) for n in expected]
        _assert_same(lean, _normal(client, article.url), article.url)


def test_corrections_and_tags_cost_one_query_each_and_show_at_once(client, site_tree):
    article = published_article(site_tree.news, title="Bài có đính chính")
    client.get(article.url)
    ArticleCorrection.objects.create(article=article, text="Sửa tên cơ quan ban hành.")
    article = ArticlePage.objects.get(pk=article.pk)
    article.tags.add("cải cách hành chính")
    article.save()
    count, response = _queries(client, article.url)
    assert "Sửa tên cơ quan ban hành." in response.content.decode()
    assert "cải cách hành chính" in response.content.decode()
    assert count == 3
    _assert_same(response, _normal(client, article.url), article.url)


def test_a_reader_is_served_the_text_this_process_kept_when_the_shared_cache_has_lost_it(client, site_tree):
    article = published_article(site_tree.news, title="Bài được nhiều người đọc")
    first = client.get(article.url)
    cache.delete(texts.text_key(article.pk, "vi"))
    count, again = _queries(client, article.url)
    assert TOKEN.sub(b"", again.content) == TOKEN.sub(b"", first.content)
    assert count == 1  # the article with its section's newest: no rendering, which loads the page again

    # Keeping none in the process: the text is rendered again from the page.
    with override_settings(CONGTIN_TEXTS_IN_PROCESS=0):
        texts.forget_in_process()
        client.get(article.url)
        cache.delete(texts.text_key(article.pk, "vi"))
        count, again = _queries(client, article.url)
    assert TOKEN.sub(b"", again.content) == TOKEN.sub(b"", first.content)
    assert count > 1


def test_a_lean_page_reads_the_structure_version_again_only_after_its_max_age(client, site_tree, settings):
    article = published_article(site_tree.news, title="Bài trong chuyên mục được đổi tên")
    settings.CONGTIN_LEAN_VERSION_MAX_AGE = 3600
    assert "Chuyên mục mới" not in client.get(article.url).content.decode()
    section = SectionPage.objects.get(pk=site_tree.news.pk)
    section.title = "Chuyên mục mới"
    section.save_revision().publish()
    # Within its max age the process serves the structure it read: the old name in the menu.
    for url in (article.url, "/"):
        assert "Chuyên mục mới" not in client.get(url).content.decode(), url
    # Past it (0: at once) the next reader sees the new name, in the menu and the breadcrumbs.
    settings.CONGTIN_LEAN_VERSION_MAX_AGE = 0
    lean = client.get(article.url)
    assert "Chuyên mục mới" in lean.content.decode()
    _assert_same(lean, _normal(client, article.url), article.url)


def test_a_section_deleted_within_the_max_age_is_answered_the_normal_way_not_with_an_error(
    client, site_tree, settings
):
    article = published_article(site_tree.research, title="Bài của chuyên mục sắp xoá")
    settings.CONGTIN_LEAN_VERSION_MAX_AGE = 3600
    assert client.get(article.url).status_code == 200  # the structure read, with the section in it
    url = site_tree.research.url
    SectionPage.objects.get(pk=site_tree.research.pk).delete()
    # The process still holds the structure with the section; the section's row is gone.
    assert client.get(url).status_code == 404
    assert client.get(article.url).status_code == 404


def test_an_article_published_again_is_shown_new_though_the_process_kept_its_old_text(client, site_tree):
    article = published_article(site_tree.news, title="Bài sửa sa-pô", summary="Sa-pô bản đầu.")
    assert "Sa-pô bản đầu." in client.get(article.url).content.decode()
    article = ArticlePage.objects.get(pk=article.pk)
    article.summary = "Sa-pô bản đã sửa."
    article.save_revision().publish()
    lean = client.get(article.url)
    assert "Sa-pô bản đã sửa." in lean.content.decode()
    assert "Sa-pô bản đầu." not in lean.content.decode()
    _assert_same(lean, _normal(client, article.url), article.url)


def test_the_process_keeps_the_texts_it_used_last_within_its_limit(settings):
    def share(pk: int, chars: int) -> None:
        text = texts.ArticleText(stamp=(pk, 1, ""), depends={}, text="đ" * chars, related_documents="")
        cache.set(texts.text_key(pk, "vi"), text)

    def kept(pk: int, revision: int = 1) -> texts.ArticleText | None:
        return texts.kept_text(pk, "vi", (pk, revision, ""), {})

    settings.CONGTIN_TEXTS_IN_PROCESS = 250
    for pk in (1, 2):
        share(pk, 100)
        assert kept(pk) is not None  # read from the shared cache, and kept in the process
    cache.clear()  # what follows is served from the process alone
    # Reading the first makes the second the oldest: the third pushes the second out.
    assert kept(1) is not None
    share(3, 100)
    assert kept(3) is not None
    cache.clear()
    assert kept(1) is not None
    assert kept(2) is None
    assert kept(3) is not None
    # A copy that no longer matches the article's stamp is never served.
    assert kept(3, revision=2) is None
    # A text longer than the whole limit is served from the shared cache but not kept in the process.
    share(4, 251)
    assert kept(4) is not None
    cache.clear()
    assert kept(4) is None
    assert kept(3) is not None


def test_a_kept_text_is_rendered_again_when_a_cited_entry_appears_or_goes_or_a_linked_page_moves(
    client, site_tree, registry_page
):
    target = SectionPageFactory(parent=site_tree.home, title="Chuyên mục đích", slug="cu")
    article = published_article(site_tree.news, title="Bài dẫn văn bản")
    # A link to a page as the database stores it (the sanitiser keeps rich text from code to the
    # editor's format), written under the ORM so the published article holds it.
    body = [
        {
            "type": "paragraph",
            "id": "7f0c3b9e-0000-4000-8000-000000000001",
            "value": f'<p>Theo Nghị định số 09/2017/NĐ-CP, xem <a linktype="page" id="{target.pk}">chuyên mục</a>.</p>',
        }
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE news_articlepage SET body = %s WHERE page_ptr_id = %s", [json.dumps(body), article.pk]
        )
    document_services.citations_index(source=ArticlePage.objects.get(pk=article.pk))
    first = client.get(article.url).content.decode()
    assert 'href="/cu/"' in first
    assert "/tiep-can-thong-tin/ky-hieu/" in first

    entry = document_services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="09/2017/NĐ-CP",
        issuer=OrganisationFactory(),
        issued_on=dt.date(2017, 2, 9),
        summary="Quy định chi tiết việc phát ngôn",
        is_published=True,
    )
    target.slug = "moi"
    target.save_revision().publish()
    lean = client.get(article.url)
    text = lean.content.decode()
    assert "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/" in text
    assert 'href="/moi/"' in text and 'href="/cu/"' not in text
    _assert_same(lean, _normal(client, article.url), article.url)

    document_services.document_update(document=entry, is_published=False)  # the entry loses its page
    lean = client.get(article.url)
    assert "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/" not in lean.content.decode()
    assert "/tiep-can-thong-tin/ky-hieu/" in lean.content.decode()
    _assert_same(lean, _normal(client, article.url), article.url)


def test_what_the_lean_path_does_not_serve_goes_the_normal_way(client, site_tree):
    restricted = published_article(site_tree.news, title="Bài hạn chế")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="mat-khau")
    gone = published_article(site_tree.news, title="Bài rút xuống")
    gone_url = gone.url
    ArticlePage.objects.get(pk=gone.pk).unpublish()

    form = client.get(restricted.url).content.decode()
    assert 'name="password"' in form and "Bài hạn chế</h1>" not in form  # Wagtail's password form
    assert client.get(gone_url).status_code == 404
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(site_tree.news.url)
    assert english["Content-Language"] == "en"


def test_a_section_page_runs_one_query_for_two_or_twenty_seven_articles(client, site_tree):
    for n in range(2):
        published_article(site_tree.news, title=f"Bài {n}")
    client.get(site_tree.news.url)
    few, _ = _queries(client, site_tree.news.url)
    for n in range(2, 27):
        published_article(site_tree.news, title=f"Bài {n}")
    client.get(site_tree.news.url)  # the first reader after a publication counts them (test_section_count)
    many, response = _queries(client, site_tree.news.url)
    assert "?trang=2" in response.content.decode()  # 26 after the featured one: two pages
    assert few == many == 1
    _assert_same(response, _normal(client, site_tree.news.url), site_tree.news.url)


def test_the_home_page_runs_one_query_whatever_the_number_of_sections_and_articles(client, site_tree):
    published_article(site_tree.news, title="Bài trang chủ")
    client.get("/")
    few, _ = _queries(client, "/")
    SectionPageFactory(parent=site_tree.home, title="Chuyên mục thêm", show_in_menus=True)
    for n in range(8):
        published_article(site_tree.research, title=f"Bài nghiên cứu {n}", is_top_story=n % 2 == 0)
    client.get("/")  # a new section: a new structure version, the chrome is rendered again
    many, response = _queries(client, "/")
    assert "Bài nghiên cứu 7" in response.content.decode()
    # Its top stories and every section's newest, in one statement.
    assert few == many == 1
    _assert_same(response, _normal(client, "/"), "/")


def test_listed_articles_print_as_the_item_template_prints_them(client, site_tree):
    """Summaries cut after 60 words and their whitespace folded, markup escaped, the day as in Vietnam."""
    published_article(
        site_tree.news, title='Giá "xăng" <RON 95> & dầu', summary="Tóm tắt có <b>thẻ</b> & 'dấu nháy'."
    )
    published_article(site_tree.news, title="Bài sa-pô dài", summary="\n".join(f"từ{n}  " for n in range(70)))
    published_article(site_tree.news, title="Bài chấm lửng", summary=" ".join(["chữ"] * 59 + ["…", "thêm"]))
    published_article(
        site_tree.news, title="Bài lúc nửa đêm", when=dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC)
    )
    for url in (site_tree.news.url, "/"):
        client.get(url)
        count, lean = _queries(client, url)
        assert count == 1  # the lean path
        _assert_same(lean, _normal(client, url), url)
        page = lean.content.decode()
        assert "Giá &quot;xăng&quot; &lt;RON 95&gt; &amp; dầu" in page
        assert "Tóm tắt có &lt;b&gt;thẻ&lt;/b&gt; &amp; &#x27;dấu nháy&#x27;." in page
        assert "từ58 từ59 …</p>" in page and "từ60" not in page
        assert '<time datetime="2026-03-02T03:30:00+07:00">02/03/2026</time>' in page


def test_every_lean_page_prints_a_fresh_token_in_the_language_switch(client, site_tree):
    published_article(site_tree.news, title="Bài trang chủ")
    tokens = []
    for url in ("/", site_tree.news.url, "/", site_tree.news.url):
        client.get(url)
        count, response = _queries(client, url)
        assert count == 1  # the lean path
        tokens += re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', response.content.decode())
    assert len(tokens) == len(set(tokens)) == 4
    assert all(re.fullmatch("[a-zA-Z0-9]{64}", token) for token in tokens)


def test_on_postgresql_the_listings_are_prepared_once_per_connection(client, site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    published_article(site_tree.news, title="Bài trang chủ")
    for url in ("/", site_tree.news.url, "/", site_tree.news.url):
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        prepared = [row[0] for row in cursor.fetchall()]
    # The home page's statement and the section's, each prepared once and executed twice.
    assert len([s for s in prepared if "AS arm_0" in s]) == 1
    assert len([s for s in prepared if "LIMIT 21" in s]) == 1


def test_on_postgresql_an_article_and_its_section_list_are_prepared_once_for_every_article(client, site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    articles = [published_article(site_tree.news, title=f"Bài {n}") for n in range(4)]
    articles.append(published_article(site_tree.research, title="Bài mục khác"))
    for article in articles * 2:
        assert client.get(article.url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        prepared = [row[0] for row in cursor.fetchall()]
    # An article and its section's newest are one statement per section, whichever article of it is
    # read: its slug the only parameter.
    articles = [s for s in prepared if "p.slug = $1" in s]
    assert len(articles) == 2
    assert all("ORDER BY p.first_published_at DESC, p.id DESC" in s and "$2" not in s for s in articles)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_postgresql_a_page_needs_no_health_check_and_survives_a_connection_the_server_dropped(
    client, site_tree, monkeypatch, caplog
):
    if connection.vendor != "postgresql":
        pytest.skip("the server ending a connection is PostgreSQL's")
    article = published_article(site_tree.news, title="Bài đọc sau khi máy chủ khởi động lại")
    for url in (site_tree.news.url, "/"):
        client.get(url)  # each page's chrome is made once per process, through the ORM
    first = client.get(article.url)
    assert connection.health_check_enabled
    checks: list[bool] = []
    is_usable = connection.is_usable
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(is_usable()) or checks[-1])

    # A new request on the kept connection: the page's own statements are the check, no SELECT 1 first.
    for url in (article.url, site_tree.news.url, "/"):
        close_old_connections()  # what Django does as a request starts (the test client skips it)
        assert client.get(url).status_code == 200
    assert checks == []

    # The server ends the connection between two requests (a restart, a dropped connection).
    close_old_connections()
    dropped = connection.connection.info.backend_pid
    with psycopg.connect(**connection.get_connection_params()) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [dropped])
    again = client.get(article.url)
    assert again.status_code == 200
    assert TOKEN.sub(b"", again.content) == TOKEN.sub(b"", first.content)
    assert connection.connection.info.backend_pid != dropped
    assert checks == [False]
    assert "database connection lost" in caplog.text


def test_an_articles_description_is_cut_at_300_characters_as_the_template_cuts_it(client, site_tree):
    """Short texts are printed whole without Truncator's walk, long ones cut by it, on both paths alike."""
    long = "Bộ Nội vụ hướng dẫn tinh giản biên chế và cơ cấu lại đội ngũ công chức, viên chức. " * 6
    short = published_article(site_tree.news, title="Sa-pô ngắn", summary="Tóm tắt ngắn gọn về đề án.")
    cut = published_article(site_tree.news, title="Sa-pô dài", summary=long)
    described = published_article(
        site_tree.news, title="Có mô tả riêng", summary=long, search_description="Mô tả cho máy tìm kiếm."
    )
    for article in (short, cut, described):
        client.get(article.url)
        lean = client.get(article.url)
        _assert_same(lean, _normal(client, article.url), article.url)

    page = client.get(cut.url).content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert len(description) == 300 and description.endswith("…")
    page = client.get(described.url).content.decode()
    assert '<meta name="description" content="Mô tả cho máy tìm kiếm.">' in page
    assert f'<meta property="og:description" content="{long[:299]}…">' in page.replace("&nbsp;", " ")
