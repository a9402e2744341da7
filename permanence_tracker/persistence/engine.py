"""Building engines: SQLite pragmas (foreign keys, WAL), URL resolution, migrate-on-open, and
whether a URL holds a tracker at all (:func:`missing_tracker`, which creates nothing).

An encrypted tracker is a SQLCipher file: :func:`create` given a passphrase connects through
``sqlcipher3`` and runs ``PRAGMA key`` first on every connection, the passphrase held in memory
by a connect listener (never in the URL, so no log, setting or message can show it). Converting
a file and changing its key live in ``persistence/cipher.py``.

Only ``app.py`` (the composition root) and tests call :func:`open_database`.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, func, inspect, literal, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from permanence_tracker import paths
from permanence_tracker.domain.errors import PermissionDenied
from permanence_tracker.persistence import grants

try:
    import fcntl
except ImportError:  # Windows: None means no lock (see _one_migrator)
    fcntl = None  # type: ignore[assignment]  # mypy types the name as the module

ENV_VAR = "PERMANENCE_TRACKER_DB"
log = logging.getLogger(__name__)


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


class PassphraseError(Exception):
    """An encrypted tracker and a passphrase that do not go together; the message says which
    and what to do. Raised before anything is written: the file is left as it was."""


class WrongPassphrase(PassphraseError):
    def __init__(self, shown_as: str) -> None:
        super().__init__(f"the passphrase is not right for this tracker ({shown_as}): nothing "
                         "was changed; try again")


class PassphraseNeeded(PassphraseError):
    def __init__(self, shown_as: str) -> None:
        super().__init__(f"{shown_as} is encrypted: give its passphrase (in the app when asked; "
                         "on the command line in a terminal, or with "
                         "PERMANENCE_TRACKER_PASSPHRASE_FILE)")


class NotEncrypted(PassphraseError):
    def __init__(self, shown_as: str) -> None:
        super().__init__(f"{shown_as} is not encrypted, so it takes no passphrase: open it "
                         "without one, or encrypt it with `permanence-tracker encrypt`")


SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite file


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_encrypted(url: str) -> bool:
    """Whether ``url`` names a SQLite file that is not plain SQLite: a SQLCipher file starts
    with its random salt where a plain file has the SQLite header. (A file that is neither,
    garbage, looks encrypted too: no passphrase opens it, and the message says so.)"""
    path = sqlite_file(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) != SQLITE_HEADER


def check_passphrase(url: str, passphrase: str | None) -> None:
    """Refuse, before connecting, a passphrase for a plain file and none for an encrypted
    one (a plain SQLite connection to an encrypted file, or SQLCipher with a key on a plain
    one, would only say "file is not a database")."""
    path = sqlite_file(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    encrypted = is_encrypted(url)
    if encrypted and passphrase is None:
        raise PassphraseNeeded(str(path))
    if passphrase is not None and not encrypted:
        raise NotEncrypted(str(path))


def missing_tracker(url: str, passphrase: str | None = None) -> str | None:
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
        check_passphrase(url, passphrase)
        if passphrase is not None:
            return _missing_encrypted(path, passphrase)
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
        return f"the server says: {server_message(exc)}"
    finally:
        engine.dispose()
    return None if found else "the database has no tracker schema"


def sqlcipher():
    """The ``sqlcipher3`` module (SQLCipher bundled), imported only when an encrypted tracker
    is touched."""
    import sqlcipher3  # type: ignore[import-untyped]  # ships no types

    return sqlcipher3


def _missing_encrypted(path: Path, passphrase: str) -> str | None:
    """:func:`missing_tracker` for an encrypted file, read only with its key."""
    connection = sqlcipher().connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _key(connection, passphrase, str(path))
        found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                   "AND name = 'alembic_version'").fetchone()
    finally:
        connection.close()
    return None if found else "the file holds no tracker"


def _quoted(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _key(dbapi_connection, passphrase: str, shown_as: str) -> None:
    """Key a fresh SQLCipher connection and prove the key by reading the schema: SQLCipher
    only decrypts (and so only finds a wrong key) at the first read."""
    cursor = dbapi_connection.cursor()
    try:
        # SQLCipher writes its own errors (a failed HMAC: the wrong key) to stderr: ours say it
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {_quoted(passphrase)}")
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:  # sqlcipher3.DatabaseError: "file is not a database"
        if "not a database" in str(exc):
            raise WrongPassphrase(shown_as) from None  # no traceback holding the key
        raise
    finally:
        cursor.close()


class _Key:
    """The passphrase of an engine's connections, in memory only; its repr never shows it."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<passphrase hidden>"


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


def server_message(exc: BaseException) -> str:
    """The server's message on one line, without SQLAlchemy's trailer ("Background on ...")."""
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(line.strip() for line in text.splitlines() if line.strip()) or repr(exc)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create(url: str, passphrase: str | None = None) -> Engine:
    """The engine for ``url``; with ``passphrase``, a SQLCipher one (SQLite files only)."""
    parsed = make_url(url)
    if passphrase is not None:
        return _create_encrypted(url, passphrase)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            private_new_file(Path(parsed.database))
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def private_new_file(path: Path) -> None:
    """Make a new tracker file ``path`` empty and readable by its owner only (0600), with any
    missing folder above it 0700, before SQLite opens it: SQLite would create it with the
    umask's mode (often 0644), and gives its ``-wal``, ``-shm`` and ``-journal`` files the
    main file's mode. An existing file, and existing folders, are left as they are."""
    if path.name.startswith("file:") or path.exists():
        return
    missing = [folder for folder in path.absolute().parents if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    with suppress(FileExistsError):  # made meanwhile by another process opening it: theirs
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _create_encrypted(url: str, passphrase: str) -> Engine:
    """A SQLite engine whose driver is ``sqlcipher3`` and whose every new connection is keyed
    (and the key proved) before anything else reads it, SQLAlchemy's own first look included
    (``insert=True``). The URL stays ``sqlite:///...``: it holds no key, so it may be shown."""
    path = sqlite_file(url)
    if path is None:
        raise ValueError("only a SQLite file can be encrypted (a server database is protected "
                         "by the server: see docs/security.md)")
    check_passphrase(url, passphrase)
    private_new_file(path)
    key = _Key(passphrase)
    engine = create_engine(make_url(url), module=sqlcipher())

    def keyed(dbapi_connection, _record) -> None:
        _key(dbapi_connection, key.value, str(path))

    event.listen(engine, "connect", keyed, insert=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    _KEYS[engine] = key
    return engine


# Each encrypted engine's key holder, so changing the passphrase (persistence/cipher.py) keys
# the connections made afterwards with the new one; weak, so a disposed engine takes it along.
_KEYS: weakref.WeakKeyDictionary[Engine, _Key] = weakref.WeakKeyDictionary()


def set_key(engine: Engine, passphrase: str) -> None:
    """Key the connections ``engine`` makes from now on with ``passphrase``."""
    _KEYS[engine].value = passphrase


def encrypted(engine: Engine) -> bool:
    return engine in _KEYS


def copy_driver(engine: Engine) -> tuple[Any, Any] | None:
    """(connect, prepare) for a backup copy of an encrypted tracker: SQLCipher's own driver,
    and the copy keyed with the tracker's passphrase before anything is written to it, so a
    backup is as safe as the tracker. None for a plain tracker (sqlite3 and no key)."""
    key = _KEYS.get(engine)
    if key is None:
        return None
    def prepare(connection: Any) -> None:
        _key(connection, key.value, "the backup copy")

    return sqlcipher().connect, prepare


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["engine"] = engine
    return config


def current_revisions(engine: Engine) -> set[str]:
    """The schema's version. On a server a login the tracker's users list does not name holds
    no grant (grants.py), not even on the version table: PermissionDenied says what to do,
    rather than "permission denied for table alembic_version"."""
    try:
        with engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise PermissionDenied(
                f"the database login {engine.url.username or ''} may not read this tracker: "
                "ask an administrator to add you as a user (File > Users..., or "
                "permanence-tracker users add)") from None
        raise


_INSUFFICIENT_PRIVILEGE = "42501"


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
    target.unlink(missing_ok=True)  # a copy left by a migration that failed in this second
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # owner only
    shutil.copyfile(source, target)  # into the 0600 file; copy2 would copy the source's mode
    shutil.copystat(source, target)  # times, as copy2 did ...
    os.chmod(target, 0o600)  # ... but never the source's mode
    log.info("copied the tracker before migrating it: %s", target)
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
        with engine.connect() as connection:  # on a server only the tables' owner migrates
            grants.check_may_migrate(connection)
        backup = backup_sqlite(engine, now or datetime.now()) if existing else None
        before = sorted(current_revisions(engine)) if existing else []
        command.upgrade(alembic_config(engine), "head")
        log.info("migrated %s from %s to %s", shown(engine.url.render_as_string()),
                 ", ".join(before) or "an empty database", ", ".join(
                     sorted(current_revisions(engine))))
        return backup


def open_database(url: str, now: datetime | None = None,
                  passphrase: str | None = None) -> Engine:
    engine = create(url, passphrase)
    migrate(engine, now)
    return engine
