"""Every page of the demo journal prints the same on the lean path as through Wagtail (decision 0026)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from congtin.news.models import ArticlePage, HomePage, SectionPage
from congtin.news.tests.test_fastpath import _assert_same, _normal, _queries

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo journal, loaded once for the module and rolled back at its end."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(DEBUG=True, MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo")
        yield
        transaction.set_rollback(True)


def test_every_demo_article_section_and_the_home_page_print_the_same_on_both_paths(demo, client):
    articles = [page.url for page in ArticlePage.objects.live().order_by("path")]
    sections = [page.url for page in SectionPage.objects.live().order_by("path")]
    home = HomePage.objects.get().url
    assert len(articles) >= 40
    lean_served = 0
    for url in [home, *sections, *articles]:
        client.get(url)  # renders and keeps the article's text, fills the chrome
        count, lean = _queries(client, url)
        _assert_same(lean, _normal(client, url), url)
        lean_served += count <= 6
    # Every page of the three kinds took the lean path (Wagtail's serving runs 7 queries or more).
    assert lean_served == len(articles) + len(sections) + 1
