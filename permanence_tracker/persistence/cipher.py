"""Encrypting, decrypting and re-keying a SQLite tracker file (SQLCipher), each safely.

A conversion writes a new file next to the tracker (``sqlcipher_export``), proves it (``PRAGMA
integrity_check`` and the same row count in every table as the original), and only then puts it
in the tracker's place with one atomic rename: until that moment the original is untouched, and
after it the original's bytes are gone (the plain copy is not kept: a plain copy left on disk is
what encrypting is meant to remove). A failure at any step removes the new file and leaves the
tracker as it was. No other program may have the tracker open meanwhile (close the app first).

The tracker's copies in its backups folder (backups, and what restores replaced) follow it
(:func:`key_copies`): each converted or re-keyed the same verified way, so encrypting leaves no
plain copy of the records behind and a backup keeps opening with the tracker's passphrase.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from permanence_tracker.persistence.engine import (
    NotEncrypted,
    WrongPassphrase,
    _key,
    _quoted,
    is_encrypted,
    sqlcipher,
)

log = logging.getLogger(__name__)


class ConversionFailed(Exception):
    """The new file did not prove identical to the tracker; the tracker is left as it was."""


@contextmanager
def _connection(path: Path, passphrase: str | None) -> Iterator:
    connection = sqlcipher().connect(str(path), isolation_level=None)
    try:
        if passphrase is not None:
            _key(connection, passphrase, str(path))
        yield connection
    finally:
        connection.close()


def _counts(connection) -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def _new_file(path: Path) -> Path:
    """An empty file next to ``path``, readable by its owner only, for the converted copy."""
    target = path.with_name(f"{path.name}.converting")
    for suffix in ("", "-wal", "-shm", "-journal"):  # left by a conversion that was killed
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return target


def _convert(path: Path, old: str | None, new: str | None, wal: bool = True) -> dict[str, int]:
    """Copy ``path`` (keyed with ``old``) to a new file keyed with ``new`` ('' for plain),
    verify it, swap it in; returns the row counts verified. ``wal=False`` for a backup, which
    stays one self-contained file."""
    target = _new_file(path)
    try:
        with _connection(path, old) as source:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every committed change in
            before = _counts(source)
            source.execute(f"ATTACH DATABASE ? AS converted KEY {_quoted(new or '')}",
                           (str(target),))
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
        with _connection(target, new) as converted:
            check = converted.execute("PRAGMA integrity_check").fetchall()
            after = _counts(converted)
            if check != [("ok",)] or after != before:
                raise ConversionFailed(
                    f"the converted copy of {path} did not match it (integrity: "
                    f"{check[0][0]}; tables {len(after)} of {len(before)}): the tracker is "
                    "unchanged")
            converted.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
        for suffix in ("-wal", "-shm"):  # the original's, empty after the checkpoint
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(target, path)  # atomic: the tracker is the old file or the new, never half
        log.info("%s %s (%d tables, row counts verified)",
                 "encrypted" if new else "decrypted", path, len(before))
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    return before


def encrypt_file(path: Path, passphrase: str) -> dict[str, int]:
    """Encrypt the plain tracker at ``path`` in place; returns the row counts verified."""
    if is_encrypted(f"sqlite:///{path}"):
        raise ValueError(f"{path} is already encrypted (change its passphrase with "
                         "`permanence-tracker passphrase change`)")
    if not passphrase:
        raise ValueError("the passphrase is empty")
    return _convert(path, None, passphrase)


def decrypt_file(path: Path, passphrase: str) -> dict[str, int]:
    """Decrypt the tracker at ``path`` in place (for an administrator: the file is then
    readable by anyone who has it); returns the row counts verified."""
    if not is_encrypted(f"sqlite:///{path}"):
        raise NotEncrypted(str(path))
    return _convert(path, passphrase, None)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-key the encrypted tracker at ``path`` (``PRAGMA rekey``: every page rewritten in one
    transaction, so a crash leaves the old key or the new one working)."""
    if not is_encrypted(f"sqlite:///{path}"):
        raise NotEncrypted(str(path))
    if not new:
        raise ValueError("the new passphrase is empty")
    with _connection(path, old) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(f"PRAGMA rekey = {_quoted(new)}")
    with _connection(path, new) as connection:  # proves the new key opens it
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    log.info("changed the passphrase of the tracker %s", path)


@dataclass(frozen=True)
class CopiesKeyed:
    """What :func:`key_copies` did: the copies converted or re-keyed, those that could not be
    (with why: damaged, keyed with another passphrase), and half-written ones removed."""

    done: tuple[Path, ...] = ()
    failed: tuple[tuple[Path, str], ...] = ()
    removed: tuple[Path, ...] = ()


def key_copies(copies: tuple[Path, ...], old: str | None, new: str | None,
               leftovers: tuple[Path, ...] = ()) -> CopiesKeyed:
    """Make each of a tracker's ``copies`` keyed as the tracker now is: with ``new`` (None:
    plain), from ``old`` (None: plain). A plain copy is encrypted with ``new``, an encrypted
    one decrypted (``new`` None) or re-keyed, each by :func:`_convert` or ``PRAGMA rekey``,
    verified; a copy already as wanted is left. ``leftovers`` (half-written backups) are
    removed when ``new`` is set: they may hold the records in plain text. A copy that fails
    is named in the result, never a reason to undo the tracker's own change."""
    done, failed = [], []
    for path in copies:
        try:
            encrypted = is_encrypted(f"sqlite:///{path}")
            if new is None and encrypted:
                _convert(path, old, None, wal=False)
            elif new is not None and not encrypted:
                _convert(path, None, new, wal=False)
            elif new is not None and old is not None and old != new:
                change_passphrase(path, old, new)
            else:
                continue
            done.append(path)
        except WrongPassphrase:
            failed.append((path, "it is keyed with another passphrase"))
        except Exception as exc:  # noqa: BLE001 - a damaged copy: say so, carry on
            failed.append((path, str(exc) or type(exc).__name__))
    removed = []
    if new is not None:
        for path in leftovers:
            path.unlink(missing_ok=True)
            removed.append(path)
    return CopiesKeyed(tuple(done), tuple(failed), tuple(removed))
