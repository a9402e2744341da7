"""Shared fixtures: a migrated database per test, on SQLite and (when configured) PostgreSQL.

Set ``PERMANENCE_TRACKER_TEST_PG_URL`` (``.ci/run`` and ``scripts/test`` do) to run every
``db``-using test against a real PostgreSQL server too. Under CI it is required.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from permanence_tracker.app import Context
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("PERMANENCE_TRACKER_TEST_PG_URL")
FIXED_NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI") and not PG_URL:
        raise pytest.UsageError("CI runs need PERMANENCE_TRACKER_TEST_PG_URL (PostgreSQL)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """URL of a fresh, empty database (not yet migrated)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("PERMANENCE_TRACKER_TEST_PG_URL not set")
    name = f"pt_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def context(db_url):
    """A migrated database with a unit-of-work factory, acting as user 'tester'."""
    engine = engines.open_database(db_url)
    ctx = Context(db_url, "tester", engine, uow_factory(engine, "tester", lambda: FIXED_NOW))
    yield ctx
    engine.dispose()


@pytest.fixture
def uow(context):
    return context.uow
