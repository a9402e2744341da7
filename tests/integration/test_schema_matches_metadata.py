"""The migrations build exactly the schema that persistence/tables.py describes.

Alembic compares the migrated database with the metadata (tables, columns, types, indexes,
foreign keys); any difference means a migration is missing or wrong.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.tables import metadata


def test_migrated_schema_matches_the_metadata(db_url):
    engine = engines.open_database(db_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_panel_tables_are_migrated(db_url):
    engine = engines.open_database(db_url)
    try:
        with engine.connect() as connection:
            tables = set(connection.dialect.get_table_names(connection))
    finally:
        engine.dispose()
    assert {"panel", "panel_item"} <= tables
