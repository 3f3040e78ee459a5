"""What a reader sees in Debian's chromium, driven by Playwright against the demo journal.

The font-size control must change the article text's computed size and remember the choice across a
reload; a citation's card must show on keyboard focus and hide on Escape; the home, section and article
pages and the registry's pages must have no serious or critical axe-core violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import TransactionTestCase
from pytest_django.live_server_helper import LiveServer

from congtin.core.tests.browser import AXE_PATH, REPO_ROOT, serious_axe_violations, wait_for_request_threads
from congtin.news.models import ArticlePage

# The tests only read the demo journal, so it is loaded, committed and served once for the module
# (``demo_journal``), not once a test: loading it is most of what these tests cost.
pytestmark = [pytest.mark.browser]

REFERENCE_TITLE = "Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ"
ARTICLE_TEXT_SIZES = "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"


class _CommittedRows(TransactionTestCase):
    """Django's own set-up and clean-up of a transactional test, run once around the module.

    Before: the rows the migrations made (Wagtail's root page, the default site) are put back from the
    serialized copy, as another transactional test may have flushed them. After: everything is flushed.
    """

    __test__ = False  # not a test for pytest to collect
    serialized_rollback = True

    def runTest(self) -> None:  # pragma: no cover - never run, only set up and torn down
        pass


@dataclass(frozen=True)
class DemoJournal:
    url: str  # the live server, no trailing slash
    article: str  # the reference article's path
    section: str  # its section's path


@pytest.fixture(scope="module")
def demo_journal(browser: Any, django_db_blocker: Any) -> Iterator[DemoJournal]:
    """The demo journal, loaded and committed once for the module, behind a live server of its own."""

    from congtin.demo.services import demo_load

    with django_db_blocker.unblock():
        rows = _CommittedRows()
        rows._pre_setup()
        server = None
        try:
            demo_load()
            article = ArticlePage.objects.live().get(title=REFERENCE_TITLE)
            server = LiveServer("localhost")
            server._live_server_modified_settings.enable()
            yield DemoJournal(url=server.url, article=article.url, section=article.get_parent().url)
        finally:
            if server is not None:
                wait_for_request_threads()
                server.stop()
                server._live_server_modified_settings.disable()
            rows._post_teardown()


def test_font_size_choice_changes_article_text_survives_reload_and_resets(
    demo_journal: DemoJournal, tab: Any
) -> None:
    tab.goto(demo_journal.url + demo_journal.article)
    paragraphs = tab.locator("[data-article-text] p")
    default_sizes = paragraphs.evaluate_all(ARTICLE_TEXT_SIZES)
    assert len(default_sizes) >= 2, "the reference article should show its summary and body paragraphs"

    tab.locator("[data-font-size-control] button", has_text="A+").click()
    larger_sizes = paragraphs.evaluate_all(ARTICLE_TEXT_SIZES)
    assert all(big > small for big, small in zip(larger_sizes, default_sizes, strict=True)), (
        f"A+ should enlarge every paragraph: {default_sizes} → {larger_sizes}"
    )

    tab.reload()
    after_reload = paragraphs.evaluate_all(ARTICLE_TEXT_SIZES)
    assert after_reload == larger_sizes, (
        f"the choice should survive a reload: {larger_sizes} → {after_reload}"
    )

    tab.get_by_role("button", name="Mặc định").click()
    assert paragraphs.evaluate_all(ARTICLE_TEXT_SIZES) == default_sizes


def _describe(name: str, url: str, violation: dict[str, Any]) -> str:
    nodes = "\n".join(
        f"      {', '.join(map(str, node['target']))}: {' '.join((node.get('failureSummary') or '').split())}"
        for node in violation["nodes"][:5]
    )
    more = len(violation["nodes"]) - 5
    return (
        f"  {name} ({url}) — {violation['impact']} {violation['id']}: {violation['help']}\n"
        f"    {violation['helpUrl']}\n{nodes}" + (f"\n      … and {more} more" if more > 0 else "")
    )


def test_home_section_article_and_registry_pages_have_no_serious_or_critical_axe_violations(
    demo_journal: DemoJournal, tab: Any
) -> None:
    if not AXE_PATH.exists():
        pytest.skip(f"no axe-core at {AXE_PATH.relative_to(REPO_ROOT)}: run `make browser-deps`")
    pages = {
        "home page": "/",
        "section page": demo_journal.section,
        "article page": demo_journal.article,
        "registry listing": "/tiep-can-thong-tin/?nam=2021",
        "registry entry": "/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/",
        "verification": "/tiep-can-thong-tin/xac-thuc/?so=12/CT-TTg&ngay=13/05/2021",
        "danh mục": "/tiep-can-thong-tin/danh-muc/",
    }
    found = [
        _describe(name, path, violation)
        for name, path in pages.items()
        for violation in serious_axe_violations(tab, demo_journal.url + path)
    ]
    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)


def test_a_citation_card_shows_on_keyboard_focus_and_escape_hides_it(
    demo_journal: DemoJournal, tab: Any
) -> None:
    tab.goto(demo_journal.url + demo_journal.article)
    link = tab.locator("a.citation", has_text="Nghị định số 09/2017/NĐ-CP")
    card = tab.locator("#" + link.get_attribute("aria-describedby"))
    assert not card.is_visible()
    link.focus()
    assert card.is_visible()
    assert "Quy định chi tiết việc phát ngôn" in card.inner_text()
    tab.keyboard.press("Escape")
    assert not card.is_visible()
    link.click()
    assert tab.url == demo_journal.url + "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/"
