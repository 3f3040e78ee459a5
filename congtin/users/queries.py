"""Reads about the newsroom's people and what they may touch."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import GroupPagePermission, Page

from congtin.users.models import User
from congtin.users.roles import COLLABORATOR, COLLABORATOR_GROUP_PREFIX


def collaborators() -> QuerySet[User]:
    """Active members of the collaborator group, by name."""
    return (
        User.objects.filter(groups__name=COLLABORATOR.group_name, is_active=True)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


def collaborator_sections(user: User) -> list[Page]:
    """The sections ``user`` may draft in, from their personal collaborator group."""
    group_name = f"{COLLABORATOR_GROUP_PREFIX}{user.get_username()}"
    page_ids = GroupPagePermission.objects.filter(
        group__name=group_name, permission__codename="add_page"
    ).values_list("page_id", flat=True)
    return list(Page.objects.filter(pk__in=page_ids).order_by("path"))
