from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from congtin.news import services, views
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
