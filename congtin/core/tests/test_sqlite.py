"""The embedded default: one SQLite file shared by every gunicorn worker and the task worker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from congtin.settings.base import SQLITE_OPTIONS


def _open(path: Path) -> sqlite3.Connection:
    """A connection to ``path`` as the settings open the site's SQLite file (its PRAGMAs), with a short
    busy timeout so that a reader holding a writer up fails the test at once instead of after 20 s."""
    settings_dict = {
        **connection.settings_dict,
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {**SQLITE_OPTIONS, "timeout": 0.2},
    }
    wrapper = DatabaseWrapper(settings_dict)
    opened = wrapper.get_new_connection(wrapper.get_connection_params())
    opened.isolation_level = None  # transactions as below, as Django runs them
    return opened


def test_an_editor_publishes_while_a_reader_is_reading_and_the_reader_sees_it_next(tmp_path):
    editors, readers = _open(tmp_path / "db.sqlite3"), _open(tmp_path / "db.sqlite3")
    try:
        editors.execute("CREATE TABLE page (title TEXT)")
        editors.execute("INSERT INTO page VALUES ('Bài thứ nhất')")
        # A page being read: its statement's snapshot is open.
        readers.execute("BEGIN")
        assert readers.execute("SELECT COUNT(*) FROM page").fetchone()[0] == 1
        # The editor publishes meanwhile; with the rollback journal this commit waits for the reader and
        # fails with "database is locked" once the busy timeout has passed.
        editors.execute("BEGIN IMMEDIATE")
        editors.execute("INSERT INTO page VALUES ('Bài thứ hai')")
        editors.execute("COMMIT")
        # The reader finishes its page on the snapshot it started with, and the next one sees the article.
        assert readers.execute("SELECT COUNT(*) FROM page").fetchone()[0] == 1
        readers.execute("COMMIT")
        assert readers.execute("SELECT COUNT(*) FROM page").fetchone()[0] == 2
        assert readers.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        editors.close()
        readers.close()
