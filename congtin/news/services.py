"""Writes on published news that the Press Law regulates (corrections, withdrawals), portal setup, and the
listings version that the sections' kept counts go by."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Site

from congtin.core import structure
from congtin.news import queries
from congtin.news.models import ArticleCorrection, ArticlePage, ArticleWithdrawal, HomePage
from congtin.users.models import User
from congtin.users.roles import ADD_CORRECTION
from congtin.users.services import editorial_roles_setup

CORRECTION_LOG_ACTION = "congtin.correction"
WITHDRAWAL_LOG_ACTION = "congtin.withdraw"


def listings_changed() -> None:
    """Which articles are live under which section may have changed: raise the listings version in the
    current transaction, so a section's kept count (``queries.section_article_count``) is counted again
    by the first reader who sees the change, and by no reader before it (decision 0026)."""
    structure.data_changed(structure.LISTINGS_DATA)


def article_correction_allowed(*, article: ArticlePage, user: User) -> bool:
    """Editors and the editor-in-chief correct articles; a reporter may not, even on their own article."""
    return user.has_perm(ADD_CORRECTION) and article.permissions_for_user(user).can_edit()


def article_withdrawal_allowed(*, article: ArticlePage, user: User) -> bool:
    """Withdrawing is the reverse of publishing and carries the same accountability: editor-in-chief only.

    Unlike Wagtail's unpublish, a lock does not stop it: a withdrawal cannot wait for an editor's lock
    to be released or for a scheduled revision to be unscheduled first.
    """
    return bool(article.permissions_for_user(user).can_publish())


@transaction.atomic
def article_add_correction(*, article: ArticlePage, text: str, user: User) -> ArticleCorrection:
    """Print a dated correction under a published article; editors and the editor-in-chief only."""
    if not article_correction_allowed(article=article, user=user):
        raise PermissionDenied(_("Bạn không có quyền đính chính bài này."))
    if not article.live:
        raise ValueError(_("Chỉ đính chính được bài đang đăng."))
    text = text.strip()
    if not text:
        raise ValueError(_("Nội dung đính chính không được để trống."))
    correction = ArticleCorrection.objects.create(
        article=article, text=text, created_by=user, published_at=timezone.now()
    )
    log(
        instance=article,
        action=CORRECTION_LOG_ACTION,
        user=user,
        data={"correction": {"id": correction.pk, "text": text}},
    )
    return correction


@transaction.atomic
def article_withdraw(*, article: ArticlePage, reason: str, user: User) -> ArticleWithdrawal:
    """Take an article off the site, keep it stored, and make its URL answer 410 with the reason.

    Only someone who may publish (the editor-in-chief) may withdraw: it is the same accountability.
    Pending publication goes with it: the scheduled revision is dropped and an edit still in review
    is cancelled, so neither the scheduler nor a routine approval can quietly bring the article back.
    """
    if not article_withdrawal_allowed(article=article, user=user):
        raise PermissionDenied(_("Chỉ Tổng biên tập được gỡ bài."))
    reason = reason.strip()
    if not reason:
        raise ValueError(_("Phải nêu lý do gỡ bài."))
    if not article.live:
        raise ValueError(_("Bài này hiện không được đăng."))
    withdrawal = ArticleWithdrawal.objects.create(
        article=article,
        url_path=_public_path(article),
        reason=reason,
        withdrawn_by=user,
        withdrawn_at=timezone.now(),
    )
    workflow_state = article.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    # Permission checked above; Wagtail's own check would also refuse a locked or scheduled page.
    UnpublishPageAction(article, user=user, log_action=False).execute(skip_permission_checks=True)
    log(
        instance=article,
        action=WITHDRAWAL_LOG_ACTION,
        user=user,
        data={"withdrawal": {"id": withdrawal.pk, "reason": reason, "url_path": withdrawal.url_path}},
    )
    return withdrawal


def _public_path(article: ArticlePage) -> str:
    """The path readers reach the article at, relative to its site's root ("/tin-tuc/bai-viet/")."""
    parts = article.get_url_parts()
    if parts is None:
        # Not under any site: nobody can reach it, so no reader will ask for it again.
        return str(article.url_path)
    _site_id, _root_url, page_path = parts
    return str(page_path)


def article_deletion_refusal(*, pages: Iterable[Page], user: User) -> str | None:
    """Why ``pages`` may not be deleted, or None when they may.

    Articles that were ever published are withdrawn, never deleted (Press Law 2016, Art. 42): the
    withdrawal keeps the text for inspection and answers 410 at the old address, deletion loses both.
    Superusers keep the power for legal clean-ups ordered outside the newsroom.
    """
    if user.is_superuser:
        return None
    for page in pages:
        if queries.published_articles_within(page).exists():
            return _(
                "Không thể xóa “%(title)s”: trang này là hoặc chứa bài đã từng đăng. "
                "Hãy dùng chức năng Gỡ bài (thu hồi) để bài được lưu trữ theo Luật Báo chí."
            ) % {"title": page.get_admin_display_title()}
    return None


@transaction.atomic
def portal_setup(*, site_name: str = "") -> HomePage:
    """Make a fresh installation a congtin portal: a home page as the site root, the editorial roles and
    workflow, the registry permissions and its "Tiếp cận thông tin" section. Idempotent; run by
    ``manage.py setup_portal``.
    """
    from congtin.documents.services import access_to_information_ensure, documents_permissions_setup

    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        name = site_name or _("Cổng thông tin điện tử")
        home = HomePage(title=name, slug="trang-chu")
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
    previous_root = site.root_page if site.root_page_id else None
    site.root_page = home
    if site_name:
        site.site_name = site_name
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" placeholder goes once the portal replaces it.
    if (
        previous_root is not None
        and previous_root.pk != home.pk
        and previous_root.specific_class is Page
        and not previous_root.get_children().exists()
    ):
        previous_root.delete()
    editorial_roles_setup(root_page=home)
    documents_permissions_setup()
    access_to_information_ensure(home=home)
    return home
