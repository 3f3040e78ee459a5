"""Only what is public is ever found: publishing, scheduling, unpublishing, withdrawal, restrictions."""

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
from congtin.search.models import SearchEntry
from congtin.search.services import search_rebuild
from congtin.search.tests.helpers import found_titles, paragraphs, published, search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_publishing_indexes_after_commit(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = published(site_tree.news, title="Hội nghị tổ chức nhà nước", body=paragraphs("Bàn về bộ máy."))
        assert found_titles("to chuc nha nuoc") == []  # not before the commit
    assert len(callbacks) == 1
    assert found_titles("to chuc nha nuoc") == [page.title]
    assert found_titles("bo may") == [page.title]
    (entry,) = SearchEntry.objects.all()
    assert entry.key == f"news.articlepage:{page.pk}"
    assert entry.section_id == site_tree.news.pk
    assert entry.url == page.get_url()


def test_drafts_are_never_found(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        draft = ArticlePageFactory(
            parent=site_tree.news, title="Bản nháp tổ chức", live=False, first_published_at=None
        )
        draft.save_revision()  # saved, submitted for nothing, not published
    assert found_titles("ban nhap") == []
    search_rebuild()
    assert found_titles("ban nhap") == []


def test_a_scheduled_revision_of_a_draft_is_not_found(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(
            parent=site_tree.news, title="Bài hẹn giờ", live=False, first_published_at=None
        )
        page.go_live_at = timezone.now() + dt.timedelta(days=1)
        page.save_revision(approved_go_live_at=page.go_live_at).publish()
    page.refresh_from_db()
    assert not page.live
    assert found_titles("bai hen gio") == []
    search_rebuild()
    assert found_titles("bai hen gio") == []


def test_unpublishing_removes_at_once(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin sắp gỡ về cải cách")
    assert found_titles("cai cach") == [page.title]
    with django_capture_on_commit_callbacks(execute=False):
        page.unpublish()
        assert found_titles("cai cach") == []  # inside the transaction, before any task


def test_withdrawn_articles_are_removed(
    site_tree: Any, staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin bị gỡ về cải cách")
    assert found_titles("cai cach") == [page.title]
    with django_capture_on_commit_callbacks(execute=True):
        article_withdraw(article=page, reason="Sai sự thật.", user=staff.editor_in_chief)
    assert found_titles("cai cach") == []
    search_rebuild()
    assert found_titles("cai cach") == []


def test_deleting_a_page_removes_it(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin sẽ xoá về cải cách")
    page.delete()
    assert found_titles("cai cach") == []


def test_view_restriction_removes_the_subtree_and_lifting_it_restores(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin nội bộ về cải cách")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=site_tree.news, restriction_type=PageViewRestriction.LOGIN
        )
    assert found_titles("cai cach") == []
    search_rebuild()
    assert found_titles("cai cach") == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found_titles("cai cach") == [page.title]


def test_a_stale_task_never_indexes_an_unpublished_page(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from congtin.search.services import search_update

    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin đã gỡ về cải cách")
    page.unpublish()
    search_update([f"news.articlepage:{page.pk}"])  # a task queued before the unpublish runs late
    assert found_titles("cai cach") == []


def test_registry_documents_follow_their_published_flag(django_capture_on_commit_callbacks: Any) -> None:
    from congtin.documents.services import document_update

    with django_capture_on_commit_callbacks(execute=True):
        draft = OfficialDocumentFactory(
            printed_symbol="09/2017/NĐ-CP",
            issued_on=dt.date(2017, 2, 9),
            summary="Quy định về phát ngôn",
            is_published=False,
        )
    assert found_titles("phat ngon") == []
    with django_capture_on_commit_callbacks(execute=True):
        document_update(document=draft, is_published=True)
    assert found_titles("phat ngon") == [draft.title]
    for query in ("09/2017/NĐ-CP", "nd cp 09", "nghị định 9/2017", "chinh phu phat ngon"):
        assert found_titles(query) == [draft.title], query
    with django_capture_on_commit_callbacks(execute=True):
        document_update(document=draft, is_published=False)
    assert found_titles("phat ngon") == []


def test_a_bulk_import_enqueues_one_task_per_batch(django_capture_on_commit_callbacks: Any) -> None:
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for n in range(30):
            OfficialDocumentFactory(printed_symbol=f"{n + 10}/2021/NĐ-CP", summary=f"Quy định về thuế số {n}")
    assert len(callbacks) == 1
    assert search_rebuild() >= 30
    assert len(found_titles("quy dinh thue")) == 20  # the page size


def test_articles_citing_a_document_are_found_by_its_number(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(
            site_tree.news,
            title="Hướng dẫn phát ngôn",
            body=paragraphs("Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ."),
        )
    assert found_titles("nghị định 9/2017") == [page.title]


def test_rebuild_command_reports_progress(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    from io import StringIO

    with django_capture_on_commit_callbacks(execute=True):
        published(site_tree.news, title="Tin một về cải cách")
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", "--batch-size", "2", stdout=out)
    assert "Indexed" in out.getvalue() and "/" in out.getvalue()
    assert found_titles("cai cach") == ["Tin một về cải cách"]


def test_expiry_removes_the_page(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin hết hạn về cải cách")
    page.expire_at = timezone.now() - dt.timedelta(minutes=1)
    page.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert found_titles("cai cach") == []


def test_moving_a_page_updates_its_section_and_address(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin chuyển mục về cải cách")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(site_tree.research, pos="last-child")
    page.refresh_from_db()
    (entry,) = SearchEntry.objects.all()
    assert entry.section_id == site_tree.research.pk
    assert entry.url == page.get_url()
    assert found_titles("cai cach", section_id=site_tree.research.pk) == [page.title]
    assert found_titles("cai cach", path_prefix=site_tree.news.path) == []


def test_a_registry_entry_is_found_with_the_address_of_its_public_page(
    site_tree: Any, django_capture_on_commit_callbacks: Any, client: Any
) -> None:
    from congtin.documents.services import access_to_information_ensure

    # One transaction, as in a real request: the section and the entry are indexed together at commit.
    with django_capture_on_commit_callbacks(execute=True):
        access_to_information_ensure(home=site_tree.home)
        OfficialDocumentFactory(
            printed_symbol="13/2018/NĐ-CP",
            issued_on=dt.date(2018, 1, 23),
            summary="Quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin",
            is_published=True,
        )
    (hit,) = search("tiep can thong tin 13/2018").hits
    assert hit.url == "/tiep-can-thong-tin/van-ban/13-2018-nd-cp/"
    page = client.get(hit.url)
    assert page.status_code == 200
    assert "13/2018/NĐ-CP" in page.content.decode()
