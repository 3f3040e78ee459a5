"""Which responses the front cache may keep: public pages yes, with tags; anything personal never."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from congtin.documents.pages import AccessToInformationPage
from congtin.documents.tests.factories import OfficialDocumentFactory
from congtin.news.tests.helpers import published_article
from congtin.users.tests.factories import UserFactory


def _cache_control(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_public_pages_are_cacheable_by_the_front_cache_only_and_tagged_with_what_they_show(
    client: Client, site_tree
) -> None:
    article = published_article(site_tree.news, title="Bộ Nội vụ họp báo thường kỳ")
    article.tags.add("cải cách hành chính")
    article.save_revision().publish()
    tag_slug = article.tags.get().slug

    pages = {
        "home": client.get("/"),
        "section": client.get(site_tree.news.url),
        "article": client.get(article.url),
        "print": client.get(article.url + "ban-in/"),
        "tag": client.get(f"/chu-de/{tag_slug}/"),
        "sitemap": client.get("/sitemap.xml"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        directives = _cache_control(response)
        assert "public" in directives, name
        # Browsers always revalidate, so a purge reaches every reader; only the front cache keeps it.
        assert "max-age=0" in directives, name
        assert any(d.startswith("s-maxage=") and int(d.split("=")[1]) > 0 for d in directives), name
        assert "stale-if-error=86400" in directives, name
        assert "site" in response["X-Cache-Tags"].split(), name
        # No cookie, so the same copy can go to every reader.
        assert not response.cookies, name

    news_listing = f"listing-{site_tree.news.path}"
    assert {f"page-{article.pk}", news_listing} <= set(pages["article"]["X-Cache-Tags"].split())
    assert f"page-{article.pk}" in pages["print"]["X-Cache-Tags"].split()
    assert news_listing in pages["section"]["X-Cache-Tags"].split()
    assert {"home", f"listing-{site_tree.home.path}"} <= set(pages["home"]["X-Cache-Tags"].split())
    assert "tags" in pages["tag"]["X-Cache-Tags"].split()
    assert "sitemap" in pages["sitemap"]["X-Cache-Tags"].split()


def test_signed_in_readers_and_the_admin_are_never_served_from_a_shared_cache(
    client: Client, site_tree
) -> None:
    article = published_article(site_tree.news)
    client.force_login(UserFactory(is_superuser=True))

    page = client.get(article.url)
    admin = client.get("/admin/")

    assert page.status_code == 200
    assert "private" in _cache_control(page)
    assert "X-Cache-Tags" not in page
    assert admin.status_code == 200
    assert "public" not in _cache_control(admin)
    assert "X-Cache-Tags" not in admin


def test_lookups_and_forms_are_never_stored(
    client: Client, site_tree, registry_page: AccessToInformationPage
) -> None:
    OfficialDocumentFactory(is_published=True)
    responses = [
        client.get("/tinh-thoi-han/"),
        client.get(registry_page.url + "xac-thuc/", {"so": "09/2017/NĐ-CP"}),
        client.get("/api/documents/verify/", {"symbol": "09/2017/NĐ-CP"}),
    ]
    for response in responses:
        assert {"private", "no-store"} <= _cache_control(response), response.request["PATH_INFO"]
        assert "X-Cache-Tags" not in response


def test_registry_pages_are_tagged_for_the_registry(client: Client, site_tree, registry_page) -> None:
    listing = client.get(registry_page.url)
    api = client.get("/api/documents/")

    assert "registry" in listing["X-Cache-Tags"].split()
    assert "registry" in api["X-Cache-Tags"].split()


def test_an_address_with_nothing_published_yet_is_cached_briefly_and_tagged_notfound(
    client: Client, site_tree
) -> None:
    response = client.get("/tin-tuc-chua-dang/")

    assert response.status_code == 404
    assert "notfound" in response["X-Cache-Tags"].split()


def test_the_language_switch_works_from_a_cached_page_without_a_csrf_cookie(site_tree) -> None:
    reader = Client(enforce_csrf_checks=True)
    page = reader.get("/")
    assert "csrftoken" not in page.cookies

    switched = reader.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert switched.status_code == 302
    assert reader.get("/")["Content-Language"] == "en"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_front_cache_that_cannot_be_reached_is_logged_and_the_publish_stands(
    site_tree, settings, caplog: pytest.LogCaptureFixture
) -> None:
    from congtin.frontcache.tests.stack import free_port

    settings.CONGTIN_FRONTCACHE_HOSTS = [f"http://127.0.0.1:{free_port()}"]
    with caplog.at_level(logging.WARNING, logger="congtin.frontcache"):
        article = published_article(site_tree.news, title="Tin vẫn được đăng khi bộ đệm hỏng")

    article.refresh_from_db()
    assert article.live
    assert any("front cache ban failed" in record.getMessage() for record in caplog.records)
