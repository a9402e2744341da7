"""Every file the product makes that holds a tracker's data is its owner's only (issue 12): a new
tracker (plain or encrypted) and SQLite's -wal, -shm and -journal files beside it, the folders
made for it (the data folder among them), the copy made before a migration, the file an
encryption or decryption swaps in, backups, restore's copy of what it replaced, exports.

Each is made through the product's own code with the common umask 0o022, which would give
0644 files and 0755 folders to anything that does not take care."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from permanence_tracker import app, files
from permanence_tracker.persistence import engine as engines
from permanence_tracker.services import backups

NOW = datetime(2026, 4, 1, 9, 30)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def common_umask(tmp_path, monkeypatch):
    monkeypatch.setenv("PERMANENCE_TRACKER_BACKUPS", str(tmp_path / "backups"))
    monkeypatch.delenv("PERMANENCE_TRACKER_DB", raising=False)
    old = os.umask(0o022)
    yield
    os.umask(old)


def _private(path: Path) -> bool:
    return path.stat().st_mode & 0o077 == 0


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _write_something(path: Path) -> sqlite3.Connection:
    """A committed write through sqlite3, leaving the -wal and -shm files of a WAL tracker."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    connection.execute("INSERT INTO scratch VALUES (1)")
    connection.commit()
    return connection


def test_a_new_tracker_its_folders_and_its_wal_and_shm_files_are_the_owners_only(tmp_path):
    database = tmp_path / "made" / "for it" / "tracker.sqlite"
    context = app.open_context(_url(database))
    try:
        with closing(_write_something(database)):  # the engine's WAL mode: -wal and -shm
            wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
            assert wal.exists() and shm.exists()
            assert [_private(p) for p in (database, wal, shm)] == [True, True, True]
    finally:
        context.dispose()
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.parent.parent.stat().st_mode) == 0o700


def test_an_existing_folder_is_left_as_it_was(tmp_path):
    os.chmod(tmp_path, 0o755)
    context = app.open_context(_url(tmp_path / "tracker.sqlite"))
    context.dispose()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_the_data_folder_is_made_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert app.data_dir().is_relative_to(tmp_path)
    context = app.open_context(None)
    context.dispose()
    assert stat.S_IMODE(app.data_dir().stat().st_mode) == 0o700
    assert _private(Path(engines.sqlite_file(app.default_url())))


def test_a_rollback_journal_takes_the_trackers_mode(tmp_path):
    database = tmp_path / "tracker.sqlite"
    app.open_context(_url(database)).dispose()
    with closing(sqlite3.connect(database, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TABLE scratch (x)")
        journal = Path(f"{database}-journal")
        assert journal.exists()
        assert _private(journal)
        connection.execute("ROLLBACK")


def test_a_new_encrypted_tracker_is_the_owners_only(tmp_path):
    database = tmp_path / "secret" / "tracker.sqlite"
    app.open_context(_url(database), passphrase=PASSPHRASE).dispose()
    assert _private(database)
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700


def test_the_copy_before_a_migration_is_the_owners_only_whatever_the_trackers_mode(tmp_path):
    database = tmp_path / "tracker.sqlite"
    app.open_context(_url(database)).dispose()
    os.chmod(database, 0o644)  # a tracker made by an older version
    engine = engines.create(_url(database))
    try:
        copy = engines.backup_sqlite(engine, NOW)  # what migrate() calls first
    finally:
        engine.dispose()
    assert copy is not None and copy.exists()
    assert _private(copy)


@pytest.mark.parametrize("start_plain", [True, False], ids=["encrypt", "decrypt"])
def test_encrypting_and_decrypting_swap_in_an_owner_only_file(tmp_path, start_plain):
    database = tmp_path / "tracker.sqlite"
    app.open_context(_url(database), passphrase=None if start_plain else PASSPHRASE).dispose()
    os.chmod(database, 0o644)  # the converted file is new: it takes none of the old mode
    if start_plain:
        app.encrypt_tracker(_url(database), PASSPHRASE)
    else:
        app.decrypt_tracker(_url(database), PASSPHRASE)
    assert app.is_encrypted(_url(database)) == start_plain
    assert _private(database)


def test_backups_restore_and_what_it_replaced_are_the_owners_only(tmp_path):
    database = tmp_path / "tracker.sqlite"
    app.open_context(_url(database)).dispose()
    context = app.open_context(_url(database), create=False)
    try:
        made = backups.back_up(context.backups, context.uow, NOW).path
    finally:
        context.dispose()
    os.chmod(database, 0o644)
    kept = app.backups_at(_url(database)).restore(made, NOW)
    assert kept is not None and kept.name.endswith("-replaced.sqlite")
    assert [_private(p) for p in (made, kept, database)] == [True, True, True]
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700


def test_an_export_is_the_owners_only(tmp_path):
    out = tmp_path / "export.csv"
    files.write_whole(out, lambda handle: handle.write(b"a,b\n"))
    assert _private(out)
