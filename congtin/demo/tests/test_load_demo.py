from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from congtin.demo import content
from congtin.news.models import ArticlePage, HomePage
from congtin.users.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module in a transaction rolled back at its end.

    Each test runs inside it in its own savepoint (pytest-django's ``db``), so what a test writes is
    undone before the next one, and the demo itself is gone once the module is done.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(DEBUG=True, MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo")
        yield
        transaction.set_rollback(True)


def test_demo_builds_a_journal_of_at_least_forty_published_articles_and_one_user_per_role(demo):
    assert ArticlePage.objects.live().count() >= 40
    assert HomePage.objects.count() == 1
    for username, group in [
        ("tongbientap", "Tổng biên tập"),
        ("bientap", "Biên tập viên"),
        ("phongvien", "Phóng viên"),
        ("congtacvien", "Cộng tác viên"),
    ]:
        assert User.objects.get(username=username).groups.filter(name=group).exists()
    # Loading again (as every `make run` does) creates nothing new.
    before = (ArticlePage.objects.count(), User.objects.count())
    call_command("load_demo")
    assert (ArticlePage.objects.count(), User.objects.count()) == before


def test_demo_reference_article_renders_with_the_reference_pages_elements(demo, client):
    article = ArticlePage.objects.get(title__startswith="Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg")
    html = client.get(article.url).content.decode()
    assert "Hà Nội, ngày 20/06/2021" in html
    assert re.search(r"Ngày đăng: <time[^>]*>09/06/2021 03:41</time>", html)
    assert '<p class="byline">PV</p>' in html
    related = html.split('id="cung-chuyen-muc"', 1)[1]
    titles = re.findall(r'class="item-title"><a href="[^"]+">([^<]+)</a>', related)
    expected = [
        a["title"] for key in content.REFERENCE_SAME_SECTION_KEYS for a in content.ARTICLES if a["key"] == key
    ]
    assert [t.replace("&quot;", '"') for t in titles] == expected
    assert len(titles) == 5
    # With its picture, its citations and its related items, the page still keeps the query budget.
    with CaptureQueriesContext(connection) as queries:
        client.get(article.url)
    assert len(queries.captured_queries) <= 15
    # Its citations link to the registry, and it lists them as related documents.
    links = re.findall(r'<a class="citation" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert ("/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/", "Chỉ thị số 12/CT-TTg") in links
    assert ("/tiep-can-thong-tin/van-ban/2761-bnv-tc-2021/", "2761/BNV-TC") in links
    assert ("/tiep-can-thong-tin/van-ban/09-2017-nd-cp/", "Nghị định số 09/2017/NĐ-CP") in links
    related = html.split('id="van-ban-lien-quan"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<a href="[^"]+">([^<]+)</a>', related) == [
        "Chỉ thị 12/CT-TTg",
        "Công văn 2761/BNV-TC",
        "Nghị định 09/2017/NĐ-CP",
    ]
    directive = client.get("/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/").content.decode()
    assert article.title.replace('"', "&quot;") in directive.split('id="bai-viet-trich-dan"', 1)[1]
    # The reporter's demo draft waits in the workflow and stays private.
    draft = ArticlePage.objects.get(live=False)
    assert draft.workflow_in_progress
    assert client.get(f"/tin-tuc-su-kien/{draft.slug}/").status_code == 404


@override_settings(DEBUG=False)
def test_demo_refuses_to_run_outside_development():
    with pytest.raises(CommandError, match="môi trường phát triển"):
        call_command("load_demo")
