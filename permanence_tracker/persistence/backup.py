"""Backups of a SQLite tracker, and restoring one: the mechanics, not the policy.

:class:`SqliteBackups` copies the open tracker with SQLite's online backup API
(``Connection.backup`` on the engine's own DBAPI connection, so a copy is consistent while
the app keeps working, and a SQLCipher connection's copy goes through its own ``backup``),
checks the copy with ``PRAGMA integrity_check`` before it is given its final name, lists the
backups and removes one. :meth:`SqliteBackups.restore` puts a backup in place of the tracker.
When and how many to keep is :mod:`permanence_tracker.services.backups`'s business.

Backups are the tracker's own data: the folder is made readable by its owner only (0700) and
every file in it 0600, whatever the umask says. An encrypted tracker's backups, and the copy
restore keeps, are keyed with its passphrase (``prepare``); :meth:`SqliteBackups.copies` lists
them all so that encrypting, decrypting or re-keying the tracker does the same to each
(``persistence/cipher.py``).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from permanence_tracker.files import owner_only_folder

# <tracker name>-YYYYmmdd-HHMMSS[-n].sqlite: the time the copy was taken, local time.
_NAME = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.sqlite$")
_REPLACED = re.compile(r"-\d{8}-\d{6}-replaced\.sqlite$")  # what a restore replaced
_STAMP = "%Y%m%d-%H%M%S"
log = logging.getLogger(__name__)

Connect = Callable[..., Any]  # opens a DBAPI connection on a file (sqlite3.connect)
Prepare = Callable[[Any], None]  # readies a new connection (SQLCipher: keys it)


class BackupError(Exception):
    """A backup that could not be made, or a file that cannot be restored: the message says
    what and why."""


def private_folder(folder: Path) -> Path:
    """Make ``folder`` and keep it for its owner only (0700); parents it makes are 0700 too
    (an existing parent is left as it is). Unlike files.owner_only_folder, an existing backups
    folder is made 0700 too: it is the product's own, never a folder the user chose."""
    owner_only_folder(folder)
    os.chmod(folder, 0o700)
    return folder


def _private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (an empty file is an empty SQLite database), so no
    other user ever sees it, even for a moment."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def users_listed(engine: Engine) -> bool | None:
    """Whether the tracker ``engine`` opens has a users table (a tracker from before users has
    none); None when it cannot be read at all (damaged, not a SQLite database). A wrong
    passphrase is raised (WrongPassphrase), not taken for damage."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.connect() as connection:
            return inspect(connection).has_table("users")
    except SQLAlchemyError:
        return None


def keyed_driver(passphrase: str) -> tuple[Connect, Prepare]:
    """(connect, prepare) for the files of an encrypted tracker that is not open (restore,
    re-keying): SQLCipher's driver, each connection keyed with ``passphrase``."""
    from permanence_tracker.persistence.engine import _key, sqlcipher

    def prepare(connection: Any) -> None:
        _key(connection, passphrase, "the backup")

    return sqlcipher().connect, prepare


def _plain(path: Path) -> bool:
    from permanence_tracker.persistence.engine import SQLITE_HEADER

    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def problem_with(path: Path, connect: Connect = sqlite3.connect,
                 prepare: Prepare | None = None) -> str | None:
    """Why ``path`` is not a sound tracker (a sentence), or None when it is one: a SQLite
    database that passes ``PRAGMA integrity_check`` and holds the tracker's schema. With
    ``prepare`` (an encrypted tracker's key) the file is read keyed."""
    from permanence_tracker.persistence.engine import WrongPassphrase

    if not path.is_file():
        return "there is no such file"
    errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
    if prepare is not None:
        from permanence_tracker.persistence.engine import sqlcipher

        errors += (sqlcipher().DatabaseError,)
    try:
        with closing(_uri_connect(connect)(f"{path.resolve().as_uri()}?mode=ro")) as connection:
            if prepare is not None:
                prepare(connection)
            result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            tracker = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                         "AND name = 'alembic_version'").fetchone()
    except WrongPassphrase:
        return ("the tracker's passphrase does not open it (it is keyed with another, or it "
                "is not a tracker)")
    except errors as exc:
        why = f"it is not a SQLite database ({exc})"
        if prepare is None and not _plain(path):
            why += "; an encrypted backup is restored only into an encrypted tracker"
        return why
    if result != ["ok"]:
        return "it fails SQLite's integrity check: " + "; ".join(map(str, result[:3]))
    return None if tracker else "it is a SQLite database but not a tracker"


def _uri_connect(connect: Connect) -> Connect:
    """``connect`` taking a file: URI (sqlite3 and sqlcipher3 want uri=True for those)."""
    return lambda uri: connect(uri, uri=True)


def copy_database(source: Any, target: Path, connect: Connect = sqlite3.connect,
                  prepare: Callable[[Any], None] | None = None) -> None:
    """Copy the open DBAPI connection ``source`` into the new file ``target`` (0600) with the
    online backup API. ``prepare`` runs on the target connection first: a SQLCipher copy is
    keyed there. On failure the partial file is removed."""
    _private_file(target)
    try:
        with closing(connect(str(target))) as copy:
            if prepare is not None:
                prepare(copy)
            source.backup(copy)
            # One self-contained file: the copy would otherwise be in WAL mode like its source,
            # and reading it would leave -wal and -shm files beside it.
            copy.execute("PRAGMA journal_mode=DELETE").fetchone()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


class SqliteBackups:
    """The backups of one SQLite tracker file, kept in ``folder``.

    ``engine`` is the open tracker's (None when it is not open: listing and restoring need
    none); ``connect`` opens a file as the engine's driver does (sqlite3, or sqlcipher3 with
    ``prepare`` keying a new copy).
    """

    def __init__(self, database: Path, folder: Path, engine: Engine | None = None,
                 connect: Connect = sqlite3.connect,
                 prepare: Prepare | None = None) -> None:
        self.database = database
        self.folder = folder
        self.engine = engine
        self.connect = connect
        self.prepare = prepare

    def backups(self) -> tuple[tuple[Path, datetime], ...]:
        """Every backup of this tracker in the folder, with when it was taken, newest first."""
        if not self.folder.is_dir():
            return ()
        found = []
        for path in self.folder.glob(f"{self.database.stem}-*.sqlite"):
            matched = _NAME.search(path.name)
            if matched and path.name[:matched.start()] == self.database.stem:
                found.append((path, datetime.strptime(matched.group(1), _STAMP)))
        return tuple(sorted(found, key=lambda item: (item[1], item[0].name), reverse=True))

    def copies(self) -> tuple[Path, ...]:
        """Every copy of this tracker in the folder: the backups and what restores replaced
        (``-replaced``), which encrypting, decrypting or re-keying the tracker treats alike."""
        if not self.folder.is_dir():
            return ()
        replaced = []
        for path in self.folder.glob(f"{self.database.stem}-*-replaced.sqlite"):
            matched = _REPLACED.search(path.name)
            if matched and path.name[:matched.start()] == self.database.stem:
                replaced.append(path)
        return tuple(path for path, _ in self.backups()) + tuple(sorted(replaced))

    def leftovers(self) -> tuple[Path, ...]:
        """Copies a killed backup left half-written (``.partial``): never a backup, but
        the records in them may be readable."""
        if not self.folder.is_dir():
            return ()
        return tuple(sorted(self.folder.glob(f"{self.database.stem}-*.sqlite.partial")))

    def _open(self, path: Path, **options: Any) -> Any:
        """A connection on ``path`` through this tracker's driver, keyed when encrypted."""
        connection = self.connect(str(path), **options)
        try:
            if self.prepare is not None:
                self.prepare(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _new_name(self, now: datetime) -> Path:
        base = f"{self.database.stem}-{now:{_STAMP}}"
        target, number = self.folder / f"{base}.sqlite", 1
        while target.exists():  # two backups in one second: both kept
            number += 1
            target = self.folder / f"{base}-{number}.sqlite"
        return target

    def make(self, now: datetime, out: Path | None = None) -> Path:
        """Copy the open tracker into the folder (or to the new file ``out``), check the copy,
        and return its path.

        The copy is written under a ``.partial`` name and renamed only once it has passed
        ``PRAGMA integrity_check``: a backup that was interrupted or is damaged never looks
        like one. Raises BackupError saying why when there is no sound copy.
        """
        if self.engine is None:
            raise BackupError("the tracker is not open, so it cannot be backed up")
        if out is not None and out.exists():
            raise BackupError(f"{out} already exists: give a new file's name")
        if out is not None and not out.parent.is_dir():
            raise BackupError(f"there is no folder {out.parent}: make it, or give another")
        target = out if out is not None else self._new_name(now)
        if out is None:
            private_folder(self.folder)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)  # left by a backup that was killed
        raw = self.engine.raw_connection()
        try:
            copy_database(raw.driver_connection, partial, self.connect, self.prepare)
        except Exception as exc:
            raise BackupError(f"the backup of {self.database} failed: {exc}") from exc
        finally:
            raw.close()
        problem = problem_with(partial, self.connect, self.prepare)
        if problem:
            partial.unlink(missing_ok=True)
            raise BackupError(f"the backup of {self.database} was not kept: {problem}")
        os.replace(partial, target)
        log.info("backed up the tracker %s to %s", self.database, target)
        return target

    def remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        log.info("removed the backup %s (older than the retention setting keeps)", path)

    def in_use(self) -> bool:
        """Whether another connection has the tracker open. The app keeps its tracker open
        while its window is open, and in WAL mode every open connection holds a shared lock:
        leaving WAL mode needs the file to itself, so failing to is the sign."""
        if not self.database.exists():
            return False
        busy: tuple[type[BaseException], ...] = (sqlite3.OperationalError,)
        other: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
        if self.prepare is not None:
            from permanence_tracker.persistence.engine import WrongPassphrase, sqlcipher

            busy += (sqlcipher().OperationalError,)
            other += (sqlcipher().DatabaseError, WrongPassphrase)
        try:
            with closing(self._open(self.database, timeout=0)) as connection:
                connection.execute("PRAGMA journal_mode=DELETE").fetchone()
        except busy:
            return True
        except other:  # damaged (or another key): whether it is open is unknown
            return False
        return False

    def restore(self, source: Path, now: datetime) -> Path | None:
        """Put the backup ``source`` in place of the tracker; return where the copy of what it
        replaced went (None when there was no tracker file).

        Refuses (BackupError) a file that is not a sound tracker, and a tracker another
        program has open. What is replaced is first copied into the backups folder
        (``<name>-<time>-replaced.sqlite``, 0600); the backup is copied beside the tracker
        and checked, then renamed over it (one atomic step on the same file system): at every
        moment the tracker is either the old file or the restored one.
        """
        if self.prepare is not None and source.is_file() and _plain(source):
            raise BackupError(f"{source} cannot be restored: it is not encrypted and the "
                              "tracker is; restoring it would leave the records readable by "
                              "anyone who has the file")
        problem = problem_with(source, self.connect, self.prepare)
        if problem:
            raise BackupError(f"{source} cannot be restored: {problem}")
        if self.in_use():
            raise BackupError(f"{self.database} is open in another program (the app, or a "
                              "command still running): close it, then restore")
        kept = None
        if self.database.exists():
            private_folder(self.folder)
            kept = self.folder / f"{self.database.stem}-{now:{_STAMP}}-replaced.sqlite"
            kept.unlink(missing_ok=True)
            with closing(self._open(self.database)) as current:
                # a file copy would miss what is still in the -wal file; the backup API won't
                copy_database(current, kept, self.connect, self.prepare)
        incoming = self.database.with_name(self.database.name + ".restoring")
        incoming.unlink(missing_ok=True)
        with closing(_uri_connect(self.connect)(f"{source.resolve().as_uri()}?mode=ro")) as src:
            if self.prepare is not None:
                self.prepare(src)
            copy_database(src, incoming, self.connect, self.prepare)
        problem = problem_with(incoming, self.connect, self.prepare)
        if problem:
            incoming.unlink(missing_ok=True)
            raise BackupError(f"the copy of {source} failed its check: {problem}")
        for stale in ("-wal", "-shm"):  # the old file's: applied to the new one they'd harm it
            Path(f"{self.database}{stale}").unlink(missing_ok=True)
        os.replace(incoming, self.database)
        log.info("restored the tracker %s from %s; what it replaced is kept in %s",
                 self.database, source, kept)
        return kept
