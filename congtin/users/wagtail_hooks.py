from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congtin.users import views


@hooks.register("register_admin_urls")
def register_users_admin_urls() -> list[Any]:
    return [
        path("cong-tac-vien/", views.collaborator_list, name="users_collaborators"),
        path("cong-tac-vien/<int:user_id>/", views.collaborator_edit, name="users_collaborator_edit"),
    ]


class _CollaboratorsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm(views.MANAGE_PERMISSION))


@hooks.register("register_settings_menu_item")
def register_collaborators_menu_item() -> MenuItem:
    return _CollaboratorsMenuItem(
        _("Phân công cộng tác viên"), reverse("users_collaborators"), icon_name="group", order=610
    )
