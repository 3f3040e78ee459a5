"""PostgreSQL only: how many indexed items hold each lexeme, for IDF weights (docs/decisions/0013).

``search_term`` counts the items whose ``vector`` holds a lexeme (``term``), whose ``exact_vector``
holds one (``"=" + term``), and all items (``term = ''``, a lexeme is never empty). The PostgreSQL
backend keeps it in step in the same transaction as every write. SQLite reads the same counts from
FTS5's own vocabulary, so it gets nothing here.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE TABLE search_term (term text PRIMARY KEY, docs integer NOT NULL)",
    "INSERT INTO search_term (term, docs) SELECT '', count(*) FROM search_searchentry",
    "INSERT INTO search_term (term, docs) SELECT t.term, count(*) FROM search_searchentry e, "
    "LATERAL (SELECT unnest(tsvector_to_array(e.vector)) AS term "
    "UNION ALL SELECT '=' || unnest(tsvector_to_array(e.exact_vector))) t "
    "WHERE e.vector IS NOT NULL GROUP BY t.term",
]
POSTGRESQL_BACKWARD = ["DROP TABLE IF EXISTS search_term"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_tables")]

    operations = [migrations.RunPython(_run(POSTGRESQL_FORWARD), _run(POSTGRESQL_BACKWARD))]
