"""Issue 12, encryption on the laptop: SQLCipher trackers on the command line and through
the composition root. A passphrase comes from a file (owner-only) or a prompt, never an
argument; a wrong one is refused with a clear message and changes nothing; ``encrypt`` and
``decrypt`` convert in place through a verified new file; ``passphrase change`` re-keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from permanence_tracker import app, cli
from permanence_tracker.persistence import cipher
from permanence_tracker.persistence.engine import SQLITE_HEADER

SECRET = "correct horse battery"


def _secret_file(folder: Path, text: str, mode: int = 0o600) -> Path:
    path = folder / f"phrase-{abs(hash(text))}"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.fixture
def keyed(tmp_path, monkeypatch):
    """Set PERMANENCE_TRACKER_PASSPHRASE_FILE (and the new one) to files holding ``text``."""
    monkeypatch.delenv("PERMANENCE_TRACKER_DB", raising=False)

    def use(text: str | None, new: str | None = None) -> None:
        for variable, value in (("PERMANENCE_TRACKER_PASSPHRASE_FILE", text),
                                ("PERMANENCE_TRACKER_NEW_PASSPHRASE_FILE", new)):
            if value is None:
                monkeypatch.delenv(variable, raising=False)
            else:
                monkeypatch.setenv(variable, str(_secret_file(tmp_path, value)))
    return use


def _header(path: Path) -> bytes:
    return path.read_bytes()[:16]


def _tracker_with_child(tmp_path, capsys) -> tuple[Path, str]:
    path = tmp_path / "t" / "tracker.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    assert cli.main(["--db", url, "child", "add", "E1", "--dob", "2015-01-01"]) == 0
    capsys.readouterr()
    return path, url


def test_init_with_a_passphrase_makes_an_encrypted_tracker_and_a_wrong_one_changes_nothing(
        tmp_path, keyed, capsys):
    keyed(SECRET)
    path = tmp_path / "enc.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    assert _header(path) != SQLITE_HEADER and app.is_encrypted(url)
    assert cli.main(["--db", url, "child", "add", "E1", "--dob", "2015-01-01"]) == 0
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):  # unreadable without
        sqlite3.connect(path).execute("SELECT * FROM child").fetchall()
    capsys.readouterr()
    before = path.read_bytes()
    keyed("not the passphrase")
    assert cli.main(["--db", url, "child", "add", "E2", "--dob", "2015-01-01"]) == 2
    err = capsys.readouterr().err
    assert "the passphrase is not right for this tracker" in err and "nothing was changed" in err
    assert "not the passphrase" not in err and path.read_bytes() == before
    keyed(None)  # no file, no terminal: told how to give one
    assert cli.main(["--db", url, "summary"]) == 2
    assert "needs a passphrase: set PERMANENCE_TRACKER_PASSPHRASE_FILE" in capsys.readouterr().err
    keyed(SECRET)
    assert cli.main(["--db", url, "summary", "--as-of", "2026-03-31"]) == 0
    out = capsys.readouterr().out
    assert "Summary as of 2026-03-31" in out and SECRET not in out


def test_a_passphrase_file_others_may_read_is_refused(tmp_path, monkeypatch, capsys):
    loose = _secret_file(tmp_path, SECRET, 0o644)
    monkeypatch.setenv("PERMANENCE_TRACKER_PASSPHRASE_FILE", str(loose))
    path = tmp_path / "x.sqlite"
    assert cli.main(["--db", f"sqlite:///{path}", "init"]) == 2
    err = capsys.readouterr().err
    assert "which others may read: make it readable by you only (chmod 600" in err
    assert not path.exists()


def test_init_without_a_passphrase_headless_is_plain_and_says_so(tmp_path, keyed, capsys):
    keyed(None)
    path = tmp_path / "plain.sqlite"
    assert cli.main(["--db", f"sqlite:///{path}", "init"]) == 0
    assert "warning: the new tracker is not encrypted" in capsys.readouterr().err
    assert _header(path) == SQLITE_HEADER


def test_the_demo_is_not_encrypted(tmp_path, keyed, capsys):
    keyed(SECRET)  # even with a passphrase at hand: synthetic data, no passphrase to explore
    path = tmp_path / "demo.sqlite"
    assert cli.main(["--db", f"sqlite:///{path}", "demo", "--children", "2",
                     "--as-of", "2026-03-31"]) == 0
    assert _header(path) == SQLITE_HEADER


def test_encrypt_then_decrypt_in_place_keeps_every_row(tmp_path, keyed, capsys):
    keyed(None)
    path, url = _tracker_with_child(tmp_path, capsys)
    keyed(SECRET)
    assert cli.main(["--db", url, "encrypt"]) == 0
    out = capsys.readouterr().out
    assert f"Encrypted {path}" in out and "which has been removed" in out
    assert _header(path) != SQLITE_HEADER
    assert sorted(p.name for p in path.parent.iterdir()) == ["tracker.sqlite"]  # no plain copy
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    context = app.open_context(url, create=False, passphrase=SECRET)
    try:
        with context.uow() as uow:
            assert uow.repo.child("E1") is not None
        assert SECRET not in repr(context) and SECRET not in str(context.engine.url)
    finally:
        context.dispose()
    assert cli.main(["--db", url, "encrypt"]) == 2
    assert "already encrypted" in capsys.readouterr().err
    assert cli.main(["--db", url, "decrypt"]) == 0
    assert "no longer encrypted" in capsys.readouterr().out
    assert _header(path) == SQLITE_HEADER
    rows = sqlite3.connect(path).execute("SELECT child_id FROM child").fetchall()
    assert [r[0] for r in rows] == ["E1"]


def test_a_plain_tracker_given_a_passphrase_is_told_so(tmp_path, keyed, capsys):
    keyed(None)
    _path, url = _tracker_with_child(tmp_path, capsys)
    with pytest.raises(app.PassphraseError, match="is not encrypted, so it takes no passphrase"):
        app.open_context(url, create=False, passphrase=SECRET)


def test_a_conversion_that_does_not_verify_leaves_the_tracker_as_it_was(
        tmp_path, keyed, capsys, monkeypatch):
    keyed(None)
    path, url = _tracker_with_child(tmp_path, capsys)
    before = path.read_bytes()
    counts = cipher._counts
    calls = []

    def miscount(connection):  # the second call counts the new file: make it differ
        calls.append(1)
        found = counts(connection)
        return {**found, "child": 99} if len(calls) == 2 else found

    monkeypatch.setattr(cipher, "_counts", miscount)
    keyed(SECRET)
    assert cli.main(["--db", url, "encrypt"]) == 2
    assert "did not match it" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["tracker.sqlite"]


def test_passphrase_change(tmp_path, keyed, capsys):
    keyed(SECRET)
    path = tmp_path / "enc.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    keyed("wrong one", new="a new passphrase")
    before = path.read_bytes()
    assert cli.main(["--db", url, "passphrase", "change"]) == 2
    assert "the passphrase is not right" in capsys.readouterr().err
    assert path.read_bytes() == before
    keyed(SECRET, new="short")
    assert cli.main(["--db", url, "passphrase", "change"]) == 0  # a file is taken as it is
    keyed(SECRET, new="a new passphrase")
    assert cli.main(["--db", url, "passphrase", "change"]) == 2  # the key is now "short"
    keyed("short", new="a new passphrase")
    assert cli.main(["--db", url, "passphrase", "change"]) == 0
    assert "Changed the passphrase of" in capsys.readouterr().out
    with pytest.raises(app.WrongPassphrase):
        app.open_context(url, create=False, passphrase=SECRET)
    app.open_context(url, create=False, passphrase="a new passphrase").dispose()


def test_an_open_context_is_rekeyed_in_place(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    context = app.open_context(url, passphrase=SECRET)
    try:
        app.change_passphrase(url, SECRET, "another passphrase", context)
        with context.uow() as uow:  # a new connection, keyed with the new passphrase
            assert uow.repo.child("nobody") is None
    finally:
        context.dispose()
    with pytest.raises(app.WrongPassphrase):
        app.open_context(url, create=False, passphrase=SECRET)


def test_an_encrypted_trackers_backup_is_encrypted_and_opens_with_its_key(tmp_path):
    """Backups (issue 12) of an encrypted tracker are made by SQLCipher, keyed with the
    tracker's passphrase: no plain copy of the records is ever written."""
    from datetime import date, datetime

    from permanence_tracker.domain.entities import Child
    from permanence_tracker.services.records import editing

    url = f"sqlite:///{tmp_path / 'secret.sqlite'}"
    context = app.open_context(url, passphrase=SECRET)
    try:
        editing.add_child(context.uow, Child("E1", date(2015, 5, 5), "F", "Eve"),
                          date(2026, 3, 31))
        copy = context.backups.make(datetime(2026, 3, 31, 12, 0))
    finally:
        context.dispose()
    assert _header(copy) != SQLITE_HEADER  # not readable as a plain SQLite file
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT * FROM sqlite_master").fetchall()
    restored = app.open_context(f"sqlite:///{copy}", create=False, passphrase=SECRET)
    try:
        with restored.uow() as uow:
            assert uow.repo.child("E1").forename == "Eve"
    finally:
        restored.dispose()
    with pytest.raises(app.WrongPassphrase):
        app.open_context(f"sqlite:///{copy}", create=False, passphrase="not the passphrase")
