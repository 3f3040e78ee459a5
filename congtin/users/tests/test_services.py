"""The editorial groups and permissions the setup services leave behind."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow

from congtin.users import roles
from congtin.users.services import WAGTAIL_DEFAULT_GROUPS, editorial_roles_setup, user_assign_role
from congtin.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_only_the_editor_in_chief_group_may_publish_anywhere_in_the_tree(staff):
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
        "group__name", flat=True
    )
    assert set(publishers) == {roles.EDITOR_IN_CHIEF.group_name}


def test_wagtails_default_groups_lose_their_page_permissions_and_go_when_nobody_is_in_them(site_tree):
    # Wagtail's first migration gives "Moderators" publish rights on the whole tree.
    moderators = Group.objects.get(name="Moderators")
    member = UserFactory(username="bien-tap-nham-nhom")
    member.groups.add(moderators)
    editorial_roles_setup(root_page=site_tree.home)
    assert not GroupPagePermission.objects.filter(group__name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    assert Group.objects.filter(name="Moderators").exists()  # kept: someone is in it
    assert not Group.objects.filter(name="Editors").exists()
    assert not member.has_perm("news.add_articlecorrection")


def test_editorial_roles_setup_is_idempotent_and_restores_each_roles_page_permissions(staff, site_tree):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    editors = Group.objects.get(name=roles.EDITOR.group_name)
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=site_tree.home, permission=publish)
    editorial_roles_setup(root_page=site_tree.home)
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts
    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()


def test_editors_and_the_editor_in_chief_may_print_corrections_and_reporters_may_not(staff):
    assert staff.editor.has_perm(roles.ADD_CORRECTION)
    assert staff.editor_in_chief.has_perm(roles.ADD_CORRECTION)
    assert not staff.reporter.has_perm(roles.ADD_CORRECTION)


def test_assigning_a_role_twice_changes_nothing(staff):
    user_assign_role(user=staff.editor, role=roles.EDITOR)
    assert list(staff.editor.groups.values_list("name", flat=True)) == [roles.EDITOR.group_name]


def test_the_full_name_reads_family_name_first_as_in_vietnamese():
    user = UserFactory.build(last_name="Nguyễn Văn", first_name="Bình", pen_name="")
    assert user.get_full_name() == "Nguyễn Văn Bình"
    assert user.display_name == "Nguyễn Văn Bình"
    user.pen_name = "Minh Anh"
    assert user.display_name == "Minh Anh"
