"""Building engines: SQLite pragmas (foreign keys, WAL), URL resolution, migrate-on-open, and
whether a URL holds a tracker at all (:func:`missing_tracker`, which creates nothing).

Only ``app.py`` (the composition root) and tests call :func:`open_database`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, func, inspect, literal, select
from sqlalchemy.engine import make_url

from permanence_tracker import paths

try:
    import fcntl
except ImportError:  # Windows: None means no lock (see _one_migrator)
    fcntl = None  # type: ignore[assignment]  # mypy types the name as the module

ENV_VAR = "PERMANENCE_TRACKER_DB"


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'permanence-tracker.sqlite'}"


def resolve_url(explicit: str | None, data_dir: Path) -> str:
    """``--db`` wins, then ``PERMANENCE_TRACKER_DB``, then a SQLite file in the data dir."""
    return explicit or os.environ.get(ENV_VAR) or default_url(data_dir)


def shown(url: str) -> str:
    """The database as a person knows it: a SQLite file's path, a server URL without its
    password (never print one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def missing_tracker(url: str) -> str | None:
    """Why ``url`` holds no tracker (a sentence), or None when it holds one.

    Creates nothing: a SQLite file is looked for before anything connects (connecting would
    make it) and then read only; a server is asked whether the tracker's schema (Alembic's
    version table) is there, and an unreachable server's own message is the reason.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return "an in-memory database starts empty"
        path = Path(parsed.database)
        if not path.is_file():
            return "the file does not exist" if not path.exists() else "it is not a file"
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro",
                                                    uri=True)) as connection:
                found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                           "AND name = 'alembic_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            return f"the file is not a tracker database ({exc})"
        return None if found else "the file holds no tracker"
    engine = create(url)
    try:
        found = has_tracker(engine)
    except Exception as exc:  # noqa: BLE001 - unreachable, refused, no such database: say why
        return f"the server says: {_server_message(exc)}"
    finally:
        engine.dispose()
    return None if found else "the database has no tracker schema"


def has_tracker(engine: Engine) -> bool:
    """Whether the database holds the tracker's schema (Alembic's version table, which every
    tracker has from its first migration). Connects: on SQLite that makes the file."""
    with engine.connect() as connection:
        return inspect(connection).has_table("alembic_version")


def holds_records(engine: Engine) -> bool:
    """Whether any of the tracker's tables holds a row (a tracker just created holds none)."""
    from permanence_tracker.persistence.tables import metadata

    with engine.connect() as connection:
        return any(connection.execute(select(literal(1)).select_from(table).limit(1)).first()
                   for table in metadata.sorted_tables)


def _server_message(exc: Exception) -> str:
    """The server's message on one line, without SQLAlchemy's trailer ("Background on ...")."""
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(line.strip() for line in text.splitlines() if line.strip()) or repr(exc)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["engine"] = engine
    return config


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def pending_migrations(engine: Engine) -> bool:
    script = ScriptDirectory.from_config(alembic_config(engine))
    return current_revisions(engine) != set(script.get_heads())


def backup_sqlite(engine: Engine, now: datetime) -> Path | None:
    """Copy a SQLite file to ``<name>.<timestamp>.bak`` before a migration touches it."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    source = Path(database)
    if not source.exists() or source.stat().st_size == 0:
        return None
    target = source.with_name(f"{source.name}.{now:%Y%m%d-%H%M%S}.bak")
    with engine.connect() as connection:
        # Fold the WAL into the main file so the copy is complete.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(source, target)
    return target


# Any fixed 64-bit number: the key of the advisory lock held while a database is migrated.
_MIGRATION_LOCK = 0x5054_4D49_4752_4154


@contextmanager
def _one_migrator(engine: Engine) -> Iterator[None]:
    """One process at a time checks and migrates a database.

    When a new version reaches a team, several people open the shared database at once (or
    one person starts the app twice): without this both would create the same tables and one
    would fail. On PostgreSQL the lock is an advisory lock on a connection of its own (Alembic
    migrates on another); for a SQLite file it is ``flock`` on the file's folder (a lock on
    the file itself would interfere with SQLite's own locks; where there is no ``flock``,
    Windows, there is no lock).
    """
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if fcntl is None or not database or database == ":memory:":
            yield
            return
        folder = os.open(Path(database).resolve().parent, os.O_RDONLY)
        try:
            fcntl.flock(folder, fcntl.LOCK_EX)
            yield
        finally:
            os.close(folder)  # releases the lock
        return
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(select(func.pg_advisory_lock(_MIGRATION_LOCK)))
        connection.commit()  # the lock is the session's: do not sit idle in a transaction
        try:
            yield
        finally:
            connection.execute(select(func.pg_advisory_unlock(_MIGRATION_LOCK)))
            connection.commit()


def migrate(engine: Engine, now: datetime | None = None) -> Path | None:
    """Bring the schema to head; back up a SQLite file first. Returns the backup path."""
    with _one_migrator(engine):
        if not pending_migrations(engine):
            return None
        # A brand-new database has nothing to lose; an existing schema is copied first.
        existing = bool(inspect(engine).get_table_names())
        backup = backup_sqlite(engine, now or datetime.now()) if existing else None
        command.upgrade(alembic_config(engine), "head")
        return backup


def open_database(url: str, now: datetime | None = None) -> Engine:
    engine = create(url)
    migrate(engine, now)
    return engine
