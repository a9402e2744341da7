"""Shared fixtures: a migrated database per test, on SQLite and (when configured) PostgreSQL.

Set ``PERMANENCE_TRACKER_TEST_PG_URL`` (``.ci/run`` and ``scripts/test`` do) to run every
``db``-using test against a real PostgreSQL server too. Under CI it is required.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from permanence_tracker.app import Context
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Byte-identical PDFs for the same input (fixed creation date and ID): for tests only; real
# reports carry the real creation time (reports/base.py, tests/reports/test_pdf_creation_date.py).
os.environ["PERMANENCE_TRACKER_INVARIANT_PDF"] = "1"

PG_URL = os.environ.get("PERMANENCE_TRACKER_TEST_PG_URL")
FIXED_NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path_factory, monkeypatch):
    """Opening a tracker backs it up (app.py): into a temporary folder, never the real one."""
    monkeypatch.setenv("PERMANENCE_TRACKER_BACKUPS", str(tmp_path_factory.mktemp("backups")))


@pytest.fixture(scope="session")
def dfe_validator_python():
    """The python of the DfE 903 validator's own venv: skipped when absent, required under CI."""
    from permanence_tracker.paths import VALIDATOR_ENV, validator_python

    python = validator_python()
    if python is None:
        message = (f"the DfE 903 validator is not installed (set {VALIDATOR_ENV} to the python "
                   "of a venv with csc-validator-be-903, or run scripts/test)")
        if _ci():
            pytest.fail("CI runs need " + message)
        pytest.skip(message)
    return python


def pytest_configure(config):
    # The whole run writes one product log, scanned at the end for names (tests/support/log_scan.py)
    from support.log_scan import LogScan

    config.pluginmanager.register(LogScan(), "permanence_tracker_log_scan")


def pytest_collection_modifyitems(config, items):
    # Under CI the PostgreSQL half of the suite must run: fail rather than skip it.
    if _ci() and not PG_URL:
        raise pytest.UsageError("CI runs need PERMANENCE_TRACKER_TEST_PG_URL (PostgreSQL)")


@pytest.fixture(scope="session")
def _pg_schemas():
    """Makes an empty PostgreSQL schema per test in one database per session.

    A schema (reached through ``search_path`` in the URL) isolates a test just as a database
    would, and is ten times quicker to make than ``CREATE DATABASE`` (~0.03 s against ~0.4 s).
    """
    if not PG_URL:
        pytest.skip("PERMANENCE_TRACKER_TEST_PG_URL not set")
    base = PG_URL.replace("postgresql://", "postgresql+psycopg://").rsplit("/", 1)[0]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    database = f"pt_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    inside = create_engine(f"{base}/{database}", isolation_level="AUTOCOMMIT")

    @contextlib.contextmanager
    def schema():
        name = f"t_{uuid.uuid4().hex[:12]}"
        with inside.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        try:
            yield f"{base}/{database}?options=-csearch_path%3D{name}"
        finally:
            with inside.connect() as connection:
                # A connection a test leaked would block this for ever: give up after a few
                # seconds, the database goes at the end of the session anyway.
                connection.execute(text("SET lock_timeout = '5s'"))
                with contextlib.suppress(OperationalError):
                    connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))

    yield schema
    inside.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """URL of a fresh, empty database (not yet migrated)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.sqlite'}"
        return
    with request.getfixturevalue("_pg_schemas")() as url:
        yield url


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
