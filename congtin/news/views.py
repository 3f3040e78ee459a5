"""Admin views for the Press Law's corrections and withdrawals; each calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from congtin.news import services
from congtin.news.forms import CorrectionForm, WithdrawalForm
from congtin.news.models import ArticlePage
from congtin.users.models import User


class AdminRequest(HttpRequest):
    user: User  # Wagtail's admin URLs let only logged-in staff through


def add_correction(request: AdminRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not services.article_correction_allowed(article=article, user=request.user):
        raise PermissionDenied
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.article_add_correction(
                article=article, text=form.cleaned_data["text"], user=request.user
            )
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã đăng đính chính cho bài “%(title)s”.") % {"title": article.title})
            return redirect("wagtailadmin_explore", article.get_parent().pk)
    return TemplateResponse(
        request,
        "news/admin/article_action.html",
        {
            "article": article,
            "form": form,
            "heading": _("Đính chính bài viết"),
            "submit": _("Đăng đính chính"),
        },
        status=400 if form.errors else 200,
    )


def withdraw(request: AdminRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not services.article_withdrawal_allowed(article=article, user=request.user):
        raise PermissionDenied
    form = WithdrawalForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.article_withdraw(article=article, reason=form.cleaned_data["reason"], user=request.user)
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã gỡ bài “%(title)s”.") % {"title": article.title})
            return redirect("wagtailadmin_explore", article.get_parent().pk)
    return TemplateResponse(
        request,
        "news/admin/article_action.html",
        {"article": article, "form": form, "heading": _("Gỡ bài (thu hồi)"), "submit": _("Gỡ bài")},
        status=400 if form.errors else 200,
    )
