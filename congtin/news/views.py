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


def add_correction(request: HttpRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_add_correction(article=article, text=form.cleaned_data["text"], user=request.user)
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã đăng đính chính cho bài “%(title)s”.") % {"title": article.title})
            return redirect("wagtailadmin_explore", article.get_parent().pk)
    return TemplateResponse(
        request,
        "news/admin/article_action.html",
        {"article": article, "form": form, "heading": _("Đính chính bài viết"), "submit": _("Đăng đính chính")},
        status=400 if form.errors else 200,
    )


def withdraw(request: HttpRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_unpublish():
        raise PermissionDenied
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
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
