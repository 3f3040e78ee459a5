"""What a query finds, on whichever backend the test database selects (SQLite FTS5 or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest

from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchDocument
from congtin.search.tests.helpers import found_titles, search
from congtin.vietnamese import VIETNAM_TZ, nfc

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

DAY = dt.datetime(2024, 5, 1, 8, tzinfo=VIETNAM_TZ)


def _index(*docs: tuple[str, str], keys: tuple[str, ...] = ()) -> None:
    get_backend().index(
        SearchDocument(
            key=f"test.item:{n}",
            content_type="test.item",
            title=title,
            body=body,
            published_at=DAY - dt.timedelta(days=n),
            keys=keys,
        )
        for n, (title, body) in enumerate(docs, start=1)
    )


def test_toneless_query_finds_accented_text() -> None:
    _index(
        ("Hỏi đáp về tổ chức nhà nước", "Chuyên mục hỏi đáp."),
        ("Nghị định mới về công chức", "Chính phủ ban hành."),
        ("Đại hội Đảng bộ tỉnh", "Đảng bộ tỉnh họp."),
        ("Thời tiết", "Trời nắng."),
    )
    assert found_titles("to chuc nha nuoc") == ["Hỏi đáp về tổ chức nhà nước"]
    assert found_titles("nghi dinh") == ["Nghị định mới về công chức"]
    assert found_titles("dang bo") == ["Đại hội Đảng bộ tỉnh"]


def test_decomposed_and_upper_case_text_and_queries_match() -> None:
    nfd_body = unicodedata.normalize("NFD", "Bàn về tổ chức nhà nước hiện đại")
    _index(("BẢN TIN TỔ CHỨC NHÀ NƯỚC", "Viết hoa."), ("Bài NFD", nfd_body))
    assert set(found_titles("to chuc nha nuoc")) == {"BẢN TIN TỔ CHỨC NHÀ NƯỚC", "Bài NFD"}
    assert len(found_titles(unicodedata.normalize("NFD", "TỔ CHỨC NHÀ NƯỚC"))) == 2
    assert len(found_titles("Tổ Chức")) == 2


def test_old_and_new_tone_placement_find_each_other() -> None:
    _index(("Tỉnh Hoà Bình", "Thuỷ lợi."), ("Tỉnh Hòa Bình", "Thủy lợi."))
    for query in ("hoa binh", "Hoà Bình", "Hòa Bình", "thuy loi", "thuỷ lợi", "thủy lợi"):
        assert len(found_titles(query)) == 2, query


def test_accents_typed_by_the_user_rank_the_matching_spelling_first() -> None:
    _index(("Bài về ca", "Cá kho tộ ngon."), ("Bài về cà", "Cà pháo muối."))
    assert found_titles("cà")[0] == "Bài về cà"
    assert found_titles("cá")[0] == "Bài về ca"


def test_symbol_queries_find_the_document_in_any_spelling() -> None:
    _index(
        ("Nghị định 09/2017/NĐ-CP", "Quy định chi tiết về phát ngôn."), ("Thông tư khác", "Không liên quan.")
    )
    get_backend().index(
        [
            SearchDocument(
                key="test.item:9",
                content_type="test.item",
                title="Nghị định 09/2017/NĐ-CP",
                body="Quy định chi tiết về phát ngôn.",
                keys=("09/2017/nd-cp", "09/2017", "nd 09", "nd 09/2017", "nd-cp 09"),
            )
        ]
    )
    for query in ("09/2017/NĐ-CP", "09/2017/nd-cp", "09/2017", "nd cp", "NĐ-CP", "nghị định 9/2017", "nd 9"):
        titles = found_titles(query)
        assert titles and set(titles) == {"Nghị định 09/2017/NĐ-CP"}, query


def test_adjacent_phrase_ranks_above_scattered_words() -> None:
    _index(
        ("Tin một", "Nhà ở xã hội: nước sạch về tổ dân phố, chức năng mới."),
        ("Tin hai", "Bàn về tổ chức nhà nước trong giai đoạn mới."),
        ("Tin ba", "Nước nhà, tổ quốc và chức trách."),
    )
    titles = found_titles("to chuc nha nuoc")
    assert titles[0] == "Tin hai"
    assert set(titles) == {"Tin một", "Tin hai", "Tin ba"}


def test_quoted_phrase_requires_adjacency() -> None:
    _index(("Tin một", "Nước nhà, tổ quốc và chức trách."), ("Tin hai", "Về tổ chức nhà nước."))
    assert found_titles('"to chuc nha nuoc"') == ["Tin hai"]


def test_exclusion_and_prefix() -> None:
    _index(("Cải cách hành chính", "Thủ tục hành chính công."), ("Cải cách tư pháp", "Toà án nhân dân."))
    assert found_titles("cai cach -hanh") == ["Cải cách tư pháp"]
    assert found_titles("cai cach -tu") == ["Cải cách hành chính"]
    assert sorted(found_titles("hanh chi*")) == ["Cải cách hành chính"]
    assert sorted(found_titles("cai ca*")) == ["Cải cách hành chính", "Cải cách tư pháp"]


def test_hits_carry_offsets_into_the_original_text() -> None:
    body = "Chuyên mục hỏi đáp về TỔ CHỨC NHÀ NƯỚC và công vụ."
    _index(("Đảng bộ tỉnh", body))
    (hit,) = search("to chuc nha nuoc dang").hits
    assert hit.title_matches == ((0, 4),)
    assert [nfc(body)[s:e] for s, e in hit.body_matches] == ["TỔ", "CHỨC", "NHÀ", "NƯỚC"]


def test_filters_and_paging() -> None:
    _index(*[(f"Cải cách {n}", "Cải cách hành chính.") for n in range(5)])
    results = search("cai cach", limit=2)
    assert results.total == 5 and len(results.hits) == 2
    assert found_titles("cai cach", content_types=("other.item",)) == []
    newest_first = found_titles("cai cach", published_after=DAY - dt.timedelta(days=2))
    assert sorted(newest_first) == ["Cải cách 0", "Cải cách 1"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "***",
        "-",
        "- -x",
        "NOT AND OR",
        "a AND OR NOT (",
        'title:foo {body} : "x',
        "NEAR(a b, 2)",
        "'; DROP TABLE search_searchentry; --",
        "\\x00\x00\u0000",
        "to:* & | ! <-> ():*",
        "%_%",
        "ʼnĳ İ ǅ ß ﬁ",
        "🙂🙂🙂",
        "x" * 5000,
        " ".join(["tổ"] * 500),
        "09/2017/NĐ-CP" * 40,
        'a*b*c* -d* "e*"',
        "\u0301\u0300",
        "_ __ ___",
        "title:tổ all:* key:x",
        "tổ^3 chức~2",
        "[a TO z] {a TO z}",
        "/t.*/ ?",
    ],
)
def test_hostile_queries_never_raise(query: str) -> None:
    _index(("Tổ chức nhà nước", "Nội dung."))
    search(query)


def test_a_search_runs_four_queries_at_most_however_many_hits(django_assert_max_num_queries: Any) -> None:
    _index(*[(f"Cải cách {n}", "Cải cách hành chính nhà nước.") for n in range(30)])
    # PostgreSQL: the lexeme counts (a query of more than three words), the newest matches with the
    # count and the facets, the ranked page, entries of the page. SQLite: statistics, the match with the
    # text of the rows it ranks, the sample counts of its pairs, entries of the page.
    with django_assert_max_num_queries(4):
        assert len(search("cai cach hanh chinh").hits) == 20


def test_a_query_of_exclusions_only_finds_nothing() -> None:
    _index(("Cải cách", "Nội dung."))
    assert search("-cai").total == 0


def test_the_backend_can_be_chosen_in_settings(settings: Any) -> None:
    from congtin.search.backends import BY_VENDOR

    settings.CONGTIN_SEARCH_BACKEND = "congtin.search.tests.test_matching.RecordingBackend"
    assert isinstance(get_backend(), RecordingBackend)
    settings.CONGTIN_SEARCH_BACKEND = ""
    assert type(get_backend()).__module__ + "." + type(get_backend()).__name__ in BY_VENDOR.values()


class RecordingBackend:
    def index(self, items: Any) -> None: ...

    def remove(self, keys: Any) -> None: ...

    def search(self, query: Any, *, filters: Any, offset: int, limit: int) -> Any: ...

    def clear(self) -> None: ...
