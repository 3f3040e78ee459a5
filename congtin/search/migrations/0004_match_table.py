"""PostgreSQL only: the matching vector moves to a narrow table split by id range (docs/decisions/0025).

``search_match`` holds, per indexed item, its id, the columns the filters and facets read, and the
``vector`` the GIN index matches; the title, body, address and the accent-keeping ``exact_vector`` stay
in ``search_searchentry``. A row is about 1.3 kB, stored inline (the 3 kB rows of the wide table kept
their vector in TOAST: three buffer reads per checked row). The table is partitioned by id range,
``PARTITION_SIZE`` ids a partition, newest last: the newest 1,001 matches of a broad query come from the
newest partition's posting lists, a tenth as long as the whole index's at a million items. The backend
creates a partition when a write first needs it (``search_match_partitions``); this migration
creates those the existing rows need and copies them in place (no rebuild).

Rows keep their vectors inline up to ``ROW_TARGET`` bytes, in both tables (see there). No parallel
scans of a partition: a search reads its partitions newest first and stops (``_newest_rows``), which
workers reading them side by side would not keep to. The GIN
indexes have no pending list (``fastupdate = off``): every search scanned that list in full.
Emptying ``search_searchentry`` with TRUNCATE (the test suite's flush does) empties ``search_match`` and
``search_term`` too, by a trigger: nothing else refers to them.
"""

from django.db import migrations

# Keep in step with ``congtin.search.backends.postgresql.PARTITION_SIZE``.
PARTITION_SIZE = 100_000
# Rows up to this many bytes keep their vectors inline (PostgreSQL's default moves anything past 2 kB to
# TOAST, and every ``@@`` or ``ts_rank`` of a long article's vector then costs an index lookup and a
# fetch of its chunks, again for each call).
ROW_TARGET = 8160

# The partitions covering ids ``low`` to ``high``: called by this migration and by the backend's writes.
# Created apart and then attached: ``CREATE TABLE … PARTITION OF`` would lock ``search_match`` against
# every search until the creating transaction ends (a whole rebuild, which runs in one), ``ATTACH
# PARTITION`` only against other schema changes; the indexes follow the parent's.
PARTITIONS_FUNCTION = (
    "CREATE FUNCTION search_match_partitions(low bigint, high bigint) RETURNS void LANGUAGE plpgsql AS $$ "
    "DECLARE n bigint; BEGIN "
    f"FOR n IN (low / {PARTITION_SIZE})..(high / {PARTITION_SIZE}) LOOP "
    "IF to_regclass('search_match_' || n) IS NULL THEN "
    "PERFORM pg_advisory_xact_lock(hashtext('search_match_partitions')); "
    "IF to_regclass('search_match_' || n) IS NULL THEN "
    "EXECUTE format('CREATE TABLE %I (LIKE search_match INCLUDING DEFAULTS INCLUDING STORAGE) "
    f"WITH (toast_tuple_target = {ROW_TARGET}, parallel_workers = 0)', 'search_match_' || n); "
    "EXECUTE format('ALTER TABLE search_match ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', "
    f"'search_match_' || n, n * {PARTITION_SIZE}, (n + 1) * {PARTITION_SIZE}); "
    "END IF; END IF; END LOOP; END $$"
)
POSTGRESQL_FORWARD = [
    "CREATE TABLE search_match ("
    "id bigint NOT NULL, published_at timestamp with time zone, content_type varchar(100) NOT NULL, "
    "path varchar(255) NOT NULL, section_id bigint, document_type varchar(30) NOT NULL, year smallint, "
    "vector tsvector NOT NULL, PRIMARY KEY (id)) PARTITION BY RANGE (id)",
    PARTITIONS_FUNCTION,
    "SELECT search_match_partitions(0, coalesce(max(id), 0)) FROM search_searchentry",
    "INSERT INTO search_match (id, published_at, content_type, path, section_id, document_type, year, vector) "
    "SELECT id, published_at, content_type, path, section_id, document_type, year, vector "
    "FROM search_searchentry WHERE vector IS NOT NULL ORDER BY id",
    "CREATE INDEX search_match_vector_gin ON search_match USING gin (vector) WITH (fastupdate = off)",
    "DROP INDEX IF EXISTS search_searchentry_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN vector",
    # The accent-keeping vector is read for up to 200 rows a search: inline too (the body goes to TOAST
    # first). CLUSTER rewrites the rows so (the dropped vector's bytes go too) and keeps them in id order.
    f"ALTER TABLE search_searchentry SET (toast_tuple_target = {ROW_TARGET})",
    "ALTER TABLE search_searchentry ALTER COLUMN exact_vector SET STORAGE MAIN",
    "CLUSTER search_searchentry USING search_searchentry_pkey",
    "CREATE FUNCTION search_entries_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN TRUNCATE search_match; DELETE FROM search_term; RETURN NULL; END $$",
    "CREATE TRIGGER search_entries_truncated AFTER TRUNCATE ON search_searchentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_entries_truncated()",
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE search_searchentry ALTER COLUMN exact_vector SET STORAGE EXTENDED",
    "DROP TRIGGER IF EXISTS search_entries_truncated ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entries_truncated()",
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector",
    "UPDATE search_searchentry e SET vector = m.vector FROM search_match m WHERE m.id = e.id",
    "CREATE INDEX search_searchentry_vector_gin ON search_searchentry USING gin (vector)",
    "DROP TABLE search_match",
    "DROP FUNCTION IF EXISTS search_match_partitions(bigint, bigint)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_term_counts")]

    operations = [
        migrations.RunPython(
            _run(POSTGRESQL_FORWARD),
            _run(POSTGRESQL_BACKWARD),
        ),
    ]
