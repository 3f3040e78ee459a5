"""The search tests that hold for every backend run once per backend the test database can use."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings

from congtin.search.backends import BY_VENDOR, SQLITE_FTS5


def backends_for_this_database() -> list[str]:
    """SQLite: tantivy (the default) and FTS5. PostgreSQL: its own backend and tantivy, which keeps
    its index outside any database and its ``SearchEntry`` rows in whichever one runs."""
    if django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [BY_VENDOR["sqlite"], SQLITE_FTS5]
    return [BY_VENDOR["postgresql"], BY_VENDOR["sqlite"]]


@pytest.fixture(params=backends_for_this_database(), ids=lambda path: path.rsplit(".", 1)[-1])
def search_backend(request: Any, settings: Any) -> str:
    """Selects each backend in turn through ``CONGTIN_SEARCH_BACKEND``, as a site would."""
    settings.CONGTIN_SEARCH_BACKEND = request.param
    return str(request.param)
