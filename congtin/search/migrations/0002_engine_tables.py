"""The engine-specific part of the index, for the database in use only (docs/decisions/0010).

SQLite: an FTS5 table whose rowid is ``SearchEntry.id``. unicode61 with ``remove_diacritics 0``:
the folded columns are plain ASCII already and the ``exact`` column must keep its accents; "_" is a
word character so that an encoded symbol key ("nd_20_09") stays one token.
PostgreSQL: two ``tsvector`` columns on ``search_searchentry`` and a GIN index on the matching one.
Other databases get nothing here; they need ``CONGTIN_SEARCH_BACKEND`` pointing elsewhere.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, keys, exact, tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\")",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]
POSTGRESQL_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector, ADD COLUMN exact_vector tsvector",
    "CREATE INDEX search_searchentry_vector_gin ON search_searchentry USING gin (vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_searchentry_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector, DROP COLUMN IF EXISTS exact_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
