"""The search page's lean path (``search.fastpath``, decision 0027) prints what the view prints, in as few
statements, on every backend."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from congtin.search import fastpath
from congtin.search.services import search_rebuild
from congtin.search.tests.helpers import PUBLISHED, Corpus, article
from congtin.search.tests.test_page import URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

LEAN = "congtin.news.fastpath.FastPageMiddleware"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def _normal(client: Any, params: dict[str, str]) -> Any:
    with override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != LEAN]):
        return client.get(URL, params)


@pytest.fixture
def served(monkeypatch: Any) -> list[bool]:
    """Whether the lean path answered each request since (True) or left it to the view (False)."""
    answers: list[bool] = []
    serve = fastpath.serve

    def spy(request: Any) -> Any:
        response = serve(request)
        answers.append(response is not None)
        return response

    monkeypatch.setattr(fastpath, "serve", spy)
    return answers


def _lean(client: Any, params: dict[str, str]) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    return len(captured), response


def _assert_same(lean: Any, normal: Any, params: dict[str, str]) -> None:
    assert lean.status_code == normal.status_code == 200, params
    # The language switch carries a fresh CSRF token on every request, on both paths.
    assert TOKEN.sub(b"", lean.content).decode() == TOKEN.sub(b"", normal.content).decode(), params
    headers = {name: value for name, value in normal.headers.items() if name != "Set-Cookie"}
    assert dict(lean.headers.items()) == headers, params


def _many(corpus: Corpus, n: int) -> None:
    for i in range(n):
        article(
            corpus.theory if i % 2 else corpus.news_article.get_parent().specific,
            f"Mô hình tổ chức số {i} <b>&</b>",
            f"Bàn về mô hình tổ chức chính quyền địa phương số {i}, " + "nội dung dài " * 60 + "tổ chức.",
            when=PUBLISHED + dt.timedelta(days=3 * i),
        )
    search_rebuild()


QUERIES = [
    {"q": "to chuc nha nuoc"},  # toneless: accented highlights and a suggestion
    {"q": "tổ chức nhà nước"},
    {"q": "Tổ chưc"},  # a tone typo
    {"q": "mo hinh"},  # two pages: pagination, page count
    {"q": "mo hinh", "trang": "2"},
    {"q": "mo hinh", "trang": "99"},  # past the last page: the last one
    {"q": "mo hinh to chuc", "nam": "2021"},  # a filter: a chip and its facets
    {"q": "mo hinh", "loai": "news.articlepage", "chuyen_muc": "abc"},  # an unreadable filter is dropped
    {"q": "tổ chức -pháp"},
    {"q": '"nhà nước" phap*'},
    {"q": "nghien cuu mo hinh chinh quyen dia phuong xa"},  # relaxed
    {"q": "không có gì như thế này"},  # no results: what to try, the tips
    {"q": "<script>alert(1)</script> & “x”"},
    {"q": "mo hinh", "nam": "1999"},  # a filter that matches nothing
]


def test_the_lean_search_page_prints_what_the_view_prints(
    client: Any, corpus: Corpus, served: list[bool]
) -> None:
    _many(corpus, 25)
    client.get(URL, {"q": "x"})  # the site's structure and the page's chrome
    for params in QUERIES:
        served.clear()
        count, lean = _lean(client, params)
        assert served == [True], params
        with CaptureQueriesContext(connection) as captured:
            normal = _normal(client, params)
        _assert_same(lean, normal, params)
        assert count <= len(captured), params


@pytest.mark.parametrize(
    "params",
    [{"q": "09/2017/NĐ-CP"}, {"q": "x" * 300}, {"q": ""}, {"q": "   "}],
    ids=["number", "too-long", "empty", "blank"],
)
def test_typed_numbers_long_and_empty_queries_go_to_the_view(
    client: Any, corpus: Corpus, served: list[bool], params: Any
) -> None:
    client.get(URL, {"q": "x"})
    served.clear()
    count, lean = _lean(client, params)
    assert served == [False], params
    with CaptureQueriesContext(connection) as captured:
        normal = _normal(client, params)
    _assert_same(lean, normal, params)
    assert count == len(captured), params


def test_a_signed_in_reader_gets_the_view(
    client: Any, corpus: Corpus, served: list[bool], django_user_model: Any
) -> None:
    user = django_user_model.objects.create_user(username="bientap", password="x")
    client.force_login(user)
    served.clear()
    assert client.get(URL, {"q": "to chuc"}).status_code == 200
    assert served == [False]  # a session cookie: declined
