"""Corrections (Press Law, Art. 42) and withdrawals (Art. 52), driven through the admin views and read
back as the public sees them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from congtin.news.models import ArticleCorrection, ArticlePage, ArticleWithdrawal
from congtin.news.tests.editorial import (
    TITLE,
    api_ids,
    approved_by_editor_in_chief,
    assert_refused,
    clock_at,
    draft,
    edit,
    edit_url,
    form_datetime,
    fresh,
    history_rows,
    in_the_future,
    submitted,
    workflow_action,
)
from congtin.news.tests.factories import ArticlePageFactory
from congtin.news.tests.helpers import published_article
from congtin.vietnamese import VIETNAM_TZ

pytestmark = pytest.mark.django_db

REASON = "Thông tin về số liệu chưa được cơ quan chức năng xác nhận."


def vn(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VIETNAM_TZ)


def correction_url(page: ArticlePage) -> str:
    return reverse("news_add_correction", args=[page.pk])


def withdraw_url(page: ArticlePage) -> str:
    return reverse("news_withdraw", args=[page.pk])


def post_as(client, user, url: str, data: dict[str, str]):
    client.force_login(user)
    return client.post(url, data)


@pytest.fixture
def article(client, staff, site_tree) -> ArticlePage:
    """A reporter's article, published through the whole editorial chain."""
    return approved_by_editor_in_chief(client, staff, site_tree.news)


# --- corrections ------------------------------------------------------------------------------------


def test_editor_adds_a_dated_correction_shown_under_the_article(client, staff, article):
    client.force_login(staff.editor)
    assert client.get(correction_url(article)).status_code == 200
    with clock_at(vn(2021, 6, 10, 9, 5)):
        response = post_as(
            client, staff.editor, correction_url(article), {"text": "Số liệu đúng là 2.761 hồ sơ."}
        )
    assert response.status_code == 302
    correction = ArticleCorrection.objects.get(article=article)
    assert correction.created_by == staff.editor
    client.logout()
    html = client.get(article.url).content.decode()
    assert 'class="corrections"' in html
    assert (
        '<time datetime="2021-06-10T09:05:00+07:00">10/06/2021 09:05</time>: Số liệu đúng là 2.761 hồ sơ.'
        in html
    )


def test_editor_in_chief_may_add_a_correction_too(client, staff, article):
    response = post_as(
        client, staff.editor_in_chief, correction_url(article), {"text": "Đính chính tên người."}
    )
    assert response.status_code == 302
    assert ArticleCorrection.objects.filter(article=article, created_by=staff.editor_in_chief).exists()


def test_reporter_cannot_add_a_correction_even_to_their_own_article(client, staff, article):
    assert article.owner == staff.reporter
    client.force_login(staff.reporter)
    assert_refused(client.get(correction_url(article)))
    assert_refused(post_as(client, staff.reporter, correction_url(article), {"text": "Tự đính chính."}))
    assert not ArticleCorrection.objects.exists()


def test_an_empty_correction_is_refused_with_a_vietnamese_message(client, staff, article):
    for text in ("", "   \n  "):
        response = post_as(client, staff.editor, correction_url(article), {"text": text})
        assert response.status_code == 400
        assert "Nội dung đính chính không được để trống." in response.content.decode()
    assert not ArticleCorrection.objects.exists()


def test_only_a_published_article_can_be_corrected(client, staff, site_tree):
    unpublished = draft(client, staff.reporter, site_tree.news)
    response = post_as(client, staff.editor, correction_url(unpublished), {"text": "Đính chính bản nháp."})
    assert response.status_code == 400
    assert "Chỉ đính chính được bài đang đăng." in response.content.decode()
    assert not ArticleCorrection.objects.exists()


def test_a_correction_is_recorded_in_the_audit_log(client, staff, article):
    post_as(client, staff.editor, correction_url(article), {"text": "Sửa tên địa danh."})
    action, who = history_rows(client, staff.editor_in_chief, article)[0]
    assert action == "Đã đăng đính chính: Sửa tên địa danh."
    assert who == staff.editor.get_full_name()


# --- the admin offers the buttons to those who may use them -------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees_correction", "sees_withdrawal"),
    [("reporter", False, False), ("editor", True, False), ("editor_in_chief", True, True)],
)
def test_the_page_editor_offers_correction_and_withdrawal_by_role(
    client, staff, article, role, sees_correction, sees_withdrawal
):
    client.force_login(getattr(staff, role))
    html = client.get(edit_url(article)).content.decode()
    assert (correction_url(article) in html) is sees_correction
    assert (withdraw_url(article) in html) is sees_withdrawal


# --- withdrawal ---------------------------------------------------------------------------------------


def test_editor_in_chief_withdraws_an_article_and_its_url_answers_410_with_reason_and_date(
    client, staff, article
):
    client.force_login(staff.editor_in_chief)
    assert client.get(withdraw_url(article)).status_code == 200
    with clock_at(vn(2021, 7, 1, 14, 30)):
        response = post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    assert response.status_code == 302
    client.logout()
    gone = client.get(article.url)
    assert gone.status_code == 410
    html = gone.content.decode()
    assert f"Bài viết “{TITLE}” đã được gỡ khỏi trang lúc 01/07/2021 14:30." in html
    assert REASON in html
    assert client.head(article.url).status_code == 410


def test_a_withdrawn_article_stays_stored_with_its_revisions(client, staff, article):
    revisions = article.revisions.count()
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    stored = fresh(article)
    assert stored.live is False
    assert stored.revisions.count() == revisions
    withdrawal = ArticleWithdrawal.objects.get(article=article)
    assert withdrawal.url_path == article.url
    assert withdrawal.withdrawn_by == staff.editor_in_chief
    assert withdrawal.reason == REASON


def test_editor_cannot_withdraw_an_article(client, staff, article):
    client.force_login(staff.editor)
    assert_refused(client.get(withdraw_url(article)))
    assert_refused(post_as(client, staff.editor, withdraw_url(article), {"reason": REASON}))
    assert fresh(article).live is True
    assert not ArticleWithdrawal.objects.exists()


def test_a_withdrawal_without_a_reason_is_refused_with_a_vietnamese_message(client, staff, article):
    for reason in ("", "   "):
        response = post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": reason})
        assert response.status_code == 400
        assert "Phải nêu lý do gỡ bài." in response.content.decode()
    assert fresh(article).live is True
    assert not ArticleWithdrawal.objects.exists()


def test_unknown_and_never_published_urls_still_answer_404(client, staff, site_tree, article):
    never_published = draft(client, staff.reporter, site_tree.research, title="Bản nháp chưa từng đăng")
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    client.logout()
    assert client.get("/nghien-cuu-trao-doi/ban-nhap-chua-tung-dang/").status_code == 404
    assert fresh(never_published).live is False
    assert client.get("/tin-tuc-su-kien/khong-co-bai-nay/").status_code == 404


def test_the_print_view_of_a_withdrawn_article_answers_410(client, staff, article):
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    client.logout()
    assert client.get(article.url + "ban-in/").status_code == 410


def test_a_withdrawn_article_leaves_the_listings_and_the_api(client, staff, site_tree, article):
    other = published_article(site_tree.news, title="Tin khác cùng chuyên mục")
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    client.logout()
    for url in (site_tree.news.url, other.url, "/"):
        assert TITLE not in client.get(url).content.decode(), url
    assert article.pk not in api_ids(client)
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404


def test_withdrawal_cancels_an_edit_in_review_so_approval_cannot_bring_the_article_back(
    client, staff, article
):
    edit(client, staff.reporter, article, action="submit", summary="Bản sửa đang chờ duyệt.")
    assert fresh(article).current_workflow_state is not None
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    assert fresh(article).current_workflow_state is None
    assert fresh(article).live is False


def test_withdrawal_drops_a_scheduled_revision_so_the_schedule_cannot_bring_the_article_back(
    client, staff, site_tree, article
):
    go_live = in_the_future(days=1)
    edit(client, staff.editor_in_chief, article, action="publish", go_live_at=form_datetime(go_live))
    assert fresh(article).scheduled_revision is not None and fresh(article).live is True
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    with clock_at(go_live + dt.timedelta(hours=1)):
        call_command("publish_scheduled")
    assert fresh(article).live is False
    assert client.get(article.url).status_code == 410


def test_an_editors_lock_does_not_stop_the_editor_in_chief_withdrawing(client, staff, article):
    client.force_login(staff.editor)
    client.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    assert fresh(article).locked_by == staff.editor
    assert (
        post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON}).status_code == 302
    )
    assert fresh(article).live is False


def test_a_withdrawal_is_recorded_in_the_audit_log_with_its_reason(client, staff, article):
    post_as(client, staff.editor_in_chief, withdraw_url(article), {"reason": REASON})
    action, who = history_rows(client, staff.editor_in_chief, article)[0]
    assert action == f"Đã gỡ bài (thu hồi). Lý do: {REASON}"
    assert who == staff.editor_in_chief.get_full_name()


def test_republishing_a_withdrawn_article_serves_it_again(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    workflow_action(client, staff.editor, page)
    workflow_action(client, staff.editor_in_chief, page)
    post_as(client, staff.editor_in_chief, withdraw_url(page), {"reason": REASON})
    edit(client, staff.editor_in_chief, page, action="publish")
    client.logout()
    assert client.get(fresh(page).url).status_code == 200
    assert ArticleWithdrawal.objects.filter(article=page).exists()  # kept as history


def test_editor_in_chief_cannot_delete_a_published_article_and_is_told_to_withdraw_it(client, staff, article):
    client.force_login(staff.editor_in_chief)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]), follow=True)
    assert ArticlePage.objects.filter(pk=article.pk).exists()
    assert "Gỡ bài (thu hồi)" in response.content.decode()


def test_a_section_holding_a_published_article_cannot_be_bulk_deleted(client, staff, site_tree, article):
    client.force_login(staff.editor_in_chief)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={site_tree.news.pk}", {})
    assert ArticlePage.objects.filter(pk=article.pk).exists()


def test_a_never_published_draft_can_still_be_deleted(client, staff, site_tree):
    draft = ArticlePageFactory(parent=site_tree.news, live=False, first_published_at=None)
    draft.save_revision()
    client.force_login(staff.editor_in_chief)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not ArticlePage.objects.filter(pk=draft.pk).exists()
