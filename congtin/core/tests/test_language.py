from __future__ import annotations

import pytest

from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db


def test_public_pages_are_vietnamese_even_for_an_english_browser(client, site_tree):
    article = published_article(site_tree.news)
    response = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert '<p class="published">Ngày đăng' in html
    assert response["Content-Language"] == "vi"


def test_a_reader_who_picks_english_gets_the_english_interface(client, site_tree):
    article = published_article(site_tree.news)
    response = client.post("/i18n/setlang/", {"language": "en", "next": article.url})
    assert response.status_code == 302
    html = client.get(article.url).content.decode()
    assert '<html lang="en">' in html
    assert '<p class="published">Published' in html
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert '<p class="published">Ngày đăng' in client.get(article.url).content.decode()


def test_an_english_reader_leaves_no_english_behind_in_the_worker(client, site_tree):
    # What a worker does next outside a request (a confirmation e-mail, an index update) stays Vietnamese.
    from django.utils.translation import gettext

    client.cookies["django_language"] = "en"
    assert '<html lang="en">' in client.get("/").content.decode()
    published = "Ngày đăng"  # a variable, so makemessages does not collect it
    assert gettext(published) == published
