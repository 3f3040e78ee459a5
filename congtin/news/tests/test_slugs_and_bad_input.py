"""Vietnamese slugs, redirects on slug change, and what bad input must not break or leak."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import rich_text, streamfield

from congtin.news.models import ArticlePage
from congtin.news.tests.factories import ArticlePageFactory
from congtin.news.tests.helpers import article_form_data, published_article

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title_with_d_stroke_and_tones_folded(site_tree):
    article = ArticlePageFactory(parent=site_tree.news, title="Bộ Nội vụ triển khai thực hiện Chỉ thị")
    assert article.slug == "bo-noi-vu-trien-khai-thuc-hien-chi-thi"
    dn = ArticlePageFactory(parent=site_tree.news, title="Đoàn công tác làm việc tại Đà Nẵng")
    assert dn.slug == "doan-cong-tac-lam-viec-tai-da-nang"


def test_slug_is_unique_among_siblings_only(site_tree):
    first = ArticlePageFactory(parent=site_tree.news, title="Họp báo thường kỳ")
    second = ArticlePageFactory(parent=site_tree.news, title="Họp báo thường kỳ")
    elsewhere = ArticlePageFactory(parent=site_tree.research, title="Họp báo thường kỳ")
    assert (first.slug, second.slug, elsewhere.slug) == (
        "hop-bao-thuong-ky",
        "hop-bao-thuong-ky-2",
        "hop-bao-thuong-ky",
    )


def test_a_255_character_title_makes_a_valid_slug_and_a_working_page(client, site_tree):
    title = ("Hội nghị tổng kết công tác xây dựng chính quyền địa phương " * 6)[:255]
    assert len(title) == 255
    article = published_article(site_tree.news, title=title)
    assert 0 < len(article.slug) <= 80
    assert article.slug.startswith("hoi-nghi-tong-ket-cong-tac-xay-dung-chinh-quyen-dia-phuong")
    assert not article.slug.endswith("-")
    assert client.get(article.url).status_code == 200


def test_the_admin_creates_an_article_with_a_vietnamese_slug_when_the_slug_is_left_blank(
    admin_client, site_tree
):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", site_tree.news.pk])
    response = admin_client.post(url, article_form_data(title="Đẩy mạnh chuyển đổi số ngành Nội vụ"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticlePage.objects.get(title="Đẩy mạnh chuyển đổi số ngành Nội vụ").slug == (
        "day-manh-chuyen-doi-so-nganh-noi-vu"
    )


def test_changing_a_published_slug_leaves_a_redirect_from_the_old_url(
    client, site_tree, django_capture_on_commit_callbacks
):
    article = published_article(site_tree.news, title="Tin cũ")
    old_url = article.url
    article.slug = "tin-moi"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert Redirect.objects.filter(old_path=old_url.rstrip("/")).exists()
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/tin-tuc-su-kien/tin-moi/")


def test_an_unknown_url_answers_404_with_a_vietnamese_page(client, site_tree):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html and 'lang="vi"' in html


def test_a_drafts_url_answers_404_to_the_public(client, site_tree):
    draft = ArticlePageFactory(parent=site_tree.news, live=False, title="Bản nháp nội bộ")
    draft.save_revision()
    response = client.get("/tin-tuc-su-kien/ban-nhap-noi-bo/")
    assert response.status_code == 404
    assert "Bản nháp nội bộ" not in response.content.decode()


def test_a_script_pasted_into_rich_text_never_reaches_the_page(client, site_tree):
    article = published_article(
        site_tree.news,
        body=[
            {
                "type": "paragraph",
                "value": '<p>An toàn<script>alert("x")</script><img src="x" onerror="alert(1)">'
                '<a href="javascript:alert(2)">liên kết</a></p>',
            }
        ],
    )
    html = client.get(article.url).content.decode()
    body = html.split('class="body"', 1)[1].split("</div>", 1)[0]
    assert "An toàn" in body
    assert "<script" not in body and "onerror" not in body and "javascript:" not in body


def test_a_script_typed_into_the_admin_editor_is_shown_as_text_not_run(admin_client, client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", site_tree.news.pk])
    data = article_form_data(
        title="Bài có mã độc",
        body=streamfield([("paragraph", rich_text('<p>Trước</p><script>alert("x")</script><p>Sau</p>'))]),
    )
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    article = ArticlePage.objects.get(title="Bài có mã độc")
    html = client.get(article.url).content.decode()
    assert "Trước" in html and "Sau" in html
    assert '<script>alert("x")' not in html


def test_an_expiry_before_go_live_is_refused_in_vietnamese_and_nothing_saved_is_lost(admin_client, site_tree):
    article = published_article(site_tree.news, title="Bài đang đăng", summary="Sa-pô đã lưu.")
    revisions_before = article.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = admin_client.post(
        url,
        article_form_data(
            title="Tiêu đề sửa đổi",
            slug=article.slug,
            go_live_at="20/12/2030 08:00",
            expire_at="19/12/2030 08:00",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thời hạn đăng phải trước thời điểm hết hạn" in html or "hết hạn phải sau" in html
    assert 'value="Tiêu đề sửa đổi"' in html  # what the editor typed is still in the form
    article.refresh_from_db()
    assert article.title == "Bài đang đăng" and article.summary == "Sa-pô đã lưu." and article.live
    assert article.revisions.count() == revisions_before


def test_an_impossible_date_is_refused_in_vietnamese_and_nothing_saved_is_lost(admin_client, site_tree):
    article = published_article(site_tree.news, title="Bài có ngày đầu bài")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = admin_client.post(
        url, article_form_data(title="Bài có ngày đầu bài", slug=article.slug, dateline_date="31/02/2021")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nhập một ngày hợp lệ." in html
    assert 'value="31/02/2021"' in html
    article.refresh_from_db()
    assert str(article.dateline_date) == "2021-06-20"


def test_dates_typed_day_first_are_read_day_first(admin_client, site_tree):
    article = published_article(site_tree.news, title="Bài ngày 09/06")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = admin_client.post(
        url, article_form_data(title="Bài ngày 09/06", slug=article.slug, dateline_date="09/06/2021")
    )
    assert response.status_code == 302
    assert (
        str(ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().dateline_date)
        == "2021-06-09"
    )


def test_sitemap_lists_published_articles_only(client, site_tree):
    live = published_article(site_tree.news, title="Bài đã đăng trên sơ đồ")
    draft = ArticlePageFactory(parent=site_tree.news, live=False, title="Bản nháp không lên sơ đồ")
    draft.save_revision()
    xml = client.get("/sitemap.xml").content.decode()
    assert live.slug in xml
    assert draft.slug not in xml


def test_an_editor_using_the_english_admin_still_types_dates_day_first(admin_client, admin_user, site_tree):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    article = published_article(site_tree.news, title="Bài sửa bằng giao diện tiếng Anh")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = admin_client.post(
        url, article_form_data(title=article.title, slug=article.slug, dateline_date="20/06/2021")
    )
    assert response.status_code == 302
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert str(saved.dateline_date) == "2021-06-20"


def test_links_to_pages_and_sites_written_from_code_survive_the_whitelist(client, site_tree):
    earlier = published_article(site_tree.news, title="Bài trước")
    article = published_article(
        site_tree.news,
        title="Bài có liên kết",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Xem <a linktype="page" id="{earlier.pk}">bài trước</a> và '
                '<a href="https://chinhphu.vn/">Cổng Chính phủ</a>.</p>',
            }
        ],
    )
    html = client.get(article.url).content.decode()
    assert f'<a href="{earlier.url}">bài trước</a>' in html
    assert '<a href="https://chinhphu.vn/">Cổng Chính phủ</a>' in html


def test_a_link_to_a_page_chosen_in_the_admin_editor_reaches_the_page(admin_client, client, site_tree):
    earlier = published_article(site_tree.news, title="Bài trước")
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", site_tree.news.pk])
    data = article_form_data(
        title="Bài dẫn bài trước",
        body=streamfield(
            [("paragraph", rich_text(f'<p>Đọc <a linktype="page" id="{earlier.pk}">bài trước</a>.</p>'))]
        ),
    )
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    article = ArticlePage.objects.get(title="Bài dẫn bài trước")
    assert f'<a href="{earlier.url}">bài trước</a>' in client.get(article.url).content.decode()
