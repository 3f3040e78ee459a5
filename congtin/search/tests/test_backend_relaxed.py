"""The relaxed match: when not every word of a query is found together, on either backend."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from congtin.news.tests.factories import ArticlePageFactory
from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchDocument
from congtin.search.tests.helpers import found_titles, paragraphs, published, search
from congtin.vietnamese import VIETNAM_TZ

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

DAY = dt.datetime(2024, 5, 1, 8, tzinfo=VIETNAM_TZ)

LAND_ARTICLE = (
    "Điều 5. Người sử dụng đất",
    "Hộ gia đình, cá nhân trong nước được Nhà nước giao đất, cho thuê đất, công nhận quyền sử dụng đất.",
)
DISTRACTORS = [
    ("Điều 6. Nguyên tắc sử dụng đất", "Đúng mục đích, bền vững, tiết kiệm, có hiệu quả."),
    ("Điều 12. Thuế thu nhập cá nhân", "Cá nhân cư trú có thu nhập chịu thuế phải nộp thuế."),
    ("Điều 3. Công chức", "Công chức là công dân Việt Nam được tuyển dụng vào làm việc trong nước."),
    ("Thời tiết", "Trời nắng, gió nhẹ."),
]


def _index(*docs: tuple[str, str]) -> None:
    get_backend().index(
        SearchDocument(
            key=f"test.item:{n}",
            content_type="test.item",
            title=title,
            body=body,
            published_at=DAY - dt.timedelta(days=n),
        )
        for n, (title, body) in enumerate(docs, start=1)
    )


def test_a_long_question_finds_the_right_item_and_says_the_match_is_relaxed() -> None:
    _index(*DISTRACTORS, LAND_ARTICLE)
    question = "Cá nhân có được Nhà nước cho thuê đất để sử dụng lâu dài hay không?"
    results = search(question)
    assert results.relaxed
    assert results.hits[0].title == LAND_ARTICLE[0]
    assert results.total == len(results.hits)


def test_a_toneless_long_question_is_relaxed_too() -> None:
    _index(*DISTRACTORS, LAND_ARTICLE)
    assert found_titles("ca nhan co duoc nha nuoc cho thue dat lau dai khong")[0] == LAND_ARTICLE[0]


def test_a_strict_hit_comes_first_even_when_a_relaxed_one_scores_higher() -> None:
    _index(
        ("Nhà ở xã hội", "Nhà ở xã hội cho công nhân. Nhà ở xã hội giá thấp."),
        ("Tin ngắn", "Phường họp bàn về nhà ở xã hội."),
        ("Thời tiết", "Trời nắng."),
    )
    results = search("nhà ở xã hội phường")
    assert results.relaxed
    assert [hit.title for hit in results.hits] == ["Tin ngắn", "Nhà ở xã hội"]
    assert results.total == 2


def test_a_page_of_strict_hits_is_not_relaxed() -> None:
    _index(
        *[(f"Nhà ở xã hội {n}", "Phường họp bàn về nhà ở xã hội.") for n in range(3)], ("Nhà ở", "Phường.")
    )
    results = search("nhà ở xã hội phường", limit=3)
    assert not results.relaxed
    assert results.total == 3
    assert "Nhà ở" not in [hit.title for hit in results.hits]


def test_one_or_two_words_are_never_relaxed() -> None:
    _index(*DISTRACTORS, LAND_ARTICLE)
    results = search("thuê đất")
    assert not results.relaxed
    assert [hit.title for hit in results.hits] == [LAND_ARTICLE[0]]
    assert found_titles("thuế phường") == []


def test_exclusions_still_apply_to_relaxed_hits() -> None:
    _index(*DISTRACTORS, LAND_ARTICLE)
    question = "cá nhân có được nhà nước cho thuê đất lâu dài không"
    assert LAND_ARTICLE[0] in found_titles(question)
    excluded = found_titles(question + " -giao")
    assert excluded and LAND_ARTICLE[0] not in excluded
    assert search(question + " -giao").relaxed


def test_relaxed_hits_never_include_unpublished_items(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        public = published(site_tree.news, title="Giao đất cho cá nhân", body=paragraphs("Thuê đất lâu dài."))
        ArticlePageFactory(
            parent=site_tree.news,
            title="Bản nháp: cá nhân thuê đất",
            body=paragraphs("Nhà nước cho thuê đất lâu dài."),
            live=False,
            first_published_at=None,
        )
        withdrawn = published(site_tree.news, title="Cá nhân thuê đất (đã gỡ)", body=paragraphs("Lâu dài."))
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    results = search("cá nhân có được nhà nước cho thuê đất lâu dài không")
    assert results.relaxed
    titles = [hit.title for hit in results.hits]
    assert titles[0] == public.title
    assert not {"Bản nháp: cá nhân thuê đất", withdrawn.title} & set(titles)
