from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from congtin.documents import citing
from congtin.documents import queries as document_queries
from congtin.news import queries, services, views
from congtin.news.models import ArticlePage


@hooks.register("register_admin_urls")
def register_news_admin_urls() -> list[Any]:
    return [
        path("tin-bai/<int:page_id>/dinh-chinh/", views.add_correction, name="news_add_correction"),
        path("tin-bai/<int:page_id>/go-bai/", views.withdraw, name="news_withdraw"),
    ]


@hooks.register("register_page_listing_more_buttons")
@hooks.register("register_page_header_buttons")
def article_press_law_buttons(
    page: Page, user: Any, view_name: str | None = None, next_url: str | None = None
) -> Iterator[ListingButton]:
    specific = page.specific_deferred
    if not isinstance(specific, ArticlePage) or not page.live:
        return
    if services.article_correction_allowed(article=specific, user=user):
        yield ListingButton(
            _("Đính chính"), reverse("news_add_correction", args=[page.pk]), icon_name="edit", priority=60
        )
    if services.article_withdrawal_allowed(article=specific, user=user):
        yield ListingButton(
            _("Gỡ bài (thu hồi)"), reverse("news_withdraw", args=[page.pk]), icon_name="warning", priority=70
        )


@hooks.register("before_edit_page")
def keep_approved_revisions_unchanged(request: HttpRequest, page: Page) -> None:
    """Turn an autosave over a submitted, approved or published revision into a new revision.

    Wagtail lets an author's autosave overwrite their latest revision in place. When that revision is
    the one reviewers approved or the one that went live, overwriting it would rewrite the record of
    what the editor-in-chief approved; saving a new revision keeps that record and starts a new draft,
    which needs approval like any other.
    """
    if request.method != "POST":
        return
    revision_id = request.POST.get("overwrite_revision_id", "")
    if revision_id.isdigit() and queries.revision_is_sealed(page=page, revision_id=int(revision_id)):
        data = request.POST.copy()
        del data["overwrite_revision_id"]
        request.POST = data  # type: ignore[assignment]


class CorrectionLogFormatter(LogFormatter):
    label = _("Đính chính")

    def format_message(self, log_entry: Any) -> str:
        text = (log_entry.data or {}).get("correction", {}).get("text", "")
        return (
            str(_("Đã đăng đính chính: %(text)s") % {"text": text}) if text else str(_("Đã đăng đính chính"))
        )


class WithdrawalLogFormatter(LogFormatter):
    label = _("Gỡ bài")

    def format_message(self, log_entry: Any) -> str:
        reason = (log_entry.data or {}).get("withdrawal", {}).get("reason", "")
        return str(_("Đã gỡ bài (thu hồi). Lý do: %(reason)s") % {"reason": reason})


@hooks.register("register_log_actions")
def register_press_law_log_actions(actions: Any) -> None:
    actions.register_action(services.CORRECTION_LOG_ACTION)(CorrectionLogFormatter)
    actions.register_action(services.WITHDRAWAL_LOG_ACTION)(WithdrawalLogFormatter)


def _refuse_deleting_published_articles(request: HttpRequest, pages: list[Page]) -> HttpResponse | None:
    refusal = services.article_deletion_refusal(pages=pages, user=request.user)  # type: ignore[arg-type]
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect("wagtailadmin_explore", (pages[0].get_parent() or pages[0]).pk)


@hooks.register("before_delete_page")
def refuse_deleting_published_articles(request: HttpRequest, page: Page) -> HttpResponse | None:
    return _refuse_deleting_published_articles(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_published_articles(
    request: HttpRequest, action_type: str, objects: list[Any], action_class_instance: Any
) -> HttpResponse | None:
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    return _refuse_deleting_published_articles(request, objects)


def _warn_about_outdated_citations(request: HttpRequest, page: Page) -> None:
    """Tell the editor which documents the draft cites have expired or been replaced.

    Runs the citation finder on the draft: acceptable here, in the admin, and never on public pages.
    """
    fields = getattr(page, "citable_fields", None)
    if not fields:
        return
    for item in document_queries.citations_outdated(citing.passages_of(page, fields)):
        messages.warning(
            request,
            _("Bài viết trích dẫn %(document)s (“%(printed)s”): %(reasons)s. Hãy kiểm tra lại trích dẫn.")
            % {"document": item.document, "printed": item.printed, "reasons": "; ".join(item.reasons)},
        )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@hooks.register("before_edit_page")
def warn_about_outdated_citations_when_opening(request: HttpRequest, page: Page) -> None:
    """On opening the editor, which is also where saving a draft or creating an article lands."""
    if request.method == "GET" and not _wants_json(request):
        _warn_about_outdated_citations(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_outdated_citations_when_publishing(request: HttpRequest, page: Page) -> None:
    """Publishing or submitting leaves the editor, so the warning goes with the editor to the next page."""
    leaves_editor = any(name in request.POST for name in ("action-publish", "action-submit"))
    if leaves_editor and not _wants_json(request):
        _warn_about_outdated_citations(request, page)
