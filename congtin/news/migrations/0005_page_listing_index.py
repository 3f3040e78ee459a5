"""An index on Wagtail's page rows for the count of a section's articles on SQLite (decision 0026, its
2026-11-29 SQLite section): content type, then path, then what the count filters on, so the count reads
the index's range for the section and nothing else. Without it SQLite counted through the content type
index, fetching every article row of the site (3.4 ms at 10,000 articles). PostgreSQL answers the same
count from ``news_live_page_path`` (news 0004), so this one is SQLite's only: a second index on the page
table would cost every page write on PostgreSQL for nothing."""

from django.db import migrations

INDEX = "news_page_listing"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" ("content_type_id", "path", "depth", "live")'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_live_page_path_index"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
