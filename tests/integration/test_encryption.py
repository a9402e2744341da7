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
from permanence_tracker.services.authorization import PermissionDenied

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


# -- R12 defects 5 and 4: the backups follow the tracker's encryption and still restore ------
def _backups_folder(path: Path) -> Path:
    return app.backups_folder(path)


def _plain_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.read_bytes()[:16] == SQLITE_HEADER)


def test_encrypt_encrypts_the_backups_too_and_they_restore_with_the_passphrase(
        tmp_path, keyed, capsys):
    keyed(None)
    path, url = _tracker_with_child(tmp_path, capsys)  # opening it made a (plain) backup
    folder = _backups_folder(path)
    capsys.readouterr()
    assert cli.main(["--db", url, "backup"]) == 0  # holds E1
    backup = Path(capsys.readouterr().out.split(" to ", 1)[1].split(" (checked")[0])
    assert cli.main(["--db", url, "restore", str(backup)]) == 0  # leaves a -replaced copy
    (folder / "tracker-20260101-000000.sqlite.partial").write_bytes(backup.read_bytes())
    capsys.readouterr()
    plain = _plain_files(folder)
    assert len(plain) >= 4 and any(n.endswith("-replaced.sqlite") for n in plain)
    keyed(SECRET)
    assert cli.main(["--db", url, "encrypt"]) == 0
    out = capsys.readouterr().out
    assert f"Backups: {len(plain) - 1} in {folder} encrypted the same way" in out
    assert "Removed 1 half-written backup(s)" in out
    assert _plain_files(folder) == []  # no plain copy of the records is left anywhere there
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in folder.iterdir())
    # an encrypted backup restores, read with the passphrase from the file, as other commands
    assert cli.main(["--db", url, "child", "add", "E2", "--dob", "2015-01-01"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", url, "restore", str(backup)]) == 0
    said = capsys.readouterr().out
    kept = Path(said.split("kept as ")[1].strip().rstrip("."))
    assert _header(kept) != SQLITE_HEADER and _header(path) != SQLITE_HEADER
    context = app.open_context(url, create=False, passphrase=SECRET)
    try:
        with context.uow() as uow:
            assert uow.repo.child("E1") is not None and uow.repo.child("E2") is None
    finally:
        context.dispose()
    # decrypt: an administrator's choice, the backups follow (and say so)
    assert cli.main(["--db", url, "decrypt"]) == 0
    out = capsys.readouterr().out
    assert "decrypted too (an administrator's choice" in out
    assert _plain_files(folder) == sorted(p.name for p in folder.iterdir())
    keyed(None)
    assert cli.main(["--db", url, "restore", str(backup)]) == 0


def test_restore_of_an_encrypted_tracker_wrong_or_mismatched(tmp_path, keyed, capsys):
    keyed(SECRET)
    path = tmp_path / "enc.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    assert cli.main(["--db", url, "backup"]) == 0
    backup = max(_backups_folder(path).glob("enc-*.sqlite"))
    before = path.read_bytes()
    keyed("not the passphrase")
    assert cli.main(["--db", url, "restore", str(backup)]) == 2
    assert "the passphrase is not right" in capsys.readouterr().err
    plain = tmp_path / "plain.sqlite"
    keyed(None)
    assert cli.main(["--db", f"sqlite:///{plain}", "init"]) == 0
    keyed(SECRET)
    assert cli.main(["--db", url, "restore", str(plain)]) == 1  # would leave it readable
    assert "it is not encrypted and the tracker is" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_passphrase_change_rekeys_the_backups_so_they_still_restore(tmp_path, keyed, capsys):
    keyed(SECRET)
    path = tmp_path / "enc.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    assert cli.main(["--db", url, "child", "add", "E1", "--dob", "2015-01-01"]) == 0
    assert cli.main(["--db", url, "backup"]) == 0
    backups = sorted(_backups_folder(path).glob("enc-*.sqlite"))
    capsys.readouterr()
    keyed(SECRET, new="a new passphrase")
    assert cli.main(["--db", url, "passphrase", "change"]) == 0
    assert f"Backups: {len(backups)} in" in capsys.readouterr().out
    for backup in backups:
        with pytest.raises(app.WrongPassphrase):
            app.open_context(f"sqlite:///{backup}", create=False, passphrase=SECRET)
    keyed("a new passphrase")
    assert cli.main(["--db", url, "restore", str(backups[-1])]) == 0
    context = app.open_context(url, create=False, passphrase="a new passphrase")
    context.dispose()


# -- R12 defect 7: a passphrase typed at a terminal gets three tries ------------------------
class _Terminal:
    def isatty(self) -> bool:
        return True


def _typing(monkeypatch, *typed: str) -> list[str]:
    from permanence_tracker.cli import crypt

    left = list(typed)
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", _Terminal())

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return left.pop(0)

    monkeypatch.setattr(crypt.getpass, "getpass", getpass)
    return asked


@pytest.mark.parametrize("command", [["summary", "--as-of", "2026-03-31"], ["decrypt"],
                                     ["passphrase", "change"]])
def test_a_typed_passphrase_gets_three_tries(tmp_path, keyed, capsys, monkeypatch, command):
    keyed(SECRET)
    path = tmp_path / "enc.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    capsys.readouterr()
    keyed(None, new="a new passphrase" if command[0] == "passphrase" else None)
    before = path.read_bytes()
    asked = _typing(monkeypatch, "wrong one", "wrong two", "wrong three")
    assert cli.main(["--db", url, *command]) == 2
    err = capsys.readouterr().err
    assert len(asked) == 3
    assert "(nothing was changed): 2 tries left." in err and "1 try left." in err
    assert "3 passphrases were not right" in err and "wrong" not in err
    assert path.read_bytes() == before
    asked = _typing(monkeypatch, "wrong one", SECRET)
    assert cli.main(["--db", url, *command]) == 0
    assert len(asked) == 2


# -- R12 doubtful point: restore, encrypt, decrypt and passphrase change are administrators' -
def _with_users(url: str, passphrase: str | None, me_as: str) -> None:
    from permanence_tracker.domain.roles import User
    from permanence_tracker.services import users

    me = app.current_user()
    context = app.open_context(url, create=False, passphrase=passphrase)
    try:
        users.add_user(context.uow, User("boss", "administrator"))
        users.add_user(context.uow, User(me, me_as, iro_name="Ann Iro"))
    finally:
        context.dispose()


def test_an_iro_may_back_up_but_not_restore_encrypt_decrypt_or_rekey(
        tmp_path, keyed, capsys, monkeypatch):
    keyed(None)
    path, url = _tracker_with_child(tmp_path, capsys)
    _with_users(url, None, "iro")
    out = tmp_path / "copy.sqlite"
    assert cli.main(["--db", url, "backup", "--out", str(out)]) == 0  # everyone's
    before = path.read_bytes()
    assert cli.main(["--db", url, "restore", str(out)]) == 1
    assert "Your role (IRO) may not restore the tracker" in capsys.readouterr().err
    keyed(SECRET)
    assert cli.main(["--db", url, "encrypt"]) == 2
    assert "Your role (IRO) may not encrypt or decrypt" in capsys.readouterr().err
    assert path.read_bytes() == before
    # the same tracker encrypted by its administrator: decrypt and re-key refused to the IRO
    monkeypatch.setattr(app, "current_user", lambda: "boss")
    assert cli.main(["--db", url, "encrypt"]) == 0
    monkeypatch.undo()
    keyed(SECRET, new="a new passphrase")
    encrypted = path.read_bytes()
    for command in (["decrypt"], ["passphrase", "change"], ["restore", str(out)]):
        code = cli.main(["--db", url, *command])
        assert code in (1, 2) and "Your role (IRO) may not" in capsys.readouterr().err
        assert path.read_bytes() == encrypted
    with pytest.raises(PermissionDenied):
        app.change_passphrase(url, SECRET, "a new passphrase")
    monkeypatch.setattr(app, "current_user", lambda: "boss")
    assert cli.main(["--db", url, "passphrase", "change"]) == 0
