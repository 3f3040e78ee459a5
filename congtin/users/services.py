"""Writes that set up and change who may do what on the editorial side."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from congtin.users.models import User
from congtin.users.roles import COLLABORATOR, COLLABORATOR_GROUP_PREFIX, EDITOR, EDITOR_IN_CHIEF, ROLES, Role

EDITORIAL_WORKFLOW_NAME = "Duyệt tin bài: Biên tập → Tổng biên tập"
EDITOR_TASK_NAME = "Biên tập viên duyệt"
EDITOR_IN_CHIEF_TASK_NAME = "Tổng biên tập duyệt đăng"

# Wagtail's first migration creates these, "Moderators" with publish rights on the whole tree: a user
# put in it would publish past the editorial workflow, so the setup takes their page permissions away.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")

_COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}
_COLLECTION_PERMISSIONS_FOR_EDITORS: dict[str, tuple[str, ...]] = {
    "wagtailimages": ("change_image",),
    "wagtaildocs": ("change_document",),
}


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant_pages(group: Group, page: Page, codenames: Iterable[str]) -> None:
    """Give ``group`` exactly ``codenames`` on ``page``, taking back any other page permission there."""
    codenames = tuple(codenames)
    GroupPagePermission.objects.filter(group=group, page=page).exclude(
        permission__codename__in=codenames
    ).delete()
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def _model_permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_collections(group: Group, *, editor: bool) -> None:
    root = Collection.get_first_root_node()
    grants = dict(_COLLECTION_PERMISSIONS)
    if editor:
        for app, codenames in _COLLECTION_PERMISSIONS_FOR_EDITORS.items():
            grants[app] = grants[app] + codenames
    for app_label, codenames in grants.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _role_group(role: Role) -> Group:
    group, _created = Group.objects.get_or_create(name=role.group_name)
    if role.admin_access:
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*(_model_permission(dotted) for dotted in role.model_permissions))
    return group


@transaction.atomic
def editorial_roles_setup(*, root_page: Page) -> Workflow:
    """Create the four editorial groups and the two-step approval workflow on ``root_page``.

    Idempotent, and convergent on ``root_page``: running it again restores each group's page
    permissions there to exactly what its role grants.
    """
    _retire_wagtail_default_groups()
    groups = {role.key: _role_group(role) for role in ROLES}
    for role in ROLES:
        _grant_pages(groups[role.key], root_page, role.page_permissions)
        _grant_collections(groups[role.key], editor=role in (EDITOR, EDITOR_IN_CHIEF))

    workflow, _created = Workflow.objects.get_or_create(name=EDITORIAL_WORKFLOW_NAME)
    editor_task = _approval_task(EDITOR_TASK_NAME, [groups[EDITOR.key], groups[EDITOR_IN_CHIEF.key]])
    chief_task = _approval_task(EDITOR_IN_CHIEF_TASK_NAME, [groups[EDITOR_IN_CHIEF.key]])
    WorkflowTask.objects.update_or_create(workflow=workflow, task=editor_task, defaults={"sort_order": 0})
    WorkflowTask.objects.update_or_create(workflow=workflow, task=chief_task, defaults={"sort_order": 1})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow


def _retire_wagtail_default_groups() -> None:
    GroupPagePermission.objects.filter(group__name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def _approval_task(name: str, groups: list[Group]) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.set(groups)
    return task


@transaction.atomic
def collaborator_assign_sections(*, user: User, sections: Iterable[Page]) -> Group:
    """Let a collaborator draft articles in exactly ``sections`` (replacing earlier assignments)."""
    role_group = _role_group(COLLABORATOR)
    personal, _created = Group.objects.get_or_create(name=f"{COLLABORATOR_GROUP_PREFIX}{user.get_username()}")
    personal.permissions.add(Permission.objects.get(codename="access_admin"))
    _grant_collections(personal, editor=False)
    GroupPagePermission.objects.filter(group=personal).delete()
    for section in sections:
        _grant_pages(personal, section, ("add_page",))
    user.groups.add(role_group, personal)
    return personal


@transaction.atomic
def user_assign_role(*, user: User, role: Role) -> None:
    """Put ``user`` in the group of ``role``; editorial roles are staff without Django-admin rights."""
    user.groups.add(_role_group(role))
