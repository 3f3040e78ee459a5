"""The search page in Debian's chromium: a toneless query typed in the header box, highlights, a facet.

Chromium comes from the suite's ``browser`` and ``tab`` fixtures (``congtin/core/tests/browser.py``); the
page must also pass axe-core without serious or critical violations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from congtin.core.tests.browser import AXE_PATH, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_toneless_query_in_the_header_box_finds_highlighted_accented_results_and_a_facet_narrows_them(
    live_server: Any, site_tree: Any, registry_page: Any, tab: Any
) -> None:
    from congtin.documents.tests.factories import OfficialDocumentFactory, OrganisationFactory
    from congtin.news.tests.factories import ArticlePageFactory
    from congtin.search.services import search_rebuild
    from congtin.search.tests.helpers import paragraphs

    site_tree.home.title = "Trang chủ"  # the site's name holds the words searched for below
    site_tree.home.save()
    when = dt.datetime(2021, 6, 8, 20, 41, tzinfo=dt.UTC)
    for n, section in enumerate((site_tree.news, site_tree.research, site_tree.research)):
        ArticlePageFactory(
            parent=section,
            title=f"Bài {n + 1} về tổ chức nhà nước",
            summary="Tóm tắt.",
            body=paragraphs("Hội thảo bàn về tổ chức bộ máy nhà nước."),
            first_published_at=when,
        )
    OfficialDocumentFactory(
        printed_symbol="05/2022/TT-BNV",
        doc_type="thong_tu",
        issuer=OrganisationFactory(abbreviation="BNV", name="Bộ Nội vụ"),
        issued_on=dt.date(2022, 8, 1),
        summary="Hướng dẫn về tổ chức nhà nước",
    )
    search_rebuild()

    tab.goto(live_server.url + "/")
    box = tab.get_by_role("searchbox", name="Tìm kiếm trên trang")
    box.fill("to chuc nha nuoc")
    box.press("Enter")
    tab.wait_for_url("**/tim-kiem/?q=to+chuc+nha+nuoc")

    results = tab.locator(".search-result")
    assert results.count() == 4
    marks = tab.locator(".search-result-title mark").all_inner_texts()
    assert {"tổ", "chức", "nhà", "nước"} <= set(marks)
    assert tab.locator(".search-snippet mark", has_text="chức").count() >= 3
    assert tab.locator(".search-suggestion a").inner_text() == "tổ chức nhà nước"
    assert tab.locator("#search-q").input_value() == "to chuc nha nuoc"

    tab.locator('[data-facet="section"]').get_by_role("link", name="Nghiên cứu - Trao đổi").click()
    tab.wait_for_url("**chuyen_muc=*")
    assert results.count() == 2
    assert tab.locator(".search-chip", has_text="Chuyên mục: Nghiên cứu - Trao đổi").is_visible()
    assert tab.locator(".search-count").inner_text().startswith("Tìm thấy 2 kết quả")

    tab.locator(".search-chip").click()
    tab.wait_for_url(lambda url: "chuyen_muc" not in url)
    assert results.count() == 4

    if AXE_PATH.exists():
        violations = serious_axe_violations(tab, tab.url)
        assert not violations, [(v["id"], v["help"]) for v in violations]
