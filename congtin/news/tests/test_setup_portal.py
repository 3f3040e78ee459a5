from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site, Workflow

from congtin.documents.pages import AccessToInformationPage
from congtin.news.models import HomePage

pytestmark = pytest.mark.django_db


def test_setup_portal_turns_a_fresh_install_into_a_portal_and_can_run_twice(client):
    call_command("setup_portal", "--site-name", "Cổng thông tin điện tử Bộ Nội vụ")
    call_command("setup_portal")
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # Wagtail's welcome page is gone
    for name in ("Phóng viên", "Cộng tác viên", "Biên tập viên", "Tổng biên tập"):
        assert Group.objects.filter(name=name).exists()
    assert home.get_workflow() == Workflow.objects.get(name__startswith="Duyệt tin bài")
    assert (
        Group.objects.get(name="Biên tập viên").permissions.filter(codename="add_officialdocument").exists()
    )
    assert client.get("/").status_code == 200
    assert AccessToInformationPage.objects.child_of(home).count() == 1
    assert client.get("/tiep-can-thong-tin/").status_code == 200
