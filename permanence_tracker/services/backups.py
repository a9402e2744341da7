"""Backing up a SQLite tracker, when and how many to keep: the policy over a
:class:`BackupStore` (``persistence/backup.py`` makes the copies; ``app.py`` wires one to the
tracker it opens).

- :func:`back_up` makes a verified copy, then prunes the backups older than the setting
  ``backup_keep_days`` (never the copy just made, so a tracker always has one sound backup);
- :func:`back_up_if_due` does so when the newest backup is older than a day (the CLI at each
  command, the app once a day while it runs);
- :func:`restore` puts a backup in place of the tracker, keeping a copy of what it replaces;
- :func:`change_encryption` encrypts, decrypts or re-keys the tracker and its backups.

Restoring and encryption are an administrator's (``domain.roles``: ``restore``,
``encryption``); backing up is everyone's. Neither of the first two opens a unit of work (the
tracker may be too damaged to open, or be converted): ``uow_factory`` says only who acts.

A PostgreSQL tracker has no store: the server's own backup (pg_dump, base backups with
point-in-time recovery) is the way, and the app does not pretend otherwise
(:class:`NoBackupsError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from permanence_tracker.services.authorization import requires
from permanence_tracker.services.unit_of_work import UowFactory

DAILY = timedelta(days=1)
T = TypeVar("T")


class BackupStore(Protocol):
    """Where one tracker's backups are made and kept (``persistence.backup.SqliteBackups``)."""

    folder: Path

    def backups(self) -> tuple[tuple[Path, datetime], ...]:
        """Every backup with when it was taken, newest first."""
        ...

    def make(self, now: datetime, out: Path | None = None) -> Path:
        """A checked copy of the open tracker (in the folder, or the new file ``out``); raises
        an error saying why there is none."""
        ...

    def remove(self, path: Path) -> None: ...

    def restore(self, source: Path, now: datetime) -> Path | None:
        """Put ``source`` in place of the tracker; where the replaced one was kept."""
        ...


class NoBackupsError(Exception):
    """The tracker is on a server: the app makes no backups of it; the message says what
    does."""

    def __init__(self, shown: str) -> None:
        super().__init__(
            f"{shown} is a PostgreSQL database: the app does not back it up or restore it. "
            "Use the server's own backup: pg_dump (and pg_restore) for a copy, or "
            "pg_basebackup with WAL archiving for point-in-time recovery (see the README, "
            "'Backups')")


@dataclass(frozen=True)
class BackupDone:
    path: Path  # the new backup, checked with PRAGMA integrity_check
    pruned: tuple[Path, ...]  # older backups removed by the retention setting
    folder: Path


@dataclass(frozen=True)
class Restored:
    source: Path
    kept: Path | None  # the copy of what was replaced; None when there was no tracker file


def last_backup(store: BackupStore) -> datetime | None:
    """When the newest backup was taken, or None when there is none."""
    found = store.backups()
    return found[0][1] if found else None


def is_due(store: BackupStore, now: datetime, every: timedelta = DAILY) -> bool:
    last = last_backup(store)
    return last is None or now - last >= every


@requires("backup")
def back_up(store: BackupStore, uow_factory: UowFactory, now: datetime) -> BackupDone:
    """Make a backup, checked before anything is pruned, then remove those taken more than
    ``backup_keep_days`` days before ``now`` (``now`` is local time, as the names are)."""
    with uow_factory() as uow:
        keep_days = uow.settings().backup_keep_days
    made = store.make(now)  # raises when the copy is not sound: nothing is pruned then
    cutoff = now - timedelta(days=keep_days)
    pruned = []
    for path, taken in store.backups():
        if path != made and taken < cutoff:
            store.remove(path)
            pruned.append(path)
    return BackupDone(made, tuple(pruned), store.folder)


@requires("backup")
def back_up_to(store: BackupStore, uow_factory: UowFactory, out: Path, now: datetime) -> Path:
    """A checked copy of the tracker in the new file ``out`` (0600); nothing is pruned."""
    return store.make(now, out)


@requires("backup")
def back_up_if_due(store: BackupStore, uow_factory: UowFactory, now: datetime,
                   every: timedelta = DAILY) -> BackupDone | None:
    """:func:`back_up` when the newest backup is ``every`` old or there is none."""
    return back_up(store, uow_factory, now) if is_due(store, now, every) else None


@requires("restore")
def restore(store: BackupStore, uow_factory: UowFactory, source: Path,
            now: datetime) -> Restored:
    """Put the backup ``source`` in place of the tracker (refused, changing nothing, when it
    is not a sound tracker or the tracker is open elsewhere). ``uow_factory`` says who acts
    (an administrator); no unit of work is opened."""
    return Restored(source, store.restore(source, now))


@requires("encryption")
def change_encryption(uow_factory: UowFactory, change: Callable[[], T]) -> T:
    """Run ``change`` - encrypting, decrypting or re-keying the tracker file and its backups,
    which ``app.py`` builds over ``persistence/cipher.py`` - for an administrator only.
    ``uow_factory`` says who acts; no unit of work is opened (the file is being converted)."""
    return change()
