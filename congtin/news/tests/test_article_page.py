from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail_factories import ImageFactory

from congtin.documents.tests.factories import OfficialDocumentFactory
from congtin.news.models import ArticlePage
from congtin.news.tests.factories import ArticlePageFactory, SectionPageFactory
from congtin.news.tests.helpers import published_article
from congtin.vietnamese import VIETNAM_TZ

pytestmark = pytest.mark.django_db


def vn(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VIETNAM_TZ)


def test_article_page_shows_dateline_title_publish_time_summary_body_and_byline(client, site_tree):
    article = published_article(
        site_tree.news,
        when=vn(2021, 6, 9, 3, 41),
        title="Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ",
        dateline_place="Hà Nội",
        dateline_date=dt.date(2021, 6, 20),
        summary="Bộ Nội vụ ban hành văn bản số 2761/BNV-TC.",
        body=[{"type": "paragraph", "value": "<p>Tăng cường công tác tuyên truyền.</p>"}],
        byline="PV",
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hà Nội, ngày 20/06/2021" in html
    assert "<h1" in html and "Chỉ thị số 12/CT-TTg ngày 12/5/2021" in html
    assert re.search(r"Ngày đăng: <time[^>]*>09/06/2021 03:41</time>", html)
    assert "Bộ Nội vụ ban hành văn bản số 2761/BNV-TC." in html
    assert "Tăng cường công tác tuyên truyền." in html
    assert '<p class="byline">PV</p>' in html
    assert "Cỡ chữ" in html and "Mặc định" in html


def test_byline_falls_back_to_the_authors_pen_name(client, site_tree, staff):
    staff.reporter.pen_name = "Minh Anh"
    staff.reporter.save()
    article = published_article(site_tree.news, byline="", author=staff.reporter)
    assert '<p class="byline">Minh Anh</p>' in client.get(article.url).content.decode()


def _related_titles(html: str) -> list[str]:
    section = html.split('id="cung-chuyen-muc"', 1)[1]
    return re.findall(r'class="item-title"><a href="[^"]+">([^<]+)</a>', section)


def test_same_section_lists_five_newest_other_published_articles_newest_first(client, site_tree):
    base = vn(2021, 6, 1, 8, 0)
    others = [
        published_article(site_tree.news, when=base + dt.timedelta(days=i), title=f"Tin cùng mục {i}")
        for i in range(7)
    ]
    article = published_article(site_tree.news, when=base + dt.timedelta(days=3), title="Bài đang đọc")
    draft = ArticlePageFactory(parent=site_tree.news, live=False, title="Bản nháp chưa duyệt")
    draft.save_revision()
    scheduled = ArticlePageFactory(parent=site_tree.news, live=False, title="Bài hẹn giờ đăng")
    scheduled.go_live_at = timezone.now() + dt.timedelta(days=2)
    scheduled.save_revision().publish()
    published_article(site_tree.research, when=base + dt.timedelta(days=30), title="Bài mục khác")

    titles = _related_titles(client.get(article.url).content.decode())

    assert titles == [f"Tin cùng mục {i}" for i in (6, 5, 4, 3, 2)]
    assert ArticlePage.objects.get(pk=scheduled.pk).live is False
    assert all(
        t not in titles for t in ("Bài đang đọc", "Bản nháp chưa duyệt", "Bài hẹn giờ đăng", "Bài mục khác")
    )
    assert others[0].title not in titles


def _count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_article_page_runs_a_constant_number_of_queries_whatever_the_related_items(
    client, site_tree, registry_page
):
    for number in range(1, 8):
        OfficialDocumentFactory(printed_symbol=f"{number:02d}/2017/NĐ-CP", issued_on=dt.date(2017, 2, number))
    article = published_article(
        site_tree.news,
        when=vn(2021, 6, 9, 3, 41),
        byline="PV",
        body=[{"type": "paragraph", "value": "<p>Theo Nghị định số 01/2017/NĐ-CP.</p>"}],
    )
    article.tags.add("báo chí")
    article.save_revision().publish()
    alone = _count_queries(client, article.url)
    for i in range(12):
        published_article(site_tree.news, when=vn(2021, 6, 1 + i, 8, 0), title=f"Tin liên quan {i}")
    article.tags.add("bảo vệ Tổ quốc", "truyền thông")
    # Citations of entries and of numbers the registry lacks, in paragraphs, a list and the summary.
    cited = ", ".join(f"Nghị định số {n:02d}/2017/NĐ-CP" for n in range(1, 8))
    article.summary = "Thực hiện Nghị định 02/2017/NĐ-CP và Nghị định 99/2020/NĐ-CP."
    article.body = [
        {"type": "paragraph", "value": f"<p>Theo {cited}.</p>"},
        {"type": "paragraph", "value": "<p>Và Nghị định số 98/2020/NĐ-CP, Chỉ thị số 12/CT-TTg.</p>"},
        {
            "type": "list",
            "value": {"style": "ul", "items": [f"Nghị định {n:02d}/2017/NĐ-CP" for n in range(1, 4)]},
        },
    ]
    article.save_revision().publish()
    crowded = _count_queries(client, article.url)
    assert crowded == alone
    assert crowded <= 15
    assert client.get(article.url).content.decode().count('<a class="citation') == 14


def test_section_page_runs_a_constant_number_of_queries_whatever_its_length(client, site_tree):
    sub = SectionPageFactory(parent=site_tree.news, title="Hoạt động địa phương")
    # Every article carries its own thumbnail: renditions must not cost a query each.
    published_article(site_tree.news, when=vn(2021, 1, 1, 8, 0), feed_image=ImageFactory())  # featured
    published_article(sub, when=vn(2021, 1, 2, 8, 0), feed_image=ImageFactory())
    few = _count_queries(client, site_tree.news.url)
    for i in range(25):
        published_article(
            sub if i % 2 else site_tree.news, when=vn(2021, 2, 1 + i, 8, 0), feed_image=ImageFactory()
        )
    many = _count_queries(client, site_tree.news.url)
    assert many == few
    assert many <= 15


def test_section_page_paginates_twenty_articles_a_page_with_date_and_summary(client, site_tree):
    for i in range(45):
        published_article(
            site_tree.news, when=vn(2021, 3, 1, 8, 0) + dt.timedelta(hours=i), title=f"Tin {i:02d}"
        )
    first = client.get(site_tree.news.url).content.decode()
    third = client.get(site_tree.news.url + "?trang=3").content.decode()
    listing_first = first.split('class="listing"', 1)[1]
    assert listing_first.count('class="item-title"') == 20
    assert "Trang 1/3" in first
    assert "Ngày đăng" in listing_first and "Tóm tắt ngắn của bản tin." in listing_first
    assert third.split('class="listing"', 1)[1].count('class="item-title"') == 4  # 45 - featured - 40
    # A page number that does not exist shows the last page rather than an error.
    assert client.get(site_tree.news.url + "?trang=abc").status_code == 200


def test_home_page_shows_masthead_top_stories_and_latest_per_section(client, site_tree):
    published_article(site_tree.news, title="Tin nổi bật của tuần", is_top_story=True)
    for i in range(7):
        published_article(site_tree.research, when=vn(2021, 4, 1 + i, 8, 0), title=f"Nghiên cứu {i}")
    html = client.get("/").content.decode()
    for text in (
        "Tạp chí Tổ chức nhà nước",
        "Cơ quan chủ quản",
        "Bộ Nội vụ",
        "Giấy phép số",
        "123/GP-BTTTT",
        "Tổng biên tập",
        "Nguyễn Văn Bình",
        "Số 8 Tôn Thất Thuyết",
        "024 1234 5678",
        "toasoan@congtin.test",
        "Tin nổi bật của tuần",
    ):
        assert text in html
    research = html.split(f'id="cm-{site_tree.research.pk}"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r">(Nghiên cứu \d)<", research) == [f"Nghiên cứu {i}" for i in (6, 5, 4, 3, 2)]


def test_article_page_carries_meta_description_opengraph_and_newsarticle_json_ld(client, site_tree):
    article = published_article(site_tree.news, when=vn(2021, 6, 9, 3, 41), summary="Sa-pô của bài.")
    html = client.get(article.url).content.decode()
    assert '<meta name="description" content="Sa-pô của bài.">' in html
    assert '<meta property="og:title"' in html and '<meta property="og:type" content="article">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"].startswith("2021-06-09T03:41:00+07:00")


def test_article_has_breadcrumbs_share_links_and_a_print_view(client, site_tree):
    article = published_article(site_tree.news, title="Bài có bản in")
    html = client.get(article.url).content.decode()
    assert 'class="breadcrumbs"' in html and "Tin tức - Sự kiện" in html
    assert "facebook.com/sharer" in html and "zalo.me" in html
    printed = client.get(article.url + "ban-in/")
    assert printed.status_code == 200
    body = printed.content.decode()
    assert "Bài có bản in" in body and "print.css" in body and 'class="site-nav"' not in body


def test_home_page_queries_do_not_grow_with_sections_or_articles(client, site_tree):
    # Sub-sections count for their top-level section.
    sub = SectionPageFactory(parent=site_tree.news, title="Địa phương")
    for i in range(3):
        published_article(sub, when=vn(2021, 5, 1 + i, 8, 0), title=f"Tin địa phương {i}")
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        html = client.get("/").content.decode()
    news = html.split(f'id="cm-{site_tree.news.pk}"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r">(Tin địa phương \d)<", news) == [f"Tin địa phương {i}" for i in (2, 1, 0)]
    for n in range(3):
        extra = SectionPageFactory(parent=site_tree.home, title=f"Chuyên mục {n}")
        for i in range(6):
            published_article(extra, title=f"Bài {n}.{i}")
    # New sections change the site's structure: the first request reads it again (decision 0023).
    client.get("/")
    with CaptureQueriesContext(connection) as more:
        html = client.get("/").content.decode()
    assert len(more) == len(few)
    last = html.split(f'id="cm-{extra.pk}"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r">(Bài 2\.\d)<", last) == [f"Bài 2.{i}" for i in (5, 4, 3, 2, 1)]  # five newest
