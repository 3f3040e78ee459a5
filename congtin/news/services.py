"""Writes on published news that the Press Law regulates: corrections and withdrawals."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from congtin.news.models import ArticleCorrection, ArticlePage, ArticleWithdrawal
from congtin.users.models import User

@transaction.atomic
def article_add_correction(*, article: ArticlePage, text: str, user: User) -> ArticleCorrection:
    """Print a dated correction under a published article; editors and the editor-in-chief only."""
    if not article.permissions_for_user(user).can_edit() or not user.has_perm("news.add_articlecorrection"):
        raise PermissionDenied(_("Bạn không có quyền đính chính bài này."))
    if not article.live:
        raise ValueError(_("Chỉ đính chính được bài đang đăng."))
    text = text.strip()
    if not text:
        raise ValueError(_("Nội dung đính chính không được để trống."))
    correction = ArticleCorrection.objects.create(article=article, text=text, created_by=user)
    log(instance=article, action="congtin.correction", user=user, data={"correction_id": correction.pk})
    return correction


@transaction.atomic
def article_withdraw(*, article: ArticlePage, reason: str, user: User) -> ArticleWithdrawal:
    """Take an article off the site, keep it stored, and make its URL answer 410 with the reason.

    Only someone who may publish (the editor-in-chief) may withdraw: it is the same accountability.
    """
    if not article.permissions_for_user(user).can_unpublish():
        raise PermissionDenied(_("Chỉ Tổng biên tập được gỡ bài."))
    reason = reason.strip()
    if not reason:
        raise ValueError(_("Phải nêu lý do gỡ bài."))
    if not article.live:
        raise ValueError(_("Bài này hiện không được đăng."))
    url_path = article.get_url(relative_to=None) or article.url_path
    withdrawal = ArticleWithdrawal.objects.create(
        article=article, url_path=url_path, reason=reason, withdrawn_by=user, withdrawn_at=timezone.now()
    )
    article.unpublish(user=user, log_action="congtin.withdraw")
    return withdrawal

