"""An index for counting a section's live articles without reading the page rows (decision 0026).

The lean path's section page counts the live articles below the section on every request, on Wagtail's
page table: by its path index that read every counted row from the table (about 2,000 for a section at
10,000 articles). This partial index holds what the count tests, so PostgreSQL answers it from the index
alone (an index-only scan). PostgreSQL only: INCLUDE is not SQLite's, and the table is Wagtail's, so the
index is written in SQL rather than declared on a model.
"""

from django.db import migrations

INDEX = "news_live_page_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path varchar_pattern_ops) "
            "INCLUDE (depth, content_type_id) WHERE live"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_article_top_story_index"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
