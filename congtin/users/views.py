"""Admin screens for assigning collaborators to sections; each write goes through one service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from congtin.news.models import SectionPage
from congtin.users import queries, services
from congtin.users.forms import CollaboratorSectionsForm

MANAGE_PERMISSION = "users.change_user"


@permission_required(MANAGE_PERMISSION, raise_exception=True)
def collaborator_list(request: HttpRequest) -> HttpResponse:
    rows = [(user, queries.collaborator_sections(user)) for user in queries.collaborators()]
    return TemplateResponse(request, "users/collaborator_list.html", {"rows": rows})


@permission_required(MANAGE_PERMISSION, raise_exception=True)
def collaborator_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(queries.collaborators(), pk=user_id)
    form = CollaboratorSectionsForm(
        request.POST or None,
        sections=SectionPage.objects.order_by("path"),
        initial={"sections": [page.pk for page in queries.collaborator_sections(user)]},
    )
    if request.method == "POST" and form.is_valid():
        services.collaborator_assign_sections(user=user, sections=form.cleaned_data["sections"])
        messages.success(
            request, _("Đã cập nhật chuyên mục của cộng tác viên %(name)s.") % {"name": user.display_name}
        )
        return redirect("users_collaborators")
    return TemplateResponse(
        request,
        "users/collaborator_edit.html",
        {"collaborator": user, "form": form},
        status=400 if form.errors else 200,
    )
