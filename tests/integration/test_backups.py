"""Backups of a SQLite tracker (issue 12, "Nothing lost"): the online backup API, checked copies,
owner-only files, retention by ``backup_keep_days``, the backup at open, ``backup`` and
``restore`` on the command line, and PostgreSQL refused with a pointer to the server's backup."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from permanence_tracker.app import open_context
from permanence_tracker.cli.entry import main
from permanence_tracker.domain.entities import Iro
from permanence_tracker.persistence.backup import BackupError, SqliteBackups
from permanence_tracker.services import backups
from permanence_tracker.services.records.iros import add_iro
from permanence_tracker.services.settings import set_setting

NOW = datetime(2026, 4, 1, 9, 30)


@pytest.fixture(autouse=True)
def backups_root(tmp_path, monkeypatch):
    root = tmp_path / "backups"
    monkeypatch.setenv("PERMANENCE_TRACKER_BACKUPS", str(root))
    monkeypatch.delenv("PERMANENCE_TRACKER_DB", raising=False)
    return root


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.sqlite'}"
    assert main(["--db", url, "init"]) == 0
    return url


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _iros(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM iro ORDER BY name")]


def test_a_backup_is_a_checked_owner_only_copy_made_while_the_tracker_is_open(url):
    context = open_context(url, create=False)
    try:
        add_iro(context.uow, Iro("Test Iro One", 1.0))
        done = backups.back_up(context.backups, context.uow, NOW)
        add_iro(context.uow, Iro("Test Iro Two", 1.0))  # after the copy: not in it
    finally:
        context.dispose()
    assert done.path.name == "tracker-20260401-093000.sqlite"
    assert _iros(done.path) == ["Test Iro One"]
    assert _mode(done.path) == 0o600 and _mode(done.folder) == 0o700
    assert _mode(done.folder.parent) == 0o700  # the backups root made for it
    names = [p.name for p in done.folder.iterdir()]  # this one and the one made at open
    assert done.path.name in names and all(n.endswith(".sqlite") for n in names)  # no -wal
    with closing(sqlite3.connect(done.path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_old_backups_are_pruned_by_the_setting_after_the_new_one_is_checked(url):
    context = open_context(url, create=False)
    try:
        set_setting(context.uow, "backup_keep_days", "10")
        store = context.backups
        old = backups.back_up(store, context.uow, NOW - timedelta(days=11)).path
        recent = backups.back_up(store, context.uow, NOW - timedelta(days=9)).path
        done = backups.back_up(store, context.uow, NOW)
        assert done.pruned == (old,) and not old.exists() and recent.exists()
        # a copy that fails its check prunes nothing
        failing = _FailingStore(store)
        with pytest.raises(BackupError):
            backups.back_up(failing, context.uow, NOW + timedelta(days=30))
        assert recent.exists() and done.path.exists()
    finally:
        context.dispose()


class _FailingStore:
    def __init__(self, store):
        self.store, self.folder = store, store.folder

    def backups(self):
        return self.store.backups()

    def make(self, now, out=None):
        raise BackupError("the copy failed its integrity check")

    def remove(self, path):
        self.store.remove(path)


def test_opening_backs_up_when_the_last_backup_is_a_day_old(url):
    first = open_context(url, create=False)
    first.dispose()
    assert first.backed_up is not None  # init made no backup, so one was due
    again = open_context(url, create=False)
    again.dispose()
    assert again.backed_up is None  # the last is minutes old
    store = again.backups
    assert backups.is_due(store, datetime.now() + timedelta(days=1, minutes=1))


def test_backup_and_restore_commands(url, tmp_path, capsys):
    database = Path(url.removeprefix("sqlite:///"))
    out = tmp_path / "copy.sqlite"
    assert main(["--db", url, "backup", "--out", str(out)]) == 0
    assert _mode(out) == 0o600 and _iros(out) == []
    assert main(["--db", url, "backup", "--out", str(out)]) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err
    assert main(["--db", url, "iro", "add", "Test Iro Later"]) == 0
    assert _iros(database) == ["Test Iro Later"]
    capsys.readouterr()
    assert main(["--db", url, "restore", str(out)]) == 0
    said = capsys.readouterr().out
    kept = Path(said.split("kept as ")[1].strip().rstrip("."))
    assert _iros(database) == [] and _iros(kept) == ["Test Iro Later"]
    assert _mode(kept) == 0o600
    assert main(["--db", url, "iro", "list"]) == 0  # the restored tracker opens


@pytest.mark.parametrize(("content", "why"), [
    (b"not a database at all" * 100, "not a SQLite database"),
    (None, "not a tracker"),
])
def test_restore_refuses_what_is_not_a_sound_tracker(url, tmp_path, capsys, content, why):
    database = Path(url.removeprefix("sqlite:///"))
    bad = tmp_path / "bad.sqlite"
    if content is None:
        with closing(sqlite3.connect(bad)) as connection:
            connection.execute("CREATE TABLE other (x)")
    else:
        bad.write_bytes(content)
    before = database.read_bytes()
    assert main(["--db", url, "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert why in err and "Nothing was changed" in err
    assert database.read_bytes() == before


def test_restore_refuses_while_the_tracker_is_open(url, tmp_path, capsys):
    database = Path(url.removeprefix("sqlite:///"))
    out = tmp_path / "copy.sqlite"
    assert main(["--db", url, "backup", "--out", str(out)]) == 0
    context = open_context(url, create=False)  # the app, say
    try:
        add_iro(context.uow, Iro("Test Iro Open", 1.0))
        assert main(["--db", url, "restore", str(out)]) == 1
        assert "open in another program" in capsys.readouterr().err
    finally:
        context.dispose()
    assert _iros(database) == ["Test Iro Open"]


def test_a_server_database_is_left_to_the_server(capsys):
    url = "postgresql://nobody@localhost:1/none"
    assert main(["--db", url, "restore", "x.sqlite"]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert SqliteBackups  # the store exists only for SQLite: app.backups_at gives None here
    from permanence_tracker.app import backups_at

    assert backups_at(url) is None


def test_two_trackers_of_one_name_keep_separate_backups(tmp_path):
    from permanence_tracker.app import backups_folder

    one, two = tmp_path / "a" / "tracker.sqlite", tmp_path / "b" / "tracker.sqlite"
    assert backups_folder(one) != backups_folder(two)
    assert backups_folder(one).name.startswith("tracker-")
    assert os.environ["PERMANENCE_TRACKER_BACKUPS"] == str(backups_folder(one).parent)


def test_the_apps_restore_of_an_encrypted_tracker_even_after_a_passphrase_change(tmp_path):
    """File ▸ Restore from backup… goes through the open context's store, keyed with the
    tracker's passphrase (R12 defect 4); a backup made before File ▸ Change passphrase… was
    re-keyed with it, so it still restores."""
    from permanence_tracker import app
    from permanence_tracker.persistence.engine import SQLITE_HEADER

    url = f"sqlite:///{tmp_path / 'secret.sqlite'}"
    context = app.open_context(url, passphrase="first passphrase")
    try:
        add_iro(context.uow, Iro("Test Iro One", 1.0))
        made = backups.back_up(context.backups, context.uow, NOW).path
        add_iro(context.uow, Iro("Test Iro Two", 1.0))
        app.change_passphrase(url, "first passphrase", "second passphrase", context)
        context.dispose()  # as the app does before restoring
        done = backups.restore(context.backups, context.uow, made, NOW + timedelta(hours=1))
    finally:
        context.dispose()
    assert done.kept is not None and done.kept.read_bytes()[:16] != SQLITE_HEADER
    again = app.open_context(url, create=False, passphrase="second passphrase")
    try:
        from permanence_tracker.services.records.iros import iro_list

        assert [row.name for row in iro_list(again.uow)] == ["Test Iro One"]
    finally:
        again.dispose()
