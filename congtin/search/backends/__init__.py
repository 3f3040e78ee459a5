"""Choosing the search backend: from ``CONGTIN_SEARCH_BACKEND``, else from the database vendor.

The embedded default is tantivy (decision 0024); SQLite FTS5 stays selectable by its dotted path.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from congtin.search.backends.base import SearchBackend

BY_VENDOR = {
    "sqlite": "congtin.search.backends.tantivy.TantivyBackend",
    "postgresql": "congtin.search.backends.postgresql.PostgreSQLBackend",
}
SQLITE_FTS5 = "congtin.search.backends.sqlite.SQLiteFTS5Backend"


def get_backend() -> SearchBackend:
    """The configured backend; read on every call so tests and settings overrides take effect."""
    path = getattr(settings, "CONGTIN_SEARCH_BACKEND", "") or BY_VENDOR.get(connection.vendor, "")
    if not path:
        raise LookupError(
            f"No search backend for the {connection.vendor!r} database; set CONGTIN_SEARCH_BACKEND."
        )
    backend: SearchBackend = import_string(path)()
    return backend
