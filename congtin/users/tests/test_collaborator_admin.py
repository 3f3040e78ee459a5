from __future__ import annotations

import pytest
from django.urls import reverse

from congtin.users.models import User
from congtin.users.queries import collaborator_sections
from congtin.users.roles import COLLABORATOR
from congtin.users.services import user_assign_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def collaborator(staff):
    user_assign_role(user=staff.collaborator, role=COLLABORATOR)
    return staff.collaborator


def test_an_administrator_assigns_sections_to_a_collaborator_in_the_admin(
    admin_client, site_tree, collaborator
):
    listing = admin_client.get(reverse("users_collaborators")).content.decode()
    assert "Chưa được phân công" in listing
    url = reverse("users_collaborator_edit", args=[collaborator.pk])
    response = admin_client.post(url, {"sections": [site_tree.research.pk]})
    assert response.status_code == 302
    assert collaborator_sections(collaborator) == [site_tree.research.page_ptr]
    assert site_tree.research.permissions_for_user(collaborator).can_add_subpage()
    assert not site_tree.news.permissions_for_user(collaborator).can_add_subpage()
    # Reassigning replaces the earlier sections.
    admin_client.post(url, {"sections": [site_tree.news.pk]})
    assert [p.pk for p in collaborator_sections(collaborator)] == [site_tree.news.pk]
    fresh = User.objects.get(pk=collaborator.pk)  # Wagtail caches permissions on the user object
    assert not site_tree.research.permissions_for_user(fresh).can_add_subpage()


def test_an_unknown_section_is_refused_and_the_assignment_kept(admin_client, site_tree, collaborator):
    url = reverse("users_collaborator_edit", args=[collaborator.pk])
    admin_client.post(url, {"sections": [site_tree.research.pk]})
    response = admin_client.post(url, {"sections": ["999999"]})
    assert response.status_code == 400
    assert "Lựa chọn" in response.content.decode() or "hợp lệ" in response.content.decode()
    assert [p.pk for p in collaborator_sections(collaborator)] == [site_tree.research.pk]


def test_editors_cannot_reassign_collaborators(client, staff, collaborator):
    client.force_login(staff.editor)
    response = client.get(reverse("users_collaborators"))
    assert response.status_code in (302, 403)
