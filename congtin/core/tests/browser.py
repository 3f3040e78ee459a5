"""Browser-test fixtures for every app: Debian's chromium under Playwright, and the test database it reads.

Registered for the whole suite by the root ``conftest.py`` (``pytest_plugins``). A module takes ``browser``
(chromium launched once per module) and ``tab`` (a fresh context, so an empty localStorage, per test); both
skip with a reason when chromium is missing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "AXE_PATH",
    "CHROMIUM_ARGS",
    "browser",
    "serious_axe_violations",
    "tab",
    "test_database",
    "wait_for_request_threads",
]

REPO_ROOT = Path(__file__).resolve().parents[3]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
# axe's default rules, plus its experimental check of WCAG 2.5.3 (the accessible name contains the visible
# label), so that a voice-control user who says "click A+" reaches the font-size button.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}

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


def wait_for_request_threads(timeout: float = 5.0) -> None:
    """Let the live server's request threads end before it stops sharing its SQLite connection with them.

    Chromium's keep-alive sockets close with each test's browser context; a thread still closing one when
    the server stops would close a connection it may no longer share (a warning, not a failure).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()
    ):
        time.sleep(0.05)


def serious_axe_violations(tab: Any, url: str) -> list[dict[str, Any]]:
    """The serious and critical axe-core violations of the page at ``url``, opened in ``tab``."""
    tab.goto(url)
    tab.add_script_tag(path=str(AXE_PATH))
    results = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
