"""Nothing unpublished is ever found through the search page: publish, unpublish and search as a reader."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from congtin.documents.tests.factories import OfficialDocumentFactory
from congtin.news.services import article_withdraw
from congtin.news.tests.factories import ArticlePageFactory
from congtin.search.services import search_rebuild
from congtin.search.tests.helpers import paragraphs, published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def found(client: Any, q: str) -> str:
    """The results page's HTML for ``q``, fetched as a reader would."""
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200
    return str(response.content.decode())


def test_an_article_appears_when_published_and_disappears_when_unpublished(
    client: Any, site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(
            parent=site_tree.news, title="Tin về khoán chi", live=False, first_published_at=None
        )
        page.save_revision()
    assert "Tin về khoán chi" not in found(client, "khoan chi")  # a draft
    search_rebuild()
    assert "Tin về khoán chi" not in found(client, "khoan chi")
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert "Tin về <mark>khoán</mark> <mark>chi</mark>" in found(client, "khoan chi")
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.unpublish()
    html = found(client, "khoan chi")
    assert "Tin về" not in html and "Không tìm thấy kết quả nào" in html


def test_a_draft_edit_of_a_live_article_is_not_searchable(
    client: Any, site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin công khai về ngân sách", body=paragraphs("Bản đã đăng."))
    page.title = "Tin công khai về ngân sách"
    page.body = paragraphs("Đoạn nháp bí mật chưa duyệt.")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # an unpublished edit
    assert "Không tìm thấy kết quả nào" in found(client, "bi mat chua duyet")
    assert "Tin công khai" in found(client, "ngan sach")


def test_scheduled_and_expired_articles_are_not_found(
    client: Any, site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        scheduled = ArticlePageFactory(
            parent=site_tree.news, title="Tin hẹn giờ về thuế", live=False, first_published_at=None
        )
        scheduled.go_live_at = timezone.now() + dt.timedelta(days=1)
        scheduled.save_revision(approved_go_live_at=scheduled.go_live_at).publish()
        expiring = published(site_tree.news, title="Tin hết hạn về thuế")
    assert "Tin hết hạn" in found(client, "thue")
    assert "Tin hẹn giờ" not in found(client, "thue")
    expiring.expire_at = timezone.now() - dt.timedelta(minutes=1)
    expiring.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    search_rebuild()
    html = found(client, "thue")
    assert "Tin hết hạn" not in html and "Tin hẹn giờ" not in html


def test_withdrawn_and_restricted_articles_are_not_found(
    client: Any, site_tree: Any, staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = published(site_tree.news, title="Tin sai về đất đai")
        internal = published(site_tree.research, title="Tin nội bộ về đất đai")
        public = published(site_tree.news, title="Tin đúng về đất đai")
    assert found(client, "dat dai").count('class="search-result"') == 3
    with django_capture_on_commit_callbacks(execute=True):
        article_withdraw(article=withdrawn, reason="Sai sự thật.", user=staff.editor_in_chief)
        PageViewRestriction.objects.create(
            page=site_tree.research, restriction_type=PageViewRestriction.LOGIN
        )
    search_rebuild()
    html = found(client, "dat dai")
    assert public.title in html.replace("<mark>", "").replace("</mark>", "")
    assert "Tin sai" not in html and "Tin nội bộ" not in html
    # The restricted section is not offered as a facet either.
    assert "Nghiên cứu - Trao đổi <span" not in html
    assert internal.pk


def test_an_unpublished_registry_entry_is_neither_found_nor_pinned(
    client: Any, registry_page: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from congtin.documents.services import document_update

    with django_capture_on_commit_callbacks(execute=True):
        document = OfficialDocumentFactory(
            printed_symbol="15/2020/NĐ-CP",
            issued_on=dt.date(2020, 2, 3),
            summary="Quy định xử phạt vi phạm hành chính về bưu chính",
            is_published=False,
        )
    for q in ("15/2020/NĐ-CP", "buu chinh"):
        html = found(client, q)
        assert "search-pinned" not in html and "bưu chính" not in html.split("<main")[1], q
    with django_capture_on_commit_callbacks(execute=True):
        document_update(document=document, is_published=True)
    assert "search-pinned" in found(client, "15/2020/NĐ-CP")
    with django_capture_on_commit_callbacks(execute=True):
        document_update(document=document, is_published=False)
    html = found(client, "15/2020/NĐ-CP")
    assert "search-pinned" not in html
    assert "Văn bản số 15/2020/NĐ-CP không có trong cơ sở dữ liệu" in html
