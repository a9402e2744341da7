"""Encrypting, decrypting and re-keying a SQLite tracker file (SQLCipher), each safely.

A conversion writes a new file next to the tracker (``sqlcipher_export``), proves it (``PRAGMA
integrity_check`` and the same row count in every table as the original), and only then puts it
in the tracker's place with one atomic rename: until that moment the original is untouched, and
after it the original's bytes are gone (the plain copy is not kept: a plain copy left on disk is
what encrypting is meant to remove). A failure at any step removes the new file and leaves the
tracker as it was. No other program may have the tracker open meanwhile (close the app first).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from permanence_tracker.persistence.engine import (
    NotEncrypted,
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


def _convert(path: Path, old: str | None, new: str | None) -> dict[str, int]:
    """Copy ``path`` (keyed with ``old``) to a new file keyed with ``new`` ('' for plain),
    verify it, swap it in; returns the row counts verified."""
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
            converted.execute("PRAGMA journal_mode=WAL")
        for suffix in ("-wal", "-shm"):  # the original's, empty after the checkpoint
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(target, path)  # atomic: the tracker is the old file or the new, never half
        log.info("%s the tracker %s (%d tables, row counts verified)",
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
