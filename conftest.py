"""Fixtures shared across apps: a site with a home page, sections and the registry section, and the staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from wagtail.models import Page, Site

from congtin.core.models import JournalSettings
from congtin.documents.pages import AccessToInformationPage
from congtin.documents.tests.factories import AccessToInformationPageFactory
from congtin.news.models import HomePage, SectionPage
from congtin.news.tests.factories import HomePageFactory, SectionPageFactory
from congtin.users import roles
from congtin.users.models import User
from congtin.users.services import editorial_roles_setup, user_assign_role
from congtin.users.tests.factories import UserFactory

# Chromium under Playwright for the browser tests of every app: ``browser``, ``tab``, ``test_database``.
pytest_plugins = ["congtin.core.tests.browser"]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: a cached site structure or rate-limit count from an earlier
    test (whose database rows were rolled back) must not leak into the next."""
    from django.core.cache import cache

    from congtin.core import structure
    from congtin.news import fastpath, texts

    cache.clear()
    structure.forget_in_process()
    texts.forget_in_process()
    fastpath.forget_structure_version()


@pytest.fixture(autouse=True)
def _own_search_index(settings: Any, tmp_path_factory: Any) -> None:
    """Each test has a tantivy index folder of its own (created on its first write): an earlier test's
    database rows were rolled back, and its index entries must not be found either."""
    settings.CONGTIN_SEARCH_INDEX_DIR = str(tmp_path_factory.getbasetemp() / f"search-{uuid.uuid4().hex}")


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    news: SectionPage
    research: SectionPage


@pytest.fixture
def site_tree(db: None) -> SiteTree:
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    settings = JournalSettings.for_site(site)
    settings.journal_name = "Tạp chí Tổ chức nhà nước"
    settings.governing_agency = "Bộ Nội vụ"
    settings.licence_number = "123/GP-BTTTT"
    settings.editor_in_chief = "Nguyễn Văn Bình"
    settings.address = "Số 8 Tôn Thất Thuyết, Hà Nội"
    settings.phone = "024 1234 5678"
    settings.email = "toasoan@congtin.test"
    settings.save()
    news = SectionPageFactory(parent=home, title="Tin tức - Sự kiện", show_in_menus=True)
    research = SectionPageFactory(parent=home, title="Nghiên cứu - Trao đổi", show_in_menus=True)
    return SiteTree(site=site, home=home, news=news, research=research)


@pytest.fixture
def registry_page(site_tree: SiteTree) -> AccessToInformationPage:
    """The site's "Tiếp cận thông tin" section, live, at /tiep-can-thong-tin/."""
    page: AccessToInformationPage = AccessToInformationPageFactory(parent=site_tree.home)
    return page


@dataclass
class Staff:
    reporter: User
    collaborator: User
    editor: User
    editor_in_chief: User


@pytest.fixture
def staff(site_tree: SiteTree) -> Staff:
    editorial_roles_setup(root_page=site_tree.home)
    people = {}
    for role in (roles.REPORTER, roles.EDITOR, roles.EDITOR_IN_CHIEF):
        user = UserFactory(username=role.key)
        user_assign_role(user=user, role=role)
        people[role.key] = user
    collaborator = UserFactory(username="collaborator")
    return Staff(
        reporter=people["reporter"],
        collaborator=collaborator,
        editor=people["editor"],
        editor_in_chief=people["editor_in_chief"],
    )
