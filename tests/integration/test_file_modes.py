"""Every file the product makes that holds a tracker's data is its owner's only (issue 12): a new
tracker (plain or encrypted) and SQLite's -wal, -shm and -journal files beside it, the folders
made for it (the data folder among them), the copy made before a migration, the file an
encryption or decryption swaps in, backups, restore's copy of what it replaced, exports (the 903
return's folder and files, through the command line), the imports' rejects files, a report
opened in the PDF viewer, a chart saved as PNG, the request handed to the DfE validator.

Each is made through the product's own code with the common umask 0o022, which would give
0644 files and 0755 folders to anything that does not take care."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from permanence_tracker import app, cli, files
from permanence_tracker.cli import clock
from permanence_tracker.persistence import engine as engines
from permanence_tracker.services import backups

NOW = datetime(2026, 4, 1, 9, 30)
CLEAN = Path(__file__).parents[1] / "data" / "903_clean"
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


def test_a_written_file_is_the_owners_only_whatever_its_earlier_mode(tmp_path):
    out = tmp_path / "export.csv"
    out.write_text("old")
    os.chmod(out, 0o644)
    files.write_text_whole(out, lambda handle: handle.write("new"))
    assert _private(out) and out.read_text() == "new"


def test_a_folder_made_for_the_product_is_the_owners_only_an_existing_one_left(tmp_path):
    os.chmod(tmp_path, 0o755)
    made = files.owner_only_folder(tmp_path / "a" / "b")
    assert [stat.S_IMODE(p.stat().st_mode) for p in (made, made.parent, tmp_path)] == [
        0o700, 0o700, 0o755]


def _tracker_with_a_return(tmp_path: Path) -> str:
    url = _url(tmp_path / "tracker.sqlite")
    app.open_context(url).dispose()
    assert cli.main(["--db", url, "import-903", str(CLEAN / "return_2024_25"),
                     str(CLEAN / "return_2025_26")]) == 0
    return url


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_903_export_its_folders_and_files_are_the_owners_only(tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 3))
    url = _tracker_with_a_return(tmp_path)
    os.chmod(tmp_path, 0o755)
    out = tmp_path / "returns" / "out903"
    assert cli.main(["--db", url, "export-903", "--year", "2026", "--out", str(out)]) == 0
    written = sorted(out.iterdir())
    assert {p.name for p in written} >= {"header.csv", "episodes.csv"}
    assert [p.name for p in written if not _private(p)] == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    assert _leftovers(out) == [] and _leftovers(out.parent) == []
    # into a folder the person already has: the files are theirs only, the folder left as it was
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    (mine / "header.csv").write_text("an older export")
    assert cli.main(["--db", url, "export-903", "--year", "2026", "--out", str(mine)]) == 0
    assert [p.name for p in mine.iterdir() if not _private(p)] == []
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755


def test_the_903_imports_rejects_file_is_the_owners_only(tmp_path):
    url = _url(tmp_path / "tracker.sqlite")
    app.open_context(url).dispose()
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(CLEAN / "return_2025_26" / "header.csv", folder / "header.csv")
    with (folder / "header.csv").open("a") as handle:
        handle.write("H1,3,01/01/2015,WBRI,,,\n")  # SEX 3: rejected
    rejects = tmp_path / "rejected.csv"
    assert cli.main(["--db", url, "import-903", str(folder), "--skip-invalid",
                     "--rejects", str(rejects)]) == 0
    assert "H1" in rejects.read_text(encoding="utf-8-sig")
    assert _private(rejects)
    assert _leftovers(tmp_path) == []


def test_the_spreadsheet_imports_rejects_file_is_the_owners_only(tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 4, 1))
    url = _url(tmp_path / "tracker.sqlite")
    app.open_context(url).dispose()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet.append(["Child ID", "Forename", "Surname", "DOB", "Legal status", "Date became LAC"])
    sheet.append(["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"])
    sheet.append(["K2", "Bo", "Bell", "31/02/2016", "C2", "06/01/2025"])
    workbook.save(tmp_path / "t.xlsx")
    rejects = tmp_path / "rejects.csv"
    assert cli.main(["--db", url, "import-spreadsheet", str(tmp_path / "t.xlsx"),
                     "--skip-invalid", "--rejects", str(rejects)]) == 0
    assert "K2" in rejects.read_text(encoding="utf-8-sig")
    assert _private(rejects)
    assert _leftovers(tmp_path) == []


def test_the_request_given_to_the_903_validator_is_the_owners_only(tmp_path, monkeypatch):
    from permanence_tracker.services.exports.ssda903 import validator

    modes = []

    def run(argv, **_kwargs):
        modes.append(_private(Path(argv[2])))
        return subprocess.CompletedProcess(argv, 1, "", "stopped by the test")

    monkeypatch.setattr(validator.subprocess, "run", run)
    with pytest.raises(validator.ValidatorFailedError):
        validator.run_rules(Path("python"), 2026, [], [], "E09000027")
    assert modes == [True]


def test_a_report_opened_in_the_viewer_is_the_owners_only(qapp, monkeypatch):
    from permanence_tracker.gui import pdf_preview

    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda _url: True)
    path = pdf_preview.open_in_viewer(b"%PDF-1.4 a child's report", "child C001")
    try:
        assert _private(path) and path.read_bytes().startswith(b"%PDF")
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        shutil.rmtree(path.parent)


def test_a_chart_saved_as_png_is_the_owners_only(qtbot, tmp_path):
    from PySide6.QtCharts import QChart

    from permanence_tracker.gui.widgets.chart_panel import ChartPanel

    panel = ChartPanel("legal", "Legal status")
    qtbot.addWidget(panel)
    panel.set_chart(QChart(), "No children")
    target = panel.save_png(tmp_path / "legal")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _private(target)
