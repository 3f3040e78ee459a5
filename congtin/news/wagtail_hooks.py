from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from congtin.news import views
from congtin.news.models import ArticlePage


@hooks.register("register_admin_urls")
def register_news_admin_urls() -> list[Any]:
    return [
        path("tin-bai/<int:page_id>/dinh-chinh/", views.add_correction, name="news_add_correction"),
        path("tin-bai/<int:page_id>/go-bai/", views.withdraw, name="news_withdraw"),
    ]


@hooks.register("register_page_listing_more_buttons")
@hooks.register("register_page_header_buttons")
def article_press_law_buttons(page: Any, user: Any, view_name: str | None = None, next_url: str | None = None):  # type: ignore[no-untyped-def]
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if not isinstance(specific, ArticlePage) or not page.live:
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_edit() and user.has_perm("news.add_articlecorrection"):
        yield ListingButton(
            _("Đính chính"), reverse("news_add_correction", args=[page.pk]), icon_name="edit", priority=60
        )
    if permissions.can_unpublish():
        yield ListingButton(
            _("Gỡ bài (thu hồi)"), reverse("news_withdraw", args=[page.pk]), icon_name="warning", priority=70
        )


@hooks.register("register_log_actions")
def register_press_law_log_actions(actions: Any) -> None:
    actions.register_action("congtin.correction", _("Đính chính"), _("Đã đăng đính chính"))
    actions.register_action("congtin.withdraw", _("Gỡ bài"), _("Đã gỡ bài (thu hồi)"))
