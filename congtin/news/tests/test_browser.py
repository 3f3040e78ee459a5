"""What a reader sees in Debian's chromium, driven by Playwright against the demo journal.

The font-size control must change the article text's computed size and remember the choice across a
reload; a citation's card must show on keyboard focus and hide on Escape; the home, section and article
pages and the registry's pages must have no serious or critical axe-core violation.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import TransactionTestCase
from pytest_django.live_server_helper import LiveServer

from congtin.news.models import ArticlePage

# The tests only read the demo journal, so it is loaded, committed and served once for the module
# (``demo_journal``), not once a test: loading it is most of what these tests cost.
pytestmark = [pytest.mark.browser]

REFERENCE_TITLE = "Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ"
REPO_ROOT = Path(__file__).resolve().parents[3]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Without the background-networking flags chromium keeps dialling Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}
# axe's default rules, plus its experimental check of WCAG 2.5.3 (the accessible name contains the visible
# label), so that a voice-control user who says "click A+" reaches the font-size button.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}
ARTICLE_TEXT_SIZES = "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"


@pytest.fixture(scope="module")
def test_database(
    request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any
) -> Iterator[None]:
    """The test database, with its serialized copy, even when this module runs alone.

    These tests carry no ``django_db`` mark (they read a journal committed once for the module, and the
    mark would order them among the tests that run in a transaction, before the module's flush). pytest-django
    creates the test databases only for marked tests: run alone, ``django_db_setup`` creates none, and the
    ORM would reach the settings' own database -- the developer's db.sqlite3, which the clean-up flushes.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    created = None
    aliases, serialized = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        if "default" not in aliases:
            created = setup_databases(
                verbosity=0, interactive=False, aliases={"default"}, serialized_aliases={"default"}
            )
        elif "default" not in serialized:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture(scope="module")
def browser(test_database: None) -> Iterator[Any]:
    chromium = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    if not chromium.exists():
        pytest.skip(f"no chromium at {chromium}: `apt-get install chromium`, or set CHROMIUM_PATH")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Between calls Playwright's sync API marks its event loop as running in this thread, so Django
    # refuses ORM calls here unless told otherwise, and hands out new connection objects (asgiref keys
    # them by context once a loop runs). Those lack the test database's serialized contents, which the
    # serialized rollback restores from; pass them on.
    serialized = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            yield launched
            launched.close()
            # Close them while their context is current, or PostgreSQL cannot drop the test database.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A page in a fresh browser context: its own, empty localStorage."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


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


def _wait_for_request_threads(timeout: float = 5.0) -> None:
    """Let the live server's request threads end before it stops sharing its SQLite connection with them.

    Chromium's keep-alive sockets close with each test's browser context; a thread still closing one when
    the server stops would close a connection it may no longer share (a warning, not a failure).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()
    ):
        time.sleep(0.05)


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
                _wait_for_request_threads()
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


def _serious_violations(tab: Any, url: str) -> list[dict[str, Any]]:
    tab.goto(url)
    tab.add_script_tag(path=str(AXE_PATH))
    results = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


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
        for violation in _serious_violations(tab, demo_journal.url + path)
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
