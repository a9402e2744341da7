"""File ▸ Import 903 return… (issue 10): choose files or a folder, see the CLI's report, then
import all or only the valid rows; Cancel writes nothing; files dropped on the window open it."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from permanence_tracker import cli
from permanence_tracker.app import open_context
from permanence_tracker.gui.import903 import Import903Dialog
from permanence_tracker.gui.import903 import dialog as dialog_module
from permanence_tracker.gui.import903.words import GUI_ADVICE
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.text.import903_report import render

TODAY = date(2026, 3, 31)
GOOD = Path(__file__).parents[1] / "data" / "903"


@pytest.fixture
def empty(tmp_path):
    """A new, empty tracker: the first day, before the first import."""
    ctx = open_context(f"sqlite:///{tmp_path / 'new.sqlite'}", user="tester")
    yield ctx
    ctx.dispose()


def _children(ctx) -> int:
    return len(load_cohort(ctx.uow, TODAY).standings)


@pytest.fixture
def dialog(qtbot, empty):
    d = Import903Dialog(Session(empty, TODAY), TODAY)
    qtbot.addWidget(d)
    return d


def _settle(qtbot, d: Import903Dialog) -> None:
    qtbot.waitUntil(lambda: d.task is None, timeout=20000)


def _bad_return(folder: Path) -> Path:
    """K1 is valid; H1's SEX 3 is not in the list (header.csv row 3)."""
    folder.mkdir()
    (folder / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                       "K1,M,01/01/2015,WBRI,,,\nH1,3,01/01/2015,WBRI,,,\n")
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"
        "K1,01/04/2025,S,C2,N1,U4,PR1,,,\n")
    return folder


def test_a_folder_shows_the_cli_report_and_import_all_writes_it(qtbot, dialog, empty, tmp_path,
                                                                capsys):
    dialog.set_paths([GOOD])
    _settle(qtbot, dialog)
    assert dialog.report.toPlainText() == render(
        import_903(empty.uow, [GOOD], TODAY, dry_run=True), GUI_ADVICE)
    assert _children(empty) == 0  # the check wrote nothing
    assert dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()
    dialog.import_all_button.click()
    _settle(qtbot, dialog)
    assert _children(empty) > 0
    assert "903 import written:" in dialog.summary.text()
    other = open_context(f"sqlite:///{tmp_path / 'other.sqlite'}", user="tester")
    assert cli.main(["--db", other.url, "import-903", str(GOOD)]) == 0
    other.dispose()
    assert dialog.report.toPlainText() + "\n" == capsys.readouterr().out  # the CLI's text
    qtbot.waitUntil(lambda: dialog.session.cohort is not None, timeout=20000)  # reloaded
    assert not dialog.import_all_button.isEnabled()  # imported: not twice by mistake


def test_a_bad_row_allows_only_the_valid_rows_and_saves_the_rejects(qtbot, dialog, empty,
                                                                     tmp_path, monkeypatch):
    dialog.set_paths([_bad_return(tmp_path / "bad")])
    _settle(qtbot, dialog)
    assert "bad/header.csv row 3 column SEX ('3')" in dialog.report.toPlainText()
    assert "Import only the valid rows" in dialog.report.toPlainText()  # the app's words
    assert not dialog.import_all_button.isEnabled()
    assert dialog.import_valid_button.isEnabled()
    rejects = tmp_path / "rejected.csv"
    monkeypatch.setattr(dialog_module.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(rejects), ""))
    dialog.import_valid_button.click()
    _settle(qtbot, dialog)
    assert _children(empty) == 1
    lines = rejects.read_text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("H1,3,")
    assert str(rejects) in dialog.summary.text()
    assert "The valid rows were written" in dialog.report.toPlainText()


@pytest.mark.parametrize("stage", ["check", "import"])
def test_cancel_stops_the_work_and_writes_nothing(qtbot, dialog, empty, monkeypatch, stage):
    if stage == "import":
        dialog.set_paths([GOOD])
        _settle(qtbot, dialog)
    gate, real = threading.Event(), dialog_module.import_903

    def held(*args, **kwargs):
        gate.wait(10)  # the work is under way when Cancel is pressed
        return real(*args, **kwargs)

    monkeypatch.setattr(dialog_module, "import_903", held)
    if stage == "check":
        dialog.set_paths([GOOD])
    else:
        dialog.import_all_button.click()
    assert not dialog.cancel_button.isHidden()
    assert not dialog.import_all_button.isEnabled()
    dialog.cancel_button.click()
    gate.set()
    _settle(qtbot, dialog)
    assert dialog.summary.text() == "Cancelled: nothing was written."
    assert _children(empty) == 0


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_a_folder_on_the_window_opens_the_dialog_with_it(qtbot, empty, tmp_path,
                                                                  isolated_settings):
    window = MainWindow(Session(empty, TODAY), PAGES, today=TODAY)
    qtbot.addWidget(window)
    assert window.acceptDrops()
    note = tmp_path / "note.txt"
    note.write_text("not a return")
    text_only = _mime(note)  # kept alive: an event does not own its mime data
    refused = QDragEnterEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, text_only,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    refused.ignore()
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    mime = _mime(GOOD, note)
    welcome = QDragEnterEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    welcome.ignore()
    window.dragEnterEvent(welcome)
    assert welcome.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    [opened] = window.findChildren(Import903Dialog)
    assert opened.paths == [GOOD] and opened.isVisible()
    _settle(qtbot, opened)
    assert opened.import_all_button.isEnabled()
    assert window.actions_by_name["import903"].shortcut().toString() == "Ctrl+Shift+I"
